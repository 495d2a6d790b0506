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
import type { FoldedInForce } from './in-force-fold.js';
import type { KeptRead } from './in-force-kept.js';
import type { HeldSnapshot } from './in-force-held.js';
import type { InForceMemo } from './in-force-memo.js';
import { snapshotIndex, type CommittedEntry, type Held, type InForceSelector } from './in-force.js';
import type { RuleSet, Source } from './model.js';
import { parsePosition, positionText, sourceAt } from './source-map.js';
import type { View } from './vocabulary.js';

/**
 * The rule set a selector reads, once per snapshot and view in a fold. When the last fold read the
 * same snapshot and view in the same entry order, it is that rule set with the entries of the
 * addresses folded again replaced (the same rule set when none of them is in the snapshot).
 */
export function readFolded(folded: FoldedInForce, selector: InForceSelector, memo: InForceMemo): RuleSet {
  const index = snapshotIndex(folded.file, selector);
  const view: View = 'view' in selector ? selector.view : 'modified';
  const key = `${index}:${view}`;
  const known = folded.reads.get(key);
  if (known) return known.ruleSet;
  const snapshot: HeldSnapshot = folded.snapshots[index] ?? { ruleSet: {} as RuleSet, ordered: [], entries: new Map() };
  const last = folded.lastReads?.get(key);
  const kept = last && folded.dirty && last.order === folded.order ? patched(last, snapshot, folded.dirty, memo) : undefined;
  const read = kept ?? { ruleSet: readAll(view, snapshot.entries, folded.order, memo), order: folded.order, snapshot };
  folded.reads.set(key, read);
  return read.ruleSet;
}

function readAll(view: View, entries: ReadonlyMap<string, Held>, order: readonly string[], memo: InForceMemo): RuleSet {
  const ruleSet = {
    view,
    ...Object.fromEntries(ENTRY_KINDS.map((kind) => [SECTION_OF[kind], [] as unknown[]])),
  } as unknown as RuleSet;
  for (const address of order) {
    const held = entries.get(address);
    if (held) (ruleSet[SECTION_OF[held.kind]] as unknown[]).push(restoreHeld(held, memo));
  }
  return ruleSet;
}

/** The last read with the dirty addresses' entries read again; undefined when one of them came or went. */
function patched(last: KeptRead, snapshot: HeldSnapshot, dirty: ReadonlySet<string>, memo: InForceMemo): KeptRead | undefined {
  if (last.snapshot === snapshot) return last;
  const { entries } = snapshot;
  const slots = (last.slots ??= sectionSlots(last));
  const sections = new Map<string, unknown[]>();
  for (const address of dirty) {
    const slot = slots.get(address);
    const held = entries.get(address);
    if (slot === undefined || held === undefined) {
      if (slot === undefined && held === undefined) continue;
      return undefined;
    }
    const name = SECTION_OF[held.kind];
    const section = sections.get(name) ?? [...(last.ruleSet[name] as readonly unknown[])];
    sections.set(name, section);
    section[slot] = restoreHeld(held, memo);
  }
  const ruleSet = sections.size === 0 ? last.ruleSet : ({ ...last.ruleSet, ...Object.fromEntries(sections) } as RuleSet);
  return { ruleSet, order: last.order, snapshot, slots };
}

/** Each address's index in its section of a read (the snapshot's map may since be set in place, but only for addresses it has). */
function sectionSlots(read: KeptRead): Map<string, number> {
  const slots = new Map<string, number>();
  const counts = new Map<string, number>();
  for (const address of read.order) {
    const held = read.snapshot.entries.get(address);
    if (!held) continue;
    const count = counts.get(held.kind) ?? 0;
    slots.set(address, count);
    counts.set(held.kind, count + 1);
  }
  return slots;
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
