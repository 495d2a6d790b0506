/**
 * Where an output, as pieces (7-emit/chunks.ts), first differs from its file on disk, without
 * flattening megabytes: a piece already found equal to the disk text at the same offset (in an
 * earlier compilation against the same disk state) is skipped by its length, and only the parts
 * that are new are compared. After a one-cell edit that is the chunk holding the cell and the
 * small strings around it; the 15 MB of generated/tables.ts are not compared again.
 * test/piece-drift.test.ts holds the answer equal to comparing the flat texts.
 */
import type { Part, Piece } from '../../compiler/7-emit/chunks.js';
import type { LineSource } from './first-line.js';

/** Pieces known to equal the disk text at these offsets: one record per disk state. */
export type MatchedPieces = WeakMap<Piece, number[]>;

/** A piece that appears at several places (the same SR chunk in both views) is remembered at each, up to this many. */
const OFFSETS_KEPT = 8;

/** The first offset where the output differs from the disk text; undefined when they are equal. */
export function pieceDifference(disk: string, output: Piece, matched: MatchedPieces = new WeakMap()): number | undefined {
  const found = differenceIn(disk, output, 0, matched);
  if (found !== undefined) return found;
  return output.text.length === disk.length ? undefined : output.text.length;
}

function differenceIn(disk: string, part: Part, offset: number, matched: MatchedPieces): number | undefined {
  if (typeof part === 'string') return leafDifference(disk, part, offset);
  const known = matched.get(part);
  if (known?.includes(offset)) return undefined;
  if (part.parts) {
    let at = offset;
    for (const child of part.parts) {
      const found = differenceIn(disk, child, at, matched);
      if (found !== undefined) return found;
      at += lengthOf(child);
    }
  } else {
    const found = leafDifference(disk, part.text, offset);
    if (found !== undefined) return found;
  }
  matched.set(part, [offset, ...(known ?? []).slice(0, OFFSETS_KEPT - 1)]);
  return undefined;
}

const lengthOf = (part: Part): number => (typeof part === 'string' ? part.length : part.text.length);

/** Where `text`, placed at `offset`, first differs from the disk text; undefined when the disk has it there. */
function leafDifference(disk: string, text: string, offset: number): number | undefined {
  // Equality of a slice is a native memory compare; startsWith goes character by character.
  if (offset + text.length <= disk.length && disk.slice(offset, offset + text.length) === text) return undefined;
  const length = Math.min(text.length, disk.length - offset);
  let at = 0;
  const BLOCK = 1 << 12;
  while (at + BLOCK <= length && text.slice(at, at + BLOCK) === disk.slice(offset + at, offset + at + BLOCK)) at += BLOCK;
  while (at < length && text.charCodeAt(at) === disk.charCodeAt(offset + at)) at++;
  return offset + at;
}

/**
 * An output's text read through its pieces, for the line around a difference: the line breaks
 * and slices near one offset, found by descending to the parts that hold it.
 */
export function pieceText(output: Piece): LineSource {
  return {
    length: output.text.length,
    nextBreak(from) {
      for (const [leaf, start] of leavesFrom(output, 0, from)) {
        const index = leaf.indexOf('\n', Math.max(0, from - start));
        if (index !== -1) return start + index;
      }
      return -1;
    },
    slice(start, end) {
      let text = '';
      for (const [leaf, at] of leavesFrom(output, 0, start)) {
        if (at >= end) break;
        text += leaf.slice(Math.max(0, start - at), end - at);
      }
      return text;
    },
  };
}

/** The leaves (strings, or pieces without parts) that end after `from`, in order, with their offsets. */
function* leavesFrom(part: Part, offset: number, from: number): Generator<readonly [string, number]> {
  if (typeof part === 'string' || !part.parts) {
    yield [typeof part === 'string' ? part : part.text, offset];
    return;
  }
  let at = offset;
  for (const child of part.parts) {
    const length = lengthOf(child);
    if (at + length > from) yield* leavesFrom(child, at, from);
    at += length;
  }
}
