/**
 * Tables are data: read by header name, never by column position. Three kinds are known,
 * recognised by their headers: the User Roles table (Section H), the services table
 * (Appendix E) and Target Response Time tables (Appendix AB). Every cell keeps its source.
 */
import type { Table, TableCell } from 'mdast';
import type { VFile } from 'vfile';
import { report } from '../../shared/diagnostics.js';
import type { Source } from '../../shared/model.js';
import { looksLikeTrtHeader, parseTrtHeader, TRT_HEADER_SYNTAX, type Mode, type Smets, type View } from '../../shared/vocabulary.js';
import { DURATION_VOCABULARY, parseDuration, parseYesNo } from './duration.js';
import { readTag } from '../2-parse/redline/tags.js';
import { cellPosition, cellText, footnoteLabels, sourceOf } from './text.js';

export const TABLE_RULES = {
  raggedRow: 'table-ragged-row',
  missingColumn: 'table-missing-column',
  duplicateColumn: 'table-duplicate-column',
  unknownColumn: 'table-unknown-column',
  flag: 'flag-unknown-value',
  duration: 'trt-unknown-duration',
  srRef: 'sr-invalid-reference',
  srDuplicate: 'sr-duplicate',
  roleId: 'role-invalid-identifier',
} as const;

const SR_REF = /^[1-9]\d*\.\d+(\.\d+)?$/;
const ROLE_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

export const SERVICE_COLUMNS = ['SR', 'Service Request Name', 'Non-Device', 'On Demand', 'Future Dated', 'DCC Scheduled'] as const;
export const ROLE_COLUMNS = ['User Role', 'Identifier', 'Party Category'] as const;
export { ELIGIBLE_USER_ROLES } from '../../shared/vocabulary.js';

export interface Cell {
  text: string;
  /** Holds redline tags the plugin could not pair (already reported): its value is not read. */
  broken: boolean;
  notes: string[];
  source: Source;
  node: TableCell;
}

export interface RoleRow {
  name: string;
  id: string;
  partyCategory: string;
  source: Source;
}

export interface RoleCell {
  header: string;
  headerSource: Source;
  eligible: boolean;
  source: Source;
}

export interface ServiceRow {
  ref: string;
  name: string;
  nonDevice: boolean;
  onDemand: boolean;
  futureDated: 'DSP' | 'Device' | 'No';
  dccScheduled: boolean;
  source: Source;
  sources: { name: Source; nonDevice: Source; onDemand: Source; futureDated: Source; dccScheduled: Source };
  roleCells: RoleCell[];
}

export interface TrtColumn {
  /** A User Role name, or `Eligible User Roles`. */
  sender: string;
  smets: Smets;
  mode: Mode;
  header: string;
  headerSource: Source;
}

export interface TrtCell {
  column: TrtColumn;
  seconds: number | null;
  text: string;
  notes: string[];
  source: Source;
}

export interface TrtRow {
  sr: string;
  source: Source;
  cells: TrtCell[];
}

export interface TableFacts {
  roleRows: RoleRow[];
  serviceRows: ServiceRow[];
  trtRows: TrtRow[];
  /** Header names of every TRT table, to know which senders have columns. */
  trtColumns: TrtColumn[];
}

interface Context {
  file: VFile;
  name: string;
  clause: string | undefined;
  view: View;
}

interface Grid {
  headers: Cell[];
  rows: Cell[][];
}

export function emptyTableFacts(): TableFacts {
  return { roleRows: [], serviceRows: [], trtRows: [], trtColumns: [] };
}

/** Reads one table into `facts` if its headers say what it is; other tables are prose. */
export function readTable(table: Table, context: Context, facts: TableFacts): void {
  const grid = readGrid(table, context);
  const names = grid.headers.map((header) => header.text);
  if (names.includes('User Role') && names.includes('Identifier')) readRoles(grid, context, facts);
  else if (names.includes('SR') && names.includes('Service Request Name')) readServices(grid, context, facts);
  else if (names.includes('SR') && names.some(looksLikeTrtHeader)) readTrts(grid, context, facts);
}

function readGrid(table: Table, context: Context): Grid {
  const [headerRow, ...bodyRows] = table.children;
  const toCell = (cell: TableCell, row: string | undefined, header: string | undefined): Cell => ({
    text: cellText(cell),
    broken: cell.children.some((child) => child.type === 'html' && readTag(child.value) !== undefined),
    notes: footnoteLabels(cell),
    node: cell,
    source: sourceOf(context.name, cellPosition(cell), anchor(context, row, header)),
  });
  const headers = (headerRow?.children ?? []).map((cell) => toCell(cell, undefined, undefined));
  const rows: Cell[][] = [];
  for (const row of bodyRows) {
    const key = row.children[0] ? cellText(row.children[0]) : '';
    if (row.children.length !== headers.length) {
      report(
        context.file,
        `Unexpected ${row.children.length} cells in the row for \`${key}\`, expected ${headers.length} as in the header`,
        {
          ruleId: TABLE_RULES.raggedRow,
          place: row.position,
          view: context.view,
          actual: String(row.children.length),
          expected: [String(headers.length)],
        },
      );
      continue;
    }
    rows.push(row.children.map((cell, index) => toCell(cell, key, headers[index]!.text)));
  }
  return { headers, rows };
}

function anchor(context: Context, row: string | undefined, header: string | undefined): Partial<Source> {
  const out: Partial<Source> = {};
  if (context.clause !== undefined) out.clause = context.clause;
  if (row !== undefined) out.row = row;
  if (header !== undefined) out.header = header;
  return out;
}

function columnIndex(grid: Grid, header: string, context: Context, table: string): number | undefined {
  const matches = grid.headers.flatMap((cell, index) => (cell.text === header ? [index] : []));
  if (matches.length === 0) {
    report(context.file, `Missing column \`${header}\` in the ${table}, expected a column with that header`, {
      ruleId: TABLE_RULES.missingColumn,
      place: grid.headers[0]?.node.position,
      view: context.view,
    });
    return undefined;
  }
  if (matches.length > 1) {
    report(context.file, `Unexpected second column \`${header}\` in the ${table}, expected each header once`, {
      ruleId: TABLE_RULES.duplicateColumn,
      place: grid.headers[matches[1]!]!.node.position,
      view: context.view,
    });
  }
  return matches[0];
}

function readRoles(grid: Grid, context: Context, facts: TableFacts): void {
  const [nameAt, idAt, partyAt] = ROLE_COLUMNS.map((header) => columnIndex(grid, header, context, 'User Roles table'));
  if (nameAt === undefined || idAt === undefined || partyAt === undefined) return;
  for (const row of grid.rows) {
    const id = row[idAt]!;
    if (!ROLE_ID.test(id.text)) {
      report(
        context.file,
        `Unexpected User Role identifier \`${id.text}\`, expected lower-case words joined by hyphens, such as \`import-supplier\``,
        {
          ruleId: TABLE_RULES.roleId,
          place: id.node.position,
          view: context.view,
          actual: id.text,
        },
      );
      continue;
    }
    facts.roleRows.push({ name: row[nameAt]!.text, id: id.text, partyCategory: row[partyAt]!.text, source: row[nameAt]!.source });
  }
}

function readServices(grid: Grid, context: Context, facts: TableFacts): void {
  const at = SERVICE_COLUMNS.map((header) => columnIndex(grid, header, context, 'services table'));
  if (at.some((index) => index === undefined)) return;
  const [refAt, nameAt, nonDeviceAt, onDemandAt, futureAt, scheduledAt] = at as number[];
  const roleColumns = grid.headers.flatMap((header, index) => (at.includes(index) ? [] : [{ header, index }]));
  const seen = new Map<string, Cell>();
  for (const row of grid.rows) {
    const ref = srRef(row[refAt!]!, context);
    if (ref === undefined) continue;
    const first = seen.get(ref);
    if (first) {
      reportDuplicateSr(ref, row[refAt!]!, first, context);
      continue;
    }
    seen.set(ref, row[refAt!]!);
    const flag = (index: number): boolean | undefined => yesNo(row[index]!, context, ref);
    const nonDevice = flag(nonDeviceAt!);
    const onDemand = flag(onDemandAt!);
    const dccScheduled = flag(scheduledAt!);
    const futureDated = futureDatedOf(row[futureAt!]!, context, ref);
    const roleCells: RoleCell[] = [];
    let ok = nonDevice !== undefined && onDemand !== undefined && dccScheduled !== undefined && futureDated !== undefined;
    for (const { header, index } of roleColumns) {
      const eligible = yesNo(row[index]!, context, ref);
      if (eligible === undefined) ok = false;
      else roleCells.push({ header: header.text, headerSource: header.source, eligible, source: row[index]!.source });
    }
    if (!ok) continue;
    facts.serviceRows.push({
      ref,
      name: row[nameAt!]!.text,
      nonDevice: nonDevice!,
      onDemand: onDemand!,
      futureDated: futureDated!,
      dccScheduled: dccScheduled!,
      source: row[refAt!]!.source,
      sources: {
        name: row[nameAt!]!.source,
        nonDevice: row[nonDeviceAt!]!.source,
        onDemand: row[onDemandAt!]!.source,
        futureDated: row[futureAt!]!.source,
        dccScheduled: row[scheduledAt!]!.source,
      },
      roleCells,
    });
  }
}

function readTrts(grid: Grid, context: Context, facts: TableFacts): void {
  const refAt = columnIndex(grid, 'SR', context, 'Target Response Time table');
  if (refAt === undefined) return;
  const columns = new Map<number, TrtColumn>();
  const headerKeys = new Map<string, Cell>();
  grid.headers.forEach((header, index) => {
    if (index === refAt) return;
    const parsed = parseTrtHeader(header.text);
    if (!parsed) {
      report(context.file, `Unexpected column \`${header.text}\` in a Target Response Time table, expected \`${TRT_HEADER_SYNTAX}\``, {
        ruleId: TABLE_RULES.unknownColumn,
        place: header.node.position,
        view: context.view,
        actual: header.text,
      });
      return;
    }
    const key = header.text;
    if (headerKeys.has(key)) {
      report(context.file, `Unexpected second column \`${key}\`, expected each header once`, {
        ruleId: TABLE_RULES.duplicateColumn,
        place: header.node.position,
        view: context.view,
      });
      return;
    }
    headerKeys.set(key, header);
    const column: TrtColumn = {
      ...parsed,
      header: header.text,
      headerSource: header.source,
    };
    columns.set(index, column);
    facts.trtColumns.push(column);
  });
  const seen = new Map<string, Cell>();
  for (const row of grid.rows) {
    const ref = srRef(row[refAt]!, context);
    if (ref === undefined) continue;
    const first = seen.get(ref);
    if (first) {
      reportDuplicateSr(ref, row[refAt]!, first, context);
      continue;
    }
    seen.set(ref, row[refAt]!);
    const cells: TrtCell[] = [];
    for (const [index, column] of columns) {
      const cell = row[index]!;
      if (cell.broken) continue;
      const duration = parseDuration(cell.text);
      if (!duration.ok) {
        report(
          context.file,
          `Unexpected Target Response Time \`${cell.text}\` for SR ${ref}, ${column.header}: ${duration.reason}${duration.suggestion ? `; did you mean \`${duration.suggestion}\`?` : ''}`,
          {
            ruleId: TABLE_RULES.duration,
            place: cellPosition(cell.node),
            view: context.view,
            actual: cell.text,
            expected: duration.suggestion ? [duration.suggestion] : DURATION_VOCABULARY,
          },
        );
        continue;
      }
      cells.push({ column, seconds: duration.seconds, text: cell.text, notes: cell.notes, source: cell.source });
    }
    facts.trtRows.push({ sr: ref, source: row[refAt]!.source, cells });
  }
}

function srRef(cell: Cell, context: Context): string | undefined {
  if (cell.broken) return undefined;
  if (SR_REF.test(cell.text)) return cell.text;
  report(
    context.file,
    `Unexpected Service Request reference \`${cell.text}\`, expected numbers separated by dots, such as \`4.1.1\` or \`8.2\``,
    {
      ruleId: TABLE_RULES.srRef,
      place: cellPosition(cell.node),
      view: context.view,
      actual: cell.text,
    },
  );
  return undefined;
}

function reportDuplicateSr(ref: string, cell: Cell, first: Cell, context: Context): void {
  report(context.file, `Unexpected second row for SR ${ref}, expected each Service Request once (first at line ${first.source.line})`, {
    ruleId: TABLE_RULES.srDuplicate,
    place: cellPosition(cell.node),
    view: context.view,
  });
}

function yesNo(cell: Cell, context: Context, ref: string): boolean | undefined {
  if (cell.broken) return undefined;
  const result = parseYesNo(cell.text);
  if (result.ok) return result.value;
  report(
    context.file,
    `Unexpected \`${cell.text}\` for SR ${ref}, ${cell.source.header ?? ''}: expected \`Yes\` or \`No\`${result.suggestion ? `; did you mean \`${result.suggestion}\`?` : ''}`,
    {
      ruleId: TABLE_RULES.flag,
      place: cellPosition(cell.node),
      view: context.view,
      actual: cell.text,
      expected: ['Yes', 'No'],
    },
  );
  return undefined;
}

function futureDatedOf(cell: Cell, context: Context, ref: string): 'DSP' | 'Device' | 'No' | undefined {
  if (cell.broken) return undefined;
  if (cell.text === 'DSP' || cell.text === 'Device' || cell.text === 'No') return cell.text;
  report(context.file, `Unexpected \`${cell.text}\` for SR ${ref}, Future Dated: expected \`DSP\`, \`Device\` or \`No\``, {
    ruleId: TABLE_RULES.flag,
    place: cellPosition(cell.node),
    view: context.view,
    actual: cell.text,
    expected: ['DSP', 'Device', 'No'],
  });
  return undefined;
}
