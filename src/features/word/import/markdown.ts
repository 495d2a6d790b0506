/**
 * Blocks → redlined Markdown in the project's conventions. Runs of one tracked change become
 * `<ins cite>` / `<del cite>` (a GFM `~~strike~~` for an unattributed deletion); paragraphs
 * (and tables) wholly inserted or deleted with their paragraph marks become block redlines,
 * neighbours of the same change sharing one. Text is escaped so it reads back as the same text.
 */
import type { Block } from './model.js';
import type { Mark, Notice, Segment, WordTable } from './model.js';
import { sameMark } from './model.js';

export interface RenderContext {
  /** The modification a Word author stands for (`~~` when it is the unattributed author); undefined: a finding. */
  citeOf(mark: Mark, at: number | string): string | undefined;
  /** The date a modification's changes carry anyway (`changeDate`): a Word date that differs becomes `datetime`. */
  dateOf(cite: string): string;
  notices: Notice[];
}

export function renderBlocks(blocks: readonly Block[], context: RenderContext): string {
  const marks = blocks.map((block) => wholeMark(block, context));
  const parts: string[] = [];
  let index = 0;
  while (index < blocks.length) {
    const block = blocks[index] as Block;
    const whole = marks[index];
    if (!whole) {
      parts.push(renderBlock(block, context, false));
      index++;
      continue;
    }
    const group: Block[] = [];
    while (index < blocks.length && sameMark(marks[index], whole)) group.push(blocks[index++] as Block);
    const cite = context.citeOf(whole, block.at) ?? '?';
    const tag = whole.kind === 'insertion' ? 'ins' : 'del';
    const open = `<${tag} cite="${cite}"${datetime(whole, cite, context)}>`;
    parts.push(`${open}\n\n${joinBlocks(group.map((member) => renderBlock(member, context, true)))}\n\n</${tag}>`);
  }
  return joinBlocks(parts);
}

/** Blank lines between blocks; list items of one list stay tight. */
function joinBlocks(rendered: readonly string[]): string {
  return rendered
    .join('\n\n')
    .replace(/\n\n(?=\s*(?:- |\d+\. ))/g, (gap, offset: number, all: string) =>
      /(?:^|\n)\s*(?:- |\d+\. )[^\n]*$/.test(all.slice(0, offset)) ? '\n' : gap,
    );
}

/**
 * The change of a block whose text is wholly inserted or deleted by one author: a block redline.
 * Word also tracks the paragraph mark (or the rows of a table), but another writer may track only
 * the runs; an empty paragraph is nothing in Markdown, so the runs decide.
 */
function wholeMark(block: Block, context: RenderContext): Mark | undefined {
  if (block.kind === 'code') return block.mark;
  const segments =
    block.kind === 'table'
      ? block.table.rows.flatMap((row) => row.cells.flatMap((cell) => withMark(cell.segments, row.mark ?? cell.mark)))
      : block.segments;
  const filled = segments.filter((segment) => segment.text.trim() !== '' || segment.footnote !== undefined);
  const first = filled[0]?.mark;
  const whole = first && filled.every((segment) => sameMark(segment.mark, first)) ? first : undefined;
  if (block.kind !== 'table' && block.mark && !sameMark(block.mark, whole)) {
    context.notices.push({
      at: block.at,
      what: 'a paragraph split or joined with tracked changes (the paragraphs are kept apart, their text as tracked)',
      severity: 'warning',
    });
  }
  return whole;
}

/** A tracked row or cell marks whatever in it is not already tracked. */
function withMark(segments: readonly Segment[], mark: Mark | undefined): Segment[] {
  return mark ? segments.map((segment) => (segment.mark ? segment : { ...segment, mark })) : [...segments];
}

function renderBlock(block: Block, context: RenderContext, inGroup: boolean): string {
  switch (block.kind) {
    case 'heading':
      return `${'#'.repeat(block.depth)} ${inline(block.segments, context, inGroup, block.at, 'heading')}`;
    case 'paragraph':
      return guardLineStart(inline(block.segments, context, inGroup, block.at));
    case 'item':
      return `${'    '.repeat(block.level)}${block.ordered ? '1.' : '-'} ${inline(block.segments, context, inGroup, block.at)}`;
    case 'code': {
      const fence = '`'.repeat(Math.max(3, longestRun(block.text, '`') + 1));
      return `${fence}${block.lang}\n${block.text.replace(/\n+$/, '')}\n${fence}`;
    }
    case 'footnote':
      return `[^${block.label}]: ${inline(block.segments, context, inGroup, block.at)}`;
    case 'table':
      return renderTable(block.table, context, inGroup);
  }
}

function renderTable(table: WordTable, context: RenderContext, inGroup: boolean): string {
  const width = Math.max(...table.rows.map((row) => row.cells.length), 1);
  const lines = table.rows.map((row) => {
    const cells = Array.from({ length: width }, (_, column) => {
      const cell = row.cells[column];
      if (!cell) return '';
      return inline(withMark(cell.segments, row.mark ?? cell.mark), context, inGroup, table.index, 'cell');
    });
    return `| ${cells.join(' | ')} |`;
  });
  if (table.rows.some((row) => row.cells.length !== width)) {
    context.notices.push({
      at: table.index,
      what: 'table rows with different numbers of cells (short rows are filled with empty cells)',
      severity: 'warning',
    });
  }
  lines.splice(1, 0, `|${'---|'.repeat(width)}`);
  return lines.join('\n');
}

/** Segments → inline Markdown; in a block redline the runs' own marks are already said by the block. */
type Place = 'text' | 'cell' | 'heading';

function inline(
  segments: readonly Segment[],
  context: RenderContext,
  inGroup: boolean,
  at: number | string,
  place: Place = 'text',
): string {
  let out = '';
  let index = 0;
  while (index < segments.length) {
    const mark = inGroup ? undefined : segments[index]?.mark;
    let body = '';
    while (index < segments.length && (inGroup || sameMark(segments[index]?.mark, mark)))
      body += segmentText(segments[index++] as Segment, place);
    if (!mark) out += body;
    else if (body.trim() !== '') out += redline(mark, body, context, at);
  }
  return out.replace(/\s*\n\s*/g, ' ').trim();
}

function redline(mark: Mark, body: string, context: RenderContext, at: number | string): string {
  const cite = context.citeOf(mark, at);
  if (cite === '~~') return `~~${body}~~`;
  const tag = mark.kind === 'insertion' ? 'ins' : 'del';
  return `<${tag} cite="${cite ?? '?'}"${datetime(mark, cite ?? '?', context)}>${body}</${tag}>`;
}

/** ` datetime="…"` when Word dated the change otherwise than its modification's date (and the date is a plain timestamp). */
function datetime(mark: Mark, cite: string, context: RenderContext): string {
  if (!mark.date || !/^[0-9][0-9T:.+\-Z]*$/.test(mark.date) || mark.date === context.dateOf(cite)) return '';
  return ` datetime="${mark.date}"`;
}

function segmentText(segment: Segment, place: Place): string {
  if (segment.footnote !== undefined) return `[^${segment.footnote}]`;
  if (segment.code) return codeSpan(segment.text, place === 'cell');
  // A `#` in a heading's text could close the heading.
  return place === 'heading' ? escapeText(segment.text).replace(/#/g, '\\#') : escapeText(segment.text);
}

function codeSpan(text: string, inTable: boolean): string {
  if (text === '') return '';
  const fence = '`'.repeat(longestRun(text, '`') + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || (text.startsWith(' ') && text.endsWith(' ') && text.trim() !== '') ? ' ' : '';
  return `${fence}${pad}${inTable ? text.replace(/\|/g, '\\|') : text}${pad}${fence}`;
}

/** Backslash-escapes every ASCII punctuation mark Markdown could read as syntax, so the text stays text. */
export function escapeText(text: string): string {
  return text.replace(/[\\`*_[\]<>~|]/g, '\\$&').replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
}

/** A paragraph that starts like a heading, list item, quote or setext line is escaped at its first character. */
function guardLineStart(line: string): string {
  if (/^[#+=-]/.test(line)) return `\\${line}`;
  return line.replace(/^(\d+)([.)])/, '$1\\$2');
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let current = 0;
  for (const c of text) {
    current = c === char ? current + 1 : 0;
    longest = Math.max(longest, current);
  }
  return longest;
}
