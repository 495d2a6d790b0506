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
import { ENTRY_KINDS, fieldAddress, SECTION_OF, type EntryKind, type Place } from './address.js';
import type { IsoDate } from './dates.js';
import type { RuleSet, Source } from './model.js';
import { parsePosition, sourceAt, type SourceMap } from './source-map.js';
import { compareBoundaryDates, covers } from './timeline.js';
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
  /** What `appliesTo` answers from, as text: a fold kept between compilations is reused only while it is the same. */
  appliesKey?: string;
  ruleSet: RuleSet;
}

/** An entry of one snapshot: its committed value (the kept object, see in-force-memo.ts) and its positions. */
export interface Held {
  address: string;
  /** The compiled entry it was made from (linking hands back the same object for an unchanged row). */
  entry: object;
  kind: EntryKind;
  value: CommittedEntry;
  source: Source | undefined;
  sources: Record<string, Source> | undefined;
  /** positionText(source), once. */
  position?: string;
}

export const IN_FORCE_PATH = 'rules/in-force.json';
export const BASE_KEY = 'base';

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
