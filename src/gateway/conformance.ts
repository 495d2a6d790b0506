/**
 * The conformance harness: every combination the legal text defines (SR x User Role x SMETS
 * generation x mode, per view), and a check of a gateway team's own configuration table
 * against it. Each disagreement names the table cell or clause that governs it.
 *
 * A configuration row is `sr,user_role,smets,mode,trt_seconds,eligible` (the header of
 * `secc export trt` plus `eligible`): `eligible` is Appendix E's answer for the SR and the role;
 * `trt_seconds` is Appendix AB's cell, empty (CSV) or null (JSON) for N/A. Rows for roles that
 * are not eligible may be left out (not listed means not eligible: the gateway rejects by
 * default); a row that is given must be right.
 */
import type { View } from '../../generated/types.js';
import { isMode, modeLabel } from '../shared/vocabulary.js';
import { authorise, cellBasis, type Basis, type ServiceRequestInput } from './authorise.js';
import type { RegistrationData } from './registration.js';
import { GENERATED_TABLES, type GatewayTables } from './tables.js';

export const CONFIGURATION_HEADER = ['sr', 'user_role', 'smets', 'mode', 'trt_seconds', 'eligible'] as const;

export interface ConfigurationRow {
  sr: string;
  user_role: string;
  smets: number;
  mode: string;
  /** null: not available (N/A), or not eligible. */
  trt_seconds: number | null;
  eligible: boolean;
  /** 1-based line in the file the row was read from. */
  line?: number;
}

/** One combination the legal text defines, with what it says and where. */
export interface Combination {
  view: View;
  sr: string;
  role: string;
  roleName: string;
  smets: number;
  mode: string;
  eligible: boolean;
  /** Seconds; null when not available (N/A) or not eligible. */
  trtSeconds: number | null;
  /** The TRT cell as written (`24 hrs`, `N/A`), when the role is eligible. */
  trtText?: string;
  eligibilityBasis: Basis;
  /** The Appendix AB cell, when the role is eligible. */
  trtBasis?: Basis;
}

/** Every SR x User Role x SMETS generation x mode of a view, from the tables alone. */
export function combinations(view: View, tables: GatewayTables = GENERATED_TABLES): Combination[] {
  const { smets, modes } = axes(view, tables);
  const out: Combination[] = [];
  for (const sr of tables.serviceRequests[view]) {
    for (const role of tables.userRoles[view]) {
      const eligibility = tables.eligibility[view][sr.ref]?.[role.id];
      const eligible = eligibility?.eligible === true;
      const eligibilityBasis = cellBasis(eligibility ?? sr, `SR ${sr.ref} / ${role.name}`);
      for (const generation of smets) {
        for (const mode of modes) {
          const combination: Combination = {
            view,
            sr: sr.ref,
            role: role.id,
            roleName: role.name,
            smets: generation,
            mode,
            eligible,
            trtSeconds: null,
            eligibilityBasis,
          };
          if (eligible) {
            const cell = (
              tables.trt[view][sr.ref]?.[role.id] as
                Record<string, Record<string, { seconds: number | null; text: string; source: string; clause: string | null }>> | undefined
            )?.[generation]?.[mode];
            if (cell) {
              combination.trtSeconds = cell.seconds;
              combination.trtText = cell.text;
              combination.trtBasis = cellBasis(cell, `SR ${sr.ref} / ${role.name} / SMETS${generation} / ${modeName(mode)}`);
            }
          }
          out.push(combination);
        }
      }
    }
  }
  return out;
}

/** The SMETS generations and modes the view's TRT table has columns for. */
function axes(view: View, tables: GatewayTables): { smets: number[]; modes: string[] } {
  const smets = new Set<number>();
  const modes = new Set<string>();
  for (const byRole of Object.values(tables.trt[view])) {
    for (const bySmets of Object.values(byRole ?? {})) {
      for (const [generation, byMode] of Object.entries(bySmets ?? {})) {
        smets.add(Number(generation));
        for (const mode of Object.keys(byMode ?? {})) modes.add(mode);
      }
    }
  }
  return {
    smets: [...smets].sort(),
    modes: [...modes].sort((a, b) => (a === 'scheduled' ? -1 : b === 'scheduled' ? 1 : a.localeCompare(b))),
  };
}

/**
 * The configuration the legal text itself gives: one row per combination available to an
 * eligible role (as `secc export trt`), `eligible` true; with `includeIneligible`, also a row
 * (eligible false, no TRT) for every role that is not eligible.
 */
export function referenceConfiguration(
  view: View,
  tables: GatewayTables = GENERATED_TABLES,
  options: { includeIneligible?: boolean } = {},
): ConfigurationRow[] {
  return combinations(view, tables)
    .filter((combination) => combination.eligible || options.includeIneligible)
    .map((combination) => ({
      sr: combination.sr,
      user_role: combination.role,
      smets: combination.smets,
      mode: combination.mode,
      trt_seconds: combination.trtSeconds,
      eligible: combination.eligible,
    }));
}

/** The party every synthetic request of `configurationFromAuthorise` is sent by. */
const PROBE_PARTY = 'CONFORMANCE';
const PROBE_MPAN = '1000000000001';
const PROBE_DATE = '2024-06-27';

/**
 * The configuration that the authorisation module implements, read off its decisions: for
 * every combination, a request from a sender the Registration Data names in every capacity
 * (Import and Export Supplier, appointed MDR, on the day), not for MHHS. `eligible` is false
 * exactly when the decision fails Appendix E eligibility; `trt_seconds` is the decision's TRT.
 */
export function configurationFromAuthorise(view: View, tables: GatewayTables = GENERATED_TABLES): ConfigurationRow[] {
  return combinations(view, tables).map((combination) => {
    const registration: RegistrationData = {
      mpans: [
        {
          mpan: PROBE_MPAN,
          importSupplier: PROBE_PARTY,
          exportSupplier: PROBE_PARTY,
          devices: [{ id: `probe-smets${combination.smets}`, type: 'ESME', smets: combination.smets as 1 | 2 }],
          mdrAppointments: [{ mdr: PROBE_PARTY, effectiveFrom: PROBE_DATE, effectiveTo: PROBE_DATE }],
        },
      ],
    };
    const request: ServiceRequestInput = {
      sender: { role: combination.role, party: PROBE_PARTY },
      sr: combination.sr,
      target: { mpan: PROBE_MPAN, deviceType: 'ESME', smets: combination.smets as 1 | 2 },
      mode: combination.mode as ServiceRequestInput['mode'],
      executionDate: PROBE_DATE,
      scheduleStartDate: PROBE_DATE,
      purpose: 'other',
    };
    const decision = authorise(request, registration, { view, tables });
    const ineligible = decision.reasons.some(
      (reason) => !reason.passed && (reason.code === 'eligibility' || reason.code === 'user-role' || reason.code === 'service-request'),
    );
    return {
      sr: combination.sr,
      user_role: combination.role,
      smets: combination.smets,
      mode: combination.mode,
      trt_seconds: decision.trtSeconds ?? null,
      eligible: !ineligible,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Checking a configuration.

export type DisagreementKind = 'missing' | 'extra' | 'wrong-trt' | 'wrong-eligibility';

export interface Disagreement {
  kind: DisagreementKind;
  view: View;
  sr: string;
  role: string;
  smets: number;
  mode: string;
  /** The row's line in the configuration file (not for a missing combination). */
  line?: number;
  /** What the configuration says (`16`, `false`, `(no row)`). */
  actual: string;
  /** What the legal text says. */
  expected: string;
  /** One sentence, "Unexpected X, expected Y", ending with the governing cell or clause. */
  message: string;
  /** The cell or clause that governs the combination. */
  basis: Basis;
}

export interface ConformanceResult {
  view: View;
  /** Combinations the legal text defines for the view. */
  combinations: number;
  /** Of which available to an eligible role (a TRT that is not N/A). */
  available: number;
  rows: number;
  disagreements: Disagreement[];
}

/** Checks configuration rows against the legal text: every disagreement, in row order, missing last. */
export function checkConformance(
  rows: readonly ConfigurationRow[],
  view: View,
  tables: GatewayTables = GENERATED_TABLES,
): ConformanceResult {
  const all = combinations(view, tables);
  const byKey = new Map(
    all.map((combination) => [key(combination.sr, combination.role, combination.smets, combination.mode), combination]),
  );
  const seen = new Set<string>();
  const disagreements: Disagreement[] = [];
  for (const row of rows) {
    const id = key(row.sr, row.user_role, row.smets, row.mode);
    seen.add(id);
    const expected = byKey.get(id);
    const base = {
      view,
      sr: row.sr,
      role: row.user_role,
      smets: row.smets,
      mode: row.mode,
      ...(row.line === undefined ? {} : { line: row.line }),
    };
    if (!expected) {
      const { basis, why } = extraBasis(row, view, tables);
      disagreements.push({
        ...base,
        kind: 'extra',
        actual: 'a row',
        expected: '(no row)',
        message: `Unexpected row for ${label(row.sr, roleName(tables, view, row.user_role), row.smets, row.mode)}, expected only combinations the legal text defines: ${why} (${cite(basis)})`,
        basis,
      });
      continue;
    }
    const name = label(expected.sr, expected.roleName, expected.smets, expected.mode);
    if (row.eligible !== expected.eligible) {
      disagreements.push({
        ...base,
        kind: 'wrong-eligibility',
        actual: String(row.eligible),
        expected: String(expected.eligible),
        message: `Unexpected eligible ${row.eligible} for ${name}, expected ${expected.eligible}: Appendix E makes ${expected.roleName} ${expected.eligible ? '' : 'not '}eligible for SR ${expected.sr} (${cite(expected.eligibilityBasis)})`,
        basis: expected.eligibilityBasis,
      });
      continue;
    }
    if (row.trt_seconds !== expected.trtSeconds) {
      const basis = expected.trtBasis ?? expected.eligibilityBasis;
      disagreements.push({
        ...base,
        kind: 'wrong-trt',
        actual: seconds(row.trt_seconds),
        expected: seconds(expected.trtSeconds),
        message: `Unexpected trt_seconds ${seconds(row.trt_seconds)} for ${name}, expected ${seconds(expected.trtSeconds)}${trtNote(expected)} (${cite(basis)})`,
        basis,
      });
    }
  }
  for (const combination of all) {
    // Not listed means not eligible: only combinations available to an eligible role, or
    // eligible but N/A, must be listed (the gateway must know the role may send the SR).
    if (!combination.eligible || seen.has(key(combination.sr, combination.role, combination.smets, combination.mode))) continue;
    const basis = combination.trtBasis ?? combination.eligibilityBasis;
    disagreements.push({
      view,
      sr: combination.sr,
      role: combination.role,
      smets: combination.smets,
      mode: combination.mode,
      kind: 'missing',
      actual: '(no row)',
      expected: `eligible true, trt_seconds ${seconds(combination.trtSeconds)}`,
      message: `Missing row for ${label(combination.sr, combination.roleName, combination.smets, combination.mode)}, expected eligible true and trt_seconds ${seconds(combination.trtSeconds)}${trtNote(combination)} (${cite(basis)})`,
      basis,
    });
  }
  return {
    view,
    combinations: all.length,
    available: all.filter((combination) => combination.trtSeconds !== null).length,
    rows: rows.length,
    disagreements,
  };
}

function extraBasis(row: ConfigurationRow, view: View, tables: GatewayTables): { basis: Basis; why: string } {
  const services = tables.serviceRequests[view];
  const roles = tables.userRoles[view];
  const otherView: View = view === 'baseline' ? 'modified' : 'baseline';
  if (!services.some((sr) => sr.ref === row.sr)) {
    const elsewhere = tables.serviceRequests[otherView].find((sr) => sr.ref === row.sr);
    if (elsewhere)
      return { basis: cellBasis(elsewhere, `SR ${row.sr}`), why: `SR ${row.sr} is only in the ${otherView} view of Appendix E` };
    return { basis: cellBasis(services[0]!, 'Service Requests table'), why: `SR ${row.sr} is not in Appendix E` };
  }
  if (!roles.some((role) => role.id === row.user_role)) {
    const elsewhere = tables.userRoles[otherView].find((role) => role.id === row.user_role);
    if (elsewhere)
      return {
        basis: cellBasis(elsewhere, elsewhere.name),
        why: `the User Role ${elsewhere.name} is only in the ${otherView} view of Section H1.1`,
      };
    return { basis: cellBasis(roles[0]!, 'User Roles table'), why: `\`${row.user_role}\` is not a User Role of Section H1.1` };
  }
  const anyCell = firstTrtCell(view, tables);
  const { smets, modes } = axes(view, tables);
  const what = !smets.includes(row.smets)
    ? `SMETS${row.smets} is not a generation of the Appendix AB table (${smets.map((s) => `SMETS${s}`).join(', ')})`
    : `\`${row.mode}\` is not a request type of the Appendix AB table (${modes.join(', ')})`;
  return {
    basis: anyCell ? cellBasis(anyCell, 'Target Response Time table') : cellBasis(services[0]!, 'Service Requests table'),
    why: what,
  };
}

function firstTrtCell(view: View, tables: GatewayTables): { source: string; clause: string | null } | undefined {
  for (const byRole of Object.values(tables.trt[view])) {
    for (const bySmets of Object.values(byRole ?? {})) {
      for (const byMode of Object.values(bySmets ?? {})) {
        for (const cell of Object.values(byMode ?? {})) return cell as { source: string; clause: string | null };
      }
    }
  }
  return undefined;
}

function key(sr: string, role: string, smets: number, mode: string): string {
  return `${sr}|${role}|${smets}|${mode}`;
}

function roleName(tables: GatewayTables, view: View, id: string): string {
  return (
    (
      tables.userRoles[view].find((role) => role.id === id) ??
      tables.userRoles[view === 'baseline' ? 'modified' : 'baseline'].find((role) => role.id === id)
    )?.name ?? `\`${id}\``
  );
}

function modeName(mode: string): string {
  return isMode(mode) ? modeLabel(mode) : `\`${mode}\``;
}

function label(sr: string, role: string, smets: number, mode: string): string {
  return `SR ${sr} / ${role} / SMETS${smets} / ${modeName(mode)}`;
}

function seconds(value: number | null): string {
  return value === null ? 'empty (N/A)' : String(value);
}

/** ` (24 hrs)` for a duration as written; nothing for N/A (already said), ` (not eligible)` without a cell. */
function trtNote(combination: Combination): string {
  if (!combination.eligible) return ' (not eligible)';
  return combination.trtText && combination.trtSeconds !== null ? ` (${combination.trtText})` : '';
}

function cite(basis: Basis): string {
  return `${basis.position}${basis.clause ? `, ${basis.clause}` : ''}`;
}

// ---------------------------------------------------------------------------------------------
// Reading a configuration file: CSV (RFC 4180, header by name) or JSON (an array of rows).

export interface ConfigurationProblem {
  line?: number;
  message: string;
}

/** The file cannot be read as a configuration table (exit 2 in `secc conform`). */
export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
  constructor(readonly problems: readonly ConfigurationProblem[]) {
    super(
      problems.map((problem) => (problem.line === undefined ? problem.message : `line ${problem.line}: ${problem.message}`)).join('\n'),
    );
  }
}

export type ConfigurationFormat = 'csv' | 'json';

/** By extension (`.csv`, `.json`), else by the first character (`[` is JSON). */
export function configurationFormat(fileName: string, text: string): ConfigurationFormat {
  if (/\.json$/i.test(fileName)) return 'json';
  if (/\.csv$/i.test(fileName)) return 'csv';
  return text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .startsWith('[')
    ? 'json'
    : 'csv';
}

export function parseConfiguration(text: string, format: ConfigurationFormat): ConfigurationRow[] {
  const body = text.replace(/^\uFEFF/, '');
  const rows = format === 'json' ? parseJsonRows(body) : parseCsvRows(body);
  const problems: ConfigurationProblem[] = [];
  const first = new Map<string, number | undefined>();
  rows.forEach((row, index) => {
    const id = key(row.sr, row.user_role, row.smets, row.mode);
    if (first.has(id)) {
      const earlier = first.get(id);
      problems.push({
        ...(row.line === undefined ? {} : { line: row.line }),
        message: `the combination SR ${row.sr} / ${row.user_role} / SMETS${row.smets} / ${row.mode} is already given ${earlier === undefined ? `in row ${index}` : `on line ${earlier}`}`,
      });
    } else first.set(id, row.line);
  });
  if (problems.length > 0) throw new ConfigurationError(problems);
  return rows;
}

function parseCsvRows(text: string): ConfigurationRow[] {
  const records = csvRecords(text);
  const header = records.shift();
  if (!header || (header.fields.length === 1 && header.fields[0] === ''))
    throw new ConfigurationError([{ message: `empty file, expected a CSV header ${CONFIGURATION_HEADER.join(',')}` }]);
  const names = header.fields.map((field) => field.trim());
  const missing = CONFIGURATION_HEADER.filter((name) => !names.includes(name));
  const unknown = names.filter((name) => !(CONFIGURATION_HEADER as readonly string[]).includes(name));
  const duplicated = names.filter((name, index) => names.indexOf(name) !== index);
  if (missing.length + unknown.length + duplicated.length > 0) {
    const parts = [
      missing.length > 0 ? `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}` : '',
      unknown.length > 0 ? `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}` : '',
      duplicated.length > 0 ? `repeated column${duplicated.length > 1 ? 's' : ''} ${duplicated.join(', ')}` : '',
    ].filter(Boolean);
    throw new ConfigurationError([
      { line: header.line, message: `Unexpected header: ${parts.join('; ')}, expected ${CONFIGURATION_HEADER.join(',')}` },
    ]);
  }
  const problems: ConfigurationProblem[] = [];
  const rows: ConfigurationRow[] = [];
  for (const record of records) {
    if (record.fields.length === 1 && record.fields[0]!.trim() === '') continue; // blank line
    if (record.fields.length !== names.length) {
      problems.push({ line: record.line, message: `${record.fields.length} fields, expected ${names.length}` });
      continue;
    }
    const raw = Object.fromEntries(names.map((name, index) => [name, record.fields[index]!.trim()]));
    const row = toRow(raw, record.line, problems, 'csv');
    if (row) rows.push(row);
  }
  if (problems.length > 0) throw new ConfigurationError(problems);
  return rows;
}

interface CsvRecord {
  fields: string[];
  line: number;
}

/** RFC 4180 records (quoted fields may hold commas, quotes and line breaks), with start lines. */
function csvRecords(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let start = 1;
  let quoted = false;
  let wasQuoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"') {
        if (text[index + 1] === '"') {
          field += '"';
          index++;
        } else quoted = false;
      } else {
        if (char === '\n') line++;
        field += char;
      }
      continue;
    }
    if (char === '"' && field === '' && !wasQuoted) {
      quoted = true;
      wasQuoted = true;
    } else if (char === ',') {
      fields.push(field);
      field = '';
      wasQuoted = false;
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index++;
      fields.push(field);
      records.push({ fields, line: start });
      fields = [];
      field = '';
      wasQuoted = false;
      line++;
      start = line;
    } else field += char;
  }
  if (quoted) throw new ConfigurationError([{ line: start, message: 'a quoted field is not closed' }]);
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    records.push({ fields, line: start });
  }
  return records;
}

function parseJsonRows(text: string): ConfigurationRow[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ConfigurationError([{ message: `not JSON: ${(error as Error).message}` }]);
  }
  if (!Array.isArray(value))
    throw new ConfigurationError([
      {
        message: `Unexpected ${value === null ? 'null' : typeof value}, expected a JSON array of rows {${CONFIGURATION_HEADER.join(', ')}}`,
      },
    ]);
  const lines = elementLines(text);
  const problems: ConfigurationProblem[] = [];
  const rows: ConfigurationRow[] = [];
  value.forEach((element, index) => {
    const line = lines[index];
    const at = line === undefined ? {} : { line };
    if (typeof element !== 'object' || element === null || Array.isArray(element)) {
      problems.push({ ...at, message: `row ${index}: expected an object {${CONFIGURATION_HEADER.join(', ')}}` });
      return;
    }
    const record = element as Record<string, unknown>;
    const unknown = Object.keys(record).filter((name) => !(CONFIGURATION_HEADER as readonly string[]).includes(name));
    const missing = CONFIGURATION_HEADER.filter((name) => !(name in record));
    if (unknown.length + missing.length > 0) {
      problems.push({
        ...at,
        message: `row ${index}: ${[missing.length ? `missing ${missing.join(', ')}` : '', unknown.length ? `unknown ${unknown.join(', ')}` : ''].filter(Boolean).join('; ')}`,
      });
      return;
    }
    const row = toRow(record, line, problems, 'json', index);
    if (row) rows.push(row);
  });
  if (problems.length > 0) throw new ConfigurationError(problems);
  return rows;
}

/** The line on which each element of the top-level JSON array starts. */
function elementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let expectElement = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (char === '\n') line++;
    if (inString) {
      if (char === '\\') index++;
      else if (char === '"') inString = false;
      continue;
    }
    if (depth === 1 && expectElement && !/\s/.test(char) && char !== ']') {
      lines.push(line);
      expectElement = false;
    }
    if (char === '"') inString = true;
    else if (char === '[' || char === '{') {
      depth++;
      if (depth === 1) expectElement = true;
    } else if (char === ']' || char === '}') depth--;
    else if (char === ',' && depth === 1) expectElement = true;
  }
  return lines;
}

function toRow(
  raw: Record<string, unknown>,
  line: number | undefined,
  problems: ConfigurationProblem[],
  format: ConfigurationFormat,
  index?: number,
): ConfigurationRow | undefined {
  const before = problems.length;
  const at = line === undefined ? {} : { line };
  const where = index === undefined ? '' : `row ${index}: `;
  const problem = (column: string, message: string): void => {
    problems.push({ ...at, message: `${where}${column}: ${message}, got ${JSON.stringify(raw[column])}` });
  };
  const text = (column: string): string => {
    const value = raw[column];
    if (typeof value !== 'string' || value.trim() === '') {
      problem(column, 'expected a non-empty text');
      return '';
    }
    return value.trim();
  };
  const sr = text('sr');
  const role = text('user_role');
  const mode = text('mode');
  const smetsRaw = raw.smets;
  const smets =
    typeof smetsRaw === 'number' ? smetsRaw : typeof smetsRaw === 'string' && /^\d+$/.test(smetsRaw.trim()) ? Number(smetsRaw) : NaN;
  if (!Number.isInteger(smets)) problem('smets', 'expected a SMETS generation (1 or 2)');
  const trtRaw = raw.trt_seconds;
  let trt: number | null = null;
  if (format === 'csv' ? trtRaw !== '' : trtRaw !== null) {
    const parsed = typeof trtRaw === 'number' ? trtRaw : typeof trtRaw === 'string' && /^\d+$/.test(trtRaw) ? Number(trtRaw) : NaN;
    if (!Number.isInteger(parsed) || parsed < 0)
      problem('trt_seconds', `expected a whole number of seconds, or ${format === 'csv' ? 'an empty field' : 'null'} for N/A`);
    else trt = parsed;
  }
  const eligibleRaw = raw.eligible;
  let eligible = false;
  if (typeof eligibleRaw === 'boolean') eligible = eligibleRaw;
  else if (format === 'csv' && typeof eligibleRaw === 'string' && /^(true|false|yes|no)$/i.test(eligibleRaw))
    eligible = /^(true|yes)$/i.test(eligibleRaw);
  else problem('eligible', format === 'csv' ? 'expected true or false' : 'expected true or false (a JSON boolean)');
  if (problems.length > before) return undefined;
  return { sr, user_role: role, smets, mode, trt_seconds: trt, eligible, ...(line === undefined ? {} : { line }) };
}
