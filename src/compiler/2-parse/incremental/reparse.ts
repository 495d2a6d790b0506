/**
 * Incremental parse of an edited document: the blocks an edit can reach are parsed again alone
 * and spliced into the previous tree, every later position moved; inside a top-level GFM table,
 * only the changed rows, under the table's header (as large-tables.ts parses pieces). The
 * document's definitions (link references, footnotes) go with every piece, since they decide how
 * references in it parse. Returns undefined whenever the edit could change anything beyond its
 * blocks (region.ts): the caller then parses the whole text. A successful reparse gives up the
 * previous tree for the new one: blocks before the edit are shared, those after it are moved in
 * place (copying them cost more than the parse of the edit).
 */
import type { Nodes, Root, RootContent, Table, TableRow } from 'mdast';
import { changedLines, LineIndex, type ChangedLines } from './lines.js';
import { isClosedBlock, regionOf } from './region.js';
import { shiftNode, type Shift } from './tree-copy.js';

/** A parsed text as the incremental parse keeps it. */
export interface ParsedText {
  text: string;
  /** The parser's tree, before any plugin changed it; never changed after. */
  tree: Root;
  /** A definition for each link reference and footnote label the text defines; undefined when a label could not be read back. */
  definitions: string | undefined;
}

type Parse = (text: string) => Root;
type Known = ParsedText & { definitions: string };

const FRONT_MATTER = /^(?:---|\+\+\+)/;

/** A region larger than this share of the text is parsed with the rest: nothing to gain. */
const MAX_SHARE = 0.5;

export function parsedText(text: string, tree: Root): ParsedText {
  return { text, tree, definitions: definitionsOf(tree, text) };
}

/** The new text's tree from the previous one, or undefined when only a whole parse is safe. */
export function reparse(previous: ParsedText, text: string, parse: Parse): ParsedText | undefined {
  if (previous.definitions === undefined) return undefined;
  // A front matter fence that opens no front matter changes how the whole text parses (lists read as paragraphs).
  const fenced = FRONT_MATTER.test(text) || FRONT_MATTER.test(previous.text);
  if (fenced && previous.tree.children[0]?.type !== 'yaml') return undefined;
  // A lone carriage return ends a line for the parser but not for the line index.
  if (/\r(?!\n)/.test(text) || /\r(?!\n)/.test(previous.text)) return undefined;
  const old = new LineIndex(previous.text);
  const next = new LineIndex(text);
  const change = changedLines(old, next);
  if (!change) return previous;
  const known = { ...previous, definitions: previous.definitions };
  const spliced = reparseRows(known, change, old, next, parse) ?? reparseBlocks(known, change, old, next, parse);
  return spliced && { text, tree: spliced, definitions: previous.definitions };
}

/** Only changed body rows of one top-level table, each still one row line: parse them under its header. */
function reparseRows(previous: Known, change: ChangedLines, old: LineIndex, next: LineIndex, parse: Parse): Root | undefined {
  const children = previous.tree.children;
  const index = children.findIndex((child) => child.position !== undefined && child.position.end.line >= change.first);
  const table = children[index];
  if (table?.type !== 'table' || !table.position) return undefined;
  const header = table.position.start.line;
  if (change.first < header + 2 || change.oldLast > table.position.end.line) return undefined;
  const rowAt = (line: number) => table.children.findIndex((row) => row.position?.start.line === line);
  const from = rowAt(change.first);
  const to = rowAt(change.oldLast);
  if (from < 1 || to - from !== change.oldLast - change.first) return undefined;
  const lines: string[] = [];
  for (let line = change.first; line <= change.newLast; line++) lines.push(next.line(line));
  if (!lines.every((line) => /^\|.*\S/.test(line))) return undefined;
  const head = `${old.line(header)}\n${old.line(header + 1)}\n`;
  const piece = parse(`${head}${lines.join('\n')}\n\n${previous.definitions}`);
  const parsed = piece.children[0];
  if (parsed?.type !== 'table' || parsed.children.length !== 1 + lines.length) return undefined;
  if (!piece.children.slice(1).every(isDefinition)) return undefined;
  const moved = { lines: change.first - 3, offsets: next.start(change.first) - head.length };
  const rows = parsed.children.slice(1);
  for (const row of rows) shiftNode(row, moved);
  if (rows.some((row, at) => row.position?.start.line !== change.first + at)) return undefined;
  const shift: Shift = { lines: change.lines, offsets: change.offsets };
  const after = table.children.slice(to + 1);
  for (const row of after) shiftNode(row, shift);
  const tableRows: TableRow[] = [...table.children.slice(0, from), ...rows, ...after];
  const end = tableRows.at(-1)?.position?.end;
  const spliced: Table = { ...table, children: tableRows, position: end && { start: table.position.start, end: { ...end } } };
  return splice(previous.tree, index, index, [spliced], shift, next);
}

/** The top-level blocks the edit reaches, parsed again alone when they are framed by blank lines. */
function reparseBlocks(previous: Known, change: ChangedLines, old: LineIndex, next: LineIndex, parse: Parse): Root | undefined {
  const children = previous.tree.children;
  const region = regionOf(children, change, old, next);
  if (!region || !children.slice(region.first, region.last + 1).every((child) => isClosedBlock(child, old.text))) return undefined;
  const start = old.start(region.start);
  const end = next.end(region.end + change.lines);
  if (end - start > MAX_SHARE * next.text.length) return undefined;
  const source = next.text.slice(start, end);
  // A piece opening with a fence would be read as front matter, which the document's own start alone may be.
  if (region.start > 1 && FRONT_MATTER.test(source)) return undefined;
  const piece = parse(`${source}\n\n${previous.definitions}`);
  const blocks = piece.children.filter((child) => (child.position?.start.offset ?? Infinity) < source.length);
  const rest = piece.children.slice(blocks.length);
  const piecePrefix = `${source}\n\n`;
  const closed = (block: RootContent) => isClosedBlock(block, piecePrefix) && (block.position?.end.offset ?? Infinity) <= source.length;
  if (!blocks.every(closed)) return undefined;
  if (!rest.every(isDefinition)) return undefined;
  const moved = { lines: region.start - 1, offsets: start };
  for (const block of blocks) shiftNode(block, moved);
  return splice(previous.tree, region.first, region.last, blocks, { lines: change.lines, offsets: change.offsets }, next);
}

/** The previous root with children [first, last] replaced, those after moved; its end is the new text's end. */
function splice(tree: Root, first: number, last: number, replacement: RootContent[], shift: Shift, next: LineIndex): Root {
  const after = tree.children.slice(last + 1);
  for (const child of after) shiftNode(child, shift);
  const lastLine = next.count;
  const end = { line: lastLine, column: next.text.length - next.start(lastLine) + 1, offset: next.text.length };
  const root: Root = { ...tree, children: [...tree.children.slice(0, first), ...replacement, ...after] };
  if (tree.position) root.position = { start: { ...tree.position.start }, end };
  return root;
}

function isDefinition(node: RootContent): boolean {
  return node.type === 'definition' || node.type === 'footnoteDefinition';
}

/** A label as written, from the definition's source: `[label]:` or `[^label]:` (one line). */
const LABEL = /^[ \t]*\[(\^?(?:[^\\\]\n]|\\.)*)\]:/;

/**
 * Every definition in the tree (at any depth), as a blank-line-separated definition of the same
 * label each (what a reference needs to parse as one); undefined when a label cannot be read
 * back from the text (written over several lines, inside a container).
 */
function definitionsOf(tree: Root, text: string): string | undefined {
  const lines: string[] = [];
  const stack: Nodes[] = [tree];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.type === 'definition' || node.type === 'footnoteDefinition') {
      const label = LABEL.exec(text.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0))?.[1];
      if (label === undefined || label.startsWith('^') !== (node.type === 'footnoteDefinition')) return undefined;
      lines.push(`[${label}]: x`);
    }
    if ('children' in node) stack.push(...(node.children as Nodes[]));
  }
  return lines.join('\n\n');
}
