/**
 * DCC's DUIS Service Request matrix (`../shared/sources/duis-request-matrix.json`, the August 2022
 * version, before MP162), transcribed row for row so that the fact tests still compare Appendix E
 * with it when the sources are not beside the project. appendix-e-matrix.test.ts checks this transcription
 * against the JSON itself, field for field, whenever the sources are present.
 *
 * A row: Service Reference, Service Reference Variant, Service Request Name, the flags Critical,
 * On Demand, DCC Scheduled and Non-Device Request as `Y`/`N`, Future Dated Response Pattern,
 * and the Eligible User Roles as the matrix's codes, in the matrix's order.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SOURCES_DIR } from './project.js';

export interface MatrixEntry {
  'Service Request Name': string;
  'Service Reference': string;
  'Service Reference Variant': string;
  Critical: string;
  'On Demand': string;
  'Future Dated Response Pattern': string;
  'DCC Scheduled': string;
  'Non-Device Request': string;
  'Eligible User Roles': string[];
}

type Row = readonly [reference: string, variant: string, name: string, flags: string, futureDated: string, roles: string];

const ROWS: readonly Row[] = [
  ['1.1', '1.1.1', 'Update Import Tariff (Primary Element)', 'YYNN', 'Device', 'IS GS'],
  ['1.1', '1.1.2', 'Update Import Tariff (Secondary Element)', 'YYNN', 'Device', 'IS'],
  ['1.2', '1.2.1', 'Update Price (Primary Element)', 'YYNN', 'Device', 'IS GS'],
  ['1.2', '1.2.2', 'Update Price (Secondary Element)', 'YYNN', 'Device', 'IS'],
  ['1.5', '1.5', 'Update Meter Balance', 'YYNN', 'No', 'IS GS'],
  ['1.6', '1.6', 'Update Payment Mode', 'YYNN', 'Device', 'IS GS'],
  ['1.7', '1.7', 'Reset Tariff Block Counter Matrix', 'YYNN', 'No', 'IS'],
  ['2.1', '2.1', 'Update Prepay Configuration', 'YYNN', 'Device', 'IS GS'],
  ['2.2', '2.2', 'Top Up Device', 'NYNN', 'No', 'IS GS'],
  ['2.3', '2.3', 'Update Debt', 'YYNN', 'No', 'IS GS'],
  ['2.5', '2.5', 'Activate Emergency Credit', 'YYNN', 'No', 'IS GS'],
  ['3.1', '3.1', 'Display Message', 'NYNN', 'DSP', 'IS GS'],
  ['3.2', '3.2', 'Restrict Access For Change Of Tenancy', 'NYNN', 'DSP', 'IS GS'],
  ['3.3', '3.3', 'Clear Event Log', 'NYNN', 'No', 'IS GS'],
  ['3.4', '3.4', 'Update Supplier Name', 'NYNN', 'DSP', 'IS GS'],
  ['3.5', '3.5', 'Disable Privacy PIN', 'NYNN', 'No', 'IS GS'],
  ['4.1', '4.1.1', 'Read Instantaneous Import Registers', 'NYNN', 'DSP', 'IS GS ED GT'],
  ['4.1', '4.1.2', 'Read Instantaneous Import TOU Matrices', 'NYNN', 'DSP', 'IS GS ED GT'],
  ['4.1', '4.1.3', 'Read Instantaneous Import TOU With Blocks Matrices', 'NYNN', 'DSP', 'IS ED'],
  ['4.1', '4.1.4', 'Read Instantaneous Import Block Counters', 'NYNN', 'DSP', 'GS'],
  ['4.2', '4.2', 'Read Instantaneous Export Registers', 'NYNN', 'DSP', 'ES ED'],
  ['4.3', '4.3', 'Read Instantaneous Prepay Values', 'NYNN', 'DSP', 'IS GS'],
  ['4.4', '4.4.2', 'Retrieve Change Of Mode / Tariff Triggered Billing Data Log', 'NYNN', 'DSP', 'IS GS'],
  ['4.4', '4.4.3', 'Retrieve Billing Calendar Triggered Billing Data Log', 'NYNN', 'DSP', 'IS GS'],
  ['4.4', '4.4.4', 'Retrieve Billing Data Log (Payment Based Debt Payments)', 'NYNN', 'DSP', 'GS IS'],
  ['4.4', '4.4.5', 'Retrieve Billing Data Log (Prepayment Credits)', 'NYNN', 'DSP', 'GS IS'],
  ['4.6', '4.6.1', 'Retrieve Import Daily Read Log', 'NYYN', 'DSP', 'IS GS'],
  ['4.6', '4.6.2', 'Retrieve Export Daily Read Log', 'NYYN', 'DSP', 'ES'],
  ['4.8', '4.8.1', 'Read Active Import Profile Data', 'NYYN', 'DSP', 'IS GS ED GT OU'],
  ['4.8', '4.8.2', 'Read Reactive Import Profile Data', 'NYYN', 'DSP', 'IS ED OU'],
  ['4.8', '4.8.3', 'Read Export Profile Data', 'NYYN', 'DSP', 'ES ED OU'],
  ['4.10', '4.10', 'Read Network Data', 'NYYN', 'DSP', 'IS GS ED GT'],
  ['4.11', '4.11.1', 'Read Tariff (Primary Element)', 'NYNN', 'No', 'IS GS OU'],
  ['4.11', '4.11.2', 'Read Tariff (Secondary Element)', 'NYNN', 'No', 'IS OU'],
  ['4.12', '4.12.1', 'Read Maximum Demand Import Registers', 'NYYN', 'DSP', 'IS ED'],
  ['4.12', '4.12.2', 'Read Maximum Demand Export Registers', 'NYYN', 'DSP', 'ES ED'],
  ['4.13', '4.13', 'Read Prepayment Configuration', 'NYNN', 'DSP', 'IS GS'],
  ['4.14', '4.14', 'Read Prepayment Daily Read Log', 'NYYN', 'DSP', 'IS GS'],
  ['4.15', '4.15', 'Read Load Limit Data', 'NYYN', 'DSP', 'IS ED'],
  ['4.16', '4.16', 'Read Active Power Import', 'NYYN', 'No', 'IS ED'],
  ['4.17', '4.17', 'Retrieve Daily Consumption Log', 'NYYN', 'DSP', 'IS GS ED GT OU'],
  ['4.18', '4.18', 'Read Meter Balance', 'NYNN', 'DSP', 'IS GS'],
  ['5.1', '5.1', 'Create Schedule', 'NNNY', 'No', 'IS ES GS ED GT OU'],
  ['5.2', '5.2', 'Read Schedule', 'NNNY', 'No', 'IS ES GS ED GT OU'],
  ['5.3', '5.3', 'Delete Schedule', 'NNNY', 'No', 'IS ES GS ED GT OU'],
  ['6.2', '6.2.1', 'Read Device Configuration (Voltage)', 'NYNN', 'No', 'IS RSA ED'],
  ['6.2', '6.2.2', 'Read Device Configuration (Randomisation)', 'NYNN', 'No', 'IS RSA ED'],
  ['6.2', '6.2.3', 'Read Device Configuration (Billing Calendar)', 'NYNN', 'No', 'IS RSA GS'],
  ['6.2', '6.2.4', 'Read Device Configuration (Identity Exc MPxN)', 'NYNN', 'No', 'IS ES GS RSA ED GT OU'],
  ['6.2', '6.2.5', 'Read Device Configuration (Instantaneous Power Thresholds)', 'NYNN', 'No', 'IS RSA'],
  ['6.2', '6.2.7', 'Read Device Configuration (MPxN)', 'NYNN', 'No', 'IS ES GS RSA ED GT OU'],
  ['6.2', '6.2.8', 'Read Device Configuration (Gas)', 'NYNN', 'No', 'GS RSA GT'],
  ['6.2', '6.2.9', 'Read Device Configuration (Payment Mode)', 'NYNN', 'No', 'IS GS RSA'],
  ['6.2', '6.2.10', 'Read Device Configuration (Event and Alert Behaviours)', 'NYNN', 'No', 'IS GS ED'],
  ['6.4', '6.4.1', 'Update Device Configuration (Load Limiting General Settings)', 'YYNN', 'Device', 'IS'],
  ['6.4', '6.4.2', 'Update Device Configuration (Load Limiting Counter Reset)', 'NYNN', 'DSP', 'IS'],
  ['6.5', '6.5', 'Update Device Configuration (Voltage)', 'NYNN', 'DSP', 'ED'],
  ['6.6', '6.6', 'Update Device Configuration (Gas Conversion)', 'YYNN', 'No', 'GS'],
  ['6.7', '6.7', 'Update Device Configuration (Gas Flow)', 'YYNN', 'No', 'GS'],
  ['6.8', '6.8', 'Update Device Configuration (Billing Calendar)', 'YYNN', 'No', 'IS GS'],
  ['6.11', '6.11', 'Synchronise Clock', 'YYNN', 'No', 'IS GS'],
  ['6.12', '6.12', 'Update Device Configuration (Instantaneous Power Threshold)', 'NYNN', 'DSP', 'IS'],
  ['6.13', '6.13', 'Read Event Or Security Log', 'NYNN', 'No', 'IS GS ED GT RSA'],
  ['6.14', '6.14.1', 'Update Device Configuration (Auxiliary Load Control Description)', 'YYNN', 'No', 'IS'],
  ['6.14', '6.14.2', 'Update Device Configuration (Auxiliary Load Control Scheduler)', 'YYNN', 'Device', 'IS'],
  ['6.14', '6.14.3', 'Update Device Configuration (Auxiliary Controller Scheduler)', 'YYNN', 'Device', 'IS'],
  ['6.15', '6.15.1', 'Update Security Credentials (KRP)', 'YYNN', 'Device', 'IS GS ED GT'],
  ['6.15', '6.15.2', 'Update Security Credentials (Device)', 'YYNN', 'No', 'IS GS'],
  ['6.17', '6.17', 'Issue Security Credentials', 'YYNN', 'No', 'IS GS'],
  ['6.18', '6.18.1', 'Set Maximum Demand Configurable Time Period', 'NYNN', 'DSP', 'ED'],
  ['6.18', '6.18.2', 'Reset Maximum Demand Registers', 'NYNN', 'DSP', 'ED'],
  ['6.2', '6.20.1', 'Set Device Configuration (Import MPxN)', 'NYNN', 'DSP', 'IS GS'],
  ['6.2', '6.20.2', 'Set Device Configuration (Export MPAN)', 'NYNN', 'DSP', 'ES'],
  ['6.21', '6.21', 'Request Handover Of DCC Controlled Device', 'NYNN', 'DSP', 'IS GS'],
  ['6.22', '6.22', 'Configure Alert Behaviour', 'NYNN', 'No', 'IS GS ED'],
  ['6.23', '6.23', 'Update Security Credentials (CoS)', 'NYNN', 'DSP & Device', 'IS GS'],
  ['6.24', '6.24.1', 'Retrieve Device Security Credentials (KRP)', 'NYNN', 'No', 'IS GS ED GT'],
  ['6.24', '6.24.2', 'Retrieve Device Security Credentials (Device)', 'YYNN', 'No', 'IS GS'],
  ['6.25', '6.25', 'Set Electricity Supply Tamper State', 'YYNN', 'No', 'IS'],
  ['6.26', '6.26', 'Update Device Configuration (daily resetting of Tariff Block Counter Matrix)', 'YYNN', 'No', 'IS'],
  ['6.27', '6.27', 'Update Device Configuration (RMS Voltage Counter Reset)', 'NYNN', 'DSP', 'ED'],
  ['6.28', '6.28', 'Set CHF Sub GHz Configuration', 'NYNN', 'No', 'IS GS'],
  ['6.29', '6.29', 'Request CHF Sub GHz Channel Scan', 'NYNN', 'No', 'IS GS'],
  ['6.30', '6.30', 'Read CHF Sub GHz Configuration', 'NYNN', 'No', 'IS GS RSA'],
  ['6.31', '6.31', 'Read CHF Sub GHz Channel', 'NYNN', 'No', 'IS GS RSA'],
  ['6.32', '6.32', 'Read CHF Sub GHz Channel Log', 'NYNN', 'No', 'IS GS RSA'],
  ['7.1', '7.1', 'Enable Supply', 'YYNN', 'No', 'IS'],
  ['7.2', '7.2', 'Disable Supply', 'YYNN', 'No', 'IS GS'],
  ['7.3', '7.3', 'Arm Supply', 'YYNN', 'No', 'IS GS'],
  ['7.4', '7.4', 'Read Supply Status', 'NYNN', 'No', 'IS ES GS RSA ED GT'],
  ['7.5', '7.5', 'Activate Auxiliary Load', 'YYNN', 'No', 'IS'],
  ['7.6', '7.6', 'Deactivate Auxiliary Load', 'YYNN', 'No', 'IS'],
  ['7.7', '7.7', 'Read Auxiliary Load Switch Data', 'NYNN', 'DSP', 'IS ED OU'],
  ['7.8', '7.8', 'Reset Auxiliary Load', 'YYNN', 'No', 'IS'],
  ['7.9', '7.9', 'Add Auxiliary Load To Boost Button', 'NYNN', 'DSP', 'IS'],
  ['7.10', '7.10', 'Remove Auxiliary Load From Boost Button', 'NYNN', 'DSP', 'IS'],
  ['7.11', '7.11', 'Read Boost Button Details', 'NYNN', 'DSP', 'IS OU'],
  ['7.12', '7.12', 'Set Randomised Offset Limit', 'YYNN', 'No', 'IS'],
  ['7.13', '7.13', 'Set Auxiliary Controller State', 'YYNN', 'No', 'IS'],
  ['7.14', '7.14', 'Read Auxiliary Controller Configuration Data', 'NYNN', 'DSP', 'IS ED OU'],
  ['7.15', '7.15', 'Read Auxiliary Controller Operational Data', 'NYNN', 'DSP', 'IS ED OU'],
  ['7.16', '7.16', 'Limit APC Level', 'YYNN', 'No', ''],
  ['8.1', '8.1.1', 'Commission Device', 'YYNN', 'No', 'IS GS'],
  ['8.2', '8.2', 'Read Inventory \n\n(Current and Future Suppliers may use this Service Request)', 'NNNY', 'No', 'IS ES GS RSA ED GT OU'],
  ['8.3', '8.3', 'Decommission Device', 'NNNY', 'No', 'IS GS'],
  ['8.4', '8.4', 'Update Inventory', 'NNNY', 'No', 'IS ES GS RSA ED GT OU'],
  ['8.5', '8.5', 'Service Opt Out', 'NNNN', 'DSP', ''],
  ['8.6', '8.6', 'Service Opt In', 'NNNY', 'No', ''],
  ['8.7', '8.7.1', 'Join Service (Critical)', 'YYNN', 'No', 'IS GS'],
  ['8.7', '8.7.2', 'Join Service (Non-Critical)', 'NYNN', 'No', 'IS GS OU'],
  ['8.8', '8.8.1', 'Unjoin Service (Critical)', 'YYNN', 'No', 'IS GS'],
  ['8.8', '8.8.2', 'Unjoin Service (Non-Critical)', 'NYNN', 'No', 'IS GS OU'],
  ['8.9', '8.9', 'Read Device Log', 'NYNN', 'DSP', 'IS GS OU'],
  ['8.11', '8.11', 'Update HAN Device Log', 'NYNN', 'DSP', 'IS GS OU'],
  ['8.12', '8.12.1', 'Restore HAN Device Log', 'NYNN', 'No', 'IS GS'],
  ['8.12', '8.12.2', 'Restore Gas Proxy Function Device Log', 'NYNN', 'No', 'IS GS'],
  ['8.13', '8.13', 'Return Local Command Response', 'NNNY', 'No', 'IS GS'],
  ['8.14', '8.14.1', 'Communications Hub Status Update- Install Success', 'NNNY', 'No', 'IS GS'],
  ['8.14', '8.14.2', 'Communications Hub Status Update - Install No SM WAN', 'NNNY', 'No', 'IS GS'],
  ['8.14', '8.14.3', 'Communications Hub  Status Update. – Fault Return', 'NNNY', 'No', 'IS GS'],
  ['8.14', '8.14.4', 'Communications Hub Status Update – No Fault Return', 'NNNY', 'No', 'IS GS'],
  ['9.1', '9.1', 'Request Customer Identification Number', 'NYNN', 'No', 'OU'],
  ['11.1', '11.1', 'Update Firmware', 'NNNY', 'No', 'IS GS'],
  ['11.2', '11.2', 'Read Firmware Version', 'NYNN', 'DSP', 'IS ES GS RSA ED GT OU'],
  ['11.3', '11.3', 'Activate Firmware', 'YYNN', 'Device', 'IS GS'],
  ['11.4', '11.4', 'Update PPMID Firmware', 'NNNY', 'No', 'IS GS'],
  ['12.1', '12.1', 'Request WAN Matrix', 'NNNY', 'No', 'IS ES GS RSA ED GT OU'],
  ['12.2', '12.2', 'Device Pre-notification', 'NNNY', 'No', 'IS ES GS RSA ED GT OU'],
  ['14.1', '14.1', 'Record Network Data (GAS)', 'NYYN', 'No', 'GT'],
];

const yesNo = (flag: string | undefined): string => (flag === 'Y' ? 'Yes' : 'No');

/** The transcription, in the shape (and key order) of the JSON file. */
export const DUIS_MATRIX_TRANSCRIPTION: readonly MatrixEntry[] = ROWS.map(([reference, variant, name, flags, futureDated, roles]) => ({
  'Service Request Name': name,
  'Service Reference': reference,
  'Service Reference Variant': variant,
  Critical: yesNo(flags[0]),
  'On Demand': yesNo(flags[1]),
  'Future Dated Response Pattern': futureDated,
  'DCC Scheduled': yesNo(flags[2]),
  'Non-Device Request': yesNo(flags[3]),
  'Eligible User Roles': roles === '' ? [] : roles.split(' '),
}));

/** The matrix's User Role codes (sources README). */
export const DUIS_ROLE_CODES: Readonly<Record<string, string>> = {
  IS: 'import-supplier',
  ES: 'export-supplier',
  GS: 'gas-supplier',
  RSA: 'registered-supplier-agent',
  ED: 'electricity-distributor',
  GT: 'gas-transporter',
  OU: 'other-user',
};

export const DUIS_MATRIX_PATH = path.join(SOURCES_DIR, 'duis-request-matrix.json');

/** The matrix itself when the sources are present, else undefined (the caller says what it skipped). */
export function readDuisMatrix(): MatrixEntry[] | undefined {
  return existsSync(DUIS_MATRIX_PATH) ? (JSON.parse(readFileSync(DUIS_MATRIX_PATH, 'utf8')) as MatrixEntry[]) : undefined;
}
