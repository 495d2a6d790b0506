/**
 * What the interval file keeps between compilations in one context (the language server's): each
 * address's committed values, so that an entry whose committed JSON did not change is the very
 * object it was before (and the same object in every snapshot that has that value); and each
 * committed value read back as a compiled entry at a position. Everything downstream (the
 * timeline, the rendered JSON and tables, validation, drift) then tells an unchanged entry by
 * identity instead of by its text. Values handed out are shared: nobody may mutate them.
 */
import { placeOf, type Place } from './address.js';
import { jsonEqual } from './json-equal.js';
import type { Source } from './model.js';

/** A compiled entry as committed (in-force.ts: its source replaced by its place). */
type CommittedEntry = Record<string, unknown>;

/** An entry of the interval file (in-force.ts's InForceEntry), as far as the memo reads it. */
interface IntervalEntry {
  address: string;
  kind: string;
  from: unknown;
  to: unknown;
  value: CommittedEntry;
}

export class InForceMemo {
  /** address → the distinct committed values the last compilation had for it. */
  private kept = new Map<string, CommittedEntry[]>();
  /** address → the values this compilation has used so far. */
  private used = new Map<string, CommittedEntry[]>();
  /** A committed value read back at its positions: the compiled entry, kept while value and positions stay. */
  private readonly restored = new WeakMap<CommittedEntry, { positions: string; entry: Record<string, unknown> }>();
  private lastKeys: { keys: readonly string[]; sorted: string[] } | undefined;
  /** The interval entries each kept value was written in (a few: one per interval it has had). */
  private readonly intervals = new WeakMap<CommittedEntry, IntervalEntry[]>();

  /** Starts a compilation: values not used by it are forgotten when the next one starts. */
  begin(): void {
    if (this.used.size > 0) this.kept = this.used;
    this.used = new Map();
  }

  /**
   * The committed value of a compiled entry (its source replaced by its place), as kept: the
   * object already used for this address with the same JSON, else the one the last compilation
   * had, else a new one. Compared with the entry itself, so an unchanged entry costs no copy.
   */
  canonical(address: string, entry: Record<string, unknown>): CommittedEntry {
    const used = this.used.get(address);
    const now = used?.find((known) => sameCommitted(known, entry));
    if (now) return now;
    const kept = this.kept.get(address)?.find((known) => sameCommitted(known, entry)) ?? committedValue(entry);
    if (used) used.push(kept);
    else this.used.set(address, [kept]);
    return kept;
  }

  /** Keys in code-unit order, reusing the last order when the keys are the same (a source map whose entries did not move). */
  sorted(keys: readonly string[]): string[] {
    const last = this.lastKeys;
    if (last && last.keys.length === keys.length && last.keys.every((key, index) => key === keys[index])) return last.sorted;
    const sorted = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    this.lastKeys = { keys, sorted };
    return sorted;
  }

  /** The interval entry as kept: the object written before when its value is the kept one and its interval and address are the same. */
  entry<E extends IntervalEntry>(made: E): E {
    const known = this.intervals.get(made.value);
    const same = known?.find(
      (entry) =>
        entry.address === made.address && entry.kind === made.kind && jsonEqual(entry.from, made.from) && jsonEqual(entry.to, made.to),
    );
    if (same) return same as E;
    this.intervals.set(made.value, [made, ...(known ?? []).slice(0, 3)]);
    return made;
  }

  /** The compiled entry of a committed value at the given positions (`make` when value or positions changed). */
  restore(value: CommittedEntry, positions: string, make: () => Record<string, unknown>): Record<string, unknown> {
    const known = this.restored.get(value);
    if (known?.positions === positions) return known.entry;
    const entry = make();
    this.restored.set(value, { positions, entry });
    return entry;
  }
}

type Sourced = Record<string, unknown> & { source?: Source; sources?: Record<string, Source> };

/** A compiled entry as committed: `source` replaced by its `place`, `sources` by `places`. */
export function committedValue(entry: Record<string, unknown>): CommittedEntry {
  const { source, sources, ...rest } = entry as Sourced;
  const value: CommittedEntry = { ...rest };
  if (source) value.place = placeOf(source);
  if (sources) value.places = placesOf(sources);
  return value;
}

function placesOf(sources: Record<string, Source>): Record<string, Place> {
  return Object.fromEntries(Object.entries(sources).map(([field, at]) => [field, placeOf(at)]));
}

/** Whether `committedValue(entry)` would have the JSON of `value`, without making it. */
export function sameCommitted(value: CommittedEntry, entry: Record<string, unknown>): boolean {
  if ('place' in entry || 'places' in entry) return jsonEqual(value, committedValue(entry));
  const keys = Object.keys(value);
  let index = 0;
  const next = (): string | undefined => {
    while (index < keys.length && omitted(value[keys[index] as string])) index++;
    return keys[index++];
  };
  for (const key of Object.keys(entry)) {
    if (key === 'source' || key === 'sources' || omitted(entry[key])) continue;
    if (next() !== key || !jsonEqual(value[key], entry[key])) return false;
  }
  const { source, sources } = entry as Sourced;
  if (source && (next() !== 'place' || !jsonEqual(value.place, placeOf(source)))) return false;
  if (sources && (next() !== 'places' || !jsonEqual(value.places, placesOf(sources)))) return false;
  return next() === undefined;
}

function omitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}
