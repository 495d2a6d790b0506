/**
 * Large tables are parsed in pieces (src/compiler/2-parse/large-tables.ts, issue 11 class 8);
 * the tree must be exactly the one a whole parse gives — every node, every line, column and
 * offset — on MP162, on generated corpora and on the large Appendix E of the benchmark, with
 * pieces as small as two rows so every seam is exercised; and odd tables fall back whole.
 */
import fc from 'fast-check';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parseLargeTablesInChunks } from '../src/compiler/2-parse/large-tables.js';
import { generateCorpus } from './bench/corpus.js';
import { largeCorpus } from './bench/large-appendix-e.js';
import { TEXT_DIR, textDocuments } from './support/project.js';
import { writeLargeCorpus } from './bench/linearity.js';
import { compileDirectory } from '../src/compiler/driver.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm, { singleTilde: false });
const whole = (text: string) => processor.parse(text);
const pieces = (text: string, chunkRows = 2) => parseLargeTablesInChunks(text, whole, { minRows: 2, chunkRows });

describe('a table parsed in pieces is the table parsed whole', () => {
  it('every MP162 document, pieces of 2 and 3 rows', async () => {
    for (const [name, text] of Object.entries(await textDocuments())) {
      expect(pieces(text, 2), name).toEqual(whole(text));
      expect(pieces(text, 3), name).toEqual(whole(text));
      expect(pieces(text.replaceAll('\n', '\r\n'), 2), `${name} CRLF`).toEqual(whole(text.replaceAll('\n', '\r\n')));
    }
  });

  it('generated corpora and the large Appendix E of the benchmark', async () => {
    for (const seed of [3, 162]) {
      const corpus = generateCorpus({ seed, documents: 4, serviceRequests: 60, clausesPerDocument: 6 });
      for (const [name, text] of Object.entries(corpus.files)) expect(pieces(text, 7), `${seed} ${name}`).toEqual(whole(text));
    }
    const large = largeCorpus(await textDocuments(), 300);
    for (const [name, text] of Object.entries(large)) expect(pieces(text, 50), name).toEqual(whole(text));
  }, 60_000);

  it("the benchmark's large Appendix E, written as a project, builds without a finding (else the linearity run measures a refusal)", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'secc-large-'));
    try {
      await writeLargeCorpus(TEXT_DIR, 300, dir);
      const result = await compileDirectory('sec-text', dir);
      expect(result.files.flatMap((file) => file.messages.map(String))).toEqual([]);
      expect(result.ok).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('arbitrary small tables, with redlines, footnotes, escaped pipes and text after them', () => {
    const cell = fc.constantFrom('Yes', 'No', '<ins cite="MP162">Yes</ins>', '24 hrs[^a]', 'a \\| b', '`x|y`', '*em*', '', '[l][r]');
    const table = fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(table, fc.constantFrom('', 'After.\n', '\n\nAfter.\n', '| not | a row\n'), (rows, tail) => {
        const text = `# T\n\n| A | B | C |\n|---|:-:|--:|\n${rows.map((row) => `| ${row.join(' | ')} |`).join('\n')}\n${tail}\n[^a]: Note.\n\n[r]: https://example.org\n`;
        expect(pieces(text, 2)).toEqual(whole(text));
      }),
      { numRuns: 200 },
    );
  });
});
