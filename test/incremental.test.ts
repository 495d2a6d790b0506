/**
 * Incremental compilation is correct before it is fast: after any sequence of edits, the findings
 * and outputs of the language server's workspace (one compile context kept across analyses: the
 * document cache, the version facts kept per document) equal those of a full compile from
 * nothing (a fresh context, no cache) of the same texts. Property-based over a generated corpus
 * with several modifications (so that versions accepting only some of a document's redlines, and
 * the facts kept for them, take part), with edits that make and clear findings.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workspace, type Analysis } from '../src/lsp/workspace.js';
import { generateCorpus, writeCorpus, type Corpus } from './bench/corpus.js';
import { declareIntents } from './bench/corpus/intents.js';
import { runCli } from './support/project.js';

let dir: string;
let corpus: Corpus;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'secc-incremental-'));
  corpus = generateCorpus({ seed: 5, documents: 5, serviceRequests: 30, clausesPerDocument: 5 });
  await writeCorpus(path.join(dir, 'sec-text'), corpus);
  const build = await runCli(['build'], dir);
  expect(build.code, build.stdout + build.stderr).toBe(0);
}, 120_000);
afterAll(async () => rm(dir, { recursive: true, force: true }));

/** Every finding as one comparable line, sorted, and every output. */
function observed(analysis: Analysis): { findings: string[]; outputs: Record<string, string>; ok: boolean } {
  const findings = analysis.files
    .flatMap((file) =>
      file.messages.map(
        (message) => `${file.path}:${message.line}:${message.column} ${message.ruleId} ${message.view ?? ''} ${message.reason}`,
      ),
    )
    .sort();
  return { findings, outputs: Object.fromEntries(analysis.result.outputs), ok: analysis.result.ok };
}

/**
 * Patterns an edit replaces one occurrence of, and what it may put instead (`$&`: the text
 * matched): durations, flags, references, redline tags; and (the incremental parse's) a row added,
 * a table broken by a blank line and mended, a redline's cite changed or dropped.
 */
const EDITS: Array<{ pattern: RegExp; replacements: string[] }> = [
  {
    pattern: /\b\d[\d,]* (?:secs|mins|hrs)\b|N\/A/g,
    replacements: ['24 hrs', '31 secs', '24 hours', 'N/A', '1 secs', '<ins cite="MP170">24 hrs</ins>'],
  },
  { pattern: /\| (?:Yes|No) \|/g, replacements: ['| Yes |', '| No |', '| Yse |'] },
  { pattern: /\bclause [A-Z]{1,2}\d+(?:\.\d+)+/g, replacements: ['clause AB9.9', 'clause H1.1'] },
  { pattern: /<\/ins>/g, replacements: ['', '</ins>'] },
  { pattern: /^\| \d+(?:\.\d+)+ \|[^\n]*\n/gm, replacements: ['$&$&', '$&', '$&| 9.99 | N/A | 30 secs |\n'] },
  { pattern: /\n(?:\n)?(?=\| \d)/g, replacements: ['\n\n', '\n'] },
  { pattern: /<ins cite="[^"]*">/g, replacements: ['<ins cite="MP170">', '<ins>', '<ins cite="MP162">'] },
];

const edit = fc.record({ candidate: fc.nat(), occurrence: fc.nat(), replacement: fc.nat() });
type Edit = { candidate: number; occurrence: number; replacement: number };

/** The (document, kind of edit) pairs that have something to edit, in a fixed order. */
function candidates(texts: Record<string, string>) {
  return Object.keys(texts)
    .sort()
    .flatMap((name) => EDITS.map((edit, kind) => ({ name, kind, edit, matches: [...(texts[name] ?? '').matchAll(edit.pattern)] })))
    .filter((candidate) => candidate.matches.length > 0);
}

/** Applies one edit to the texts; returns the name of the document edited. */
function apply(texts: Record<string, string>, step: Edit): string {
  const all = candidates(texts);
  const chosen = all[step.candidate % all.length];
  if (!chosen) throw new Error('nothing to edit in the corpus');
  const match = chosen.matches[step.occurrence % chosen.matches.length];
  const written = chosen.edit.replacements[step.replacement % chosen.edit.replacements.length] ?? '';
  if (match?.index === undefined) return chosen.name;
  const replacement = written.replaceAll('$&', match[0]);
  const text = texts[chosen.name] ?? '';
  texts[chosen.name] = text.slice(0, match.index) + replacement + text.slice(match.index + match[0].length);
  return chosen.name;
}

describe('incremental analysis', () => {
  it('gives the findings and outputs of a full compile after any sequence of edits', async () => {
    const reused = { versionFacts: 0, documents: 0, parses: 0 };
    // Appendix E's redlines cite two modifications: a flag flipped there changes facts that only some versions read.
    const flag = candidates(corpus.files).findIndex((candidate) => candidate.name === 'appendix-e.md' && candidate.kind === 1);
    expect(flag).toBeGreaterThanOrEqual(0);
    const documents = (texts: Record<string, string>) => Object.keys(texts).map((name) => path.join(dir, 'sec-text', name));
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 3 }), async (steps) => {
        const texts = { ...corpus.files };
        const live = new Workspace({ root: dir, text: 'sec-text', cwd: dir });
        await live.analyse();
        for (const step of steps) {
          const name = apply(texts, step);
          live.setBuffer(path.join(dir, 'sec-text', name), texts[name] ?? '');
          const incremental = observed(await live.analyse());
          const fresh = new Workspace({ root: dir, text: 'sec-text', cwd: dir, env: { SECC_CACHE: '0' } });
          for (const file of documents(texts)) fresh.setBuffer(file, texts[path.basename(file)] ?? '');
          expect(incremental).toEqual(observed(await fresh.analyse()));
        }
        reused.versionFacts += live.stats.versionFacts.hits;
        reused.documents += live.stats.documents?.hits ?? 0;
        reused.parses += live.stats.parses?.incremental ?? 0;
      }),
      {
        numRuns: 10,
        seed: 13,
        examples: [
          [[{ candidate: flag, occurrence: 0, replacement: 1 }]],
          // Two edits of one document: the second is parsed from the first one's tree.
          [
            [
              { candidate: flag, occurrence: 0, replacement: 1 },
              { candidate: flag, occurrence: 1, replacement: 2 },
            ],
          ],
        ],
      },
    );
    // The facts kept per version were used (else this compared a full compile with itself).
    expect(reused.versionFacts).toBeGreaterThan(0);
    expect(reused.documents).toBeGreaterThan(0);
    expect(reused.parses).toBeGreaterThan(0);
  }, 300_000);

  it('gives the findings and outputs of a full compile after each edit that linking, the change set, intents and lint reuse work around', async () => {
    const texts = { ...corpus.files };
    const original = { ...corpus.files };
    const live = new Workspace({ root: dir, text: 'sec-text', cwd: dir });
    await live.analyse();
    const documents = Object.keys(texts).map((name) => path.join(dir, 'sec-text', name));
    let reused = { parts: 0, groups: 0 };
    const step = async (what: string, name: string, change: (text: string) => string) => {
      const before = texts[name] ?? '';
      texts[name] = change(before);
      expect(texts[name], `${what}: the edit applies`).not.toBe(before);
      live.setBuffer(path.join(dir, 'sec-text', name), texts[name] ?? '');
      const analysis = await live.analyse();
      const fresh = new Workspace({ root: dir, text: 'sec-text', cwd: dir, env: { SECC_CACHE: '0' } });
      for (const file of documents) fresh.setBuffer(file, texts[path.basename(file)] ?? '');
      expect(observed(analysis), what).toEqual(observed(await fresh.analyse()));
      const { stats, diffs } = analysis.result.context.linking;
      reused = { parts: stats.partHits, groups: diffs.stats.groupHits };
    };
    const row = (text: string, sr: string) => text.split('\n').find((line) => line.startsWith(`| ${sr} |`)) ?? '';
    await step("one SR's Target Response Times", 'appendix-ab.md', (text) =>
      text.replace(row(text, '1.2'), row(text, '1.2').replace('| 3 hrs |', '| 4 hrs |')),
    );
    await step('a row added to the TRT table', 'appendix-ab.md', (text) =>
      text.replace(row(text, '1.24'), `${row(text, '1.24')}\n${row(text, '1.24').replace('| 1.24 |', '| 1.25 |')}`),
    );
    await step('a flag of Appendix E that Appendix AB reads (eligibility)', 'appendix-e.md', (text) => {
      const line = row(text, '1.2');
      const flipped = line.replace(/\| Yes \|(?=[^<]*<ins)/, '| No |');
      return text.replace(line, flipped === line ? line.replace('| Yes |', '| No |') : flipped);
    });
    await step('a redline cite changed to another modification', 'appendix-ab.md', (text) =>
      text.replace('<ins cite="MP162">30 secs</ins>', '<ins cite="MP170">30 secs</ins>'),
    );
    await step('a redline cite removed', 'appendix-ab.md', (text) => text.replace('<ins cite="MP170">30 secs</ins>', '<ins>30 secs</ins>'));
    await step('a table broken (its delimiter row gone)', 'appendix-ab.md', (text) => text.replace(/^\|(?:---\|)+\n/m, ''));
    await step('the table mended and every edit taken back', 'appendix-ab.md', () => original['appendix-ab.md'] ?? '');
    await step('Appendix E as it was', 'appendix-e.md', () => original['appendix-e.md'] ?? '');
    // The kept parts and change-set groups were used (else this compared a full compile with itself).
    expect(reused.parts).toBeGreaterThan(0);
    expect(reused.groups).toBeGreaterThan(0);
  }, 300_000);

  it('gives the outputs of a full compile after the edits the kept outputs make cheap, each made and undone', async () => {
    const texts = { ...corpus.files };
    const live = new Workspace({ root: dir, text: 'sec-text', cwd: dir });
    await live.analyse();
    let reusedChunks = 0;
    let keptFolds = 0;
    for (const [what, name, change] of OUTPUT_EDITS) {
      const original = texts[name] ?? '';
      const edited = change(original);
      expect(edited, what).not.toBe(original);
      for (const text of [edited, original]) {
        texts[name] = text;
        live.setBuffer(path.join(dir, 'sec-text', name), text);
        const analysis = await live.analyse();
        reusedChunks += analysis.result.context.outputs.chunks.hits;
        keptFolds += analysis.result.context.outputs.inForce.stats.kept;
        const fresh = new Workspace({ root: dir, text: 'sec-text', cwd: dir, env: { SECC_CACHE: '0' } });
        for (const [other, value] of Object.entries(texts)) fresh.setBuffer(path.join(dir, 'sec-text', other), value);
        expect(observed(analysis), what).toEqual(observed(await fresh.analyse()));
      }
    }
    // The chunks kept from earlier compilations were used (else this compared a full compile with itself).
    expect(reusedChunks).toBeGreaterThan(0);
    expect(keptFolds).toBeGreaterThan(0);
  }, 300_000);
});

describe('incremental analysis of what the conflict and intent checks read', () => {
  let declared: string;
  let texts: Record<string, string>;

  beforeAll(async () => {
    // Manifests that name every change (a finished modification), so a change to a clause they name is judged.
    declared = await mkdtemp(path.join(tmpdir(), 'secc-incremental-intents-'));
    const corpus = await declareIntents(generateCorpus({ seed: 5, documents: 5, serviceRequests: 30, clausesPerDocument: 5 }));
    texts = { ...corpus.files };
    await writeCorpus(path.join(declared, 'sec-text'), corpus);
    const build = await runCli(['build'], declared);
    expect(build.code, build.stdout + build.stderr).toBe(0);
  }, 120_000);
  afterAll(async () => rm(declared, { recursive: true, force: true }));

  it('gives the findings and outputs of a full compile after edits inside a redline, that make and undo a conflict, and of a clause a manifest names', async () => {
    const live = new Workspace({ root: declared, text: 'sec-text', cwd: declared });
    await live.analyse();
    const seen = new Set<string>();
    const step = async (what: string, name: string, change: (text: string) => string) => {
      const before = texts[name] ?? '';
      texts[name] = change(before);
      expect(texts[name], `${what}: the edit applies`).not.toBe(before);
      live.setBuffer(path.join(declared, 'sec-text', name), texts[name] ?? '');
      const analysis = await live.analyse();
      const fresh = new Workspace({ root: declared, text: 'sec-text', cwd: declared, env: { SECC_CACHE: '0' } });
      for (const [other, value] of Object.entries(texts)) fresh.setBuffer(path.join(declared, 'sec-text', other), value);
      const found = observed(analysis);
      expect(found, what).toEqual(observed(await fresh.analyse()));
      for (const finding of found.findings) seen.add(finding.split(' ')[1] ?? '');
      return analysis;
    };
    const cell = '<ins cite="MP162">30 secs</ins> |';
    await step("a value inside a modification's redline", 'appendix-ab.md', (text) =>
      text.replace(cell, '<ins cite="MP162">31 secs</ins> |'),
    );
    await step('the value as it was', 'appendix-ab.md', (text) => text.replace('<ins cite="MP162">31 secs</ins> |', cell));
    // MP162 changes a cell of the base and MP170 adds a note to it: both change one TRT address (each in its own edit).
    const base = '| 1.1 | 60 secs | 30 secs |';
    const changed = '| 1.1 | 60 secs | <del cite="MP162">30 secs</del><ins cite="MP162">31 secs</ins> |';
    await step('a base cell MP162 changes', 'appendix-ab.md', (text) => text.replace(base, changed));
    await step(
      'a footnote MP170 adds',
      'appendix-ab.md',
      (text) => `${text.trimEnd()}\n\n<ins cite="MP170">\n\n[^inc-g]: A later note.\n\n</ins>\n`,
    );
    const noted = changed.replace('</ins> |', '</ins><ins cite="MP170">[^inc-g]</ins> |');
    const conflict = await step('the note on that cell: a conflict between MP162 and MP170', 'appendix-ab.md', (text) =>
      text.replace(changed, noted),
    );
    expect(conflict.files.flatMap((file) => file.messages).some((message) => message.ruleId === 'modification-conflict')).toBe(true);
    await step('the conflict undone', 'appendix-ab.md', (text) => text.replace(noted, base));
    // Prose before the table, its length kept (so the table's place is too): the table's block and reading are kept.
    await step('a word of prose in the document with the table', 'appendix-ab.md', (text) =>
      text.replace('Target Response Time is the period within', 'Target Response Time is the window within'),
    );
    // Clause A1.2, which MP170's manifest names (its text changed by a redline).
    await step('the text of a clause a manifest names', 'section-a.md', (text) =>
      text.replace(
        'keep its Anomaly Detection Thresholds under review unless',
        'keep its Anomaly Detection Thresholds under close review unless',
      ),
    );
    await step("that clause's redline taken back (the change the manifest names is not made)", 'section-a.md', (text) =>
      text.replace('<del cite="MP170">five Working Days</del><ins cite="MP170">ten Working Days</ins>', 'five Working Days'),
    );
    const last = await step('the redline as it was', 'section-a.md', (text) =>
      text.replace(
        'within five Working Days of becoming aware of it. A Network',
        'within <del cite="MP170">five Working Days</del><ins cite="MP170">ten Working Days</ins> of becoming aware of it. A Network',
      ),
    );
    expect(seen.has('modification-conflict') && seen.has('intent-missing')).toBe(true);
    // The kept blocks and tables were used (else this compared a full compile with itself).
    const { blocks, extraction } = last.result.context.reading;
    expect(blocks?.stats.hits).toBeGreaterThan(0);
    expect(extraction?.stats.tableHits).toBeGreaterThan(0);
  }, 300_000);
});

/** Edits of one table row, one Appendix E flag, one redline's cite, one table's shape and the positions or order of rows: (what, document, edit). */
const OUTPUT_EDITS: Array<[string, string, (text: string) => string]> = [
  ['one TRT cell of one SR', 'appendix-ab.md', (text) => text.replace(/^(\| \d+(?:\.\d+)+ \| )(?:N\/A|[\d,]+ \w+)/m, '$131 secs')],
  ['a row removed (and added back)', 'appendix-ab.md', (text) => text.replace(/^\| \d+(?:\.\d+)+ \|.*\n(?![^|])/m, '')],
  [
    'a flag of Appendix E that Appendix AB reads',
    'appendix-e.md',
    (text) => text.replace(/^(\| \d+(?:\.\d+)+ \|(?:[^|\n]*\|){7}) Yes \|/m, '$1 No |'),
  ],
  ['a redline cite changed', 'appendix-ab.md', (text) => text.replace('<ins cite="MP162">', '<ins cite="MP170">')],
  ['a table broken (and mended)', 'appendix-ab.md', (text) => text.replace(/^\|(?:-+\|)+\n/m, '')],
  // The interval file's kept fold (shared/in-force-fold.ts): positions that move while the values stay.
  [
    'a paragraph added above the tables (every position below it moves)',
    'appendix-ab.md',
    (text) => text.replace(/^(#.*\n)/m, '$1\nA new paragraph.\n'),
  ],
  [
    'a cell widened (the positions on its row move)',
    'appendix-ab.md',
    (text) => text.replace(/^(\| \d+(?:\.\d+)+ \| (?:N\/A|[\d,]+ \w+)) \|/m, '$1     |'),
  ],
  [
    'two rows swapped (their positions trade places)',
    'appendix-ab.md',
    (text) => text.replace(/^(\| \d+(?:\.\d+)+ \|.*\n)(\| \d+(?:\.\d+)+ \|.*\n)/m, '$2$1'),
  ],
];
