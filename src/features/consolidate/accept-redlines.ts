/**
 * Accepting redlines into the text: what SECAS does when it publishes the consolidated SEC after a
 * release. An accepted insertion keeps its content and loses its tags; an accepted deletion goes,
 * content and all; a table row whose every cell is an accepted deletion goes, and so does a column
 * whose header cell is one (from every row, the delimiter row included). Redlines that are not
 * accepted stay exactly as written, so the result is still a valid redline of what is pending.
 *
 * Takes the document's text and its parsed tree (with redline nodes and offsets); returns the new
 * text. Pure: works on offsets of the original text and splices once, from the end.
 */
import type { Nodes, Parent, Root, Table, TableCell, TableRow } from 'mdast';
import { isRedline, type Redline } from '../../compiler/2-parse/redline/types.js';

/** Does the consolidation accept this redline (by its `cite` and the document's SEC part)? */
export type Accepts = (redline: Redline) => boolean;

interface Edit {
  start: number;
  end: number;
  text: string;
}

export function acceptRedlines(text: string, tree: Root, accepts: Accepts): string {
  const edits: Edit[] = [];
  collect(tree, text, accepts, edits);
  edits.sort((a, b) => b.start - a.start);
  let out = text;
  let floor = Number.POSITIVE_INFINITY;
  for (const edit of edits) {
    if (edit.end > floor) continue; // inside a span already replaced (e.g. a cell of a removed row)
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
    floor = edit.start;
  }
  return out;
}

function collect(node: Nodes, text: string, accepts: Accepts, edits: Edit[]): void {
  if (node.type === 'table') return collectTable(node, text, accepts, edits);
  if (isRedline(node)) {
    if (accepts(node)) edits.push(acceptOne(node, text));
    return; // redlines never nest (the parser reports it), so nothing inside needs a look
  }
  if ('children' in node) for (const child of (node as Parent).children as Nodes[]) collect(child, text, accepts, edits);
}

function span(node: { position?: { start: { offset?: number }; end: { offset?: number } } }): [number, number] {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) throw new RangeError('acceptRedlines: a node without offsets');
  return [start, end];
}

function acceptOne(redline: Redline, text: string): Edit {
  const [start, end] = span(redline);
  if (redline.type === 'insertion') {
    const first = redline.children[0];
    const last = redline.children[redline.children.length - 1];
    if (!first || !last) return { start, end, text: '' };
    return { start, end, text: text.slice(span(first)[0], span(last)[1]) };
  }
  // A deleted block takes one of the blank lines around it with it, so no gap of two is left.
  const blockLevel = (start === 0 || text[start - 1] === '\n') && text.startsWith('\n\n', end);
  return { start, end: blockLevel ? end + 2 : end, text: '' };
}

function collectTable(table: Table, text: string, accepts: Accepts, edits: Edit[]): void {
  const [header, ...body] = table.children;
  if (!header) return;
  const removedColumns = header.children.map((cell) => whollyAcceptedDeletion(cell, accepts));
  for (const row of body) {
    if (isRowRemoved(row, accepts)) {
      const [start, end] = span(row);
      edits.push({ start, end: text[end] === '\n' ? end + 1 : end, text: '' });
      continue;
    }
    collectRow(row, text, accepts, removedColumns, edits);
  }
  collectRow(header, text, accepts, removedColumns, edits);
  if (removedColumns.some(Boolean)) edits.push(...delimiterEdits(table, text, removedColumns));
}

function collectRow(row: TableRow, text: string, accepts: Accepts, removedColumns: boolean[], edits: Edit[]): void {
  row.children.forEach((cell, column) => {
    if (removedColumns[column]) edits.push(removeCell(cell, text, column === row.children.length - 1));
    else for (const child of cell.children as Nodes[]) collect(child, text, accepts, edits);
  });
}

/** A cell's span runs from its leading pipe to the next; the last cell's includes the closing pipe, which stays. */
function removeCell(cell: TableCell, text: string, last: boolean): Edit {
  const [start, end] = span(cell);
  const closing = last && text[end - 1] === '|';
  return { start, end, text: closing ? '|' : '' };
}

/** The delimiter row (`|---|:-:|`) has no node of its own: cut its segments by the pipes. */
function delimiterEdits(table: Table, text: string, removedColumns: boolean[]): Edit[] {
  const header = table.children[0];
  if (!header) return [];
  const lineStart = text.indexOf('\n', span(header)[1]) + 1;
  const lineEnd = text.indexOf('\n', lineStart) === -1 ? text.length : text.indexOf('\n', lineStart);
  const line = text.slice(lineStart, lineEnd);
  const pipes = [...line.matchAll(/\|/g)].map((match) => match.index);
  const leading = line.trimStart().startsWith('|');
  const segments: Array<[number, number]> = [];
  const starts = leading ? pipes : [0, ...pipes];
  for (let index = 0; index < starts.length; index++) {
    const from = starts[index] ?? 0;
    const to = starts[index + 1] ?? line.length;
    if (line.slice(from, to).replace(/\|/g, '').trim() !== '') segments.push([from, to]);
  }
  const edits: Edit[] = [];
  removedColumns.forEach((removed, column) => {
    const segment = segments[column];
    if (!removed || !segment) return;
    const isLast = column === segments.length - 1;
    const closing = isLast && line.trimEnd().endsWith('|');
    edits.push({ start: lineStart + segment[0], end: lineStart + (isLast ? line.length : segment[1]), text: closing ? '|' : '' });
  });
  return edits;
}

function whollyAcceptedDeletion(cell: TableCell, accepts: Accepts): boolean {
  let seen = false;
  for (const child of cell.children as Nodes[]) {
    if (child.type === 'text' && child.value.trim() === '') continue;
    if (child.type !== 'deletion' || !accepts(child)) return false;
    seen = true;
  }
  return seen;
}

function isRowRemoved(row: TableRow, accepts: Accepts): boolean {
  let removed = false;
  for (const cell of row.children) {
    const blank = (cell.children as Nodes[]).every((child) => child.type === 'text' && child.value.trim() === '');
    if (blank) continue;
    if (!whollyAcceptedDeletion(cell, accepts)) return false;
    removed = true;
  }
  return removed;
}
