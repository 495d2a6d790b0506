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
  text: ChangeSetText;
  map: SourceMap;
}

/** rules/change-set.json's text, and where in it each change's JSON starts. */
interface ChangeSetText {
  json: string;
  starts: number[];
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
    const text = !last || last.head !== head || !same.ids ? changeSetText(head, changes) : same.json ? last.text : patched(last, changes);
    const sorted = last && same.ids ? last.sorted : undefined;
    const map = last && same.positions ? { map: last.map, sorted: last.sorted } : sourceMapOf(output, changes, sorted);
    this.last = { output, head, changes, sorted: map.sorted, text, map: map.map };
    return { json: text.json, map: map.map };
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

const SEPARATOR = ',\n    ';

function changeSetText(head: string, changes: readonly RenderedChange[]): ChangeSetText {
  const at = head.indexOf(MARKED);
  const before = `${head.slice(0, at)}${changes.length === 0 ? '[]' : '[\n    '}`;
  const starts: number[] = new Array<number>(changes.length);
  let offset = before.length;
  changes.forEach((change, index) => {
    starts[index] = offset;
    offset += change.json.length + SEPARATOR.length;
  });
  const list = changes.map((change) => change.json).join(SEPARATOR);
  const after = `${changes.length === 0 ? '' : '\n  ]'}${head.slice(at + MARKED.length)}`;
  return { json: `${before}${list}${after}`, starts };
}

/** Last time's text with the JSON of the changes that differ replaced (the same ids in the same order). */
function patched(last: Rendered, changes: readonly RenderedChange[]): ChangeSetText {
  const pieces: string[] = [];
  const starts: number[] = new Array<number>(changes.length);
  let from = 0;
  let shift = 0;
  changes.forEach((change, index) => {
    const old = last.changes[index] as RenderedChange;
    const start = last.text.starts[index] as number;
    starts[index] = start + shift;
    if (old === change || old.json === change.json) return;
    pieces.push(last.text.json.slice(from, start), change.json);
    from = start + old.json.length;
    shift += change.json.length - old.json.length;
  });
  pieces.push(last.text.json.slice(from));
  return { json: pieces.join(''), starts };
}

/** The source map of the changes: keys `<id>@source` and `<id>@beforeSource` in code-point order (`sorted`: that order, known). */
function sourceMapOf(
  output: string,
  changes: readonly RenderedChange[],
  sorted: string[] | undefined,
): { map: SourceMap; sorted: string[] } {
  const positions = new Map<string, string>();
  for (const change of changes) {
    positions.set(`${change.id}@source`, change.source);
    if (change.beforeSource !== undefined) positions.set(`${change.id}@beforeSource`, change.beforeSource);
  }
  const keys = sorted ?? [...positions.keys()].sort(codePointOrder);
  return { map: { output, positions: Object.fromEntries(keys.map((key) => [key, positions.get(key) ?? ''])) }, sorted: keys };
}
