/**
 * Redline conventions the pairing itself does not need, but whose breach would lose or misread
 * text without a word:
 * - a cell that is not wholly inserted (deleted) inside a column whose header is: the projection
 *   drops the whole column from the view that removes it, so that cell's text would vanish;
 * - a `datetime` attribute that is not a date (and time) that exists.
 */
import type { Nodes, Root, Table } from 'mdast';
import type { VFile } from 'vfile';
import { report } from '../../../shared/diagnostics.js';
import { isCalendarDate } from '../yaml-values.js';
import { isRedline, type Redline } from './types.js';
import { walk } from './walk.js';

export const CONVENTION_RULES = { columnCell: 'redline-column-cell', datetime: 'date-invalid' } as const;

export function reportConventionBreaches(tree: Root, file: VFile): void {
  walk(tree, (node) => {
    if (node.type === 'table') reportPlainCellsInRedlinedColumns(node, file);
    if (isRedline(node) && node.datetime !== undefined) reportBadDatetime(node, file);
  });
}

function reportPlainCellsInRedlinedColumns(table: Table, file: VFile): void {
  const [header, ...rows] = table.children;
  if (!header) return;
  header.children.forEach((headerCell, column) => {
    const type = wholeRedline(headerCell.children as Nodes[]);
    if (!type) return;
    const verb = type === 'insertion' ? 'inserted' : 'deleted';
    for (const row of rows) {
      const cell = row.children[column];
      if (!cell) continue;
      const children = cell.children as Nodes[];
      if (children.every(isBlankText) || wholeRedline(children) === type) continue;
      report(
        file,
        `Unexpected text in the ${verb} column \`${plain(headerCell.children as Nodes[])}\` that is not itself ${verb}, expected every cell of ${type === 'insertion' ? 'an' : 'a'} ${verb} column to be wholly ${verb}`,
        {
          ruleId: CONVENTION_RULES.columnCell,
          place: children[0]?.position?.start ?? cell.position,
          note: `The whole column is ${verb}, so this cell would silently ${type === 'insertion' ? 'be missing before' : 'disappear after'} the modification. Wrap its text in \`<${type === 'insertion' ? 'ins' : 'del'} cite="…">\`.`,
        },
      );
    }
  });
}

/** `insertion` or `deletion` when the content is only redlines of that one type (at least one). */
function wholeRedline(children: readonly Nodes[]): 'insertion' | 'deletion' | undefined {
  let type: 'insertion' | 'deletion' | undefined;
  for (const child of children) {
    if (isBlankText(child)) continue;
    if (child.type !== 'insertion' && child.type !== 'deletion') return undefined;
    if (type && type !== child.type) return undefined;
    type = child.type;
  }
  return type;
}

function isBlankText(node: Nodes): boolean {
  return node.type === 'text' && node.value.trim() === '';
}

function plain(children: readonly Nodes[]): string {
  return children.map((child) => ('value' in child ? child.value : 'children' in child ? plain(child.children as Nodes[]) : '')).join('');
}

/** HTML's valid date string with an optional time and zone: `2024-06-27`, `2024-06-27T09:30Z`. */
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(?:Z|[+-](\d{2}):(\d{2}))?)?$/;

function reportBadDatetime(node: Redline, file: VFile): void {
  const value = node.datetime ?? '';
  const match = DATETIME.exec(value);
  const numbers = (match ?? []).slice(1).map((part) => (part === undefined ? 0 : Number(part)));
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, zoneHour = 0, zoneMinute = 0] = numbers;
  const valid =
    match !== null && isCalendarDate(year, month, day) && hour < 24 && minute < 60 && second < 60 && zoneHour < 24 && zoneMinute < 60;
  if (valid) return;
  report(
    file,
    `Unexpected \`datetime="${value}"\` on ${node.type === 'insertion' ? 'an' : 'a'} ${node.type}: it is not a date that exists, expected \`YYYY-MM-DD\` or \`YYYY-MM-DDThh:mm\` (optionally with seconds and a zone)`,
    { ruleId: CONVENTION_RULES.datetime, place: attributePlace(node, file), actual: value },
  );
}

/** Where `datetime=` is written in the opening tag (or the tag itself when it cannot be found). */
function attributePlace(node: Redline, file: VFile): { line: number; column: number } | undefined {
  const start = node.position?.start;
  if (start?.offset === undefined) return start;
  const tag = String(file.value).slice(start.offset, start.offset + 500);
  const close = tag.indexOf('>');
  const at = tag.slice(0, close === -1 ? undefined : close).search(/datetime\s*=/i);
  if (at === -1) return start;
  const before = tag.slice(0, at);
  const newlines = before.split('\n').length - 1;
  return newlines === 0
    ? { line: start.line, column: start.column + at }
    : { line: start.line + newlines, column: at - before.lastIndexOf('\n') };
}
