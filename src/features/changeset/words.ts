/**
 * The change set in the words of the text, for `secc diff`'s text and Markdown: the review page's
 * folding and naming (src/features/review/fold.ts, words.ts: `Meter Data Retriever`, not `mdr`;
 * `On-Demand`; `16 secs → 30 secs for all Users`), rendered as plain text or Markdown. Footnotes
 * are numbered as a reader of the document sees them: in the order of their first reference,
 * as mdast-util-to-hast numbers them on the review page.
 */
import type { Root } from 'mdast';
import { walk } from '../review/locate.js';
import { foldChanges, type Line, type Part } from '../review/fold.js';
import { wordsOf, type Words } from '../review/words.js';
import type { RuleSet } from '../../shared/model.js';
import type { View } from '../../shared/vocabulary.js';
import type { Change, ChangeKind } from './diff.js';

export type { Line, Words };

/** How the formats name things: the words of the rule sets, and each document's footnote numbers. */
export interface ChangeWords {
  words: Words;
  /** The number a reader sees for a footnote of a document (undefined when its tree was not read). */
  footnote(document: string, label: string): number | undefined;
}

/** A document whose tree is read only if one of its footnotes is named (a cached document's tree is parsed again). */
export interface DocumentTree {
  name: string;
  readonly tree: Root | undefined;
}

/** Words from the rule sets on each side of the change set, and footnote numbers from the documents' trees. */
export function changeWords(ruleSets: Partial<Record<View, RuleSet>>, documents: readonly DocumentTree[] = []): ChangeWords {
  const numbers = new Map<string, Map<string, number> | undefined>();
  return {
    words: wordsOf(ruleSets),
    footnote(document, label) {
      if (!numbers.has(document)) {
        const tree = documents.find((entry) => entry.name === document)?.tree;
        numbers.set(document, tree && footnoteNumbers(tree));
      }
      return numbers.get(document)?.get(label.toLowerCase());
    },
  };
}

/** Each footnote label's number: the order of its first reference in the document, from 1. */
export function footnoteNumbers(tree: Root): Map<string, number> {
  const numbers = new Map<string, number>();
  walk(tree, (node) => {
    if (node.type !== 'footnoteReference') return;
    const label = node.identifier.toLowerCase();
    if (!numbers.has(label)) numbers.set(label, numbers.size + 1);
  });
  return numbers;
}

/** The lines of one kind of change in one document, folded as the review page folds them. */
export function foldedLines(kind: ChangeKind, changes: readonly Change[], words: ChangeWords): Line[] {
  return foldChanges(kind, changes, words.words);
}

/** One change alone as a line of words (the text format keeps one line per change). */
export function changeLine(change: Change, words: ChangeWords): Line {
  const [line] = foldChanges(change.kind, [change], words.words);
  return line ?? { kind: change.kind, action: change.action, changes: [change], parts: [change.summary] };
}

/** A footnote as the reader sees it: its number, or its label when the document's tree was not read. */
function footnoteName(part: { note: string; document: string }, words: ChangeWords): string {
  return String(words.footnote(part.document, part.note) ?? part.note);
}

/** Plain text: `16 secs → 30 secs (footnote 5)`. */
export function partsText(parts: readonly Part[], words: ChangeWords): string {
  return parts
    .map((part) => {
      if (typeof part === 'string') return part;
      if ('note' in part) return ` (footnote ${footnoteName(part, words)})`;
      if ('del' in part) return part.del;
      if ('ins' in part) return part.ins;
      return part.text;
    })
    .join('');
}

/** Markdown for a pull-request comment: deleted values struck through, footnotes as superscript numbers. */
export function partsMarkdown(parts: readonly Part[], words: ChangeWords, escape: (text: string) => string): string {
  return parts
    .map((part) => {
      if (typeof part === 'string') return escape(part);
      if ('note' in part) return `<sup>${escape(footnoteName(part, words))}</sup>`;
      if ('del' in part) return part.del === '' ? '' : `~~${escape(part.del)}~~`;
      if ('ins' in part) return escape(part.ins);
      return escape(part.text);
    })
    .join('');
}
