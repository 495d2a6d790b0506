/**
 * SR references sort in natural order (4.2 < 4.6.1 < 4.17 < 8.2); plain references take a fast
 * path that must order exactly as splitting them into numbers does, whatever they hold.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareSrRefs } from '../src/compiler/4-extract/text.js';

/** The order by definition: numbers compared in turn, a missing one as -1. */
function byNumbers(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let index = 0; index < Math.max(pa.length, pb.length); index++) {
    const difference = (pa[index] ?? -1) - (pb[index] ?? -1);
    if (difference !== 0) return difference;
  }
  return 0;
}

describe('compareSrRefs', () => {
  it('orders SR references naturally', () => {
    expect(['8.2', '4.17', '4.6.1', '4.2', '4', '11.1'].sort(compareSrRefs)).toEqual(['4', '4.2', '4.6.1', '4.17', '8.2', '11.1']);
  });

  it('gives what comparing number by number gives, for plain references and odd ones alike', () => {
    const part = fc.oneof(fc.nat(40).map(String), fc.constantFrom('0', '007', '', 'a', ' 4', '1e2', '99999999999999999999'));
    const ref = fc.array(part, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('.'));
    fc.assert(
      fc.property(ref, ref, (a, b) => {
        expect(compareSrRefs(a, b)).toBe(byNumbers(a, b));
      }),
      { numRuns: 2000 },
    );
  });
});
