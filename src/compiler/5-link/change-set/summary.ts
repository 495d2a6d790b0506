/** The kinds of change in reading order, their titles, the order of a change set and its counts. */
import type { ChangeCounts, ChangeKind, ChangeSet } from '../../../../generated/types.js';
import type { Change } from './change.js';
import { compareSrRefs } from '../../4-extract/text.js';
import { compareText } from '../../../shared/order.js';
import { ENTRY_KINDS } from '../../../shared/address.js';

/** Kinds in the order a reader meets them: who, what, who may, how fast, then the prose (the addressed entries' order). */
export const CHANGE_KINDS: readonly ChangeKind[] = ENTRY_KINDS;

export const KIND_TITLES: Record<ChangeKind, string> = {
  modification: 'Modifications',
  document: 'Documents',
  'user-role': 'User Roles',
  'service-request': 'Service Requests',
  eligibility: 'Eligibility',
  trt: 'Target Response Times',
  clause: 'Clauses',
  'clause-rule': 'Clause rules',
  footnote: 'Footnotes',
};

export function emptyCounts(): ChangeCounts {
  return { added: 0, removed: 0, changed: 0, total: 0 };
}

export function summarise(changes: readonly Change[]): ChangeSet['summary'] {
  const total = emptyCounts();
  const byKind: Partial<Record<ChangeKind, ChangeCounts>> = {};
  const byDocument: Record<string, ChangeCounts> = {};
  for (const change of changes) {
    for (const counts of [total, (byKind[change.kind] ??= emptyCounts()), (byDocument[change.document] ??= emptyCounts())]) {
      counts[change.action]++;
      counts.total++;
    }
  }
  return {
    total,
    byKind: Object.fromEntries(CHANGE_KINDS.flatMap((kind) => (byKind[kind] ? [[kind, byKind[kind]]] : []))),
    byDocument: Object.fromEntries(
      Object.keys(byDocument)
        .sort()
        .map((key) => [key, byDocument[key]]),
    ),
  };
}

/** By document, kind, SR, then place in the text. */
export function compareChanges(a: Change, b: Change): number {
  return (
    compareText(a.document, b.document) ||
    CHANGE_KINDS.indexOf(a.kind) - CHANGE_KINDS.indexOf(b.kind) ||
    (a.sr && b.sr ? compareSrRefs(a.sr, b.sr) : 0) ||
    a.source.line - b.source.line ||
    a.source.column - b.source.column ||
    compareText(a.id, b.id)
  );
}
