/**
 * Each snapshot's entries as the interval file holds them (in-force.ts's Held: the committed
 * value, the sources), made again only where the rule set changed: linking hands back the very
 * entry object for an unchanged row in every version, so an entry at the place and address it had
 * in the last fold keeps its Held, and only the addresses whose entry object changed (or that came
 * or went) in some snapshot are reported dirty, for the fold to redo (in-force-fold.ts).
 */
import { ENTRY_KINDS, entryAddress, SECTION_OF, type AnyEntry, type EntryKind } from './address.js';
import type { CommittedEntry, Held } from './in-force.js';
import type { RuleSet, Source } from './model.js';

/** A snapshot's entries: in the rule set's order (repeats kept, as the order merge reads them), and by address (the last of a repeat). */
export interface HeldSnapshot {
  ruleSet: RuleSet;
  ordered: readonly Held[];
  /** Set in place by the next fold when only some entries changed (then a new HeldSnapshot holds it): compare snapshots, not maps. */
  entries: ReadonlyMap<string, Held>;
}

/** The committed value of an entry: one of `values` with its JSON, else another (InForceMemo.canonical). */
export type Canonical = (entry: Record<string, unknown>, values: readonly CommittedEntry[]) => CommittedEntry;

export interface HeldSnapshots {
  snapshots: HeldSnapshot[];
  /** The addresses whose Held differs from the last fold's in some snapshot; all of them without a last fold. */
  dirty: Set<string>;
  /** Whether some snapshot's addresses are not those of the last fold in the same order (the entry order is then merged again). */
  reordered: boolean;
}

/** Each snapshot's held entries, against the last fold's (the same snapshots, by index) when there is one. */
export function heldSnapshots(
  ruleSets: readonly RuleSet[],
  last: readonly HeldSnapshot[] | undefined,
  canonical: Canonical,
): HeldSnapshots {
  const values = new AddressValues(last ?? [], canonical);
  const byRuleSet = new Map<RuleSet, Walked>();
  const dirty = new Set<string>();
  let reordered = last === undefined;
  const snapshots = ruleSets.map((ruleSet, index) => {
    const before = last?.[index];
    const reused: Walked | undefined = before?.ruleSet === ruleSet ? { snapshot: before, before, changed: [] } : undefined;
    // A map the last fold's snapshots share is copied, not set in place (the others compare with it).
    const shared = before !== undefined && last !== undefined && last.indexOf(before) !== last.lastIndexOf(before);
    const walked = byRuleSet.get(ruleSet) ?? reused ?? walk(ruleSet, before, values, !shared);
    byRuleSet.set(ruleSet, walked);
    const { snapshot } = walked;
    if (!before) {
      reordered = true;
      for (const address of snapshot.entries.keys()) dirty.add(address);
    } else if (snapshot !== before) {
      if (walked.before === before && walked.changed) {
        for (const address of walked.changed) dirty.add(address);
      } else {
        // Walked against another snapshot (a rule set two snapshots share), or the addresses moved: compare the maps.
        changedAddresses(before.entries, snapshot.entries, dirty);
        if (!sameAddresses(snapshot.ordered, before.ordered)) reordered = true;
      }
    }
    return snapshot;
  });
  return { snapshots, dirty, reordered };
}

/** A rule set's held entries, with the addresses whose Held changed in place (undefined: the addresses moved). */
interface Walked {
  snapshot: HeldSnapshot;
  before?: HeldSnapshot | undefined;
  changed: string[] | undefined;
}

/** A rule set's held entries, reusing the last fold's snapshot (and its map) where nothing in it changed. */
function walk(ruleSet: RuleSet, before: HeldSnapshot | undefined, values: AddressValues, inPlace: boolean): Walked {
  const previous = before?.ordered ?? [];
  const ordered: Held[] = [];
  const changed: number[] = [];
  let moved = false;
  for (const kind of ENTRY_KINDS) {
    for (const entry of ruleSet[SECTION_OF[kind]] as readonly AnyEntry[]) {
      const was = previous[ordered.length];
      // The same entry object has the same address (entryAddress is a function of the entry).
      if (was !== undefined && was.entry === entry) {
        ordered.push(was);
        continue;
      }
      const address = entryAddress(kind, entry as never);
      if (was?.address !== address) moved = true;
      changed.push(ordered.length);
      ordered.push(values.held(address, kind, entry));
    }
  }
  if (ordered.length !== previous.length) moved = true;
  if (before && !moved && changed.length === 0) return { snapshot: before, before, changed: [] };
  const entries = entriesOf(ordered, before, moved ? undefined : changed, inPlace ? values : undefined);
  const addresses = moved ? undefined : changed.map((index) => ordered[index]?.address ?? '');
  return { snapshot: { ruleSet, ordered, entries }, before, changed: addresses };
}

/**
 * The held entries by address (the last of a repeat): when nothing moved and no address repeats,
 * the last fold's map with the changed places set (in place unless another snapshot shares it:
 * copying 10,000 entries per snapshot per keystroke is most of the cost this saves).
 */
function entriesOf(
  ordered: readonly Held[],
  before: HeldSnapshot | undefined,
  changed: readonly number[] | undefined,
  /** Given: set the map in place, telling these values what it held before. */
  inPlace: AddressValues | undefined,
): Map<string, Held> {
  if (before && changed && before.entries.size === ordered.length) {
    const entries = inPlace && before.entries instanceof Map ? (before.entries as Map<string, Held>) : new Map(before.entries);
    for (const index of changed) {
      const held = ordered[index];
      if (!held) continue;
      const was = entries.get(held.address);
      if (inPlace && was) inPlace.displaced(was);
      entries.set(held.address, held);
    }
    return entries;
  }
  const entries = new Map<string, Held>();
  for (const held of ordered) entries.set(held.address, held);
  return entries;
}

/** Whether two snapshots list the same addresses in the same order. */
function sameAddresses(a: readonly Held[], b: readonly Held[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index]?.address !== b[index]?.address) return false;
  return true;
}

/** Adds to `dirty` each address whose Held differs between the two maps (or that only one has). */
function changedAddresses(before: ReadonlyMap<string, Held>, now: ReadonlyMap<string, Held>, dirty: Set<string>): void {
  for (const [address, held] of now) if (before.get(address) !== held) dirty.add(address);
  for (const address of before.keys()) if (!now.has(address)) dirty.add(address);
}

/**
 * The committed values each address has in this fold: the last fold's (any snapshot) and those
 * made since, so that equal JSON is one object per address (the timeline compares values by
 * identity) and an entry object the last fold held keeps its Held.
 */
class AddressValues {
  private readonly made = new Map<string, CommittedEntry[]>();
  /** What the last fold's maps held where this fold has since set them in place. */
  private readonly replaced = new Map<string, Held[]>();
  /** Each entry object's Held in this fold (the same row in several snapshots is one Held). */
  private readonly fresh = new Map<object, Held>();

  constructor(
    private readonly last: readonly HeldSnapshot[],
    private readonly canonical: Canonical,
  ) {}

  /** A Held of the last fold that a map set in place no longer has. */
  displaced(held: Held): void {
    const known = this.replaced.get(held.address);
    if (known) known.push(held);
    else this.replaced.set(held.address, [held]);
  }

  held(address: string, kind: EntryKind, entry: AnyEntry): Held {
    let held = this.fresh.get(entry);
    if (held) return held;
    const earlier = this.earlier(address);
    held = earlier.find((known) => known.entry === entry) ?? this.make(address, kind, entry, earlier);
    this.fresh.set(entry, held);
    return held;
  }

  private make(address: string, kind: EntryKind, entry: AnyEntry, earlier: readonly Held[]): Held {
    const made = this.made.get(address);
    const values = earlier.length === 0 ? (made ?? []) : [...earlier.map((known) => known.value), ...(made ?? [])];
    const value = this.canonical(entry as unknown as Record<string, unknown>, values);
    if (!values.includes(value)) {
      if (made) made.push(value);
      else this.made.set(address, [value]);
    }
    const { source, sources } = entry as { source?: Source; sources?: Record<string, Source> };
    return { address, entry, kind, value, source, sources };
  }

  /** The address's Helds in the last fold: in its snapshots' maps, and those since replaced in place. */
  private earlier(address: string): Held[] {
    const earlier = this.replaced.get(address)?.slice() ?? [];
    for (const snapshot of this.last) {
      const held = snapshot.entries.get(address);
      if (held) earlier.push(held);
    }
    return earlier;
  }
}
