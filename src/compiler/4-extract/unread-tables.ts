/**
 * Tables that hold data the compiler does not read. A table is read when its headers name a
 * table kind (User Roles, services, Target Response Times); a table that looks like one of them
 * but is not recognised (a header renamed `SR No.`, `Service Request Title`) would compile to no
 * entries without a word, and so would a table recognised in one view but not in the other
 * (a header redlined into a name no kind knows). Both are errors at the header row.
 */
import type { Root, Table } from 'mdast';
import type { VFile } from 'vfile';
import { report } from '../../shared/diagnostics.js';
import type { View } from '../../shared/vocabulary.js';
import { cellText } from './text.js';

export const UNREAD_TABLE_RULES = { unrecognised: 'table-unrecognised' } as const;

/** Header words that only data tables use (compared without case, spaces or punctuation). */
const DATA_HEADERS = [
  'sr',
  'srno',
  'srref',
  'servicerequest',
  'servicerequestname',
  'nondevice',
  'ondemand',
  'futuredated',
  'dccscheduled',
  'userrole',
  'identifier',
  'partycategory',
];
const TRT_LIKE = /smets\s*[12]|scheduled|on-?demand/i;

function squash(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The headers that make a table look like data, or none. */
export function dataLikeHeaders(headers: readonly string[]): string[] {
  return headers.filter((header) => DATA_HEADERS.includes(squash(header)) || TRT_LIKE.test(header));
}

/** Rows whose first cell is an SR reference, or cells that hold Target Response Times: data whatever the headers say. */
const SR_LIKE = /^[1-9]\d*\.\d+(\.\d+)?$/;
const DURATION_LIKE = /^\d[\d,]* (secs?|mins?|hrs?)$/;

export function dataLikeContent(table: Table): string[] {
  const rows = table.children.slice(1);
  if (rows.length === 0) return [];
  const firsts = rows.map((row) => (row.children[0] ? cellText(row.children[0]) : ''));
  const cells = rows.flatMap((row) => row.children.slice(1).map((cell) => cellText(cell)));
  const clues: string[] = [];
  if (firsts.filter((text) => SR_LIKE.test(text)).length * 2 >= rows.length) clues.push('rows keyed by SR numbers');
  if (cells.filter((text) => DURATION_LIKE.test(text) || text === 'N/A').length * 2 >= Math.max(1, cells.length))
    clues.push('cells of Target Response Times');
  return clues;
}

export function reportUnrecognisedTable(table: Table, headers: readonly string[], context: { file: VFile; view: View }): void {
  const headerClues = dataLikeHeaders(headers).map((clue) => `\`${clue}\``);
  const clues = [...headerClues.slice(0, 3), ...(headerClues.length > 3 ? ['…'] : []), ...dataLikeContent(table)];
  if (clues.length === 0) return;
  report(
    context.file,
    `Unexpected table with ${clues.join(', ')} that no table kind recognises, expected the headers of the User Roles table (\`User Role | Identifier | Party Category\`), the services table (\`SR | Service Request Name | …\`) or a Target Response Time table (\`SR | <sender> / SMETS<n> / <mode>\`); its rows are not read`,
    { ruleId: UNREAD_TABLE_RULES.unrecognised, place: table.children[0]?.position ?? table.position, view: context.view },
  );
}

/** Table start offset → the kind each view read it as (undefined: not read). */
export type TableReadings = Map<number, Partial<Record<View, string | undefined>>>;

export function reportTablesReadInOneView(readings: TableReadings, tree: Root, file: VFile): void {
  const tables = tablesByOffset(tree);
  for (const [offset, byView] of readings) {
    const views = Object.keys(byView) as View[];
    if (views.length !== 2 || byView.baseline === byView.modified) continue;
    const missing: View = byView.baseline === undefined ? 'baseline' : 'modified';
    const kind = byView[missing === 'baseline' ? 'modified' : 'baseline'];
    const table = tables.get(offset);
    report(
      file,
      `Unexpected table read as the ${kind} in the ${missing === 'baseline' ? 'modified' : 'baseline'} text but as no table in the ${missing} text, expected its headers to name the same table kind in both; its rows would vanish from one view`,
      { ruleId: UNREAD_TABLE_RULES.unrecognised, place: table?.children[0]?.position ?? table?.position, view: missing },
    );
  }
}

function tablesByOffset(tree: Root): Map<number, Table> {
  const out = new Map<number, Table>();
  for (const node of tree.children)
    if (node.type === 'table' && node.position?.start.offset !== undefined) out.set(node.position.start.offset, node);
  return out;
}
