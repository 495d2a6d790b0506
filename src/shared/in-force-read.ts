/**
 * Reading a view or a date back from the interval file without reading the file: the entries the
 * selector reads are exactly one snapshot's, in the file's order, each at the position that
 * snapshot has it (the source map records a position in the first snapshot and again where it
 * moves, so the newest record on or before the snapshot is the snapshot's own). So the rule set
 * is built from the snapshot's entries; with the memo, an entry whose value and positions did not
 * change is the object it was. test/time/in-force-read.test.ts holds this equal to
 * `ruleSetFromInForce` (the file and its map read back) for every snapshot.
 */
import { ENTRY_KINDS, SECTION_OF, type Place } from './address.js';
import type { InForceMemo } from './in-force-memo.js';
import { snapshotIndex, type CommittedEntry, type FoldedInForce, type Held, type InForceSelector } from './in-force.js';
import type { RuleSet, Source } from './model.js';
import { parsePosition, positionText, sourceAt } from './source-map.js';

export function readFolded(folded: FoldedInForce, selector: InForceSelector, memo: InForceMemo): RuleSet {
  const ruleSet = {
    view: 'view' in selector ? selector.view : 'modified',
    ...Object.fromEntries(ENTRY_KINDS.map((kind) => [SECTION_OF[kind], [] as unknown[]])),
  } as unknown as RuleSet;
  const entries = folded.held[snapshotIndex(folded.file, selector)];
  if (!entries) return ruleSet;
  for (const address of folded.order) {
    const held = entries.get(address);
    if (held) (ruleSet[SECTION_OF[held.kind]] as unknown[]).push(restoreHeld(held, memo));
  }
  return ruleSet;
}

/** The compiled entry as the file and its map give it back: the value's place with the snapshot's position. */
function restoreHeld(held: Held, memo: InForceMemo): Record<string, unknown> {
  const own = held.source ? (held.position ??= positionText(held.source)) : '';
  const positions = held.sources ? [own, ...Object.values(held.sources).map(positionText)].join('\n') : own;
  return memo.restore(held.value, positions, () => restoreValue(held.value, held));
}

/** A field's position is the one the map records under its field address: the snapshot's `sources[field]`. */
function restoreValue(value: CommittedEntry, held: Held): Record<string, unknown> {
  const { place, places, ...rest } = value as CommittedEntry & { place?: Place; places?: Record<string, Place> };
  const at = (where: Place, source: Source | undefined): Source =>
    sourceAt(where, source === undefined ? undefined : parsePosition(positionText(source)));
  const out: Record<string, unknown> = { ...rest };
  if (place) out.source = at(place, held.source);
  if (places) {
    out.sources = Object.fromEntries(Object.entries(places).map(([field, where]) => [field, at(where, held.sources?.[field])]));
  }
  return out;
}
