/**
 * A gateway team's configuration table, as rows, read from CSV (RFC 4180, header by name) or JSON
 * (an array of rows). A file that cannot be read as one is a ConfigurationError with the line of
 * each problem (exit 2 in `secc conform`); whether the rows are right is conformance.ts's job.
 *
 * A row is `sr,user_role,smets,mode,trt_seconds,eligible` (the header of `secc export trt` plus
 * `eligible`); `trt_seconds` is empty (CSV) or null (JSON) for N/A.
 */
import { combinationKey } from './combinations.js';
import { csvRecords } from './csv.js';
import { elementLines, memberValue, repeatedMembers } from './json-lines.js';
import { isScopeLine, parseSrList, readScopeLine, type DeclaredScope } from './scope.js';

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

/** A configuration file read: its rows, and the scope it declares (CSV: a `# only-sr:` line above the header; JSON: `only_sr`). */
export interface Configuration {
  rows: ConfigurationRow[];
  scope?: DeclaredScope;
}

/** The rows of a configuration; throws ConfigurationError naming every problem with its line. */
export function parseConfiguration(text: string, format: ConfigurationFormat): ConfigurationRow[] {
  return readConfiguration(text, format).rows;
}

/** The rows and declared scope of a configuration; throws ConfigurationError naming every problem with its line. */
export function readConfiguration(text: string, format: ConfigurationFormat): Configuration {
  const body = text.replace(/^\uFEFF/, '');
  const problems: ConfigurationProblem[] = [];
  const read = format === 'json' ? parseJson(body, problems) : parseCsvRows(body, problems);
  problems.push(...duplicateProblems(read.rows));
  if (problems.length > 0) throw new ConfigurationError(problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));
  return read;
}

/** A combination given twice, named at its second line. */
function duplicateProblems(rows: readonly ConfigurationRow[]): ConfigurationProblem[] {
  const problems: ConfigurationProblem[] = [];
  const first = new Map<string, number | undefined>();
  rows.forEach((row, index) => {
    const id = combinationKey(row.sr, row.user_role, row.smets, row.mode);
    if (first.has(id)) {
      const earlier = first.get(id);
      problems.push({
        ...(row.line === undefined ? {} : { line: row.line }),
        message: `the combination SR ${row.sr} / ${row.user_role} / SMETS${row.smets} / ${row.mode} is already given ${earlier === undefined ? `in row ${index}` : `on line ${earlier}`}`,
      });
    } else first.set(id, row.line);
  });
  return problems;
}

const isBlank = (record: { fields: string[] }): boolean => record.fields.length === 1 && record.fields[0]?.trim() === '';

/**
 * Comment lines (`#`) above the header, blanked so the CSV reader keeps every line number; a
 * scope line among them declares the scope.
 */
function leadingComments(text: string, problems: ConfigurationProblem[]): { body: string; scope?: DeclaredScope } {
  const lines = text.split(/(\r\n|\n|\r)/);
  let scope: DeclaredScope | undefined;
  for (let index = 0; index < lines.length; index += 2) {
    const line = lines[index] ?? '';
    if (line.trim() === '') continue;
    if (!line.trimStart().startsWith('#')) break;
    const number = index / 2 + 1;
    if (isScopeLine(line)) {
      const read = readScopeLine(line, number);
      problems.push(...read.problems);
      if (scope && read.scope)
        problems.push({ line: number, message: `a second scope line, expected one (the first is on line ${scope.line ?? ''})` });
      else scope = read.scope ?? scope;
    }
    lines[index] = '';
  }
  return { body: lines.join(''), ...(scope ? { scope } : {}) };
}

function parseCsvRows(text: string, problems: ConfigurationProblem[]): Configuration {
  const { body, scope } = leadingComments(text, problems);
  const read = csvRecords(body);
  if (!read.ok) throw new ConfigurationError([...problems, { line: read.line, message: read.message }]);
  const records = read.records;
  while (records[0] && isBlank(records[0])) records.shift();
  const header = records.shift();
  if (!header)
    throw new ConfigurationError([...problems, { message: `empty file, expected a CSV header ${CONFIGURATION_HEADER.join(',')}` }]);
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
      ...problems,
      { line: header.line, message: `Unexpected header: ${parts.join('; ')}, expected ${CONFIGURATION_HEADER.join(',')}` },
    ]);
  }
  const rows: ConfigurationRow[] = [];
  for (const record of records) {
    if (isBlank(record)) continue;
    if (record.fields.length !== names.length) {
      problems.push({ line: record.line, message: `${record.fields.length} fields, expected ${names.length}` });
      continue;
    }
    const raw = Object.fromEntries(names.map((name, index) => [name, (record.fields[index] ?? '').trim()]));
    const row = toRow(raw, record.line, problems, 'csv');
    if (row) rows.push(row);
  }
  return { rows, ...(scope ? { scope } : {}) };
}

const JSON_SHAPE = `a JSON array of rows {${CONFIGURATION_HEADER.join(', ')}}, or an object {"only_sr": [...], "rows": [...]}`;
const JSON_MEMBERS = ['only_sr', 'rows'];

/**
 * JSON: the rows as an array, or an object whose `rows` are the rows and whose `only_sr` declares
 * the scope (`["4.8.1", "4.8.3"]` or `"4.8.1, 4.8.3"`), as a CSV file's `# only-sr:` line does.
 */
function parseJson(text: string, problems: ConfigurationProblem[]): Configuration {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ConfigurationError([{ message: `not JSON: ${(error as Error).message}` }]);
  }
  // JSON.parse keeps the last of a repeated member and drops the others without a word: refuse it, in a row too.
  const repeated = repeatedMembers(text).map(({ key, line, path }) => ({
    line,
    message: `${whereInJson(path)}"${key}" given again, expected it once`,
  }));
  if (repeated.length > 0) throw new ConfigurationError(repeated);
  if (Array.isArray(value)) return { rows: parseJsonRows(value, text, 0, problems) };
  if (typeof value !== 'object' || value === null)
    throw new ConfigurationError([{ message: `Unexpected ${value === null ? 'null' : typeof value}, expected ${JSON_SHAPE}` }]);
  const members = value as Record<string, unknown>;
  const unknown = Object.keys(members).filter((name) => !JSON_MEMBERS.includes(name));
  const rowsAt = memberValue(text, 'rows');
  if (!Array.isArray(members.rows) || !rowsAt || unknown.length > 0) {
    const got = [
      Array.isArray(members.rows) ? '' : 'rows missing or not an array',
      unknown.length > 0 ? `unknown member${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}` : '',
    ].filter(Boolean);
    throw new ConfigurationError([{ message: `Unexpected object (${got.join('; ')}), expected ${JSON_SHAPE}` }]);
  }
  const scope = jsonScope(members.only_sr, memberValue(text, 'only_sr')?.line, problems);
  return { rows: parseJsonRows(members.rows, text, rowsAt.index, problems), ...(scope ? { scope } : {}) };
}

/** Names the object a repeated member is in, as the row problems do: `row 3: ` for a row, nothing at the top level. */
function whereInJson(path: ReadonlyArray<string | number>): string {
  if (path.length === 0) return '';
  const [first, second] = path;
  if (path.length === 1 && typeof first === 'number') return `row ${first}: `;
  if (path.length === 2 && first === 'rows' && typeof second === 'number') return `row ${second}: `;
  return `${path.join('.')}: `;
}

/** The `only_sr` member: a list of SR references, as an array of strings or one comma-separated string. */
function jsonScope(value: unknown, line: number | undefined, problems: ConfigurationProblem[]): DeclaredScope | undefined {
  if (value === undefined) return undefined;
  const at = line === undefined ? {} : { line };
  const list =
    typeof value === 'string'
      ? value
      : Array.isArray(value) && value.every((entry) => typeof entry === 'string')
        ? value.join(',')
        : undefined;
  if (list === undefined) {
    problems.push({ ...at, message: `only_sr: expected SR references such as ["4.8.1", "4.8.3"], got ${JSON.stringify(value)}` });
    return undefined;
  }
  const read = parseSrList(list);
  problems.push(...read.problems.map((problem) => ({ ...at, message: `only_sr: ${problem}` })));
  return read.problems.length > 0 ? undefined : { srs: read.srs, ...at };
}

function parseJsonRows(value: unknown[], text: string, from: number, problems: ConfigurationProblem[]): ConfigurationRow[] {
  const lines = elementLines(text, from);
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
  return rows;
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
  const eligible = readEligible(raw.eligible, format);
  if (typeof eligible === 'string') problem('eligible', eligible);
  if (problems.length > before || typeof eligible === 'string') return undefined;
  return { sr, user_role: role, smets, mode, trt_seconds: trt, eligible, ...(line === undefined ? {} : { line }) };
}

const YES = /^(yes|y|1|t|true|on)$/i;
const NO = /^(no|n|0|f|false|off)$/i;

/**
 * `true` or `false` exactly (CSV), or a JSON boolean; anything else, `yes` or `TRUE` included, is
 * a problem with a hint, since a gateway that reads `yes` as true may read `nope` as true too.
 */
function readEligible(value: unknown, format: ConfigurationFormat): boolean | string {
  if (typeof value === 'boolean') return value;
  if (format === 'csv' && value === 'true') return true;
  if (format === 'csv' && value === 'false') return false;
  const expected = format === 'csv' ? 'expected true or false' : 'expected a JSON boolean, true or false';
  const text = typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
  if (YES.test(text)) return `${expected} (for ${JSON.stringify(value)} write true)`;
  if (NO.test(text)) return `${expected} (for ${JSON.stringify(value)} write false)`;
  return expected;
}
