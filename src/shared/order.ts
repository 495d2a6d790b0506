/**
 * Orderings that give the same bytes on every machine: strings compare by UTF-16 code unit,
 * never by the locale (`localeCompare` without a fixed locale orders `aa` after `z` in Danish).
 */
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';

/** Code-unit order: independent of LANG, LC_ALL, TZ and the ICU data Node was built with. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareFiles(a: VFile, b: VFile): number {
  return compareText(a.path ?? '', b.path ?? '');
}

/** By place, errors before warnings, then rule id and reason (what vfile-sort does, without the locale). */
export function compareMessages(a: VFileMessage, b: VFileMessage): number {
  return (
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    fatalRank(a) - fatalRank(b) ||
    compareText(a.source ?? '', b.source ?? '') ||
    compareText(a.ruleId ?? '', b.ruleId ?? '') ||
    compareText(a.reason, b.reason)
  );
}

function fatalRank(message: VFileMessage): number {
  return message.fatal === true ? 0 : message.fatal === false ? 1 : 2;
}

/** Whole numbers with comma thousands separators (`5,600`), as the SEC writes them, in any locale. */
export function groupThousands(value: number): string {
  const [whole = '', fraction] = String(value).split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = sign ? whole.slice(1) : whole;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/**
 * One order of the union of several lists that keeps every list's own order when they agree
 * (a topological order of "comes before in some list"), ties going to the item seen first.
 * Items on a cycle (lists that disagree) follow in the order first seen. O(n log n), cycles included.
 */
export function mergeOrders(lists: ReadonlyArray<readonly string[]>): string[] {
  const rank = new Map<string, number>();
  const next = new Map<string, string[]>();
  const waiting = new Map<string, number>();
  for (const list of lists) {
    list.forEach((item, index) => {
      if (!rank.has(item)) rank.set(item, rank.size);
      const before = index > 0 ? list[index - 1] : undefined;
      if (before === undefined || before === item) return;
      const after = next.get(before);
      if (after) after.push(item);
      else next.set(before, [item]);
      waiting.set(item, (waiting.get(item) ?? 0) + 1);
    });
  }
  const order = (item: string): number => rank.get(item) ?? 0;
  const ready = new MinHeap(order);
  for (const item of rank.keys()) if (!waiting.get(item)) ready.push(item);
  const merged: string[] = [];
  const done = new Set<string>();
  // On a cycle nothing is ready: the first item not yet placed, in the order first seen (a cursor, not a scan per item).
  const seen = [...rank.keys()];
  let cursor = 0;
  const firstNotDone = (): string | undefined => {
    while (cursor < seen.length && done.has(seen[cursor] as string)) cursor++;
    return seen[cursor];
  };
  while (merged.length < rank.size) {
    const item = ready.pop() ?? firstNotDone();
    if (item === undefined || done.has(item)) continue;
    done.add(item);
    merged.push(item);
    for (const after of next.get(item) ?? []) {
      const left = (waiting.get(after) ?? 0) - 1;
      waiting.set(after, left);
      if (left === 0 && !done.has(after)) ready.push(after);
    }
  }
  return merged;
}

/** A binary min-heap by a numeric key. */
class MinHeap {
  private readonly items: string[] = [];
  constructor(private readonly key: (item: string) => number) {}

  push(item: string): void {
    const items = this.items;
    items.push(item);
    let index = items.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (this.key(items[parent] ?? '') <= this.key(item)) break;
      items[index] = items[parent] ?? '';
      index = parent;
    }
    items[index] = item;
  }

  pop(): string | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) return top;
    let index = 0;
    for (;;) {
      const left = 2 * index + 1;
      if (left >= items.length) break;
      const right = left + 1;
      const child = right < items.length && this.key(items[right] ?? '') < this.key(items[left] ?? '') ? right : left;
      if (this.key(items[child] ?? '') >= this.key(last)) break;
      items[index] = items[child] ?? '';
      index = child;
    }
    items[index] = last;
    return top;
  }
}
