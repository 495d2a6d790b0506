/** Plain text, normalisation, fingerprints and sources: small helpers every extractor uses. */
import { createHash } from 'node:crypto';
import type { Nodes, TableCell } from 'mdast';
import type { Position } from 'unist';
import type { Source } from '../../shared/model.js';

/**
 * The text of a node as a reader sees it: block children on their own lines, table cells
 * separated by ` | `, footnote references and rule blocks left out.
 */
export function plainText(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'code':
      return node.lang === 'rule' ? '' : node.value;
    case 'html':
      return htmlText(node.value);
    case 'yaml':
    case 'footnoteReference':
    case 'footnoteDefinition':
    case 'definition':
      return '';
    case 'break':
      return '\n';
    case 'image':
      return node.alt ?? '';
    case 'tableRow':
      return node.children.map(plainText).join(' | ');
    default:
      break;
  }
  if (!('children' in node)) return '';
  const separator = isBlockContainer(node) ? '\n' : '';
  return (node.children as Nodes[]).map(plainText).join(separator);
}

/**
 * The text an HTML block or inline tag shows when the document is published (`<div>` obligations
 * are legal text like any paragraph): tags and comments removed, common character references
 * decoded. Anything else stays as written, so it still counts.
 */
export function htmlText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?(-->|$)/g, ' ')
    .replace(INLINE_TAG, '')
    .replace(/<\/?[A-Za-z][^>]*>/g, ' ')
    .replace(/&(#\d{1,7}|#x[\da-f]{1,6}|amp|lt|gt|quot|apos|nbsp);/gi, (_, name: string) => decodeReference(name))
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/** Phrasing elements run on with the text around them; any other tag separates words. */
const INLINE_TAG = /<\/?(a|abbr|b|bdi|bdo|cite|code|data|dfn|em|i|kbd|mark|q|s|samp|small|span|strong|sub|sup|time|u|var)\b[^>]*>/gi;

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeReference(name: string): string {
  if (name[0] !== '#') return NAMED[name.toLowerCase()] ?? `&${name};`;
  const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
}

function isBlockContainer(node: Nodes): boolean {
  return ['root', 'blockquote', 'list', 'listItem', 'table', 'footnoteDefinition'].includes(node.type);
}

/** Unicode NFC, whitespace runs collapsed, trimmed: what a fingerprint is taken over. */
export function normalise(text: string): string {
  const nfc = NON_ASCII.test(text) ? text.normalize('NFC') : text;
  // Only rebuild the string when there is whitespace to collapse (a hot path: every cell and clause).
  return (COLLAPSIBLE.test(nfc) ? nfc.replace(/\s+/g, ' ') : nfc).trim();
}

// eslint-disable-next-line no-control-regex -- the ASCII range starts at NUL on purpose
const NON_ASCII = /[^\x00-\x7f]/;
/** Whitespace other than a single space: a non-space whitespace character, or two spaces. */
const COLLAPSIBLE = /[^\S ]| {2}/;

export function fingerprint(normalisedText: string): string {
  return `sha256:${createHash('sha256').update(normalisedText, 'utf8').digest('hex')}`;
}

/** A source for a node, or a fallback point when a node has no position. */
export function sourceOf(
  file: string,
  position: Position | undefined,
  anchor: Omit<Source, 'file' | 'line' | 'column' | 'endLine' | 'endColumn'> = {},
): Source {
  const start = position?.start ?? { line: 1, column: 1 };
  const end = position?.end ?? start;
  return { file, line: start.line, column: start.column, endLine: end.line, endColumn: end.column, ...anchor };
}

/** The span of a cell's content (without the pipes), or the cell itself when it is empty. */
export function cellPosition(cell: TableCell): Position | undefined {
  const first = cell.children[0];
  const last = cell.children[cell.children.length - 1];
  if (first?.position && last?.position) return { start: first.position.start, end: last.position.end };
  return cell.position;
}

/** Footnote labels referenced anywhere in a node. */
export function footnoteLabels(node: Nodes): string[] {
  if (node.type === 'footnoteReference') return [node.identifier];
  if (!('children' in node)) return [];
  return (node.children as Nodes[]).flatMap(footnoteLabels);
}

export function cellText(cell: TableCell): string {
  return normalise(plainText(cell));
}

/** Natural order of SR references: 4.2 < 4.6.1 < 4.17 < 8.2. */
export function compareSrRefs(a: string, b: string): number {
  // Linking sorts every row of every version by SR: plain references are compared without splitting them.
  if (PLAIN_REF.test(a) && PLAIN_REF.test(b)) return comparePlainRefs(a, b);
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let index = 0; index < Math.max(pa.length, pb.length); index++) {
    const difference = (pa[index] ?? -1) - (pb[index] ?? -1);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** Digits and dots only, each number exact in a double. */
const PLAIN_REF = /^\d{1,15}(?:\.\d{1,15})*$/;
const DOT = 46;
const ZERO = 48;

/** compareSrRefs for two plain references, number by number (a reference that runs out first compares as -1). */
function comparePlainRefs(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let x = -1;
    let y = -1;
    if (i < a.length) for (x = 0; i < a.length && a.charCodeAt(i) !== DOT; i++) x = x * 10 + a.charCodeAt(i) - ZERO;
    if (j < b.length) for (y = 0; j < b.length && b.charCodeAt(j) !== DOT; j++) y = y * 10 + b.charCodeAt(j) - ZERO;
    if (x !== y) return x - y;
    i++;
    j++;
  }
  return 0;
}
