/**
 * The line of each row of a JSON configuration (src/gateway/json-lines.ts), so a problem in row n
 * names its line: for any array of JSON values laid out with any whitespace, the lines found are
 * the lines the elements start on.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { elementLines, repeatedMembers } from '../../src/gateway/json-lines.js';

const space = fc.string({ unit: fc.constantFrom(' ', '\n', '\t', '\r\n'), maxLength: 4 });

describe('elementLines', () => {
  it('gives the line each element of the top-level array starts on', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.jsonValue(), fc.constantFrom(0, 2), space, space), { maxLength: 6 }),
        space,
        space,
        (elements, before, after) => {
          let text = `${before}[`;
          const starts: number[] = [];
          elements.forEach(([value, indent, lead, trail], index) => {
            text += lead;
            starts.push(text.split('\n').length);
            text += JSON.stringify(value, null, indent) + trail + (index < elements.length - 1 ? ',' : '');
          });
          text += `]${after}`;
          expect(JSON.parse(text)).toHaveLength(elements.length);
          expect(elementLines(text)).toEqual(starts);
        },
      ),
    );
  });

  it('sees through strings with brackets, commas, quotes and backslashes', () => {
    expect(elementLines('[\n  {"sr": "[,]\\"\\\\"},\n  {"sr": "}"}\n]')).toEqual([2, 3]);
  });
});

describe('repeatedMembers', () => {
  it('finds none in any JSON value JSON.stringify writes (it cannot repeat a key), at any indentation (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 2), (value, indent) => {
        expect(repeatedMembers(JSON.stringify(value, null, indent))).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('finds a key written again in any object, with its line and the path of the object (property)', () => {
    const key = fc.string({ unit: fc.constantFrom('a', '"', '\\', '{', ',', ':', ']'), minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(
        fc.dictionary(key, fc.jsonValue({ maxDepth: 2 }), { minKeys: 1, maxKeys: 4 }),
        fc.jsonValue({ maxDepth: 1 }),
        fc.nat(),
        (record, again, pick) => {
          const keys = Object.keys(record);
          const repeated = keys[pick % keys.length] ?? '';
          const inner = JSON.stringify(record, null, 2);
          const object = `${inner.slice(0, -2)},\n  ${JSON.stringify(repeated)}: ${JSON.stringify(again)}\n}`;
          const text = `{"rows": [\n1,\n${object}\n]}`;
          // The object starts on line 3; the repeated key is on its last line but one.
          const line = 3 + object.split('\n').length - 2;
          expect(JSON.parse(text)).toBeTruthy();
          expect(repeatedMembers(text)).toEqual([{ key: repeated, line, path: ['rows', 1] }]);
        },
      ),
      { numRuns: 500 },
    );
  });
});
