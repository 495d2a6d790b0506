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
 * `join` would copy megabytes at every level: the text is flattened once, when it is written.
 */
export function objectText(pairs: ReadonlyArray<readonly [string, Part]>, depth: number): string {
  return joinParts(objectParts(pairs, depth));
}

/** An array's text at `depth` from its items' texts (each rendered at depth + 1), as a rope (see objectText). */
export function arrayText(items: readonly Part[], depth: number): string {
  return joinParts(arrayParts(items, depth));
}

/** A text and what it is put together from: literal strings and the pieces of smaller chunks. */
export type Part = string | Piece;

/** The text of parts, as a rope (see objectText). */
export function joinParts(parts: readonly Part[]): string {
  let text = '';
  for (const part of parts) text = text + (typeof part === 'string' ? part : part.text);
  return text;
}

/** A piece put together from parts: drift walks the parts and skips those known to match the file on disk. */
export function composed(parts: readonly Part[]): Piece {
  return { text: joinParts(parts), parts };
}

/** A template put together as a piece: `pieceOf\`text ${piece} text\``, each interpolated piece kept as a part. */
export function pieceOf(strings: TemplateStringsArray, ...values: readonly Part[]): Piece {
  const parts: Part[] = [];
  strings.forEach((literalText, index) => {
    if (literalText !== '') parts.push(literalText);
    const value = values[index];
    if (value !== undefined) parts.push(value);
  });
  return composed(parts);
}

/** objectText as parts: each key with its punctuation one string, each value its own part. */
export function objectParts(pairs: ReadonlyArray<readonly [string, Part]>, depth: number): Part[] {
  if (pairs.length === 0) return ['{}'];
  return [
    ...memberParts(
      pairs.map(([key, value]) => [keyLabel(key), value] as const),
      '{',
      depth,
      true,
    ),
    closing('}', depth),
  ];
}

/** arrayText as parts. */
export function arrayParts(items: readonly Part[], depth: number): Part[] {
  if (items.length === 0) return ['[]'];
  return [
    ...memberParts(
      items.map((item) => ['', item] as const),
      '[',
      depth,
      true,
    ),
    closing(']', depth),
  ];
}

const keyLabel = (key: string): string => `${escapeSeparators(JSON.stringify(key))}: `;
const closing = (bracket: '}' | ']', depth: number): string => `\n${'  '.repeat(depth)}${bracket}`;

/** A run of members (label, then value) at `depth`, the first run opening the bracket, later ones going on with a comma. */
function memberParts(members: ReadonlyArray<readonly [string, Part]>, bracket: '{' | '[', depth: number, first: boolean): Part[] {
  const inner = `\n${'  '.repeat(depth + 1)}`;
  const parts: Part[] = [];
  members.forEach(([label, value], index) => {
    parts.push(`${index === 0 && first ? bracket : ','}${inner}${label}`, value);
  });
  return parts;
}

/** The keys of an object built by inserting `keys` in order, in the order JSON writes them (integer-like keys first). */
export function objectKeyOrder(keys: Iterable<string>): string[] {
  const skeleton: Record<string, true> = {};
  for (const key of keys) skeleton[key] = true;
  return Object.keys(skeleton);
}

/**
 * A rendered chunk: its text, in a box so that an unchanged chunk is told by identity, never by
 * comparing megabytes; a chunk put together from smaller ones keeps its parts (drift compares
 * part by part, features/check/piece-drift.ts).
 */
export interface Piece {
  readonly text: string;
  readonly parts?: readonly Part[];
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
  /** A table's piece by the very array it was made from. */
  private readonly tables = new WeakMap<readonly object[], Map<string, Piece>>();
  /** One object's chunks, by how it is rendered (item: the fast path of a chunk of one part). */
  private readonly items = new WeakMap<object, Map<string, Piece>>();
  private readonly values = new Map<string, { value: unknown; text: string }>();
  hits = 0;
  misses = 0;

  /**
   * @param identify names a part by what its text depends on
   * @param run the most members of an object or array rendered as one chunk (tests make it small)
   */
  constructor(
    private readonly identify: (part: object) => object = (part) => part,
    private readonly run = 64,
  ) {}

  /** `keep`: how many chunks made from different parts with the same first part are kept for one `how`. */
  chunk(how: string, parts: readonly object[], render: () => string | Piece, keep = 4): Piece {
    const ids = parts.map(this.identify);
    const first = ids[0];
    if (first === undefined) {
      const known = this.empty.get(how);
      if (known) return known;
      const piece = boxed(render());
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
    const piece = boxed(render());
    if (!byHow) this.byFirst.set(first, (byHow = new Map()));
    byHow.set(how, [{ parts: ids, piece }, ...(kept ?? []).slice(0, keep - 1)]);
    return piece;
  }

  /**
   * A chunk made from a whole table of a version (all its entries): the same entries give the same
   * piece without grouping them again. The very array seen before gives its piece at once (a
   * version the edit did not reach reads back the same arrays: shared/in-force-read.ts; an array
   * handed to emit is never changed afterwards, a read is patched into a copy). The versions of
   * a corpus share their first entries, so more of them are kept per first entry than for a small chunk.
   */
  table(how: string, entries: readonly object[], render: () => Piece): Piece {
    let byHow = this.tables.get(entries);
    const known = byHow?.get(how);
    if (known) return known;
    const piece = this.chunk(`${how}\u0000table`, entries, render, 16);
    if (!byHow) this.tables.set(entries, (byHow = new Map()));
    byHow.set(how, piece);
    return piece;
  }

  /** An object's piece from its keys and its values' pieces (objectText). */
  object(how: string, pairs: ReadonlyArray<readonly [string, Piece]>, depth: number): Piece {
    return this.members(
      `${how}\u0000${depth}\u0000{`,
      pairs.map(([key, value]) => [keyLabel(key), value] as const),
      '{',
      depth,
    );
  }

  /** An array's piece from its items' pieces (arrayText). */
  array(how: string, items: readonly Piece[], depth: number): Piece {
    return this.members(
      `${how}\u0000${depth}\u0000[`,
      items.map((item) => ['', item] as const),
      '[',
      depth,
    );
  }

  /**
   * An object's or array's piece from its members, in runs of at most `run` members, each run a
   * chunk of its own: an edit of one member renders its run and the short list of runs again, not
   * thousands of members (and drift then compares one run).
   */
  private members(how: string, members: ReadonlyArray<readonly [string, Piece]>, bracket: '{' | '[', depth: number): Piece {
    const close = closing(bracket === '{' ? '}' : ']', depth);
    const labels = (run: ReadonlyArray<readonly [string, Piece]>): string =>
      bracket === '{' ? run.map(([label]) => label).join('\u0000') : '';
    const values = (run: ReadonlyArray<readonly [string, Piece]>): Piece[] => run.map(([, value]) => value);
    if (members.length === 0) return this.chunk(how, [], () => `${bracket}${close.trimStart()}`);
    if (members.length <= this.run) {
      return this.chunk(`${how}\u0000${labels(members)}`, values(members), () =>
        composed([...memberParts(members, bracket, depth, true), close]),
      );
    }
    const runs: Piece[] = [];
    for (let start = 0; start < members.length; start += this.run) {
      const run = members.slice(start, start + this.run);
      const first = start === 0;
      runs.push(
        this.chunk(`${how}\u0000run\u0000${first}\u0000${labels(run)}`, values(run), () =>
          composed(memberParts(run, bracket, depth, first)),
        ),
      );
    }
    return this.chunk(`${how}\u0000runs`, runs, () => composed([...runs, close]));
  }

  /** One object rendered one way (`how`: what is rendered of it, and at what depth). */
  item(part: object, how: string, render: () => string): Piece {
    const id = this.identify(part);
    let byHow = this.items.get(id);
    const known = byHow?.get(how);
    if (known) {
      this.hits++;
      return known;
    }
    this.misses++;
    const piece = boxed(render());
    if (!byHow) this.items.set(id, (byHow = new Map()));
    byHow.set(how, piece);
    return piece;
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

function boxed(rendered: string | Piece): Piece {
  return typeof rendered === 'string' ? { text: rendered } : rendered;
}

function sameParts(a: readonly object[], b: readonly object[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}
