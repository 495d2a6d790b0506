/**
 * The line of each row of a JSON configuration (src/gateway/json-lines.ts), so a problem in row n
 * names its line: for any array of JSON values laid out with any whitespace, the lines found are
 * the lines the elements start on.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { elementLines } from '../../src/gateway/json-lines.js';

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
