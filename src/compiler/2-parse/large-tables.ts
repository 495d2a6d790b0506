/**
 * Large tables parsed in pieces. micromark holds every event of a document until it builds the
 * tree, about 1 KB of heap per byte of table: a 50,000-row Appendix E needed gigabytes, and the
 * garbage collector's work grew faster than the text. A top-level GFM table of more than
 * `minRows` rows is therefore parsed as its first `chunkRows` rows in the document, the other
 * rows blanked (spaces, so every line and offset stays where it was), and the rest in pieces of
 * `chunkRows` rows under the same header, whose rows are moved to their real lines and offsets
 * and appended to the table. Anything unexpected (a row that is not one line starting with `|`,
 * a piece that does not parse into exactly its rows) falls back to parsing the whole text.
 * test/large-tables.test.ts checks that both ways give the same tree.
 */
import type { Root, Table } from 'mdast';
import { shiftNode } from './incremental/tree-copy.js';

export interface ChunkOptions {
  minRows: number;
  chunkRows: number;
}

export const CHUNKING: ChunkOptions = { minRows: 2_000, chunkRows: 500 };

interface Span {
  /** 0-based index of the header line; the delimiter row is the next line. */
  header: number;
  /** Body rows [first, end) as 0-based line indexes. */
  first: number;
  end: number;
}

const DELIMITER = /^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;
const DEFINITION = /^ {0,3}\[[^\]]+\]:/;

export function parseLargeTablesInChunks(text: string, parse: (text: string) => Root, options: ChunkOptions = CHUNKING): Root {
  const lines = text.split('\n');
  const spans = largeTables(lines, options.minRows);
  if (spans.length === 0) return parse(text);
  const starts = lineStarts(lines);
  const blanked = [...lines];
  for (const span of spans)
    for (let line = span.first + options.chunkRows; line < span.end; line++) blanked[line] = blank(lines[line] ?? '');
  const tree = parse(blanked.join('\n'));
  // Definitions (footnotes, links) decide how references in cells parse: each piece gets them too.
  const definitions = lines.filter((line) => DEFINITION.test(line)).join('\n\n');
  for (const span of spans) {
    const table = tree.children.find((node): node is Table => node.type === 'table' && node.position?.start.line === span.header + 1);
    if (!table || !appendPieces(table, span, lines, starts, definitions, parse, options.chunkRows)) return parse(text);
  }
  return tree;
}

/** Top-level tables whose rows are each one line starting with `|`, with more than `minRows` rows. */
function largeTables(lines: readonly string[], minRows: number): Span[] {
  const spans: Span[] = [];
  for (let index = 0; index + 1 < lines.length; index++) {
    const line = lines[index] ?? '';
    if (!line.startsWith('|') || !DELIMITER.test((lines[index + 1] ?? '').trimEnd())) continue;
    if (index > 0 && (lines[index - 1] ?? '').trim() !== '') continue; // only a table that starts a block
    let end = index + 2;
    while (end < lines.length && (lines[end] ?? '').startsWith('|')) end++;
    if (end - index - 2 > minRows && (end === lines.length || (lines[end] ?? '').trim() === ''))
      spans.push({ header: index, first: index + 2, end });
    index = end;
  }
  return spans;
}

function appendPieces(
  table: Table,
  span: Span,
  lines: readonly string[],
  starts: readonly number[],
  definitions: string,
  parse: (text: string) => Root,
  chunkRows: number,
): boolean {
  if (table.children.length !== 1 + Math.min(chunkRows, span.end - span.first)) return false;
  const head = `${lines[span.header]}\n${lines[span.header + 1]}\n`;
  for (let first = span.first + chunkRows; first < span.end; first += chunkRows) {
    const last = Math.min(first + chunkRows, span.end);
    const piece = parse(`${head}${lines.slice(first, last).join('\n')}\n\n${definitions}\n`);
    const parsed = piece.children[0];
    if (parsed?.type !== 'table' || parsed.children.length !== 1 + last - first) return false;
    const rows = parsed.children.slice(1);
    const shift = { lines: first - 2, offsets: (starts[first] ?? 0) - head.length };
    for (const row of rows) shiftNode(row, shift);
    table.children.push(...rows);
  }
  const lastRow = table.children[table.children.length - 1];
  if (table.position && lastRow?.position) table.position.end = { ...lastRow.position.end };
  return true;
}

function lineStarts(lines: readonly string[]): number[] {
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + 1;
  }
  return starts;
}

/** The same number of characters, all spaces (a carriage return kept): a blank line. */
function blank(line: string): string {
  return line.endsWith('\r') ? `${' '.repeat(line.length - 1)}\r` : ' '.repeat(line.length);
}
