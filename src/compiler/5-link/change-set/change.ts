/**
 * Building Change entries (src/features/changeset/diff-*.ts use these): an entry added or
 * removed, a whole entry changed, one field changed; and walking two lists of entries by key.
 */
import type { Change as CommittedChange, ChangeSet as CommittedChangeSet, ChangeKind, Source } from '../../../../generated/types.js';
import { placeOf } from '../../../shared/address.js';
import { SourceMapBuilder, type SourceMap } from '../../../shared/source-map.js';

/**
 * A change as the compiler holds it: with the positions of its redline and earlier value, for
 * diagnostics, the review page and ordering. What rules/change-set.json holds (`CommittedChange`)
 * has their places only; the positions go to its source map (`committedChangeSet`).
 */
export type Change = Omit<CommittedChange, 'source' | 'beforeSource'> & { source: Source; beforeSource?: Source };
export type ChangeSet = Omit<CommittedChangeSet, 'changes'> & { changes: Change[] };
export type { CommittedChange, CommittedChangeSet };

/** The change set without positions, and the source map that holds them (keys `<id>@source`, `<id>@beforeSource`). */
export function committedChangeSet(
  changeSet: ChangeSet,
  output: string,
  kept?: WeakMap<Change, CommittedChange>,
): { changeSet: CommittedChangeSet; map: SourceMap } {
  const map = new SourceMapBuilder(output);
  const changes = changeSet.changes.map((change): CommittedChange => {
    map.add(`${change.id}@source`, change.source);
    if (change.beforeSource) map.add(`${change.id}@beforeSource`, change.beforeSource);
    let committed = kept?.get(change);
    if (!committed) {
      committed = committedChange(change);
      kept?.set(change, committed);
    }
    return committed;
  });
  return { changeSet: { ...changeSet, changes }, map: map.map() };
}

/** A change as rules/change-set.json holds it: its places, no positions (a long-lived context keeps it with the change). */
function committedChange(change: Change): CommittedChange {
  const { source, beforeSource, ...rest } = change;
  return { ...rest, source: placeOf(source), ...(beforeSource ? { beforeSource: placeOf(beforeSource) } : {}) };
}

/** The fields of a change that name its entry. */
export type Identity = Partial<Pick<Change, 'sr' | 'role' | 'smets' | 'mode' | 'clause' | 'rule' | 'footnote' | 'modification'>>;

export function entryChange(
  kind: ChangeKind,
  action: 'added' | 'removed',
  id: string,
  subject: string,
  ids: Identity,
  entry: object,
  source: Source,
): Change {
  return {
    id,
    kind,
    action,
    subject,
    summary: `${subject} ${action}`,
    ...ids,
    ...(action === 'removed' ? { before: entry } : { after: entry }),
    document: source.file,
    source,
  };
}

/** A whole entry that changed: its fields before and after, placed at the redline that changes it. */
export function entryChanged(
  kind: ChangeKind,
  id: string,
  subject: string,
  summary: string,
  extra: Partial<Change>,
  before: object,
  after: object,
  source: Source,
  beforeSource: Source,
): Change {
  return { id, kind, action: 'changed', subject, summary, ...extra, before, after, document: source.file, source, beforeSource };
}

export function fieldChange(
  kind: ChangeKind,
  id: string,
  subject: string,
  field: string,
  old: unknown,
  now: unknown,
  ids: Identity,
  source: Source,
  beforeSource: Source,
): Change {
  return {
    id,
    kind,
    action: 'changed',
    subject,
    summary: `${subject}: ${display(old)} → ${display(now)}`,
    field,
    ...ids,
    from: display(old),
    to: display(now),
    before: { [field]: old },
    after: { [field]: now },
    document: source.file,
    source,
    beforeSource,
  };
}

/** Calls `visit` once per key in either list (first occurrence wins), in a stable order. */
export function pairs<T>(
  before: readonly T[],
  after: readonly T[],
  key: (entry: T) => string,
  visit: (old: T | undefined, now: T | undefined, key: string) => void,
): void {
  const old = new Map<string, T>();
  for (const entry of before) {
    const name = key(entry);
    if (!old.has(name)) old.set(name, entry);
  }
  const now = new Map<string, T>();
  for (const entry of after) {
    const name = key(entry);
    if (!now.has(name)) now.set(name, entry);
  }
  for (const [name, entry] of now) visit(old.get(name), entry, name);
  for (const [name, entry] of old) if (!now.has(name)) visit(entry, undefined, name);
}

export function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** An entry's fields without its source: sources are never compared, only what the rules say. */
export function withoutSource(entry: object): Record<string, unknown> {
  const { source: _source, ...rest } = entry as Record<string, unknown>;
  return rest;
}

/** The place of a change to a whole document (its first line). */
export function documentSource(file: string): Source {
  return { file, line: 1, column: 1, endLine: 1, endColumn: 1 };
}

function display(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}
