/**
 * Change set formats: text (one line per change, `file:line:col` first, for people and grep) and
 * Markdown sized for a pull-request comment (grouped by document and kind, with counts; TRT
 * changes that share a cell and a value are folded into one line; long groups are cut).
 */
import type { Change, ChangeCounts, ChangeKind, ChangeSet } from './diff.js';
import { CHANGE_KINDS, KIND_TITLES } from './diff.js';
import { where } from '../../shared/vocabulary.js';

export function formatChangeSetText(changeSet: ChangeSet, options: { textDir?: string } = {}): string {
  const prefix = options.textDir ? `${options.textDir.replace(/\/+$/, '')}/` : '';
  const lines = changeSet.changes.map((change) => `${prefix}${where(change.source)}  ${change.action}  ${change.summary}`);
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
}

/** GitHub rejects comments over 65,536 characters; stay well under it. */
export const MARKDOWN_BUDGET = 60_000;

export function formatChangeSetMarkdown(changeSet: ChangeSet, options: MarkdownOptions = {}): string {
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
      out.push(`| ${escape(document)} | ${KIND_TITLES[kind]} | ${counts.added} | ${counts.removed} | ${counts.changed} |`);
    }
  }
  out.push('');
  for (const [document, changes] of byDocument) {
    out.push(`<details><summary><b>${escapeHtml(document)}</b>: ${plural(changes.length, 'change')}</summary>`, '');
    for (const [kind, ofKind] of byKind(changes)) {
      out.push(`**${KIND_TITLES[kind]}** (${countsLine(count(ofKind))})`, '');
      const items = kind === 'trt' ? foldTrt(ofKind) : ofKind.map((change) => ({ text: change.summary, source: change.source }));
      for (const item of items.slice(0, max)) out.push(`- ${escape(item.text)} (\`${where(item.source)}\`)`);
      if (items.length > max) out.push(`- … and ${items.length - max} more (\`secc diff\` lists them all)`);
      out.push('');
    }
    out.push('</details>', '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

interface Item {
  text: string;
  source: Change['source'];
}

/**
 * TRT lines for a reviewer: changes of one cell with the same before → after become one line
 * naming the roles (an `Eligible User Roles` cell changes every eligible role at once); a role's
 * new or removed TRTs for one SR become one line with the four values.
 */
export function foldTrt(changes: readonly Change[]): Item[] {
  const items: Item[] = [];
  const changed = groupBy(
    changes.filter((change) => change.action === 'changed'),
    (change) => `${change.sr}|${change.smets}|${change.mode}|${change.from}|${change.to}|${change.source.line}:${change.source.column}`,
  );
  for (const group of changed.values()) {
    const [first] = group;
    if (!first) continue;
    const roles = group.map((change) => change.role).join(', ');
    items.push({
      text: `TRT SR ${first.sr}, SMETS${first.smets}, ${first.mode}: ${first.from} → ${first.to} for ${group.length === 1 ? roles : `${group.length} roles (${roles})`}`,
      source: first.source,
    });
  }
  const whole = groupBy(
    changes.filter((change) => change.action !== 'changed'),
    (change) => `${change.action}|${change.sr}|${change.role}`,
  );
  for (const group of whole.values()) {
    const [first] = group;
    if (!first) continue;
    const values = group
      .map((change) => `SMETS${change.smets} ${change.mode} ${change.action === 'added' ? change.to : change.from}`)
      .join('; ');
    items.push({ text: `TRT SR ${first.sr}, ${first.role} ${first.action}: ${values}`, source: first.source });
  }
  return items.sort((a, b) => a.source.line - b.source.line || a.source.column - b.source.column);
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

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const name = key(item);
    const group = groups.get(name);
    if (group) group.push(item);
    else groups.set(name, [item]);
  }
  return groups;
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
