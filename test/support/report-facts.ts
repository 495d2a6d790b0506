/**
 * The Modification Report's final table 'TRTs for Eligible Users for MHHS data retrieval
 * Service Requests' (MP162 report, Section 3), transcribed cell for cell. facts.test.ts checks
 * this transcription against the report's own text when the sources are present.
 */
export const REPORT_COLUMNS = [
  ['existing', 2, 'scheduled'],
  ['existing', 2, 'on-demand'],
  ['existing', 1, 'scheduled'],
  ['existing', 1, 'on-demand'],
  ['mdr', 2, 'scheduled'],
  ['mdr', 2, 'on-demand'],
  ['mdr', 1, 'scheduled'],
  ['mdr', 1, 'on-demand'],
] as const;

export const REPORT_TRT_TABLE: Record<string, readonly string[]> = {
  '4.1.1': ['N/A', '30 secs', 'N/A', '16 secs', 'N/A', 'N/A', 'N/A', '24 hrs'],
  '4.2': ['24 hrs', '30 secs', '24 hrs', '16 secs', '24 hrs', '24 hrs', '24 hrs', '24 hrs'],
  '4.6.1': ['24 hrs', '30 secs', '24 hrs', '16 secs', '24 hrs', '24 hrs', '24 hrs', '24 hrs'],
  '4.6.2': ['24 hrs', '30 secs', 'N/A', 'N/A', '24 hrs', '24 hrs', 'N/A', 'N/A'],
  '4.8.1': ['24 hrs', '5,600 secs', '24 hrs', '16 secs', '24 hrs', '24 hrs', '24 hrs', '24 hrs'],
  '4.8.3': ['24 hrs', '30 secs', '24 hrs', '16 secs', '24 hrs', '24 hrs', '24 hrs', '24 hrs'],
  '4.17': ['24 hrs', '30 secs', 'N/A', 'N/A', '24 hrs', '24 hrs', 'N/A', 'N/A'],
  '5.1': ['N/A', '24 hrs', 'N/A', '24 hrs', 'N/A', '24 hrs', 'N/A', '24 hrs'],
  '5.2': ['N/A', '24 hrs', 'N/A', '24 hrs', 'N/A', '24 hrs', 'N/A', '24 hrs'],
  '5.3': ['N/A', '24 hrs', 'N/A', '24 hrs', 'N/A', '24 hrs', 'N/A', '24 hrs'],
  '8.2': ['N/A', '30 secs', 'N/A', '30 secs', 'N/A', '30 secs', 'N/A', '30 secs'],
};

/** Table 'Valid Service Requests for an MDR User': On Demand? and DCC Scheduled? */
export const REPORT_MDR_SERVICES: Record<string, { name: string; onDemand: boolean; dccScheduled: boolean }> = {
  '4.1.1': { name: 'Read Instantaneous Import Registers', onDemand: true, dccScheduled: false },
  '4.2': { name: 'Read Instantaneous Export Register Values', onDemand: true, dccScheduled: true },
  '4.6.1': { name: 'Retrieve Import Daily Read Log', onDemand: true, dccScheduled: true },
  '4.6.2': { name: 'Retrieve Export Daily Read Log', onDemand: true, dccScheduled: true },
  '4.8.1': { name: 'Read Active Import Profile Data', onDemand: true, dccScheduled: true },
  '4.8.3': { name: 'Read Export Profile Data', onDemand: true, dccScheduled: true },
  '4.17': { name: 'Retrieve Daily Consumption Log', onDemand: true, dccScheduled: true },
  '5.1': { name: 'Create Schedule', onDemand: true, dccScheduled: false },
  '5.2': { name: 'Read Schedule', onDemand: true, dccScheduled: false },
  '5.3': { name: 'Delete Schedule', onDemand: true, dccScheduled: false },
  '8.2': { name: 'Read Inventory', onDemand: true, dccScheduled: false },
};

/** Eligibility of the existing roles before MP162 (DCC's DUIS Service Request matrix, Aug 2022). */
export const EXISTING_ELIGIBILITY: Record<string, readonly string[]> = {
  '4.1.1': ['import-supplier', 'gas-supplier', 'electricity-distributor', 'gas-transporter'],
  '4.2': ['export-supplier', 'electricity-distributor'],
  '4.6.1': ['import-supplier', 'gas-supplier'],
  '4.6.2': ['export-supplier'],
  '4.8.1': ['import-supplier', 'gas-supplier', 'electricity-distributor', 'gas-transporter', 'other-user'],
  '4.8.3': ['export-supplier', 'electricity-distributor', 'other-user'],
  '4.17': ['import-supplier', 'gas-supplier', 'electricity-distributor', 'gas-transporter', 'other-user'],
  '5.1': ['import-supplier', 'export-supplier', 'gas-supplier', 'electricity-distributor', 'gas-transporter', 'other-user'],
  '5.2': ['import-supplier', 'export-supplier', 'gas-supplier', 'electricity-distributor', 'gas-transporter', 'other-user'],
  '5.3': ['import-supplier', 'export-supplier', 'gas-supplier', 'electricity-distributor', 'gas-transporter', 'other-user'],
  '8.2': [
    'import-supplier',
    'export-supplier',
    'gas-supplier',
    'electricity-distributor',
    'gas-transporter',
    'other-user',
    'registered-supplier-agent',
  ],
};

export const DUIS_ROLE_CODES: Record<string, string> = {
  IS: 'import-supplier',
  ES: 'export-supplier',
  GS: 'gas-supplier',
  RSA: 'registered-supplier-agent',
  ED: 'electricity-distributor',
  GT: 'gas-transporter',
  OU: 'other-user',
};

/** Reads the final TRT table rows out of the report's text: SR → 8 cells. */
export function parseReportTrtTable(reportText: string): Record<string, string[]> {
  const start = reportText.indexOf('TRTs for Eligible Users for MHHS data retrieval Service Requests');
  const end = reportText.indexOf('Security and privacy arrangements', start);
  const rows: Record<string, string[]> = {};
  for (const line of reportText.slice(start, end).split('\n')) {
    const match = /^(\d+\.\d+(?:\.\d+)?) ((?:N\/A|\d).*)$/.exec(line.trim());
    if (!match) continue;
    rows[match[1]!] = [...match[2]!.matchAll(/N\/A|[\d,]+ (?:secs|hrs)/g)].map((cell) => cell[0]);
  }
  return rows;
}
