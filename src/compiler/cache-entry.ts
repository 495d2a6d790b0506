/**
 * One document's cache entry on disk: the key, the document's facts and the diagnostics
 * extraction reported (re-created on the document's vfile on a hit), with the shape check that
 * keeps a corrupt or foreign entry from being served. The tree is stored beside it
 * (`<slot>.tree.json`, first line the key).
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { VIEWS, type View } from '../shared/vocabulary.js';
import type { DocumentFacts } from './4-extract/document.js';
import { TABLE_KINDS, type TableKind } from './4-extract/tables.js';

/** Bump when the entry layout changes. */
export const FORMAT = 2;

export interface CachedMessage {
  reason: string;
  ruleId?: string;
  source?: string;
  place?: unknown;
  fatal?: boolean | null;
  view?: View;
  actual?: string;
  expected?: string[];
  note?: string;
  url?: string;
}

export interface Entry {
  format: number;
  key: string;
  facts: DocumentFacts;
  messages: CachedMessage[];
}

/** Lists every view's facts must hold: the document's own, and each table kind's. */
const factLists = (kinds: readonly TableKind[]): string[] => [
  'clauses',
  'clauseRules',
  'footnotes',
  ...kinds.flatMap((kind) => Object.keys(kind.empty())),
];

export function isEntryShape(entry: Entry, kinds: readonly TableKind[] = TABLE_KINDS): boolean {
  const facts = entry.facts as Partial<DocumentFacts> | undefined;
  if (!facts || typeof facts !== 'object' || typeof facts.name !== 'string' || !Array.isArray(facts.cites)) return false;
  const lists = factLists(kinds);
  for (const view of VIEWS) {
    const viewFacts = facts.views?.[view] as Record<string, unknown> | undefined;
    if (!viewFacts || !lists.every((name) => Array.isArray(viewFacts[name]))) return false;
  }
  return Array.isArray(entry.messages) && entry.messages.every((message) => typeof message?.reason === 'string');
}

export function storeMessage(message: VFileMessage): CachedMessage {
  const out: CachedMessage = { reason: message.reason };
  if (message.ruleId) out.ruleId = message.ruleId;
  if (message.source) out.source = message.source;
  if (message.place) out.place = message.place;
  out.fatal = message.fatal ?? null;
  if (message.view !== undefined) out.view = message.view;
  if (message.actual !== undefined) out.actual = message.actual;
  if (message.expected !== undefined) out.expected = message.expected;
  if (message.note !== undefined) out.note = message.note;
  if (message.url !== undefined) out.url = message.url;
  return out;
}

export function restoreMessage(file: VFile, stored: CachedMessage): void {
  const message = file.message(stored.reason, {
    place: stored.place as VFileMessage['place'],
    ruleId: stored.ruleId,
    source: stored.source,
  });
  message.fatal = stored.fatal === null ? undefined : stored.fatal;
  if (stored.view !== undefined) message.view = stored.view;
  if (stored.actual !== undefined) message.actual = stored.actual;
  if (stored.expected !== undefined) message.expected = stored.expected;
  if (stored.note !== undefined) message.note = stored.note;
  if (stored.url !== undefined) message.url = stored.url;
}

export const treeSlot = (slot: string): string => slot.replace(/\.json$/, '.tree.json');

/** The cached tree if its first line is the document's key and the rest parses as a root. */
export function readTree(file: string, key: string): Root | undefined {
  try {
    const text = readFileSync(file, 'utf8');
    const newline = text.indexOf('\n');
    if (newline === -1 || text.slice(0, newline) !== key) return undefined;
    const tree = JSON.parse(text.slice(newline + 1)) as Root;
    return tree?.type === 'root' && Array.isArray(tree.children) ? tree : undefined;
  } catch {
    return undefined;
  }
}

/** Writes atomically (temporary file, then rename); false when the directory refuses it. */
export function writeAtomically(slot: string, content: string): boolean {
  const temporary = `${slot}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    mkdirSync(path.dirname(slot), { recursive: true });
    writeFileSync(temporary, content);
    renameSync(temporary, slot);
    return true;
  } catch {
    rmSync(temporary, { force: true });
    return false;
  }
}
