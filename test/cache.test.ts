/**
 * The per-document extraction cache (src/cache.ts): served only for the same text and the same
 * compiler, re-creating the diagnostics extraction reported; corrupt entries are ignored; and a
 * compile through the cache gives the same bytes as one without it. No timings are asserted.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cachedTypes, DocumentCache } from '../src/compiler/cache.js';
import { compile, type CompileResult } from '../src/compiler/driver.js';
import { corpusFromStrings } from '../src/compiler/1-read/read.js';
import { projectCopy, projectPlan, replaceOnce, runCli, textDocuments } from './support/project.js';

let dir: string;
let texts: Record<string, string>;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sec-rules-cache-'));
  texts = await textDocuments();
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

async function compileThrough(cache: DocumentCache, documents: Record<string, string>): Promise<CompileResult> {
  return compile(corpusFromStrings(documents), { plan: await projectPlan(), cache });
}

const messagesOf = (result: CompileResult) =>
  result.files.flatMap((file) =>
    file.messages.map((m) => ({
      file: file.path,
      reason: m.reason,
      ruleId: m.ruleId,
      source: m.source,
      line: m.line,
      column: m.column,
      place: m.place,
      fatal: m.fatal,
      view: m.view,
      actual: m.actual,
      expected: m.expected,
      note: m.note,
    })),
  );

/** H3.13A's wording changed without re-reviewing its rule: a stale fingerprint, with actual, expected and note. */
const staleH = (documents: Record<string, string>) => ({
  ...documents,
  'section-h.md': replaceOnce(
    documents['section-h.md']!,
    'only to retry a DCC Scheduled Service Request that has failed',
    'to retry a failed DCC Scheduled Service Request',
  ),
});

describe('document cache', () => {
  it('misses first, then hits every document, with the same outputs as a compile without the cache', async () => {
    const plain = await compile(corpusFromStrings(texts), { plan: await projectPlan() });
    const cache = new DocumentCache({ dir, compilerHash: 'compiler-1' });
    const first = await compileThrough(cache, texts);
    expect(cache.stats).toMatchObject({ hits: 0, misses: 4 });
    const again = new DocumentCache({ dir, compilerHash: 'compiler-1' });
    const second = await compileThrough(again, texts);
    expect(again.stats).toMatchObject({ hits: 4, misses: 0, rejected: 0 });
    expect(second.ok).toBe(true);
    expect([...second.outputs]).toEqual([...plain.outputs]);
    expect([...first.outputs]).toEqual([...plain.outputs]);
  });

  it('re-creates the diagnostics of a cached document: reason, rule, place, severity, view, actual, expected, note', async () => {
    const documents = staleH(texts);
    const plain = messagesOf(await compile(corpusFromStrings(documents), { plan: await projectPlan() }));
    expect(plain.some((m) => m.ruleId === 'rule-fingerprint-stale' && m.note && m.expected?.[0]?.startsWith('sha256:'))).toBe(true);
    await compileThrough(new DocumentCache({ dir, compilerHash: 'c' }), documents);
    const cache = new DocumentCache({ dir, compilerHash: 'c' });
    const cached = await compileThrough(cache, documents);
    expect(cache.stats.hits).toBe(4);
    expect(messagesOf(cached)).toEqual(plain);
    expect(cached.ok).toBe(false);
  });

  it('re-extracts only the edited document after a one-cell edit', async () => {
    await compileThrough(new DocumentCache({ dir, compilerHash: 'c' }), texts);
    const edited = {
      ...texts,
      'appendix-ab.md': replaceOnce(texts['appendix-ab.md']!, '| 4.8.1 | 24 hrs | 5,600 secs |', '| 4.8.1 | 24 hrs | 5,500 secs |'),
    };
    const cache = new DocumentCache({ dir, compilerHash: 'c' });
    const result = await compileThrough(cache, edited);
    expect(cache.stats).toMatchObject({ hits: 3, misses: 1 });
    const cell = result.ruleSets!.modified.trt.find(
      (entry) => entry.sr === '4.8.1' && entry.role === 'import-supplier' && entry.smets === 2 && entry.mode === 'on-demand',
    );
    expect(cell?.seconds).toBe(5500);
  });

  it('misses every document when the compiler changes', async () => {
    await compileThrough(new DocumentCache({ dir, compilerHash: 'compiler-1' }), texts);
    const cache = new DocumentCache({ dir, compilerHash: 'compiler-2' });
    await compileThrough(cache, texts);
    expect(cache.stats).toMatchObject({ hits: 0, misses: 4 });
  });

  it('ignores corrupt and malformed entries, extracts afresh and repairs them', async () => {
    await compileThrough(new DocumentCache({ dir, compilerHash: 'c' }), texts);
    const entries = (await readdir(path.join(dir, 'extract')))
      .filter((name) => !name.endsWith('.tree.json'))
      .map((name) => path.join(dir, 'extract', name));
    expect(entries).toHaveLength(4);
    await writeFile(entries[0]!, '{"format":1,"key":');
    const valid = JSON.parse(await readFile(entries[1]!, 'utf8')) as { facts: { views: unknown } };
    valid.facts.views = { baseline: null };
    await writeFile(entries[1]!, JSON.stringify(valid));
    await writeFile(entries[2]!, Buffer.from([0xff, 0xfe, 0x00, 0x01]));
    const plain = await compile(corpusFromStrings(texts), { plan: await projectPlan() });
    const cache = new DocumentCache({ dir, compilerHash: 'c' });
    const result = await compileThrough(cache, texts);
    expect(cache.stats).toMatchObject({ hits: 1, misses: 3, rejected: 3 });
    expect(result.ok).toBe(true);
    expect([...result.outputs]).toEqual([...plain.outputs]);
    const repaired = new DocumentCache({ dir, compilerHash: 'c' });
    await compileThrough(repaired, texts);
    expect(repaired.stats).toMatchObject({ hits: 4, misses: 0, rejected: 0 });
  });

  it('gives a cached document its tree on demand, without reporting its diagnostics twice', async () => {
    const documents = staleH(texts);
    await compileThrough(new DocumentCache({ dir, compilerHash: 'c' }), documents);
    const result = await compileThrough(new DocumentCache({ dir, compilerHash: 'c' }), documents);
    const before = messagesOf(result).length;
    const h = result.parsed.find((entry) => entry.doc.name === 'section-h.md')!;
    expect(h.tree?.type).toBe('root');
    expect(h.tree?.children.some((node) => node.type === 'table')).toBe(true);
    expect(messagesOf(result)).toHaveLength(before);
  });

  it('reads a cached tree equal to a fresh parse, and parses again when the stored tree is corrupt', async () => {
    const fresh = await compile(corpusFromStrings(texts), { plan: await projectPlan() });
    await compileThrough(new DocumentCache({ dir, compilerHash: 'c' }), texts);
    const cached = await compileThrough(new DocumentCache({ dir, compilerHash: 'c' }), texts);
    for (const [index, entry] of cached.parsed.entries()) expect(entry.tree).toEqual(fresh.parsed[index]!.tree);
    const trees = (await readdir(path.join(dir, 'extract'))).filter((name) => name.endsWith('.tree.json'));
    expect(trees).toHaveLength(4);
    for (const name of trees) await writeFile(path.join(dir, 'extract', name), 'not a tree');
    const repaired = await compileThrough(new DocumentCache({ dir, compilerHash: 'c' }), texts);
    for (const [index, entry] of repaired.parsed.entries()) expect(entry.tree).toEqual(fresh.parsed[index]!.tree);
    expect(messagesOf(repaired)).toEqual(messagesOf(fresh));
  });

  it('caches generated types by hash: generated once, then read back; a new hash generates again', async () => {
    let calls = 0;
    const generate = async () => `// types ${++calls}\n`;
    expect(await cachedTypes(dir, generate, 'a'.repeat(64))()).toBe('// types 1\n');
    expect(await cachedTypes(dir, generate, 'a'.repeat(64))()).toBe('// types 1\n');
    expect(await cachedTypes(dir, generate, 'b'.repeat(64))()).toBe('// types 2\n');
    expect(calls).toBe(2);
  });
});

describe('secc check with the cache', () => {
  it('gives the same findings cold, warm and with a corrupted cache directory', async () => {
    const project = await projectCopy();
    try {
      await runCli(['build'], project.dir);
      const section = path.join(project.dir, 'sec-text', 'section-h.md');
      await writeFile(section, staleH({ 'section-h.md': await readFile(section, 'utf8') })['section-h.md']!);
      const cold = await runCli(['check'], project.dir);
      expect(cold.code).toBe(1);
      expect(cold.stdout).toMatch(/rule-fingerprint-stale/);
      const warm = await runCli(['check'], project.dir);
      expect(warm).toEqual(cold);
      const cacheDir = path.join(project.dir, '.secc-cache');
      const files = await readdir(cacheDir, { recursive: true, withFileTypes: true });
      for (const file of files.filter((entry) => entry.isFile())) await writeFile(path.join(file.parentPath, file.name), 'garbage');
      expect(await runCli(['check'], project.dir)).toEqual(cold);
      expect(await runCli(['check'], project.dir)).toEqual(cold);
    } finally {
      await project.cleanup();
    }
  });
});
