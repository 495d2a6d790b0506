/**
 * Folding the snapshots into the interval file and its source map, address by address: an
 * address's intervals and positions depend only on what each snapshot holds at that address, so a
 * fold kept from the last compilation (on the memo) redoes only the addresses whose entries
 * changed in some snapshot (in-force-held.ts), keeps the entry order unless some snapshot's
 * addresses moved, and keeps the source map's keys unless a position record came or went. With
 * no kept fold (a one-shot build, other boundaries) every address is folded.
 */
import { ENTRY_KINDS, fieldAddress, type EntryKind, type Place } from './address.js';
import { heldSnapshots, type HeldSnapshot } from './in-force-held.js';
import { InForceMemo } from './in-force-memo.js';
import {
  BASE_KEY,
  IN_FORCE_PATH,
  type Held,
  type InForceEdge,
  type InForceEntry,
  type InForceFile,
  type InForceRelease,
  type InForceSnapshot,
} from './in-force.js';
import { jsonEqual } from './json-equal.js';
import { mergeOrders } from './order.js';
import type { SourceMap } from './source-map.js';
import { addressTimeline, assertOrdered, type Boundary } from './timeline.js';
import { SourceMapPositions, type PositionRecord } from './in-force-positions.js';
import type { AddressFold, KeptRead } from './in-force-kept.js';

/** The interval file with what it was folded from: each snapshot's entries by address, and the addresses in file order. */
export interface FoldedInForce {
  file: InForceFile;
  map: SourceMap;
  snapshots: readonly HeldSnapshot[];
  order: readonly string[];
  /** The addresses folded again since the last fold (undefined: all of them). */
  dirty: ReadonlySet<string> | undefined;
  /** The reads of this fold by snapshot and view, and the last fold's. */
  reads: Map<string, KeptRead>;
  lastReads: ReadonlyMap<string, KeptRead> | undefined;
}

/** Builds the interval file and its source map from the snapshots (the base first, in date order). */
export function inForceFile(
  base: InForceFile['base'],
  snapshots: readonly InForceSnapshot[],
  memo?: InForceMemo,
): { file: InForceFile; map: SourceMap } {
  const { file, map } = foldSnapshots(base, snapshots, memo ?? new InForceMemo());
  return { file, map };
}

/**
 * The interval file, its source map, and what they were folded from. With a memo kept between
 * compilations, an entry whose committed value did not change is the object it was, so values
 * are compared by identity (the memo made equal JSON the same object).
 */
export function foldSnapshots(base: InForceFile['base'], snapshots: readonly InForceSnapshot[], memo: InForceMemo): FoldedInForce {
  const froms = snapshots.map((snapshot) => snapshot.from && boundaryOf(snapshot.from));
  assertOrdered(froms.map((from) => ({ from })));
  const last = memo.fold;
  memo.fold = undefined;
  const signature = foldSignature(snapshots);
  const held = heldSnapshots(
    snapshots.map((snapshot) => snapshot.ruleSet),
    last?.snapshots,
    (entry, values) => memo.canonical(entry, values),
  );
  const kept = last !== undefined && signature !== undefined && last.signature === signature ? last : undefined;
  const dirty = kept ? held.dirty : allAddresses(held.snapshots);
  memo.stats[kept ? 'kept' : 'full']++;
  const order = kept && !held.reordered ? kept.order : entryOrder(held.snapshots);
  const byAddress = kept?.byAddress ?? new Map<string, AddressFold>();
  const positions = kept?.positions ?? new SourceMapPositions(IN_FORCE_PATH);
  const releases = snapshots.flatMap((snapshot) => (snapshot.from ? [snapshot.from] : []));
  const keys = [BASE_KEY, ...releases.map((release) => release.id)];
  const edge = edges(snapshots);
  for (const address of dirty) {
    const values = held.snapshots.map((snapshot) => snapshot.entries.get(address));
    const before = byAddress.get(address);
    const now = values.some((value) => value !== undefined) ? addressFold(address, values, froms, keys, edge, memo) : undefined;
    positions.replace(before?.records ?? [], now?.records ?? []);
    if (now) byAddress.set(address, now);
    else byAddress.delete(address);
  }
  const unchanged = kept && dirty.size === 0 && order === kept.order;
  const entries = unchanged ? kept.file.entries : order.flatMap((address) => byAddress.get(address)?.entries ?? []);
  const sameFile = kept && entries === kept.file.entries && jsonEqual(kept.file.base, base);
  const file = sameFile ? kept.file : { base, releases, entries };
  const reads = new Map<string, KeptRead>();
  memo.fold = { signature, snapshots: held.snapshots, byAddress, order, file, positions, reads };
  return {
    file,
    map: positions.map(),
    snapshots: held.snapshots,
    order,
    dirty: kept ? dirty : undefined,
    reads,
    lastReads: kept?.reads,
  };
}

/** One address's intervals as file entries (kept objects where unchanged) and its position records. */
function addressFold(
  address: string,
  values: ReadonlyArray<Held | undefined>,
  froms: ReadonlyArray<Boundary | null>,
  keys: readonly string[],
  edge: (boundary: Boundary | null, file: string | undefined) => InForceEdge | null,
  memo: InForceMemo,
): AddressFold {
  const intervals = addressTimeline(address, values, froms, (a, b) => a.value === b.value);
  const entries = intervals.map((interval): InForceEntry => {
    const { kind, value } = interval.value;
    const file = (value.place as Place | undefined)?.file ?? (typeof value.file === 'string' ? value.file : undefined);
    return memo.entry({ address, kind, from: edge(interval.from, file), to: edge(interval.to, file), value });
  });
  return { entries, records: positionRecords(address, values, keys, memo) };
}

/**
 * An address's (and its fields') positions under `<address>@<snapshot>` for the first snapshot
 * it has them in, and again only where they move (a row deleted and inserted again).
 */
function positionRecords(
  address: string,
  values: ReadonlyArray<Held | undefined>,
  keys: readonly string[],
  memo: InForceMemo,
): PositionRecord[] {
  const records: PositionRecord[] = [];
  // Each name's last text: a few names per address (the entry and its fields), so a list, not a map.
  const names: string[] = [];
  const texts: string[] = [];
  values.forEach((held, index) => {
    if (!held) return;
    const record = (name: string, text: string): void => {
      const at = names.indexOf(name);
      if (at !== -1 && texts[at] === text) return;
      if (at === -1) {
        names.push(name);
        texts.push(text);
      } else texts[at] = text;
      records.push({ key: `${name}@${keys[index] ?? BASE_KEY}`, text });
    };
    if (held.source) record(address, (held.position ??= memo.position(held.source)));
    for (const [field, at] of Object.entries(held.sources ?? {})) record(fieldAddress(address, field), memo.position(at));
  });
  return records;
}

/** An interval's edge: its boundary with the modifications the release brings into force in the entry's document. */
function edges(snapshots: readonly InForceSnapshot[]): (boundary: Boundary | null, file: string | undefined) => InForceEdge | null {
  const applies = new Map(snapshots.flatMap((snapshot) => (snapshot.from ? [[snapshot.from.id, snapshot.appliesTo] as const] : [])));
  return (boundary, file) =>
    boundary && {
      release: boundary.release,
      date: boundary.date,
      modifications: boundary.modifications.filter((id) => file === undefined || (applies.get(boundary.release)?.(id, file) ?? true)),
    };
}

/** What the edges are made of: the boundaries and what applies where (unknown when a snapshot's `appliesTo` has no key). */
function foldSignature(snapshots: readonly InForceSnapshot[]): string | undefined {
  if (snapshots.some((snapshot) => snapshot.appliesTo && snapshot.appliesKey === undefined)) return undefined;
  return JSON.stringify(snapshots.map((snapshot) => [snapshot.from, snapshot.appliesKey ?? null]));
}

function allAddresses(snapshots: readonly HeldSnapshot[]): Set<string> {
  const addresses = new Set<string>();
  for (const snapshot of snapshots) for (const address of snapshot.entries.keys()) addresses.add(address);
  return addresses;
}

function boundaryOf(release: InForceRelease): Boundary {
  return { date: release.date, release: release.id, modifications: release.modifications };
}

/** Addresses kind by kind, each kind in an order that keeps every snapshot's own order (repeats as listed). */
function entryOrder(snapshots: readonly HeldSnapshot[]): string[] {
  const lists = snapshots.map((snapshot) => {
    const byKind = new Map<EntryKind, string[]>();
    for (const held of snapshot.ordered) {
      const list = byKind.get(held.kind);
      if (list) list.push(held.address);
      else byKind.set(held.kind, [held.address]);
    }
    return byKind;
  });
  return ENTRY_KINDS.flatMap((kind) => mergeOrders(lists.map((list) => list.get(kind) ?? [])));
}
