/**
 * Outputs rendered by chunks (7-emit/chunks.ts, table-chunks.ts) are byte for byte the text of
 * rendering the whole at once: the pieces of any JSON value put together as `literal(value, 2)`
 * writes it (integer-like keys first, omitted values, U+2028), the interval file as
 * `JSON.stringify`, and generated/tables.ts as the tables' literals and the former timeline
 * (reference implementations below), also when the chunks were kept from an earlier compilation.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../src/compiler/driver.js';
import { arrayText, ChunkMemo, nestedJson, objectKeyOrder, objectText, type Piece } from '../src/compiler/7-emit/chunks.js';
import { inForceJson } from '../src/compiler/7-emit/emit.js';
import { literal } from '../src/compiler/7-emit/literal.js';
import { generateTables } from '../src/compiler/7-emit/tables.js';
import { inForceOutput, type TimelineInterval } from '../src/compiler/5-link/in-force.js';
import { timeline } from '../src/compiler/versions.js';
import { corpusFromStrings } from '../src/compiler/1-read/read.js';
import type { InForceFile } from '../src/shared/in-force.js';
import type { RuleSet } from '../src/shared/model.js';
import { tableData } from '../src/shared/table-data.js';
import type { View } from '../src/shared/vocabulary.js';
import { editOneCell, generateCorpus, writeCorpus } from './bench/corpus.js';
import { readPlan } from '../src/compiler/1-read/plan.js';
import { Schemas } from '../src/shared/schemas.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const json = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(null, true, 0, -0, 1.5, 'a', '\u2028', 'x\u2029"\n', undefined),
    tie('array'),
    tie('object'),
  ),
  array: fc.array(tie('node'), { maxLength: 3 }),
  object: fc.dictionary(fc.constantFrom('b', 'a', '10', '2', 'x\u2028', '"'), tie('node'), { maxKeys: 4 }),
})).node;

/** Renders a value the chunked way: every object and array from its members' texts. */
function chunked(value: unknown, depth: number): string | undefined {
  if (Array.isArray(value))
    return arrayText(
      value.map((item) => chunked(item, depth + 1) ?? 'null'),
      depth,
    );
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const pairs = objectKeyOrder(Object.keys(record)).flatMap((key) => {
      const text = chunked(record[key], depth + 1);
      return text === undefined ? [] : [[key, text] as const];
    });
    return objectText(pairs, depth);
  }
  return value === undefined ? undefined : nestedJson(value, depth);
}

/** Renders a value through a ChunkMemo's objects and arrays (leaves boxed as pieces). */
function viaMemo(memo: ChunkMemo, value: unknown, depth: number): Piece | undefined {
  if (Array.isArray(value))
    return memo.array(
      'value',
      value.map((item) => viaMemo(memo, item, depth + 1) ?? { text: 'null' }),
      depth,
    );
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const pairs = objectKeyOrder(Object.keys(record)).flatMap((key) => {
      const piece = viaMemo(memo, record[key], depth + 1);
      return piece === undefined ? [] : [[key, piece] as const];
    });
    return memo.object('value', pairs, depth);
  }
  return value === undefined ? undefined : { text: nestedJson(value, depth) };
}

describe('outputs rendered by chunks', () => {
  it('put together as literal(value, 2) writes the whole (property)', () => {
    fc.assert(
      fc.property(json, (value) => {
        fc.pre(value !== undefined);
        expect(chunked(value, 0)).toBe(literal(value, 2));
        expect(nestedJson(value, 2, false)).toBe(JSON.stringify(value, null, 2).replace(/\n/g, '\n    '));
      }),
      { numRuns: 500 },
    );
  });

  it('put together from runs of members through the memo, writes the whole (property)', () => {
    fc.assert(
      fc.property(json, fc.integer({ min: 1, max: 4 }), (value, run) => {
        fc.pre(value !== undefined);
        const memo = new ChunkMemo((part) => part, run);
        expect(viaMemo(memo, value, 0)?.text).toBe(literal(value, 2));
        expect(viaMemo(memo, value, 0)?.text).toBe(literal(value, 2));
      }),
      { numRuns: 500 },
    );
  });

  it('write rules/in-force.json as JSON.stringify does, with entry texts kept across files (property)', () => {
    const entry = fc.record({
      address: fc.constantFrom('trt/1.1/a/smets1/on-demand', 'clause/AB1'),
      kind: fc.constantFrom('trt', 'clause'),
      from: fc.constantFrom(null, { release: 'r1', date: '2024-06-27', modifications: ['MP162'] }),
      to: fc.constant(null),
      value: fc.dictionary(fc.constantFrom('text', 'seconds', 'notes'), json, { maxKeys: 3 }),
    });
    const file = fc.record({
      base: fc.record({ id: fc.constant('base'), title: fc.string({ maxLength: 3 }) }),
      releases: fc.constant([]),
      entries: fc.array(entry, { maxLength: 9 }),
    });
    fc.assert(
      // Runs of 1–4 entries: the entries' array is put together from runs as soon as it is longer than one.
      fc.property(file, file, fc.integer({ min: 1, max: 4 }), (first, second, run) => {
        const memo = new ChunkMemo((part) => part, run);
        for (const one of [first, second, first] as unknown as InForceFile[]) {
          const whole = `${JSON.stringify({ $schema: './schema/in-force.schema.json', ...one }, null, 2)}\n`;
          expect(inForceJson({ file: one }, memo)).toBe(whole);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('write generated/tables.ts as the whole tables and the former timeline do, also from chunks kept before an edit', async () => {
    const corpus = generateCorpus({ seed: 3, documents: 4, serviceRequests: 25, clausesPerDocument: 3 });
    const dir = await mkdtemp(path.join(tmpdir(), 'secc-chunks-'));
    await writeCorpus(dir, corpus);
    const plan = await readPlan(dir, dir, new Schemas());
    await rm(dir, { recursive: true, force: true });
    // Runs of 5 members: the corpus's tables are put together from runs at every level.
    const memo = new ChunkMemo((part) => part, 5);
    for (const files of [corpus.files, { ...corpus.files, 'appendix-ab.md': editOneCell(corpus.files['appendix-ab.md'] ?? '') }]) {
      const result = await compile(corpusFromStrings(files), { plan, emit: false });
      expect(result.ok).toBe(true);
      const ruleSets = result.ruleSets as Record<View, RuleSet>;
      const output = inForceOutput(plan.releases, timeline(result) ?? [], ruleSets);
      const text = generateTables(output.ruleSets, output.intervals, memo);
      expect(text).toBe(generateTables(output.ruleSets, output.intervals));
      expect(text).toBe(generateTables(output.ruleSets, output.intervals, new ChunkMemo((part) => part, 2)));
      const data = tableData(output.ruleSets);
      const sections = {
        TRT_TABLE: data.trt,
        ELIGIBILITY_TABLE: data.eligibility,
        CLAUSE_RULES: data.clauseRules,
        USER_ROLES: data.userRoles,
      };
      for (const [name, value] of Object.entries(sections)) expect(section(text, name), name).toBe(literal(value, 2));
      const reference = referenceTimeline(output.ruleSets, output.intervals);
      expect(section(text, 'IN_FORCE')).toBe(reference.inForce);
      expect(section(text, 'DATED_TABLES')).toBe(reference.dated);
      expect(reference.datedCount).toBeGreaterThan(0);
    }
    expect(memo.hits).toBeGreaterThan(0);
  });
});

/** The literal after `export const NAME…= ` in generated code. */
function section(text: string, name: string): string {
  const start = text.indexOf(' = ', text.indexOf(`export const ${name}`)) + 3;
  const end = text.indexOf(name === 'CLAUSE_RULES' || name === 'DATED_TABLES' ? ' as unknown as' : ';\n', start);
  return text.slice(start, end);
}

/** The timeline as generated before chunks: each version's tables compared as compact JSON with the named views'. */
function referenceTimeline(ruleSets: Record<View, RuleSet>, intervals: readonly TimelineInterval[]) {
  const tablesOf = (ruleSet: RuleSet) => {
    const data = tableData({ baseline: ruleSet, modified: ruleSet });
    return {
      trt: data.trt.baseline,
      eligibility: data.eligibility.baseline,
      serviceRequests: data.serviceRequests.baseline,
      userRoles: data.userRoles.baseline,
      clauseRules: data.clauseRules.baseline,
    };
  };
  const named = (['baseline', 'modified'] as const).map((view) => [view, JSON.stringify(tablesOf(ruleSets[view]))] as const);
  const dated: Record<string, unknown> = {};
  const rows = intervals.map((interval) => {
    const tables = tablesOf(interval.ruleSet);
    let key: string = named.find(([, text]) => text === JSON.stringify(tables))?.[0] ?? '';
    if (key === '') {
      key = interval.release?.id ?? 'base';
      dated[key] = tables;
    }
    return { from: interval.from, to: interval.to, release: interval.release, modifications: interval.modifications, tables: key };
  });
  return { inForce: literal(rows, 2), dated: literal(dated, 2), datedCount: Object.keys(dated).length };
}
