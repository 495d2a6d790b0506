/**
 * An RFC 4180 CSV reader that keeps the line each record starts on (quoted fields may hold commas,
 * quotes and line breaks, so a record can span lines), for diagnostics that point into the file.
 * Hand-written rather than a CSV package: the gateway's only dependency outside node is ajv
 * (test/architecture holds it to that), and this is all the reading the configuration needs.
 */

export interface CsvRecord {
  fields: string[];
  /** 1-based line the record starts on. */
  line: number;
}

export type CsvResult = { ok: true; records: CsvRecord[] } | { ok: false; line: number; message: string };

interface Reader {
  records: CsvRecord[];
  fields: string[];
  field: string;
  line: number;
  start: number;
  quoted: boolean;
  wasQuoted: boolean;
}

/** The records of a CSV text (CRLF, LF or CR line ends); a quoted field left open is an error at its record. */
export function csvRecords(text: string): CsvResult {
  const reader: Reader = { records: [], fields: [], field: '', line: 1, start: 1, quoted: false, wasQuoted: false };
  for (let index = 0; index < text.length; index++) {
    const char = text.charAt(index);
    if (reader.quoted) index = quotedChar(reader, text, index, char);
    else index = plainChar(reader, text, index, char);
  }
  if (reader.quoted) return { ok: false, line: reader.start, message: 'a quoted field is not closed' };
  if (reader.field !== '' || reader.fields.length > 0) {
    reader.fields.push(reader.field);
    reader.records.push({ fields: reader.fields, line: reader.start });
  }
  return { ok: true, records: reader.records };
}

/** Inside quotes: `""` is a quote, `"` closes; returns the index of the last character read. */
function quotedChar(reader: Reader, text: string, index: number, char: string): number {
  if (char === '"') {
    if (text.charAt(index + 1) === '"') {
      reader.field += '"';
      return index + 1;
    }
    reader.quoted = false;
    return index;
  }
  if (char === '\n') reader.line++;
  reader.field += char;
  return index;
}

function plainChar(reader: Reader, text: string, index: number, char: string): number {
  if (char === '"' && reader.field === '' && !reader.wasQuoted) {
    reader.quoted = true;
    reader.wasQuoted = true;
  } else if (char === ',') {
    reader.fields.push(reader.field);
    reader.field = '';
    reader.wasQuoted = false;
  } else if (char === '\n' || char === '\r') {
    reader.fields.push(reader.field);
    reader.records.push({ fields: reader.fields, line: reader.start });
    reader.fields = [];
    reader.field = '';
    reader.wasQuoted = false;
    reader.line++;
    reader.start = reader.line;
    if (char === '\r' && text.charAt(index + 1) === '\n') return index + 1;
  } else reader.field += char;
  return index;
}
