/**
 * The configuration's CSV reader (src/gateway/csv.ts): any table of fields written as RFC 4180
 * reads back as the same fields, each record with the line it starts on, whatever the fields hold
 * (commas, quotes, line breaks) and whichever line ends (LF, CRLF) the file uses.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvRecords } from '../../src/gateway/csv.js';

const field = fc.string({ unit: fc.constantFrom('a', 'Z', '1', ' ', ',', '"', '\n', '\r\n', 'é', '/'), maxLength: 8 });
/** A record that is not one empty field (that is a blank line, which the reader keeps only inside the text). */
const record = fc.array(field, { minLength: 1, maxLength: 5 }).filter((fields) => !(fields.length === 1 && fields[0] === ''));

function quote(value: string): string {
  return /[",\r\n]/.test(value) || value === '' ? `"${value.replace(/"/g, '""')}"` : value;
}

describe('csvRecords', () => {
  it('reads back what RFC 4180 writes, with the line each record starts on', () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 6 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), (rows, eol, trailing) => {
        const lines = rows.map((fields) => fields.map(quote).join(','));
        const text = lines.join(eol) + (trailing ? eol : '');
        const read = csvRecords(text);
        expect(read.ok).toBe(true);
        if (!read.ok) return;
        expect(read.records.map((entry) => entry.fields)).toEqual(rows);
        let offset = 0;
        const starts = lines.map((line) => {
          const start = text.slice(0, offset).split('\n').length;
          offset += line.length + eol.length;
          return start;
        });
        expect(read.records.map((entry) => entry.line)).toEqual(starts);
      }),
    );
  });

  it('a quoted field left open is an error at the line its record starts on', () => {
    expect(csvRecords('sr,user_role\n4.8.1,"mdr\n2,3\n')).toEqual({ ok: false, line: 2, message: 'a quoted field is not closed' });
  });

  it('a quote inside an unquoted field is text', () => {
    expect(csvRecords('a"b,c\n')).toEqual({ ok: true, records: [{ fields: ['a"b', 'c'], line: 1 }] });
  });
});
