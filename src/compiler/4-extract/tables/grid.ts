/**
 * Tables are data: read by header name, never by column position. A table's grid is its header
 * cells and its body rows, each cell with its text, footnotes and source; ragged rows are
 * reported and dropped here, so every row a table kind sees has one cell per header. Also the
 * cell readers the kinds share (SR references, Yes/No flags, duplicate rows).
 */
import type { Table, TableCell } from 'mdast';
import type { VFile } from 'vfile';
import { report } from '../../../shared/diagnostics.js';
import type { Source } from '../../../shared/model.js';
import type { View } from '../../../shared/vocabulary.js';
import { parseYesNo } from '../duration.js';
import { readTag } from '../../2-parse/redline/tags.js';
import { cellPosition, cellText, footnoteLabels, sourceOf } from '../text.js';

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

/**
 * Two or three numbers of 1 to 4 digits without leading zeros: `4.01` is not `4.1` said another
 * way, and a 20-digit part would compare equal to its neighbours once read as a number.
 */
const SR_REF = /^[1-9]\d{0,3}\.(0|[1-9]\d{0,3})(\.(0|[1-9]\d{0,3}))?$/;

export interface Cell {
  text: string;
  /** Holds redline tags the plugin could not pair (already reported): its value is not read. */
  broken: boolean;
  notes: string[];
  source: Source;
  node: TableCell;
}

/** Where a table is: its document, the clause it sits under, and the view being read. */
export interface TableContext {
  file: VFile;
  name: string;
  clause: string | undefined;
  view: View;
}

export interface Grid {
  headers: Cell[];
  rows: Cell[][];
}

export function readGrid(table: Table, context: TableContext): Grid {
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
    rows.push(row.children.map((cell, index) => toCell(cell, key, headers[index]?.text)));
  }
  return { headers, rows };
}

function anchor(context: TableContext, row: string | undefined, header: string | undefined): Partial<Source> {
  const out: Partial<Source> = {};
  if (context.clause !== undefined) out.clause = context.clause;
  if (row !== undefined) out.row = row;
  if (header !== undefined) out.header = header;
  return out;
}

function columnIndex(grid: Grid, header: string, context: TableContext, table: string): number | undefined {
  const matches = grid.headers.flatMap((cell, index) => (cell.text === header ? [{ cell, index }] : []));
  const [first] = matches; // a second one is reported for every kind by ../table-headers.ts
  if (!first) {
    report(context.file, `Missing column \`${header}\` in the ${table}, expected a column with that header`, {
      ruleId: TABLE_RULES.missingColumn,
      place: grid.headers[0]?.node.position,
      view: context.view,
    });
    return undefined;
  }
  return first.index;
}

/** The index of each required header (each missing one reported); undefined if any is missing. */
export function requireColumns<H extends string>(
  grid: Grid,
  headers: readonly H[],
  context: TableContext,
  table: string,
): Record<H, number> | undefined {
  const found = headers.map((header) => [header, columnIndex(grid, header, context, table)] as const);
  if (found.some(([, index]) => index === undefined)) return undefined;
  return Object.fromEntries(found) as Record<H, number>;
}

/** A row's cells by header; undefined only if the row is shorter than the header (readGrid drops those). */
export function cellsOf<H extends string>(row: readonly Cell[], columns: Record<H, number>): Record<H, Cell> | undefined {
  const out: Partial<Record<H, Cell>> = {};
  for (const header of Object.keys(columns) as H[]) {
    const cell = row[columns[header]];
    if (!cell) return undefined;
    out[header] = cell;
  }
  return out as Record<H, Cell>;
}

export function srRef(cell: Cell, context: TableContext): string | undefined {
  if (cell.broken) return undefined;
  if (SR_REF.test(cell.text)) return cell.text;
  report(
    context.file,
    `Unexpected Service Request reference \`${cell.text}\`, expected two or three numbers separated by dots, such as \`4.1.1\` or \`8.2\` (each of 1 to 4 digits, without leading zeros)`,
    { ruleId: TABLE_RULES.srRef, place: cellPosition(cell.node), view: context.view, actual: cell.text },
  );
  return undefined;
}

/** Reports a second row for the same SR; returns true when `cell` is one (and should be skipped). */
export function isDuplicateSr(ref: string, cell: Cell, seen: Map<string, Cell>, context: TableContext): boolean {
  const first = seen.get(ref);
  if (!first) {
    seen.set(ref, cell);
    return false;
  }
  report(context.file, `Unexpected second row for SR ${ref}, expected each Service Request once (first at line ${first.source.line})`, {
    ruleId: TABLE_RULES.srDuplicate,
    place: cellPosition(cell.node),
    view: context.view,
  });
  return true;
}

export function yesNo(cell: Cell, context: TableContext, ref: string): boolean | undefined {
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
