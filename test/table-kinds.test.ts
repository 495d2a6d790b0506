/**
 * Table kinds are a registry: a kind registered in one module (test/support/glossary-table.ts),
 * through the compile context, is recognised, read in each view, cached, and linked across
 * documents; without it the same table is prose. The built-in kinds are untouched by it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusFromStrings } from '../src/compiler/1-read/read.js';
import { TABLE_KINDS } from '../src/compiler/4-extract/tables.js';
import { DocumentCache } from '../src/compiler/cache.js';
import { compile, type CompileResult } from '../src/compiler/driver.js';
import { GLOSSARY_RULES, glossaryTable, type GlossaryFacts } from './support/glossary-table.js';
import { projectPlan, textDocuments } from './support/project.js';

const KINDS = [...TABLE_KINDS, glossaryTable];

const glossaryDocument = (id: string, rows: string[]): string =>
  [
    '---',
    `document: SEC Section ${id}`,
    `id: ${id}`,
    'title: Glossary',
    '---',
    '',
    `# Glossary ${id}`,
    '',
    `## ${id}1 Definitions`,
    '',
    `### ${id}1.1 Terms`,
    '',
    'The following terms have these meanings.',
    '',
    '| Term | Meaning |',
    '| --- | --- |',
    ...rows,
    '',
  ].join('\n');

async function corpus(): Promise<Record<string, string>> {
  return {
    ...(await textDocuments()),
    'glossary-x.md': glossaryDocument('X', [
      '| DCC | the Data Communications Company |',
      '| MDR | <ins cite="MP162">Meter Data Retriever</ins> |',
      '| <ins cite="MP162">SMETS</ins> | <ins cite="MP162">Smart Metering Equipment Technical Specifications</ins> |',
      '| Blank |  |',
    ]),
    'glossary-y.md': glossaryDocument('Y', ['| DCC | the DCC again |']),
  };
}

const glossaryOf = (result: CompileResult, name: string, view: 'baseline' | 'modified'): GlossaryFacts['glossaryRows'] => {
  const facts = result.parsed.find((entry) => entry.doc.name === name)?.facts.views[view] as unknown as Partial<GlossaryFacts>;
  return facts.glossaryRows ?? [];
};

const findings = (result: CompileResult, ruleId: string) =>
  result.files.flatMap((file) =>
    file.messages.filter((m) => m.ruleId === ruleId).map((m) => ({ file: file.path, line: m.line, column: m.column, view: m.view })),
  );

describe('a table kind registered in one module', () => {
  it('is read in each view, linked across documents, and leaves the built-in tables as they were', async () => {
    const texts = await corpus();
    const withKind = await compile(corpusFromStrings(texts), { plan: await projectPlan(), kinds: KINDS, emit: false });
    const without = await compile(corpusFromStrings(texts), { plan: await projectPlan(), emit: false });

    expect(glossaryOf(withKind, 'glossary-x.md', 'baseline').map((row) => [row.term, row.meaning])).toEqual([
      ['DCC', 'the Data Communications Company'],
    ]);
    expect(glossaryOf(withKind, 'glossary-x.md', 'modified').map((row) => [row.term, row.meaning])).toEqual([
      ['DCC', 'the Data Communications Company'],
      ['MDR', 'Meter Data Retriever'],
      ['SMETS', 'Smart Metering Equipment Technical Specifications'],
    ]);
    expect(glossaryOf(withKind, 'glossary-x.md', 'modified')[1]?.source).toMatchObject({
      file: 'glossary-x.md',
      line: 18,
      clause: 'X1.1',
      row: 'MDR',
    });

    // Read: an empty meaning, in both views (one finding about the text as a whole), and MDR's in the
    // baseline, where its inserted meaning does not exist yet. Link: DCC defined in two documents.
    expect(findings(withKind, GLOSSARY_RULES.emptyMeaning)).toEqual([
      { file: 'sec-text/glossary-x.md', line: 18, column: 7, view: 'baseline' },
      { file: 'sec-text/glossary-x.md', line: 20, column: 9, view: undefined },
    ]);
    expect(findings(withKind, GLOSSARY_RULES.duplicateTerm)).toEqual([
      { file: 'sec-text/glossary-y.md', line: 17, column: 3, view: undefined },
    ]);

    // Without the kind the table is prose: no facts, no findings; the rule sets are the same either way.
    expect(glossaryOf(without, 'glossary-x.md', 'modified')).toEqual([]);
    expect(findings(without, GLOSSARY_RULES.emptyMeaning)).toEqual([]);
    expect(withKind.ruleSets).toEqual(without.ruleSets);
    expect(withKind.ok).toBe(false); // the empty meaning is an error
  });

  it('is cached with its facts, and an entry without them is not served to a compile that knows the kind', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sec-rules-kinds-'));
    try {
      const texts = await corpus();
      const plainCache = new DocumentCache({ dir, compilerHash: 'c' });
      await compile(corpusFromStrings(texts), { plan: await projectPlan(), cache: plainCache, emit: false });
      expect(plainCache.stats).toMatchObject({ hits: 0, misses: 6 });

      const kindCache = new DocumentCache({ dir, compilerHash: 'c', kinds: KINDS });
      const first = await compile(corpusFromStrings(texts), { plan: await projectPlan(), cache: kindCache, kinds: KINDS, emit: false });
      expect(kindCache.stats).toMatchObject({ hits: 0, misses: 6, rejected: 6 });

      const again = new DocumentCache({ dir, compilerHash: 'c', kinds: KINDS });
      const second = await compile(corpusFromStrings(texts), { plan: await projectPlan(), cache: again, kinds: KINDS, emit: false });
      expect(again.stats).toMatchObject({ hits: 6, misses: 0 });
      expect(glossaryOf(second, 'glossary-x.md', 'modified')).toEqual(glossaryOf(first, 'glossary-x.md', 'modified'));
      expect(findings(second, GLOSSARY_RULES.emptyMeaning)).toEqual(findings(first, GLOSSARY_RULES.emptyMeaning));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
