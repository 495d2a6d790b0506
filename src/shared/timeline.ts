/**
 * Compiled rules over time. Each version of the SEC in force (the base, then the text after each
 * release date) is a snapshot: stable address → entry. The timeline records each distinct value
 * of each address once, with the interval in which it is in force — OpenFisca's dated parameter
 * values, with the release that started and ended each one.
 *
 * An interval is half-open: in force from `from.date` (inclusive; `null` = since the base) until
 * `to.date` (exclusive; `null` = still in force). So at any date at most one value of an address
 * applies, and exactly one where the address exists at all.
 *
 * A boundary may have no date yet (a TBC release, ris-norms' undetermined date): it comes after
 * every dated one, no date reaches it, and an interval it ends stays in force for every date.
 */
import { compareDates, type IsoDate } from './dates.js';

export interface Boundary {
  /** null: not yet dated (TBC), after every date. */
  date: IsoDate | null;
  /** The SEC Release implemented on that date. */
  release: string;
  /** The modifications (parts) that release brings into force. */
  modifications: string[];
}

export interface Snapshot<T> {
  /** When this version comes into force; `null` for the base. */
  from: Boundary | null;
  entries: ReadonlyMap<string, T>;
}

export interface Interval<T> {
  address: string;
  value: T;
  from: Boundary | null;
  to: Boundary | null;
}

/**
 * Folds snapshots (in date order, the base first) into intervals, ordered by address then date.
 * `same` decides whether an address kept its value across a boundary.
 */
export function buildTimeline<T>(snapshots: readonly Snapshot<T>[], same: (a: T, b: T) => boolean): Interval<T>[] {
  assertOrdered(snapshots);
  const addresses = new Set<string>();
  for (const snapshot of snapshots) for (const address of snapshot.entries.keys()) addresses.add(address);
  const froms = snapshots.map((snapshot) => snapshot.from);
  return [...addresses]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .flatMap((address) =>
      addressTimeline(
        address,
        snapshots.map((snapshot) => snapshot.entries.get(address)),
        froms,
        same,
      ),
    );
}

/**
 * One address's intervals, in date order: `values[i]` its value in the snapshot from `froms[i]`
 * (undefined: absent). An interval ends where the value changes or the address goes. Folding an
 * address alone lets a long-lived fold redo only the addresses an edit changed.
 */
export function addressTimeline<T>(
  address: string,
  values: ReadonlyArray<T | undefined>,
  froms: ReadonlyArray<Boundary | null>,
  same: (a: T, b: T) => boolean,
): Interval<T>[] {
  const intervals: Interval<T>[] = [];
  let open: Interval<T> | undefined;
  values.forEach((value, index) => {
    if (open && value !== undefined && same(open.value, value)) return;
    const from = froms[index] ?? null;
    if (open) intervals.push({ ...open, to: from });
    open = value === undefined ? undefined : { address, value, from, to: null };
  });
  if (open) intervals.push(open);
  return intervals;
}

/** The value in force at `date`, if the address exists then. */
export function valueAt<T>(intervals: readonly Interval<T>[], address: string, date: IsoDate): T | undefined {
  return applicable(intervals, address, date)[0]?.value;
}

/** Every interval of the address that applies at `date` (the coverage test wants exactly one). */
export function applicable<T>(intervals: readonly Interval<T>[], address: string, date: IsoDate): Interval<T>[] {
  return intervals.filter((interval) => interval.address === address && covers(interval, date));
}

export function covers(interval: Interval<unknown>, date: IsoDate): boolean {
  const started = interval.from === null || compareBoundaryDates(interval.from.date, date) <= 0;
  const ended = interval.to !== null && compareBoundaryDates(interval.to.date, date) <= 0;
  return started && !ended;
}

/** Dates in order, an undated (TBC) boundary after every date. */
export function compareBoundaryDates(a: IsoDate | null, b: IsoDate | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return compareDates(a, b);
}

/** Throws unless the base comes first and the snapshots are in date order. */
export function assertOrdered(snapshots: ReadonlyArray<Pick<Snapshot<unknown>, 'from'>>): void {
  snapshots.forEach((snapshot, index) => {
    if (index === 0 ? snapshot.from !== null : snapshot.from === null) {
      throw new RangeError('timeline: the base snapshot (from: null) must come first, and only once');
    }
    const previous = snapshots[index - 1]?.from;
    const undated = previous?.date === null && snapshot.from?.date === null;
    if (previous && snapshot.from && !undated && compareBoundaryDates(previous.date, snapshot.from.date) >= 0) {
      throw new RangeError(`timeline: snapshots out of date order at ${snapshot.from.date ?? 'TBC'}`);
    }
  });
}
