/**
 * The change set diffed per address group, kept between compilations in one compile context (a
 * language server, the several change sets one `secc check` makes: baseline → modified, and
 * base → base + ID for each modification in the conflict and intent checks). Each kind's entries
 * are split into groups (the table kinds per SR, the others whole); a group whose entries on both
 * sides are the very objects of an earlier diff (linking keeps unchanged entries the same objects,
 * link-memo.ts) reuses that diff's changes, so after an edit only the groups it reaches are
 * compared again. The sorted change list is kept too, and only the changes of redone groups are
 * merged into it. Kept results not used by the last two compilations are dropped.
 */
import { groupBy } from '../../../shared/group-by.js';
import { jsonEqual } from '../../../shared/json-equal.js';
import { sameItems } from '../../../shared/same-items.js';
import type { RuleSet } from '../../../shared/model.js';
import type { Change } from './change.js';
import { compareChanges } from './summary.js';

/** A differ of one kind of entry: the section it reads, and how its entries group (one group when absent). */
export interface GroupedDiffer {
  diff: (before: RuleSet, after: RuleSet) => Change[];
  section: keyof RuleSet;
  group?: (entry: never) => string;
  /** Reads other sections than its own (never kept: it is cheap and its inputs are wider). */
  wide?: boolean;
}

interface KeptGroup {
  before: readonly unknown[];
  after: readonly unknown[];
  changes: Change[];
  used: number;
}

interface KeptList {
  parts: Change[][];
  /** The parts as a set, made when first compared. */
  set?: Set<Change[]>;
  sorted: Change[];
  used: number;
}

export class DiffMemo {
  private generation = 0;
  /** Per differ and group key: the diffs kept (one per pair of sides compared recently). */
  private readonly groups = new Map<number, Map<string, KeptGroup[]>>();
  private lists: KeptList[] = [];
  /** Per differ: a section's entries by group key, per section array (the same baseline is diffed against each version). */
  private readonly sections = new Map<number, WeakMap<readonly unknown[], Map<string, unknown[]>>>();
  /** The same two rule sets diffed again (the conflict check's and the intent check's change sets): the same changes. */
  private pairs = new WeakMap<RuleSet, WeakMap<RuleSet, Change[]>>();
  readonly stats = { groupHits: 0, groupMisses: 0 };

  /** A new compilation starts: results unused since the one before it are dropped. */
  nextGeneration(): void {
    this.generation++;
    const stale = this.generation - 2;
    for (const byKey of this.groups.values()) {
      for (const [key, kept] of byKey) {
        const fresh = kept.filter((entry) => entry.used >= stale);
        if (fresh.length === 0) byKey.delete(key);
        else if (fresh.length !== kept.length) byKey.set(key, fresh);
      }
    }
    this.lists = this.lists.filter((list) => list.used >= stale);
    this.pairs = new WeakMap();
  }

  /** The changes of every differ, sorted, reusing the groups whose entries are unchanged. */
  changes(differs: readonly GroupedDiffer[], before: RuleSet, after: RuleSet): Change[] {
    const known = this.pairs.get(before)?.get(after);
    if (known) return known;
    const parts: Change[][] = [];
    differs.forEach((differ, index) => {
      if (differ.wide) {
        parts.push(differ.diff(before, after));
        return;
      }
      const byKey = this.groups.get(index) ?? new Map<string, KeptGroup[]>();
      this.groups.set(index, byKey);
      const sides = this.grouped(index, differ, before, after);
      for (const [key, side] of sides) parts.push(this.group(byKey, key, side, differ, before, after));
    });
    const sorted = this.sorted(parts);
    const byAfter = this.pairs.get(before) ?? new WeakMap<RuleSet, Change[]>();
    this.pairs.set(before, byAfter.set(after, sorted));
    return sorted;
  }

  /** Each side's entries of a differ's section by group key (keys of the earlier side first); each section grouped once. */
  private grouped(
    index: number,
    differ: GroupedDiffer,
    before: RuleSet,
    after: RuleSet,
  ): Map<string, { before: unknown[]; after: unknown[] }> {
    const sides = new Map<string, { before: unknown[]; after: unknown[] }>();
    const earlier = before[differ.section] as unknown[];
    const later = after[differ.section] as unknown[];
    const key = differ.group as ((entry: unknown) => string) | undefined;
    if (!key) return sides.set('', { before: earlier, after: later });
    const byArray = this.sections.get(index) ?? new WeakMap<readonly unknown[], Map<string, unknown[]>>();
    this.sections.set(index, byArray);
    const groups = (entries: unknown[]) => {
      let known = byArray.get(entries);
      if (!known) byArray.set(entries, (known = groupBy(entries, key)));
      return known;
    };
    const laterGroups = groups(later);
    for (const [name, entries] of groups(earlier)) sides.set(name, { before: entries, after: laterGroups.get(name) ?? [] });
    for (const [name, entries] of laterGroups) if (!sides.has(name)) sides.set(name, { before: [], after: entries });
    return sides;
  }

  private group(
    byKey: Map<string, KeptGroup[]>,
    key: string,
    side: { before: unknown[]; after: unknown[] },
    differ: GroupedDiffer,
    before: RuleSet,
    after: RuleSet,
  ): Change[] {
    const kept = byKey.get(key) ?? [];
    const hit = kept.find((entry) => sameItems(entry.before, side.before) && sameItems(entry.after, side.after));
    if (hit) {
      this.stats.groupHits++;
      hit.used = this.generation;
      return hit.changes;
    }
    this.stats.groupMisses++;
    const made = differ.diff({ ...before, [differ.section]: side.before }, { ...after, [differ.section]: side.after });
    // Changes equal to a kept diff's (as committed JSON, sources included) are that diff's: later steps know them by identity.
    const equal = kept.find(
      (entry) => entry.changes.length === made.length && entry.changes.every((change, at) => jsonEqual(change, made[at])),
    );
    const changes = equal ? equal.changes : made;
    kept.push({ before: side.before, after: side.after, changes, used: this.generation });
    byKey.set(key, kept);
    return changes;
  }

  /** The parts' changes in change-set order: a kept list with most parts in common is updated, not sorted again. */
  private sorted(parts: Change[][]): Change[] {
    let best: KeptList | undefined;
    let bestShared = -1;
    let bestOld: Set<Change[]> | undefined;
    for (const list of this.lists) {
      const old = (list.set ??= new Set(list.parts));
      const shared = parts.reduce((count, part) => count + (old.has(part) ? 1 : 0), 0);
      if (shared > bestShared) [best, bestShared, bestOld] = [list, shared, old];
    }
    const sorted = best && bestOld ? merged(best, bestOld, parts) : undefined;
    const result = sorted ?? parts.flat().sort(compareChanges);
    if (best && sameItems(best.parts, parts)) best.used = this.generation;
    else this.lists.push({ parts, sorted: result, used: this.generation });
    return result;
  }
}

/**
 * A kept sorted list with the changes of parts no longer present taken out and those of new parts
 * merged in; undefined when two changes compare equal (then only a full sort gives the order a
 * stable sort of the concatenation would).
 */
function merged(kept: KeptList, keptParts: Set<Change[]>, parts: Change[][]): Change[] | undefined {
  const now = new Set(parts);
  const gone = new Set<Change>();
  for (const part of kept.parts) if (!now.has(part)) for (const change of part) gone.add(change);
  const added: Change[] = [];
  for (const part of parts) if (!keptParts.has(part)) added.push(...part);
  if (gone.size === 0 && added.length === 0) return kept.sorted;
  added.sort(compareChanges);
  const out: Change[] = [];
  let next = 0;
  for (const change of kept.sorted) {
    if (gone.has(change)) continue;
    for (; next < added.length; next++) {
      const candidate = added[next] as Change;
      const order = compareChanges(candidate, change);
      if (order === 0) return undefined;
      if (order > 0) break;
      out.push(candidate);
    }
    out.push(change);
  }
  for (; next < added.length; next++) out.push(added[next] as Change);
  for (let index = 1; index < added.length; index++)
    if (compareChanges(added[index - 1] as Change, added[index] as Change) === 0) return undefined;
  return out;
}
