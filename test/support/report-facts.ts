import { DUIS_MATRIX_TRANSCRIPTION, DUIS_ROLE_CODES } from './duis-matrix.js';

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

/** Eligibility of the existing roles before MP162 for the report's 11 SRs, from the DUIS matrix transcription. */
export const EXISTING_ELIGIBILITY: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  Object.keys(REPORT_MDR_SERVICES).map((sr) => {
    const row = DUIS_MATRIX_TRANSCRIPTION.find((entry) => entry['Service Reference Variant'] === sr);
    return [sr, (row?.['Eligible User Roles'] ?? []).map((code) => DUIS_ROLE_CODES[code] ?? code)];
  }),
);

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

/**
 * Reads the report's table 'Valid Service Requests for an MDR User' out of its text: SR → name,
 * On Demand? and DCC Scheduled? (footnote markers such as the `4` of `Yes4` dropped).
 */
export function parseReportMdrTable(reportText: string): Record<string, { name: string; onDemand: boolean; dccScheduled: boolean }> {
  const start = reportText.indexOf('Valid Service Requests for an MDR User');
  const end = reportText.indexOf('The DCC will use Access Control', start);
  const rows: Record<string, { name: string; onDemand: boolean; dccScheduled: boolean }> = {};
  if (start === -1 || end === -1) return rows;
  for (const line of reportText.slice(start, end).split('\n')) {
    const match = /^(\d+\.\d+(?:\.\d+)?) (.+?) (Yes|No)\d* (Yes|No)\d*$/.exec(line.trim());
    if (!match) continue;
    rows[match[1]!] = { name: match[2]!.replace(/\s+/g, ' ').trim(), onDemand: match[3] === 'Yes', dccScheduled: match[4] === 'Yes' };
  }
  return rows;
}
