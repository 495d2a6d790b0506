/**
 * The benchmark's corpus generator: deterministic for a seed, at SEC scale, in the project's
 * conventions, and a corpus the compiler accepts without a single diagnostic (so the benchmark
 * measures real work, not early failure). No timings are asserted here.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileDirectory } from '../../src/compiler/driver.js';
import { compile } from '../../src/compiler/driver.js';
import { lint } from '../../src/features/lint/index.js';
import { corpusFromStrings } from '../../src/compiler/1-read/read.js';
import { planFromTexts } from '../../src/compiler/1-read/plan.js';
import { Schemas } from '../../src/shared/schemas.js';
import { editOneCell, generateCorpus, writeCorpus } from './corpus.js';
import { declareIntents } from './corpus/intents.js';
import { intentStep } from '../../src/features/changeset/check-step.js';

const SMALL = { seed: 7, documents: 8, serviceRequests: 64, clausesPerDocument: 10 };

describe('corpus generator', () => {
  it('is deterministic: the same seed gives the same bytes, another seed other bytes', () => {
    const first = generateCorpus(SMALL);
    const second = generateCorpus(SMALL);
    expect(second.files).toEqual(first.files);
    expect(second.stats).toEqual(first.stats);
    const other = generateCorpus({ ...SMALL, seed: 8 });
    expect(Object.keys(other.files)).toEqual(Object.keys(first.files));
    expect(other.files['section-b.md']).not.toEqual(first.files['section-b.md']);
  });

  it('writes manifests that name every change of their modification, so the intent check finds nothing', async () => {
    const corpus = await declareIntents(generateCorpus(SMALL));
    const manifests = Object.values(corpus.plan.manifests);
    expect(manifests.length).toBeGreaterThan(1);
    // Each manifest names changes one by one (not a catch-all pattern), and kinds beyond clauses.
    for (const text of manifests) expect(text.match(/^ {6}- \{ kind: /gm)?.length ?? 0).toBeGreaterThan(3);
    expect(manifests.join('\n')).toMatch(/kind: trt, action: (added|changed|removed), sr: /);
    // A changed clause is named, not stated by fingerprint: an edit of its text stays intended.
    expect(manifests.join('\n')).toMatch(/- \{ kind: clause, action: changed, clause: [A-Z]+\d[\w.]* \}\n/);
    expect(manifests.join('\n')).not.toContain('sha256:');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'secc-corpus-intents-'));
    try {
      await writeCorpus(path.join(dir, 'sec-text'), corpus);
      const schemas = new Schemas();
      const result = await compileDirectory('sec-text', dir, { emit: false, schemas, root: dir });
      const files = await intentStep.run({ result, root: dir, textDir: 'sec-text', cwd: dir });
      expect(files.flatMap((file) => file.messages.map((message) => `${file.path}: ${message.reason}`))).toEqual([]);
      // The check is not vacuous: dropping one declared change gives exactly that change back.
      const [name, text] = Object.entries(corpus.plan.manifests)[0]!;
      const dropped = text.split('\n').find((line) => line.startsWith('      - { kind: trt'))!;
      await writeFile(path.join(dir, 'sec-text', 'modifications', name), text.replace(`${dropped}\n`, ''));
      const again = await compileDirectory('sec-text', dir, { emit: false, schemas, root: dir });
      const found = (await intentStep.run({ result: again, root: dir, textDir: 'sec-text', cwd: dir })).flatMap((file) => file.messages);
      expect(found.map((message) => message.ruleId)).toEqual(['intent-unintended']);
      expect(found[0]!.reason).toContain(dropped.slice('      '.length));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('generates a corpus that compiles and lints in both views without any diagnostic', async () => {
    const corpus = generateCorpus(SMALL);
    const result = await compile(corpusFromStrings(corpus.files), {
      emit: false,
      plan: planFromTexts(corpus.plan, 'sec-text', new Schemas()),
    });
    lint(result);
    const messages = result.files.flatMap((file) =>
      file.messages.map((message) => `${file.path}:${message.line}:${message.column} ${message.reason}`),
    );
    expect(messages).toEqual([]);
    expect(result.ok).toBe(true);
    const { baseline, modified } = result.ruleSets!;
    // The inserted User Role exists only after the modification, with columns in both tables.
    expect(baseline.userRoles.map((role) => role.id)).not.toContain('mdr');
    expect(modified.userRoles.map((role) => role.id)).toContain('mdr');
    expect(modified.eligibility.some((entry) => entry.role === 'mdr' && entry.eligible)).toBe(true);
    // Rows inserted and deleted: the SR sets differ both ways.
    const refs = (view: typeof baseline) => new Set(view.serviceRequests.map((sr) => sr.ref));
    expect([...refs(modified)].some((ref) => !refs(baseline).has(ref))).toBe(true);
    expect([...refs(baseline)].some((ref) => !refs(modified).has(ref))).toBe(true);
    // Every eligible role has its four Target Response Times, in both views.
    for (const view of [baseline, modified]) {
      const eligible = view.eligibility.filter((entry) => entry.eligible).length;
      expect(view.trt.length).toBe(eligible * 4);
    }
    // Literate rules compiled with the fingerprints of their clauses, some changed by redlines.
    expect(modified.clauseRules.length).toBeGreaterThan(5);
    const baselineRules = new Map(baseline.clauseRules.map((rule) => [rule.id, rule.fingerprint]));
    expect(modified.clauseRules.some((rule) => baselineRules.has(rule.id) && baselineRules.get(rule.id) !== rule.fingerprint)).toBe(true);
    // A replaced TRT cell: the same key with another value in the two views.
    const key = (entry: (typeof baseline.trt)[number]) => `${entry.sr}|${entry.role}|${entry.smets}|${entry.mode}`;
    const before = new Map(baseline.trt.map((entry) => [key(entry), entry.text]));
    expect(modified.trt.some((entry) => before.has(key(entry)) && before.get(key(entry)) !== entry.text)).toBe(true);
  });

  it('reaches SEC scale with the default options: 60 documents, over 5 MB, over 300 Service Requests', () => {
    const corpus = generateCorpus({ recordReviews: false });
    expect(corpus.stats.documents).toBeGreaterThanOrEqual(60);
    expect(Object.keys(corpus.files)).toHaveLength(corpus.stats.documents);
    expect(corpus.stats.bytes).toBeGreaterThanOrEqual(5_000_000);
    expect(corpus.stats.serviceRequests).toBeGreaterThanOrEqual(300);
    expect(corpus.stats.ruleBlocks).toBeGreaterThan(300);
    const e = corpus.files['appendix-e.md']!;
    expect(e.split('\n').filter((line) => /^\| (<(ins|del) cite="MP\d+">)?\d+\.\d+/.test(line))).toHaveLength(corpus.stats.serviceRequests);
    expect(e).toContain('| <ins cite="MP162">Meter Data Retriever</ins> |');
  });

  it('edits exactly one cell for the incremental benchmark', () => {
    const text = generateCorpus({ ...SMALL, recordReviews: false }).files['appendix-ab.md']!;
    const edited = editOneCell(text);
    const before = text.split('\n');
    const after = edited.split('\n');
    const changed = before.flatMap((line, index) => (line === after[index] ? [] : [index]));
    expect(changed).toHaveLength(1);
    const cells = (line: string) => line.split('|');
    const a = cells(before[changed[0]!]!);
    const b = cells(after[changed[0]!]!);
    expect(a.filter((cell, index) => cell !== b[index])).toEqual([' 30 secs ']);
  });
});
