/**
 * Change set formats: text (one line per change, `file:line:col` first, for people and grep) and
 * Markdown sized for a pull-request comment (grouped by document and kind, with counts; changes
 * folded as the review page folds them, so SR 8.2's new SMETS1 TRT is one line `for all Users`;
 * long groups are cut). Both name things as the text does (words.ts): User Roles by name,
 * footnotes by number.
 */
import { groupBy } from '../../shared/group-by.js';
import type { Change, ChangeCounts, ChangeKind, ChangeSet } from './diff.js';
import { CHANGE_KINDS, KIND_TITLES } from './diff.js';
import { where } from '../../shared/vocabulary.js';
import { changeLine, foldedLines, partsMarkdown, partsText, type ChangeWords } from './words.js';

export { changeWords, type ChangeWords } from './words.js';

/** Singular names of the kinds, to start a text line (`Target Response Time: SR 8.2 …`). */
const KIND_NAMES: Readonly<Record<ChangeKind, string>> = {
  modification: 'Modification',
  document: 'Document',
  'user-role': 'User Role',
  'service-request': 'Service Request',
  eligibility: 'Eligibility',
  trt: 'Target Response Time',
  clause: 'Clause',
  'clause-rule': 'Rule block',
  footnote: 'Footnote',
};

export function formatChangeSetText(changeSet: ChangeSet, options: { textDir?: string; words: ChangeWords }): string {
  const prefix = options.textDir ? `${options.textDir.replace(/\/+$/, '')}/` : '';
  const { words } = options;
  const lines = changeSet.changes.map((change) => {
    const said = partsText(changeLine(change, words).parts, words);
    const named = said.startsWith(KIND_NAMES[change.kind]) ? said : `${KIND_NAMES[change.kind]}: ${said}`;
    return `${prefix}${where(change.source)}  ${change.action}  ${named}`;
  });
  lines.push('', `${changeSet.from} → ${changeSet.to}: ${countsLine(changeSet.summary.total)}`);
  return `${lines.join('\n')}\n`;
}

export interface MarkdownOptions {
  /** Most list items per kind and document before the rest are summarised (default 40). */
  maxItemsPerGroup?: number;
  /** Heading text (default: `Change set: <from> → <to>`). */
  title?: string;
  /** A line under the heading, e.g. the intent check's result. */
  status?: string;
  /** How to name roles, Service Requests and footnotes, from the rule sets on both sides (it also tells `for all Users`). */
  words: ChangeWords;
}

/** GitHub rejects comments over 65,536 characters; stay well under it. */
export const MARKDOWN_BUDGET = 60_000;

export function formatChangeSetMarkdown(changeSet: ChangeSet, options: MarkdownOptions): string {
  let max = options.maxItemsPerGroup ?? 40;
  let text = renderMarkdown(changeSet, max, options);
  while (text.length > MARKDOWN_BUDGET && max > 1) {
    max = Math.floor(max / 2);
    text = renderMarkdown(changeSet, max, options);
  }
  return text;
}

function renderMarkdown(changeSet: ChangeSet, max: number, options: MarkdownOptions): string {
  const out: string[] = [];
  const { words } = options;
  const modifications = changeSet.modifications.length > 0 ? ` (${changeSet.modifications.join(', ')})` : '';
  out.push(`### ${escape(options.title ?? `Change set: ${changeSet.from} → ${changeSet.to}${modifications}`)}`, '');
  if (options.status) out.push(options.status, '');
  const total = changeSet.summary.total;
  if (total.total === 0) {
    out.push('No semantic change: the redline does not change any rule.');
    return `${out.join('\n')}\n`;
  }
  out.push(`**${plural(total.total, 'change')}**: ${countsLine(total)}.`, '');
  out.push('| Document | Kind | Added | Removed | Changed |', '|---|---|--:|--:|--:|');
  const byDocument = groupBy(changeSet.changes, (change) => change.document);
  for (const [document, changes] of byDocument) {
    for (const [kind, ofKind] of byKind(changes)) {
      const counts = count(ofKind);
      out.push(
        `| ${escape(words.words.document(document))} | ${KIND_TITLES[kind]} | ${counts.added} | ${counts.removed} | ${counts.changed} |`,
      );
    }
  }
  out.push('');
  for (const [document, changes] of byDocument) {
    out.push(`<details><summary><b>${escapeHtml(words.words.document(document))}</b>: ${plural(changes.length, 'change')}</summary>`, '');
    for (const [kind, ofKind] of byKind(changes)) {
      out.push(`**${KIND_TITLES[kind]}** (${countsLine(count(ofKind))})`, '');
      const items = foldedLines(kind, ofKind, words).flatMap((line) => {
        const source = line.changes[0]?.source;
        return source ? [{ text: partsMarkdown(line.parts, words, escape), source }] : [];
      });
      for (const item of items.slice(0, max)) out.push(`- ${item.text} (\`${where(item.source)}\`)`);
      if (items.length > max) out.push(`- … and ${items.length - max} more (\`secc diff\` lists them all)`);
      out.push('');
    }
    out.push('</details>', '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

export function countsLine(counts: ChangeCounts): string {
  return `${counts.added} added, ${counts.removed} removed, ${counts.changed} changed`;
}

function count(changes: readonly Change[]): ChangeCounts {
  const counts: ChangeCounts = { added: 0, removed: 0, changed: 0, total: 0 };
  for (const change of changes) {
    counts[change.action]++;
    counts.total++;
  }
  return counts;
}

function byKind(changes: readonly Change[]): Array<[ChangeKind, Change[]]> {
  const groups = groupBy(changes, (change) => change.kind);
  return CHANGE_KINDS.flatMap((kind): Array<[ChangeKind, Change[]]> => {
    const group = groups.get(kind);
    return group ? [[kind, group]] : [];
  });
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Legal text is data: Markdown and HTML syntax in it is shown, never interpreted. */
export function escape(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, (character) => `\\${character}`).replace(/\n/g, ' ');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
