/**
 * `npm run bench`: measures, in one run, on the generated SEC-scale corpus and on MP162:
 *
 * 1. full build (in process, no cache) against the parse floor: the same files parsed by
 *    `unified().use(remarkParse).use(remarkGfm)` alone, alternating, same process; ratio build/floor;
 * 2. `secc check` on MP162 as a whole process (node bin/secc.js check), cold process, with and
 *    without the cache, with its breakdown from `SECC_TIMINGS=1`;
 * 3. `secc check` after a one-cell edit of the generated corpus: documents re-parsed, with the
 *    cache and without it; then the language server's analysis after the same edit (in process),
 *    both as ratios to the parse of the edited document alone, measured in the same run;
 * 4. lookups: generated trtFor / isEligible against a plain property read of the same data;
 * 5. peak memory (max RSS, heap) of a full `secc build` of the generated corpus, as a process;
 * 6. cost linearity: `secc build` with Appendix E at 5,000 and 50,000 rows, time and peak RSS
 *    ratios (test/bench/linearity.ts; one run each, --no-linearity skips it: it takes minutes).
 *
 * Prints a table and writes test/bench/results.json (or --out FILE). Medians with min and max.
 * Options: --runs N (default 5), --seed N, --keep (keep the temporary corpus), --out FILE.
 * Needs dist/ (`npx tsc -p tsconfig.build.json`), which bin/secc.js runs.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { compile } from '../../src/compiler/driver.js';
import { Schemas } from '../../src/shared/schemas.js';
import { corpusFromStrings } from '../../src/compiler/1-read/read.js';
import { planFromTexts } from '../../src/compiler/1-read/plan.js';
import { editOneCell, generateCorpus, writeCorpus, type Corpus } from './corpus.js';
import { declareIntents } from './corpus/intents.js';
import { measureLookups } from './run/lookups.js';
import { measureEditRatio } from './run/edit-ratio.js';
import { ROOT, round, seccAt, snapshotCompiler, type ProcessRun, type Secc } from './run/process.js';
import { assembleResults, type BuildMeasures, type CorpusCheckMeasures, type Mp162Measures } from './run/results.js';
import { table } from './run/table.js';
import { linearityLine, measureLinearity } from './linearity.js';

export { stat, type Stat } from './run/process.js';

const log = (text: string): void => void process.stderr.write(`bench: ${text}\n`);

/** 1. Full build vs parse floor, in process, alternating (the first run of each is a warm-up). */
async function measureBuild(corpus: Corpus, runs: number): Promise<BuildMeasures> {
  log(`full build vs parse floor, ${runs} runs each`);
  const floor = unified().use(remarkParse).use(remarkGfm).freeze();
  const texts = Object.values(corpus.files);
  const measures: BuildMeasures = { ok: true, floorMs: [], buildMs: [], parseMs: [], phases: [] };
  // One set of compiled schemas for every run, as one process has (the warm-up run compiles them).
  const schemas = new Schemas();
  for (let run = 0; run < runs + 1; run++) {
    const floorStart = performance.now();
    for (const text of texts) floor.parse(text);
    const floorTime = performance.now() - floorStart;
    const documents = corpusFromStrings(corpus.files, 'sec-text');
    const phases: Record<string, number> = {};
    const parse = { ms: 0, documents: 0 };
    const buildStart = performance.now();
    const plan = planFromTexts(corpus.plan, 'sec-text', schemas);
    const result = await compile(documents, { emit: true, timings: (phase, ms) => (phases[phase] = ms), parse, schemas, plan });
    const buildTime = performance.now() - buildStart;
    measures.ok &&= result.ok;
    if (run === 0) continue; // warm-up: module loading, JIT, json-schema-to-typescript's first load
    measures.floorMs.push(floorTime);
    measures.buildMs.push(buildTime);
    measures.parseMs.push(parse.ms);
    measures.phases.push(phases);
  }
  return measures;
}

/** 5. Peak memory of a full build as a process (no cache), then 3. the incremental runs. */
async function measureCorpusChecks(secc: Secc, bench: string, textDir: string, runs: number): Promise<CorpusCheckMeasures> {
  const args = ['--text', 'sec-text', '--root', '.'];
  log('full build as a process (peak memory)');
  const processBuilds = Array.from({ length: Math.min(runs, 3) }, () => secc(['build', ...args], bench, { SECC_CACHE: '0' }));
  log('secc check on the generated corpus: cache filled, unchanged, one-cell edit');
  const fill = secc(['build', ...args], bench);
  const unchanged = secc(['check', ...args], bench);
  const abFile = path.join(textDir, 'appendix-ab.md');
  const original = await readFile(abFile, 'utf8');
  const edited = editOneCell(original);
  const editRuns: ProcessRun[] = [];
  const noCacheRuns: ProcessRun[] = [];
  for (let run = 0; run < runs; run++) {
    // Toggle between the two versions: each check sees a document the cache does not hold.
    await writeFile(abFile, run % 2 === 0 ? edited : original);
    editRuns.push(secc(['check', ...args], bench));
  }
  for (let run = 0; run < Math.min(runs, 3); run++) {
    await writeFile(abFile, run % 2 === 0 ? edited : original);
    noCacheRuns.push(secc(['check', ...args], bench, { SECC_CACHE: '0' }));
  }
  await writeFile(abFile, edited);
  const rebuild = secc(['build', ...args], bench);
  const afterRebuild = secc(['check', ...args], bench);
  return { processBuilds, fill, unchanged, editRuns, noCacheRuns, rebuild, afterRebuild };
}

/** 2. secc check on MP162: a copy of sec-text/ built into its own root. */
async function measureMp162(secc: Secc, work: string, runs: number): Promise<Mp162Measures> {
  log(`secc check on MP162, ${runs * 2 + 1} runs`);
  const mp162 = path.join(work, 'mp162');
  await cp(path.join(ROOT, 'sec-text'), path.join(mp162, 'sec-text'), { recursive: true });
  const build = secc(['build'], mp162, { SECC_CACHE: '0' });
  const coldCache = secc(['check'], mp162);
  const withCache: ProcessRun[] = [];
  const withoutCache: ProcessRun[] = [];
  for (let run = 0; run < runs * 2 + 1; run++) {
    withCache.push(secc(['check'], mp162));
    if (run < runs) withoutCache.push(secc(['check'], mp162, { SECC_CACHE: '0' }));
  }
  const nodeOnly = Array.from({ length: runs }, () => {
    const start = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', '0']);
    return Number(process.hrtime.bigint() - start) / 1e6;
  });
  return { build, coldCache, withCache, withoutCache, nodeOnly };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '5' },
      seed: { type: 'string', default: '162' },
      keep: { type: 'boolean', default: false },
      'no-linearity': { type: 'boolean', default: false },
      out: { type: 'string' },
    },
  });
  const runs = Math.max(1, Number(values.runs));
  const seed = Number(values.seed);
  const out = path.resolve(values.out ?? path.join(ROOT, 'test', 'bench', 'results.json'));
  const work = await mkdtemp(path.join(os.tmpdir(), 'secc-bench-'));
  const bin = await snapshotCompiler(work);
  const secc = seccAt(bin);
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverageAtStart: os.loadavg().map(round),
  };

  // The generated corpus, built into its own root (rules/, generated/ written by `secc build`).
  log('generating the corpus');
  const generationStart = performance.now();
  const corpus = await declareIntents(generateCorpus({ seed }));
  const generationMs = performance.now() - generationStart;
  const bench = path.join(work, 'generated');
  const textDir = path.join(bench, 'sec-text');
  await writeCorpus(textDir, corpus);

  const build = await measureBuild(corpus, runs);
  const checks = await measureCorpusChecks(secc, bench, textDir, runs);
  log('one-cell edit: the language server in process, against the parse of the edited document alone');
  const editRatio = await measureEditRatio(bench, textDir, runs);
  const mp162 = await measureMp162(secc, work, runs);
  // 4. Lookups on the generated corpus's own tables.
  log('lookups');
  const lookups = await measureLookups(path.join(bench, 'generated', 'tables.ts'), runs);

  // 6. Cost linearity (issue 11): the same shape at 5,000 and 50,000 rows.
  if (!values['no-linearity']) log('cost linearity: 5,000 and 50,000 rows (minutes)');
  const linearity = values['no-linearity'] ? undefined : await measureLinearity(bin, path.join(ROOT, 'sec-text'), work);

  const results = {
    ...assembleResults({ machine, seed, corpus, generationMs, build, checks, editRatio, mp162, lookups }, new Date().toISOString()),
    ...(linearity ? { linearity } : {}),
  };
  await writeFile(out, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(table(results));
  if (linearity) process.stdout.write(`${linearityLine(linearity)}\n`);
  process.stdout.write(`\nresults: ${path.relative(process.cwd(), out)}\n`);
  if (values.keep) process.stdout.write(`corpus kept in ${bench}\n`);
  else await rm(work, { recursive: true, force: true });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
