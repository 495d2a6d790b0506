/**
 * Drift compares an output with its file on disk part by part (features/check/piece-drift.ts),
 * skipping parts it found equal at the same offset before: for any output put together from
 * pieces (some of them shared, at several places) and any disk text, it names the offset and the
 * line that comparing the flat texts names, also when the record of matched pieces is kept across
 * several outputs compared with the same disk text, as the language server keeps it per disk state.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composed, type Part, type Piece } from '../src/compiler/7-emit/chunks.js';
import { differentLineAt, firstDifferentLine, firstDifferentOffset, stringSource } from '../src/features/check/first-line.js';
import { pieceDifference, pieceText, type MatchedPieces } from '../src/features/check/piece-drift.js';

const word = fc.array(fc.constantFrom('a', 'b', '\n', 'ab', '\n\n', 'xyz'), { maxLength: 4 }).map((parts) => parts.join(''));

/** A few pieces, each made of words and of earlier pieces (so one piece can appear at several places in an output). */
const pool = fc.array(fc.array(fc.oneof(word, fc.nat(8)), { maxLength: 5 }), { minLength: 1, maxLength: 6 }).map((specs) => {
  const pieces: Piece[] = [];
  for (const spec of specs) {
    const parts: Part[] = spec.map((part) => (typeof part === 'string' ? part : (pieces[part % Math.max(pieces.length, 1)] ?? 'p')));
    // Some pieces are leaves without parts, as a chunk rendered in one go is.
    pieces.push(pieces.length % 3 === 2 ? { text: composed(parts).text } : composed(parts));
  }
  return pieces;
});

/** An output from the pool: a list of its pieces and words. */
const output = (pieces: readonly Piece[]) =>
  fc
    .array(
      fc.oneof(
        word,
        fc.nat(pieces.length - 1).map((index) => pieces[index] ?? 'q'),
      ),
      { maxLength: 6 },
    )
    .map(composed);

/** A disk text near an output's text: the same, or with one character added, removed or changed. */
const near = (text: string) =>
  fc
    .tuple(fc.nat(text.length), fc.constantFrom('same', 'add', 'remove', 'change'), fc.constantFrom('a', '\n', 'z'))
    .map(([at, how, char]) => {
      if (how === 'same') return text;
      if (how === 'add') return text.slice(0, at) + char + text.slice(at);
      if (how === 'remove') return text.slice(0, at) + text.slice(at + 1);
      return text.slice(0, at) + (text[at] === char ? 'y' : char) + text.slice(at + 1);
    });

const flat = (disk: string, text: string): number | undefined => (disk === text ? undefined : firstDifferentOffset(disk, text));

describe('drift part by part', () => {
  it('names the offset and the line that comparing the flat texts names, with matched pieces kept per disk state (property)', () => {
    fc.assert(
      fc.property(
        pool.chain((pieces) => fc.tuple(fc.array(output(pieces), { minLength: 1, maxLength: 4 }), output(pieces))),
        fc.nat(),
        ([outputs, base], pick) => {
          const baseText = base.text;
          return fc.assert(
            fc.property(near(baseText), (disk) => {
              // One record for this disk state, kept across the compilations compared with it.
              const matched: MatchedPieces = new WeakMap();
              for (const one of [base, ...outputs, base, outputs[pick % outputs.length] ?? base]) {
                const at = pieceDifference(disk, one, matched);
                expect(at).toBe(flat(disk, one.text));
                if (at !== undefined) expect(differentLineAt(disk, pieceText(one), at)).toEqual(firstDifferentLine(disk, one.text));
              }
            }),
            { numRuns: 10 },
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads an output through its pieces as the flat text reads (property)', () => {
    fc.assert(
      fc.property(
        pool.chain((pieces) => output(pieces)),
        fc.nat(),
        fc.nat(),
        (one, a, b) => {
          const text = one.text;
          const source = pieceText(one);
          const plain = stringSource(text);
          const start = a % (text.length + 1);
          const end = start + (b % (text.length + 1 - start));
          expect(source.length).toBe(text.length);
          expect(source.nextBreak(start)).toBe(plain.nextBreak(start));
          expect(source.slice(start, end)).toBe(text.slice(start, end));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('compares again a piece met at a new offset (the same chunk moved by an edit above it)', () => {
    const chunk = composed(['x']);
    const matched: MatchedPieces = new WeakMap();
    expect(pieceDifference('xy', composed([chunk, 'y']), matched)).toBeUndefined();
    // The chunk matched at offset 0; at offset 1 the disk has `y`.
    expect(pieceDifference('xy', composed(['x', chunk]), matched)).toBe(1);
  });
});
