/**
 * The interval file's source map kept between folds: each key's position text, the keys in
 * code-unit order, and the last map rendered. A fold replaces the records of the addresses it
 * redid; the map is then the last one when nothing changed, the last one with some texts changed
 * when no key came or went, and otherwise the keys merged in order (only the new ones sorted).
 */
import { compareText } from './order.js';
import type { SourceMap } from './source-map.js';

/** One position of the map: `<address or field address>@<snapshot>` → `file:line:column-endLine:endColumn`. */
export interface PositionRecord {
  key: string;
  text: string;
}

export class SourceMapPositions {
  private readonly texts = new Map<string, string>();
  private sorted: string[] = [];
  private added: string[] = [];
  private readonly removed = new Set<string>();
  private readonly changed = new Map<string, string>();
  private last: SourceMap | undefined;

  constructor(private readonly output: string) {}

  /** An address's records now, in place of those it had (a key belongs to one address). */
  replace(before: readonly PositionRecord[], now: readonly PositionRecord[]): void {
    if (before.length === 0) {
      for (const { key, text } of now) {
        this.added.push(key);
        this.texts.set(key, text);
      }
      return;
    }
    const old = new Map(before.map((record) => [record.key, record.text]));
    for (const { key, text } of now) {
      const was = old.get(key);
      old.delete(key);
      if (was === undefined) this.added.push(key);
      else if (was !== text) this.changed.set(key, text);
      this.texts.set(key, text);
    }
    for (const key of old.keys()) {
      this.texts.delete(key);
      this.removed.add(key);
    }
  }

  /** The map with every replacement so far, keys in code-unit order. */
  map(): SourceMap {
    const last = this.last;
    if (last && this.added.length === 0 && this.removed.size === 0) {
      if (this.changed.size === 0) return last;
      const positions = { ...last.positions };
      for (const [key, text] of this.changed) positions[key] = text;
      return this.remember({ output: this.output, positions });
    }
    const kept = this.removed.size === 0 ? this.sorted : this.sorted.filter((key) => !this.removed.has(key));
    this.sorted = mergeSorted(kept, this.added.sort(compareText));
    const positions: Record<string, string> = {};
    for (const key of this.sorted) positions[key] = this.texts.get(key) ?? '';
    return this.remember({ output: this.output, positions });
  }

  private remember(map: SourceMap): SourceMap {
    this.last = map;
    this.added = [];
    this.removed.clear();
    this.changed.clear();
    return map;
  }
}

/** Two lists in code-unit order as one. */
function mergeSorted(a: readonly string[], b: readonly string[]): string[] {
  if (b.length === 0) return a.slice();
  if (a.length === 0) return b.slice();
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(compareText(a[i] as string, b[j] as string) <= 0 ? (a[i++] as string) : (b[j++] as string));
  while (i < a.length) out.push(a[i++] as string);
  while (j < b.length) out.push(b[j++] as string);
  return out;
}
