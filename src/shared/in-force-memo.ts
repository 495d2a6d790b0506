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
import { positionText } from './source-map.js';
import type { KeptFold } from './in-force-kept.js';

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
  /** The last fold (in-force-fold.ts): each snapshot's entries, each address's intervals and positions, the order, the map. */
  fold: KeptFold | undefined;
  /** Folds that redid only the changed addresses (kept) or every address (full), since this memo was made. */
  readonly stats = { kept: 0, full: 0 };
  /** A committed value read back at its positions: the compiled entry, kept while value and positions stay. */
  private readonly restored = new WeakMap<CommittedEntry, { positions: string; entry: Record<string, unknown> }>();
  /** Each entry read back (restore) → the committed value it was read from. */
  private readonly readFrom = new WeakMap<object, CommittedEntry>();
  /** Each compiled entry object → its committed value (entries are never mutated after linking). */
  private readonly byEntry = new WeakMap<object, CommittedEntry>();
  private readonly positions = new WeakMap<Source, string>();
  /** The interval entries each kept value was written in (a few: one per interval it has had). */
  private readonly intervals = new WeakMap<CommittedEntry, IntervalEntry[]>();

  /**
   * The committed value of a compiled entry (its source replaced by its place): one of `values`
   * (the address's values in the last fold and those made so far in this one) when it has the
   * same JSON, so that equal values are one object and an unchanged one stays the object it was;
   * else the value this entry object had before, else a new one.
   */
  canonical(entry: Record<string, unknown>, values: readonly CommittedEntry[]): CommittedEntry {
    // Linking hands back the very entry object for an unchanged row (link-memo.ts): its committed value is the one it had.
    const known = this.byEntry.get(entry);
    if (known && values.includes(known)) return known;
    const value = values.find((candidate) => sameCommitted(candidate, entry)) ?? known ?? committedValue(entry);
    this.byEntry.set(entry, value);
    return value;
  }

  /** positionText of a source, once per source object (a document's facts keep theirs while its text is unchanged). */
  position(source: Source): string {
    let text = this.positions.get(source);
    if (text === undefined) {
      text = positionText(source);
      this.positions.set(source, text);
    }
    return text;
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
    this.readFrom.set(entry, value);
    return entry;
  }

  /** The committed value an entry was read back from (restore), if it was. */
  valueOf(entry: object): CommittedEntry | undefined {
    return this.readFrom.get(entry);
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

/** Whether `committedValue(entry)` would have the JSON of `value`, without making it (no copy, no closure: this runs for every entry of every snapshot). */
export function sameCommitted(value: CommittedEntry, entry: Record<string, unknown>): boolean {
  if ('place' in entry || 'places' in entry) return jsonEqual(value, committedValue(entry));
  const keys = Object.keys(value);
  let index = skipOmitted(value, keys, 0);
  for (const key in entry) {
    const field = entry[key];
    if (key === 'source' || key === 'sources' || omitted(field)) continue;
    if (keys[index] !== key || !jsonEqual(value[key], field)) return false;
    index = skipOmitted(value, keys, index + 1);
  }
  const { source, sources } = entry as Sourced;
  if (source) {
    if (keys[index] !== 'place' || !samePlace(value.place, source)) return false;
    index = skipOmitted(value, keys, index + 1);
  }
  if (sources) {
    if (keys[index] !== 'places' || !jsonEqual(value.places, placesOf(sources))) return false;
    index = skipOmitted(value, keys, index + 1);
  }
  return index >= keys.length;
}

function skipOmitted(value: CommittedEntry, keys: readonly string[], from: number): number {
  let index = from;
  while (index < keys.length && omitted(value[keys[index] as string])) index++;
  return index;
}

/**
 * Whether a committed place is `placeOf(source)` as JSON: file, then clause, row and header where
 * the source has them, in that order, each the same value (a false "no" only costs a new value).
 */
function samePlace(place: unknown, source: Source): boolean {
  if (place === null || typeof place !== 'object') return false;
  const fields = place as Record<string, unknown>;
  const keys = Object.keys(fields);
  if (keys[0] !== 'file' || fields.file !== source.file) return false;
  let index = 1;
  for (const key of PLACE_ANCHORS) {
    if (source[key] === undefined) continue;
    if (keys[index] !== key || fields[key] !== source[key]) return false;
    index++;
  }
  return index === keys.length;
}

const PLACE_ANCHORS = ['clause', 'row', 'header'] as const;

function omitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}
