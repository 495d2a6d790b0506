/**
 * The compiled rules over time, as committed in rules/in-force.json: each entry once per value,
 * with the interval in which it is in force (from, to: the release, its date and the
 * modifications that started and ended it), instead of one full copy of the rules per view.
 * Entries carry their place (document, clause, row key, column header), never a line: positions
 * go to the source map beside the file (source-map.ts), keyed `<address>@<release or base>`:
 * the position in the first version that has the entry, and again in each version where it moves.
 *
 * The snapshots are the base, the text in force from each dated release, and (when it differs)
 * the text with every pending modification, TBC releases included, on an undated boundary. So the
 * `baseline` view is the entries in force since the base, `modified` those still in force at the
 * end, and the text as at a date the entries whose interval covers it.
 */
import { addressedEntries, ENTRY_KINDS, fieldAddress, SECTION_OF, type EntryKind, type Place } from './address.js';
import type { IsoDate } from './dates.js';
import type { RuleSet, Source } from './model.js';
import { parsePosition, SourceMapBuilder, sourceAt, type SourceMap } from './source-map.js';
import { buildTimeline, compareBoundaryDates, covers, type Boundary, type Interval } from './timeline.js';
import { mergeOrders } from './order.js';
import { InForceMemo } from './in-force-memo.js';
import type { View } from './vocabulary.js';

/** A release boundary as an interval's start or end. */
export interface InForceEdge {
  release: string;
  /** null: a release not yet dated (TBC), after every date. */
  date: IsoDate | null;
  /** The modifications this release brings into force in the entry's document. */
  modifications: string[];
}

export interface InForceRelease {
  id: string;
  title: string;
  date: IsoDate | null;
  modifications: string[];
}

/** A compiled entry as committed: its `source` replaced by its `place`, `sources` by `places`. */
export type CommittedEntry = Record<string, unknown>;

export interface InForceEntry {
  address: string;
  kind: EntryKind;
  from: InForceEdge | null;
  to: InForceEdge | null;
  value: CommittedEntry;
}

export interface InForceFile {
  base: { id: string; title: string };
  /** The boundaries of the intervals, in date order (undated last). */
  releases: InForceRelease[];
  entries: InForceEntry[];
}

/** One version on the timeline: from a release (null: the base) on, this rule set. */
export interface InForceSnapshot {
  from: InForceRelease | null;
  /** Which modifications of the release apply to a document (by file name). */
  appliesTo?: (modification: string, file: string) => boolean;
  ruleSet: RuleSet;
}

/** An entry of one snapshot: its committed value (the kept object, see in-force-memo.ts) and its positions. */
export interface Held {
  kind: EntryKind;
  value: CommittedEntry;
  source: Source | undefined;
  sources: Record<string, Source> | undefined;
  /** positionText(source), once. */
  position?: string;
}

/** The interval file with what it was folded from: each snapshot's entries by address, and the addresses in file order. */
export interface FoldedInForce {
  file: InForceFile;
  map: SourceMap;
  held: ReadonlyArray<ReadonlyMap<string, Held>>;
  order: readonly string[];
}

export const IN_FORCE_PATH = 'rules/in-force.json';
export const BASE_KEY = 'base';

/** Builds the interval file and its source map from the snapshots (the base first, in date order). */
export function inForceFile(base: InForceFile['base'], snapshots: readonly InForceSnapshot[]): { file: InForceFile; map: SourceMap } {
  const { file, map } = foldSnapshots(base, snapshots, new InForceMemo());
  return { file, map };
}

/**
 * The interval file, its source map, and what they were folded from. With a memo kept between
 * compilations, an entry whose committed value did not change is the object it was, so values
 * are compared by identity (the memo made equal JSON the same object).
 */
export function foldSnapshots(base: InForceFile['base'], snapshots: readonly InForceSnapshot[], memo: InForceMemo): FoldedInForce {
  const byRuleSet = new Map<RuleSet, HeldSnapshot>();
  const snapshotsHeld = snapshots.map((snapshot) => {
    const known = byRuleSet.get(snapshot.ruleSet) ?? heldEntries(snapshot.ruleSet, memo);
    byRuleSet.set(snapshot.ruleSet, known);
    return known;
  });
  const held = snapshotsHeld.map((snapshot) => snapshot.entries);
  const timeline = buildTimeline(
    snapshots.map((snapshot, index) => ({
      from: snapshot.from && boundaryOf(snapshot.from),
      entries: held[index] ?? new Map<string, Held>(),
    })),
    (a: Held, b: Held) => a.value === b.value,
  );
  const byAddress = new Map<string, Interval<Held>[]>();
  for (const interval of timeline) {
    const known = byAddress.get(interval.address);
    if (known) known.push(interval);
    else byAddress.set(interval.address, [interval]);
  }
  const applies = new Map(snapshots.flatMap((snapshot) => (snapshot.from ? [[snapshot.from.id, snapshot.appliesTo] as const] : [])));
  const edge = (boundary: Boundary | null, file: string | undefined): InForceEdge | null =>
    boundary && {
      release: boundary.release,
      date: boundary.date,
      modifications: boundary.modifications.filter((id) => file === undefined || (applies.get(boundary.release)?.(id, file) ?? true)),
    };
  const order = entryOrder(snapshotsHeld.map((snapshot) => snapshot.lists));
  const entries = order.flatMap((address) =>
    (byAddress.get(address) ?? []).map((interval): InForceEntry => {
      const { kind, value } = interval.value;
      const file = (value.place as Place | undefined)?.file ?? (typeof value.file === 'string' ? value.file : undefined);
      return memo.entry({ address, kind, from: edge(interval.from, file), to: edge(interval.to, file), value });
    }),
  );
  const releases = snapshots.flatMap((snapshot) => (snapshot.from ? [snapshot.from] : []));
  const map = positionsOverTime(held, [BASE_KEY, ...releases.map((release) => release.id)], memo);
  return { file: { base, releases, entries }, map, held, order };
}

/**
 * The source map: each entry's (and each field's) position under `<address>@<snapshot>` for the
 * first snapshot it has it in, and again only where it moves (a row deleted and inserted again).
 */
function positionsOverTime(held: ReadonlyArray<ReadonlyMap<string, Held>>, keys: readonly string[], memo: InForceMemo): SourceMap {
  const map = new SourceMapBuilder(IN_FORCE_PATH);
  const last = new Map<string, string>();
  held.forEach((entries, index) => {
    const record = (name: string, text: string): void => {
      if (last.get(name) === text) return;
      last.set(name, text);
      map.addText(`${name}@${keys[index] ?? BASE_KEY}`, text);
    };
    for (const [address, held] of entries) {
      const { source, sources } = held;
      if (source) record(address, (held.position ??= memo.position(source)));
      for (const [field, at] of Object.entries(sources ?? {})) record(fieldAddress(address, field), memo.position(at));
    }
  });
  return map.map((names) => memo.sorted(names));
}

function boundaryOf(release: InForceRelease): Boundary {
  return { date: release.date, release: release.id, modifications: release.modifications };
}

/** A snapshot's entries by address, and each kind's addresses in the rule set's order (repeats kept, as the order merge reads them). */
interface HeldSnapshot {
  entries: Map<string, Held>;
  lists: Map<EntryKind, string[]>;
}

function heldEntries(ruleSet: RuleSet, memo: InForceMemo): HeldSnapshot {
  const entries = new Map<string, Held>();
  const lists = new Map<EntryKind, string[]>();
  for (const { address, kind, entry } of addressedEntries(ruleSet)) {
    const { source, sources } = entry as { source?: Source; sources?: Record<string, Source> };
    entries.set(address, { kind, value: memo.canonical(address, entry as unknown as Record<string, unknown>), source, sources });
    const list = lists.get(kind);
    if (list) list.push(address);
    else lists.set(kind, [address]);
  }
  return { entries, lists };
}

/** Addresses kind by kind, each kind in an order that keeps every snapshot's own order. */
function entryOrder(lists: ReadonlyArray<ReadonlyMap<EntryKind, string[]>>): string[] {
  return ENTRY_KINDS.flatMap((kind) => mergeOrders(lists.map((list) => list.get(kind) ?? [])));
}

/** Which text to read from the file: a named view, or the text in force on a date. */
export type InForceSelector = { view: View } | { at: IsoDate };

export function selects(entry: InForceEntry, selector: InForceSelector): boolean {
  if ('at' in selector) return covers({ address: entry.address, value: null, from: entry.from, to: entry.to }, selector.at);
  return selector.view === 'baseline' ? entry.from === null : entry.to === null;
}

/**
 * The rule set of a view or a date, read back from the interval file; with its source map, each
 * entry's source gets its position back (without one, the first line of its document).
 */
export function ruleSetFromInForce(file: InForceFile, selector: InForceSelector, map?: SourceMap): RuleSet {
  const ruleSet = {
    view: 'view' in selector ? selector.view : 'modified',
    ...Object.fromEntries(ENTRY_KINDS.map((kind) => [SECTION_OF[kind], [] as unknown[]])),
  } as unknown as RuleSet;
  const keys = snapshotKeys(file, selector);
  for (const entry of file.entries) {
    if (!selects(entry, selector)) continue;
    (ruleSet[SECTION_OF[entry.kind]] as unknown[]).push(restore(entry, keys, map));
  }
  return ruleSet;
}

/** The snapshots to look a position up in, newest first: the one the selector reads, then those before it. */
function snapshotKeys(file: InForceFile, selector: InForceSelector): string[] {
  const keys = [BASE_KEY, ...file.releases.map((release) => release.id)];
  return keys.slice(0, snapshotIndex(file, selector) + 1).reverse();
}

/** The snapshot a selector reads (0: the base): the last for `modified`, the last dated on or before a date. */
export function snapshotIndex(file: Pick<InForceFile, 'releases'>, selector: InForceSelector): number {
  if ('view' in selector) return selector.view === 'baseline' ? 0 : file.releases.length;
  let index = 0;
  file.releases.forEach((release, position) => {
    if (release.date !== null && compareBoundaryDates(release.date, selector.at) <= 0) index = position + 1;
  });
  return index;
}

function restore(entry: InForceEntry, keys: readonly string[], map: SourceMap | undefined): Record<string, unknown> {
  const { place, places, ...rest } = entry.value as CommittedEntry & { place?: Place; places?: Record<string, Place> };
  const at = (name: string, where: Place): Source => {
    const found = keys.map((key) => map?.positions[`${name}@${key}`]).find((position) => position !== undefined);
    return sourceAt(where, found === undefined ? undefined : parsePosition(found));
  };
  const out: Record<string, unknown> = { ...rest };
  if (place) out.source = at(entry.address, place);
  if (places) {
    out.sources = Object.fromEntries(
      Object.entries(places).map(([field, where]) => [field, at(fieldAddress(entry.address, field), where)]),
    );
  }
  return out;
}
