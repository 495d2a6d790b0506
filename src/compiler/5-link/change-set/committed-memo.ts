/**
 * The change set as committed (rules/change-set.json and its source map), rendered per change and
 * kept between compilations in one compile context. The change set's diff keeps an unchanged
 * change the same object (diff-memo.ts), so after an edit only the changes it reached are turned
 * into JSON again; the same changes in the same order give the very text and map of last time
 * (so what compares them later is told by identity). The text equals `changeSetJson`'s, the map
 * `committedChangeSet`'s (test/change-set-committed.test.ts).
 */
import { placeOf } from '../../../shared/address.js';
import { positionText, type SourceMap } from '../../../shared/source-map.js';
import type { Change, ChangeSet, CommittedChange } from './change.js';

/** One change as committed: its id, its JSON (indented for its place in `changes`) and its positions' texts. */
interface RenderedChange {
  id: string;
  json: string;
  source: string;
  beforeSource: string | undefined;
}

interface Rendered {
  output: string;
  head: string;
  changes: readonly RenderedChange[];
  sorted: string[];
  json: string;
  map: SourceMap;
}

/** Stands for the changes in the head's JSON; NUL characters never occur in a change set's text. */
const CHANGES_MARK = '\u0000changes\u0000';
const MARKED = JSON.stringify(CHANGES_MARK);

export class CommittedChangeSetMemo {
  private changes = new WeakMap<Change, RenderedChange>();
  private last: Rendered | undefined;
  readonly stats = { hits: 0, misses: 0 };

  /** rules/change-set.json's text and its source map (for `output`, the change set's path). */
  render(changeSet: ChangeSet, output: string): { json: string; map: SourceMap } {
    const head = `${JSON.stringify({ $schema: './schema/change-set.schema.json', ...changeSet, changes: CHANGES_MARK }, null, 2)}\n`;
    const changes = changeSet.changes.map((change) => this.change(change));
    const last = this.last?.output === output ? this.last : undefined;
    // An edit seldom changes what a change set commits: a change made again equal keeps last time's text and map.
    const same = last ? compared(last.changes, changes) : { ids: false, json: false, positions: false };
    const json = last && same.json && last.head === head ? last.json : changeSetText(head, changes);
    const sorted = last && same.ids ? last.sorted : undefined;
    const map = last && same.positions ? last.map : sourceMapOf(output, changes, sorted);
    this.last = { output, head, changes, sorted: Object.keys(map.positions), json, map };
    return { json, map };
  }

  private change(change: Change): RenderedChange {
    const known = this.changes.get(change);
    if (known) {
      this.stats.hits++;
      return known;
    }
    this.stats.misses++;
    const { source, beforeSource, ...rest } = change;
    const committed: CommittedChange = {
      ...rest,
      source: placeOf(source),
      ...(beforeSource ? { beforeSource: placeOf(beforeSource) } : {}),
    };
    const rendered = {
      id: change.id,
      json: JSON.stringify(committed, null, 2).replace(/\n/g, '\n    '),
      source: positionText(source),
      beforeSource: beforeSource ? positionText(beforeSource) : undefined,
    };
    this.changes.set(change, rendered);
    return rendered;
  }
}

function codePointOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether two lists of rendered changes have the same ids (and sides) in order, the same texts, and the same positions. */
function compared(
  before: readonly RenderedChange[],
  after: readonly RenderedChange[],
): { ids: boolean; json: boolean; positions: boolean } {
  if (before.length !== after.length) return { ids: false, json: false, positions: false };
  let json = true;
  let positions = true;
  for (let index = 0; index < after.length; index++) {
    const a = before[index] as RenderedChange;
    const b = after[index] as RenderedChange;
    if (a === b) continue;
    // The same ids with the same sides give the same keys of the map.
    if (a.id !== b.id || (a.beforeSource === undefined) !== (b.beforeSource === undefined))
      return { ids: false, json: false, positions: false };
    json &&= a.json === b.json;
    positions &&= a.source === b.source && a.beforeSource === b.beforeSource;
  }
  return { ids: true, json, positions };
}

function changeSetText(head: string, changes: readonly RenderedChange[]): string {
  const list = changes.length === 0 ? '[]' : `[\n    ${changes.map((change) => change.json).join(',\n    ')}\n  ]`;
  const at = head.indexOf(MARKED);
  return `${head.slice(0, at)}${list}${head.slice(at + MARKED.length)}`;
}

/** The source map of the changes: keys `<id>@source` and `<id>@beforeSource` in code-point order (`sorted`: that order, known). */
function sourceMapOf(output: string, changes: readonly RenderedChange[], sorted: string[] | undefined): SourceMap {
  const positions = new Map<string, string>();
  for (const change of changes) {
    positions.set(`${change.id}@source`, change.source);
    if (change.beforeSource !== undefined) positions.set(`${change.id}@beforeSource`, change.beforeSource);
  }
  const keys = sorted ?? [...positions.keys()].sort(codePointOrder);
  return { output, positions: Object.fromEntries(keys.map((key) => [key, positions.get(key) ?? ''])) };
}
