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

/** A rendered chunk: its text, in a box so that an unchanged chunk is told by identity, never by comparing megabytes. */
export interface Piece {
  readonly text: string;
}

interface Kept {
  parts: readonly object[];
  piece: Piece;
}

/**
 * Rendered text by what it is made from: a chunk is rendered one way (`how`: which table, at what
 * depth) from parts (objects nobody mutates: entries, or the pieces of smaller chunks), and the
 * same parts rendered the same way give the same piece, in any version and any compilation. Kept
 * weakly by its first part, so chunks go when their entries do. `identify` names a part by what its
 * text depends on (an entry read back from the interval file by its committed value: the tables
 * write no position).
 */
export class ChunkMemo {
  private readonly byFirst = new WeakMap<object, Map<string, Kept[]>>();
  private readonly empty = new Map<string, Piece>();
  private readonly values = new Map<string, { value: unknown; text: string }>();
  hits = 0;
  misses = 0;

  constructor(private readonly identify: (part: object) => object = (part) => part) {}

  chunk(how: string, parts: readonly object[], render: () => string): Piece {
    const ids = parts.map(this.identify);
    const first = ids[0];
    if (first === undefined) {
      const known = this.empty.get(how);
      if (known) return known;
      const piece = { text: render() };
      this.empty.set(how, piece);
      return piece;
    }
    let byHow = this.byFirst.get(first);
    const kept = byHow?.get(how);
    const found = kept?.find((candidate) => sameParts(candidate.parts, ids));
    if (found) {
      this.hits++;
      return found.piece;
    }
    this.misses++;
    const piece = { text: render() };
    if (!byHow) this.byFirst.set(first, (byHow = new Map()));
    byHow.set(how, [{ parts: ids, piece }, ...(kept ?? []).slice(0, 3)]);
    return piece;
  }

  /** An object's piece from its keys and its values' pieces (objectText). */
  object(how: string, pairs: ReadonlyArray<readonly [string, Piece]>, depth: number): Piece {
    const keys = pairs.map(([key]) => key).join('\u0000');
    return this.chunk(
      `${how}\u0000${depth}\u0000${keys}`,
      pairs.map(([, piece]) => piece),
      () =>
        objectText(
          pairs.map(([key, piece]) => [key, piece.text] as const),
          depth,
        ),
    );
  }

  /** An array's piece from its items' pieces (arrayText). */
  array(how: string, items: readonly Piece[], depth: number): Piece {
    return this.chunk(`${how}\u0000${depth}`, items, () =>
      arrayText(
        items.map((item) => item.text),
        depth,
      ),
    );
  }

  /** One object rendered one way (`how`: what is rendered of it, and at what depth). */
  item(part: object, how: string, render: () => string): Piece {
    return this.chunk(how, [part], render);
  }

  /** The text of a value, kept while the next value asked for under `key` has the same JSON (a source map whose positions did not change). */
  like(key: string, value: unknown, render: () => string): string {
    const known = this.values.get(key);
    if (known && jsonEqual(known.value, value)) return known.text;
    const text = render();
    this.values.set(key, { value, text });
    return text;
  }
}

function sameParts(a: readonly object[], b: readonly object[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}
