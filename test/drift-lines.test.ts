/**
 * Drift names the first differing line of generated code without splitting 15 MB into lines
 * (features/check/first-line.ts): for any two texts it names the line, and that line of each,
 * that comparing `split('\n')` line by line names (the reference below, drift's former code).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstDifferentLine, lineCounter } from '../src/features/check/first-line.js';

function reference(actual: string, expected: string): { index: number; found: string | undefined; wanted: string | undefined } {
  const a = actual.split('\n');
  const b = expected.split('\n');
  let index = 0;
  while (index < Math.max(a.length, b.length) && a[index] === b[index]) index++;
  return { index, found: a[index], wanted: b[index] };
}

/** Texts of a few short lines from a small alphabet, so that two of them often share a long prefix. */
const text = fc.array(fc.constantFrom('a', 'b', '\n', 'ab', '\n\n'), { maxLength: 12 }).map((parts) => parts.join(''));

describe('the first differing line', () => {
  it('is the same with the line breaks of the committed text counted once, per disk state (property)', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        fc.pre(a !== b);
        expect(firstDifferentLine(a, b, lineCounter(a))).toEqual(reference(a, b));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(text, fc.nat(), (a, end) => {
        const offset = end % (a.length + 1);
        expect(lineCounter(a)(offset)).toBe(a.slice(0, offset).split('\n').length - 1);
      }),
    );
  });

  it('is the one comparing the texts line by line names (property)', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        fc.pre(a !== b);
        expect(firstDifferentLine(a, b)).toEqual(reference(a, b));
      }),
      { numRuns: 2000 },
    );
  });

  it('is found past the first block of a long text, and at its end', () => {
    const long = `${'x'.repeat(40_000)}\n${'line\n'.repeat(5_000)}`;
    for (const [a, b] of [
      [long, `${long}tail`],
      [`${long}tail`, long],
      [long.replace(/line\n$/, 'lime\n'), long],
      [long, `${long.slice(0, 20_000)}y${long.slice(20_001)}`],
    ] as const) {
      expect(firstDifferentLine(a, b)).toEqual(reference(a, b));
    }
  });
});
