/**
 * Outputs rendered in chunks: a large JSON value (the interval file's entries, a table of
 * generated/tables.ts) is written piece by piece, each piece exactly the text
 * `JSON.stringify(whole, null, 2)` has there, and a piece's text is kept with the objects it was
 * rendered from. When those are the same objects the next time (the interval file keeps an
 * unchanged entry's objects: shared/in-force-memo.ts), the kept text is reused: a one-cell edit
 * re-renders the chunks that hold the cell. test/emit-chunks.test.ts holds the pieces, put
 * together, equal to rendering the whole.
 */
import { jsonEqual } from '../../shared/json-equal.js';

/**
 * `JSON.stringify(value, null, 2)` as it reads `depth` levels deep in a larger value (continuation
 * lines indented; JSON escapes every line break inside a string, so each newline is structure).
 * `code`: as a literal in generated code, U+2028/2029 escaped.
 */
export function nestedJson(value: unknown, depth: number, code = true): string {
  const json = JSON.stringify(value, null, 2);
  const text = code ? escapeSeparators(json) : json;
  return depth === 0 ? text : text.replace(/\n/g, `\n${'  '.repeat(depth)}`);
}

/** U+2028/2029 escaped (literal.ts): JSON allows them in strings, older JS parsers do not. */
export function escapeSeparators(text: string): string {
  return text.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * An object's text at `depth` from its keys (in order) and its values' texts (each rendered at
 * depth + 1). Put together with `+`, which V8 keeps as a rope of the pieces (no copy), where
 * `join` would copy megabytes at every level: the text is flattened once, when it is written or compared.
 */
export function objectText(pairs: ReadonlyArray<readonly [string, string]>, depth: number): string {
  if (pairs.length === 0) return '{}';
  const inner = `\n${'  '.repeat(depth + 1)}`;
  let text = '{';
  pairs.forEach(([key, value], index) => {
    text = text + (index === 0 ? inner : `,${inner}`) + escapeSeparators(JSON.stringify(key)) + ': ' + value;
  });
  return `${text}\n${'  '.repeat(depth)}}`;
}

/** An array's text at `depth` from its items' texts (each rendered at depth + 1), as a rope (see objectText). */
export function arrayText(items: readonly string[], depth: number): string {
  if (items.length === 0) return '[]';
  const inner = `\n${'  '.repeat(depth + 1)}`;
  let text = '[';
  items.forEach((item, index) => {
    text = text + (index === 0 ? inner : `,${inner}`) + item;
  });
  return `${text}\n${'  '.repeat(depth)}]`;
}

/** The keys of an object built by inserting `keys` in order, in the order JSON writes them (integer-like keys first). */
export function objectKeyOrder(keys: Iterable<string>): string[] {
  const skeleton: Record<string, true> = {};
  for (const key of keys) skeleton[key] = true;
  return Object.keys(skeleton);
}

interface Kept {
  parts: readonly unknown[];
  text: string;
}

/**
 * Rendered text by chunk: a chunk is named by a key and made from parts (objects nobody mutates);
 * its text is rendered again only when a part is not the object it was. Chunks no compilation
 * asked for since the last `begin` are forgotten at the next.
 */
export class ChunkMemo {
  private kept = new Map<string, Kept>();
  private used = new Map<string, Kept>();
  private readonly items = new WeakMap<object, Map<string, string>>();
  private readonly values = new Map<string, { value: unknown; text: string }>();
  hits = 0;
  misses = 0;

  begin(): void {
    if (this.used.size > 0) this.kept = this.used;
    this.used = new Map();
  }

  chunk(key: string, parts: readonly unknown[], render: () => string): string {
    const known = this.used.get(key) ?? this.kept.get(key);
    if (known && sameParts(known.parts, parts)) {
      this.hits++;
      this.used.set(key, known);
      return known.text;
    }
    this.misses++;
    const made = { parts, text: render() };
    this.used.set(key, made);
    return made.text;
  }

  /** An object's text from its keys and values' texts (objectText), kept while they are the same strings. */
  object(key: string, pairs: ReadonlyArray<readonly [string, string]>, depth: number): string {
    const values = pairs.map(([, value]) => value);
    const keys = pairs.map(([name]) => name).join('\u0000');
    return this.chunk(`${key}\u0000${keys}`, values, () => objectText(pairs, depth));
  }

  /** An array's text from its items' texts (arrayText), kept while they are the same strings. */
  array(key: string, items: readonly string[], depth: number): string {
    return this.chunk(key, items, () => arrayText(items, depth));
  }

  /** The text of a value, kept while the next value asked for under `key` has the same JSON (a source map whose positions did not change). */
  like(key: string, value: unknown, render: () => string): string {
    const known = this.values.get(key);
    if (known && jsonEqual(known.value, value)) return known.text;
    const text = render();
    this.values.set(key, { value, text });
    return text;
  }

  /** The text of one object rendered one way (`how`: what is rendered of it, and at what depth), kept with the object. */
  item(part: object, how: string, render: () => string): string {
    let texts = this.items.get(part);
    const known = texts?.get(how);
    if (known !== undefined) return known;
    const text = render();
    if (!texts) this.items.set(part, (texts = new Map()));
    texts.set(how, text);
    return text;
  }
}

function sameParts(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}
