/**
 * jsonEqual is a drop-in for comparing JSON texts: for any two values it answers what
 * `JSON.stringify(a) === JSON.stringify(b)` answers (key order, omitted values, non-finite numbers).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonEqual } from '../../src/shared/json-equal.js';
import { committedValue, sameCommitted } from '../../src/shared/in-force-memo.js';

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Values with what JSON drops or rewrites: undefined, NaN, -0, Infinity, nested arrays and objects. */
const leaf = fc.oneof(
  fc.constantFrom(undefined, null, true, false, 0, -0, 1, NaN, Infinity, -Infinity, '', 'a', 'null'),
  fc.integer({ min: -3, max: 3 }),
  fc.string({ maxLength: 2 }),
);
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
  array: fc.array(tie('node'), { maxLength: 3 }),
  object: fc.dictionary(fc.constantFrom('a', 'b', 'c'), tie('node'), { maxKeys: 3 }),
})).node;

describe('jsonEqual', () => {
  it('answers as comparing the JSON texts would, for any two values', () => {
    fc.assert(fc.property(value, value, (a, b) => jsonEqual(a, b) === same(a, b)));
  });

  it('answers as comparing the JSON texts would for a value and a near copy (one leaf changed, keys reordered)', () => {
    fc.assert(
      fc.property(value, leaf, fc.nat(), (a, replacement, pick) => {
        const copy = nearCopy(a, replacement, pick);
        return jsonEqual(a, copy) === same(a, copy) && jsonEqual(copy, a) === same(copy, a);
      }),
    );
  });

  it('counts key order and skips what JSON omits', () => {
    expect(jsonEqual({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
    expect(jsonEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(jsonEqual([undefined], [null])).toBe(true);
    expect(jsonEqual({ a: NaN }, { a: null })).toBe(true);
    expect(jsonEqual({ a: new Date(0) }, { a: '1970-01-01T00:00:00.000Z' })).toBe(true);
    expect(jsonEqual({ a: [1, 2] }, { a: [1, 2, 3] })).toBe(false);
  });
});

/** A copy of `value` with one leaf (counted depth first) replaced, and every object's keys reversed when pick is odd. */
function nearCopy(value: unknown, replacement: unknown, pick: number): unknown {
  let count = 0;
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (node !== null && typeof node === 'object') {
      const entries = Object.entries(node).map(([key, inner]) => [key, walk(inner)] as const);
      return Object.fromEntries(pick % 2 === 1 ? entries.reverse() : entries);
    }
    return count++ === pick % 5 ? replacement : node;
  };
  return walk(value);
}

describe('sameCommitted (an entry compared with a kept committed value, without copying it)', () => {
  const source = fc.record(
    {
      file: fc.constantFrom('a.md', 'b.md'),
      line: fc.integer({ min: 1, max: 3 }),
      column: fc.constant(1),
      endLine: fc.constant(1),
      endColumn: fc.constant(2),
      clause: fc.constantFrom('AB1', undefined),
      row: fc.constantFrom('1.1', 'x'),
      header: fc.constantFrom('T', undefined),
    },
    { requiredKeys: ['file', 'line', 'column', 'endLine', 'endColumn'] },
  );
  const entry = fc.record(
    {
      sr: fc.constantFrom('1.1', '1.2'),
      seconds: fc.constantFrom(1, 2, null, undefined),
      notes: fc.array(fc.constantFrom('a', 'b'), { maxLength: 2 }),
      source,
      sources: fc.dictionary(fc.constantFrom('name', 'critical'), source, { maxKeys: 2 }),
    },
    { requiredKeys: ['sr'] },
  );

  it('says the same only when the committed JSON is the same, and always of an entry and its own value (property)', () => {
    fc.assert(
      fc.property(entry, entry, (a, b) => {
        const value = committedValue(a);
        const same = JSON.stringify(value) === JSON.stringify(committedValue(b));
        if (sameCommitted(value, b)) expect(same).toBe(true);
        expect(sameCommitted(committedValue(b), b)).toBe(true);
        return true;
      }),
      { numRuns: 1000 },
    );
  });
});
