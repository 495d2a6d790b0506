/**
 * Every place where Appendix E as compiled (baseline view) differs from DCC's DUIS Service Request
 * matrix, with its reason. appendix-e-matrix.test.ts computes the differences and requires this list to be
 * exactly them, and the README's table "Where Appendix E differs from the DUIS matrix" to list
 * exactly these rows: a new difference, or a reading that no longer applies, fails the tests.
 */
import type { RuleSet } from '../../src/shared/model.js';
import { DUIS_ROLE_CODES, type MatrixEntry } from './duis-matrix.js';

export type MatrixField = 'name' | 'critical' | 'nonDevice' | 'onDemand' | 'futureDated' | 'dccScheduled' | 'eligibility' | 'row';

export const FIELD_TITLES: Readonly<Record<MatrixField, string>> = {
  name: 'Service Request Name',
  critical: 'Critical',
  nonDevice: 'Non-Device',
  onDemand: 'On Demand',
  futureDated: 'Future Dated',
  dccScheduled: 'DCC Scheduled',
  eligibility: 'eligibility',
  row: 'row',
};

export interface Difference {
  sr: string;
  field: MatrixField;
  /** The matrix's value (names with their whitespace collapsed, so a line break prints). */
  matrix: string;
  /** Appendix E's value. */
  text: string;
}

export interface Reading extends Difference {
  reason: string;
}

const ON_DEMAND_REASON =
  'Non-Device request: clause E1.2 treats it as sent On Demand; the matrix writes `No` as the column does not apply to it';

/** The 16 Non-Device requests of the matrix, each shown On Demand by clause E1.2. */
const NON_DEVICE = [
  '5.1',
  '5.2',
  '5.3',
  '8.2',
  '8.3',
  '8.4',
  '8.6',
  '8.13',
  '8.14.1',
  '8.14.2',
  '8.14.3',
  '8.14.4',
  '11.1',
  '11.4',
  '12.1',
  '12.2',
];

export const MATRIX_READINGS: readonly Reading[] = [
  {
    sr: '4.2',
    field: 'name',
    matrix: 'Read Instantaneous Export Registers',
    text: 'Read Instantaneous Export Register Values',
    reason: 'the name the MP162 Modification Report (the authority) gives in its table of Service Requests for an MDR User',
  },
  {
    sr: '8.2',
    field: 'name',
    matrix: 'Read Inventory (Current and Future Suppliers may use this Service Request)',
    text: 'Read Inventory',
    reason: 'the matrix’s name cell carries a usage note after a line break; the name is the MP162 report’s',
  },
  {
    sr: '8.14.1',
    field: 'name',
    matrix: 'Communications Hub Status Update- Install Success',
    text: 'Communications Hub Status Update - Install Success',
    reason: 'typography: the spaced hyphen of SR 8.14.2',
  },
  {
    sr: '8.14.3',
    field: 'name',
    matrix: 'Communications Hub Status Update. – Fault Return',
    text: 'Communications Hub Status Update - Fault Return',
    reason: 'typography: a doubled space, a stray full stop and an en dash, written as SR 8.14.2 is',
  },
  {
    sr: '8.14.4',
    field: 'name',
    matrix: 'Communications Hub Status Update – No Fault Return',
    text: 'Communications Hub Status Update - No Fault Return',
    reason: 'typography: an en dash, written as the spaced hyphen of SR 8.14.2',
  },
  ...NON_DEVICE.map((sr): Reading => ({ sr, field: 'onDemand', matrix: 'No', text: 'Yes', reason: ON_DEMAND_REASON })),
];

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();
const flag = (value: boolean): string => (value ? 'Yes' : 'No');
const codeOf = (role: string): string | undefined => Object.entries(DUIS_ROLE_CODES).find(([, id]) => id === role)?.[0];

/**
 * Every difference between a compiled view of Appendix E and the matrix: rows, names, flags and the
 * eligibility of the seven roles the matrix knows (roles it does not know, the MDR, are not compared).
 */
export function matrixDifferences(ruleSet: RuleSet, matrix: readonly MatrixEntry[]): Difference[] {
  const out: Difference[] = [];
  const compiled = new Map(ruleSet.serviceRequests.map((sr) => [sr.ref, sr]));
  for (const row of matrix) {
    const ref = row['Service Reference Variant'];
    const sr = compiled.get(ref);
    if (!sr) {
      out.push({ sr: ref, field: 'row', matrix: 'present', text: 'absent' });
      continue;
    }
    const pairs: Array<[MatrixField, string, string]> = [
      ['name', collapse(row['Service Request Name']), sr.name],
      ['critical', row.Critical, flag(sr.critical)],
      ['nonDevice', row['Non-Device Request'], flag(sr.nonDevice)],
      ['onDemand', row['On Demand'], flag(sr.onDemand)],
      ['futureDated', row['Future Dated Response Pattern'], sr.futureDated],
      ['dccScheduled', row['DCC Scheduled'], flag(sr.dccScheduled)],
    ];
    for (const [field, matrixValue, textValue] of pairs)
      if (matrixValue !== textValue) out.push({ sr: ref, field, matrix: matrixValue, text: textValue });
    const fromMatrix = [...row['Eligible User Roles']].sort().join(' ');
    const fromText = ruleSet.eligibility
      .filter((entry) => entry.sr === ref && entry.eligible)
      .flatMap((entry) => codeOf(entry.role) ?? [])
      .sort()
      .join(' ');
    if (fromMatrix !== fromText) out.push({ sr: ref, field: 'eligibility', matrix: fromMatrix, text: fromText });
  }
  const inMatrix = new Set(matrix.map((row) => row['Service Reference Variant']));
  for (const ref of compiled.keys()) if (!inMatrix.has(ref)) out.push({ sr: ref, field: 'row', matrix: 'absent', text: 'present' });
  return out;
}

/** The README row of a reading: `| SR | column | matrix | Appendix E | reason |`. */
export function readmeRow(reading: Reading): string {
  return `| ${reading.sr} | ${FIELD_TITLES[reading.field]} | ${reading.matrix} | ${reading.text} | ${reading.reason} |`;
}
