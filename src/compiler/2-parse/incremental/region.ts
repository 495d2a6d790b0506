/**
 * Which top-level blocks an edit can reach, and whether parsing them alone gives what parsing
 * the whole document gives. A region of top-level blocks is parsed alone only when it is framed
 * by blank lines that belong to no block, starts flush left (so it cannot continue a list,
 * footnote or indented code before it), and holds only blocks that a blank line always ends
 * (paragraphs, headings, tables, thematic breaks, HTML blocks of kinds 6 and 7, such as a
 * block `<ins>` tag) or that closes itself (a fenced code block such as a rule block; the caller
 * checks that it ends inside the region). Anything else — lists, quotes, indented code,
 * definitions, front matter, HTML kinds 1 to 5 — makes the caller parse the whole document:
 * cheap, conservative guards.
 */
import type { RootContent } from 'mdast';
import type { ChangedLines, LineIndex } from './lines.js';

/** Top-level blocks [first, last] (indexes; last < first: none) spanning lines [start, end] of the old text. */
export interface Region {
  first: number;
  last: number;
  start: number;
  end: number;
}

/** The most widenings tried before the whole document is parsed instead. */
const MAX_WIDENINGS = 12;

/** HTML blocks that a blank line does not end (CommonMark kinds 1 to 5). */
const OPEN_HTML = /^ {0,3}(?:<(?:script|pre|style|textarea)(?:[\s>]|$)|<!--|<\?|<![A-Za-z]|<!\[CDATA\[)/i;

/** A fence opening a code block (an indented code block runs on over blank lines instead). */
const FENCE = /^ {0,3}(?:`{3}|~{3})/;

/** Whether a top-level block (of `text`) is one that ends by itself and changes nothing outside itself. */
export function isClosedBlock(node: RootContent, text: string): boolean {
  switch (node.type) {
    case 'code':
      return FENCE.test(text.slice(node.position?.start.offset ?? 0, (node.position?.start.offset ?? 0) + 8));
    case 'paragraph':
    case 'heading':
    case 'table':
    case 'thematicBreak':
      return true;
    case 'html':
      return !OPEN_HTML.test(node.value);
    default:
      return false;
  }
}

interface Span {
  start: number;
  end: number;
}

/** The blocks covering the changed lines, widened until blank lines frame them; undefined when none fit. */
export function regionOf(children: readonly RootContent[], change: ChangedLines, old: LineIndex, next: LineIndex): Region | undefined {
  const spans: Span[] = [];
  for (const child of children) {
    if (!child.position) return undefined;
    spans.push({ start: child.position.start.line, end: child.position.end.line });
  }
  let start = change.first;
  let end = change.oldLast;
  for (let attempt = 0; attempt < MAX_WIDENINGS; attempt++) {
    let first = spans.findIndex((span) => span.end >= start);
    if (first === -1) first = spans.length;
    let last = first - 1;
    while (last + 1 < spans.length && (spans[last + 1]?.start ?? Infinity) <= end) last++;
    if (last >= first) {
      start = Math.min(start, spans[first]?.start ?? start);
      end = Math.max(end, spans[last]?.end ?? end);
    }
    const before = spans[first - 1];
    const after = spans[last + 1];
    if (!framedBefore(start, before, old, next)) start = before?.start ?? 1;
    else if (!framedAfter(end, after, old)) end = after?.end ?? old.count;
    else return { first, last, start, end };
  }
  return undefined;
}

/** A region starting on line 1 needs no frame; else a free blank line before it, and a first line flush left. */
function framedBefore(start: number, before: Span | undefined, old: LineIndex, next: LineIndex): boolean {
  if (start === 1) return true;
  if (!old.isBlank(start - 1) || (before !== undefined && before.end >= start - 1)) return false;
  return flushLeft(old.line(start)) && flushLeft(next.line(start));
}

/** A region running to the end of the text needs no frame; else a free blank line after it. */
function framedAfter(end: number, after: Span | undefined, old: LineIndex): boolean {
  if (end >= old.count && after === undefined) return true;
  return old.isBlank(end + 1) && (after === undefined || after.start > end + 1);
}

function flushLeft(line: string): boolean {
  return /^[^\s]/.test(line);
}
