/**
 * A large corpus of the MP162 shape for the cost-linearity benchmark (issue 11, class 8):
 * Appendix E's services table keeps MP162's rows and gets further rows up to `rows` in all, each
 * a new SR (`100.1`, `100.2`, …) flagged No throughout, with the inserted Meter Data Retriever
 * column wholly inserted (about 75 bytes a row: 50,000 rows stay under the 4 MiB limit). Their
 * Target Response Times (all `N/A`) go into further appendices of 20,000 rows each, since one
 * Appendix AB of 50,000 rows would not fit the limit. The result builds clean.
 */
const ROWS_PER_TIMES_DOCUMENT = 20_000;

export function largeCorpus(documents: Readonly<Record<string, string>>, rows: number): Record<string, string> {
  const e = documents['appendix-e.md'];
  const ab = documents['appendix-ab.md'];
  if (e === undefined || ab === undefined) throw new Error('largeCorpus needs appendix-e.md and appendix-ab.md');
  const services = tableAt(e, '| SR | Service Request Name |');
  const times = tableAt(ab, '| SR | Eligible User Roles / SMETS2 / Scheduled');
  const columns = services.header.split('|').length - 2;
  const timeColumns = times.header.split('|').length - 2;
  const refs: string[] = [];
  const serviceRows: string[] = [];
  for (let index = services.rows.length; index < rows; index++) {
    const ref = `${100 + Math.floor(index / 1000)}.${(index % 1000) + 1}`;
    refs.push(ref);
    serviceRows.push(`|${ref}|S${index}|${'No|'.repeat(columns - 3)}<ins cite="MP162">No</ins>|`);
  }
  const out: Record<string, string> = { ...documents, 'appendix-e.md': insertRows(e, services.end, serviceRows) };
  const inserted = timeColumns - 5; // the Meter Data Retriever columns MP162 inserts (after SR and four others)
  for (let part = 0; part * ROWS_PER_TIMES_DOCUMENT < refs.length; part++) {
    const id = `X${String.fromCharCode(65 + part)}`;
    const chunk = refs.slice(part * ROWS_PER_TIMES_DOCUMENT, (part + 1) * ROWS_PER_TIMES_DOCUMENT);
    const body = chunk.map((ref) => `|${ref}|N/A|N/A|N/A|N/A|${'<ins cite="MP162">N/A</ins>|'.repeat(inserted)}`);
    out[`appendix-${id.toLowerCase()}.md`] = timesDocument(id, times.header, body);
  }
  return out;
}

function tableAt(text: string, start: string): { header: string; rows: string[]; end: number } {
  const lines = text.split('\n');
  const at = lines.findIndex((line) => line.startsWith(start));
  if (at === -1) throw new Error(`no table starting ${start}`);
  let end = at + 2;
  while (end < lines.length && lines[end]?.startsWith('|')) end++;
  return { header: lines[at] ?? '', rows: lines.slice(at + 2, end), end };
}

function insertRows(text: string, end: number, rows: readonly string[]): string {
  const lines = text.split('\n');
  return [...lines.slice(0, end), ...rows, ...lines.slice(end)].join('\n');
}

function timesDocument(id: string, header: string, rows: readonly string[]): string {
  const separator = `|${'---|'.repeat(header.split('|').length - 2)}`;
  return `---
document: SEC Appendix ${id}
id: ${id}
title: Further Target Response Times
---

# Further Target Response Times

## ${id}1 Further Target Response Times

The Target Response Times for the further Service Requests are as follows.

${header}
${separator}
${rows.join('\n')}
`;
}
