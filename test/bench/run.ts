/**
 * `npm run bench`: measures, in one run, on the generated SEC-scale corpus and on MP162:
 *
 * 1. full build (in process, no cache) against the parse floor: the same files parsed by
 *    `unified().use(remarkParse).use(remarkGfm)` alone, alternating, same process; ratio build/floor;
 * 2. `secc check` on MP162 as a whole process (node bin/secc.js check), cold process, with and
 *    without the cache, with its breakdown from `SECC_TIMINGS=1`;
 * 3. `secc check` after a one-cell edit of the generated corpus: documents re-parsed, with the
 *    cache and without it;
 * 4. lookups: generated trtFor / isEligible against a plain property read of the same data;
 * 5. peak memory (max RSS, heap) of a full `secc build` of the generated corpus, as a process.
 *
 * Prints a table and writes test/bench/results.json (or --out FILE). Medians with min and max.
 * Options: --runs N (default 5), --seed N, --keep (keep the temporary corpus), --out FILE.
 * Needs dist/ (`npx tsc -p tsconfig.build.json`), which bin/secc.js runs.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { compile } from '../../src/compiler/driver.js';
import { Schemas } from '../../src/shared/schemas.js';
import { corpusFromStrings } from '../../src/compiler/1-read/read.js';
import { editOneCell, generateCorpus, writeCorpus } from './corpus.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The CLI the process runs use: a snapshot of dist/ taken at the start (see snapshotCompiler). */
let BIN = path.join(ROOT, 'bin', 'secc.js');

/**
 * Copies the compiled CLI (bin/, dist/, rules/schema/, package files; node_modules linked) into
 * the work directory, so that a rebuild of dist/ during the run (another terminal, a watcher)
 * neither changes what is measured nor invalidates the cache half-way through.
 */
async function snapshotCompiler(work: string): Promise<string> {
  const copy = path.join(work, 'compiler');
  for (const entry of ['package.json', 'package-lock.json', 'bin', 'dist', path.join('rules', 'schema')]) {
    await cp(path.join(ROOT, entry), path.join(copy, entry), { recursive: true });
  }
  await symlink(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
  return path.join(copy, 'bin', 'secc.js');
}

export interface Stat {
  median: number;
  min: number;
  max: number;
  n: number;
}

export function stat(values: readonly number[]): Stat {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median: round(median), min: round(sorted[0]!), max: round(sorted[sorted.length - 1]!), n: sorted.length };
}

const round = (value: number): number => Math.round(value * 1000) / 1000;

interface TimingsLine {
  startup: number;
  phases: Record<string, number>;
  total: number;
  documents: { total: number; parsed: number; cached: number };
  memory: { maxRssKiB: number; heapUsedBytes: number };
}

interface ProcessRun {
  ms: number;
  code: number | null;
  timings: TimingsLine | undefined;
  stderr: string;
}

function secc(args: string[], cwd: string, env: Record<string, string> = {}): ProcessRun {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    env: { ...process.env, SECC_TIMINGS: '1', ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const line = run.stderr.split('\n').find((entry) => entry.startsWith('secc-timings '));
  return {
    ms,
    code: run.status,
    timings: line ? (JSON.parse(line.slice('secc-timings '.length)) as TimingsLine) : undefined,
    stderr: run.stderr,
  };
}

function phaseStats(runs: readonly ProcessRun[]): Record<string, Stat> {
  const names = new Set(runs.flatMap((run) => Object.keys(run.timings?.phases ?? {})));
  const out: Record<string, Stat> = { startup: stat(runs.map((run) => run.timings?.startup ?? 0)) };
  for (const name of names) out[name] = stat(runs.map((run) => run.timings?.phases[name] ?? 0));
  out.total = stat(runs.map((run) => run.timings?.total ?? 0));
  return out;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '5' },
      seed: { type: 'string', default: '162' },
      keep: { type: 'boolean', default: false },
      out: { type: 'string' },
    },
  });
  const runs = Math.max(1, Number(values.runs));
  const out = path.resolve(values.out ?? path.join(ROOT, 'test', 'bench', 'results.json'));
  const work = await mkdtemp(path.join(os.tmpdir(), 'secc-bench-'));
  const log = (text: string): void => void process.stderr.write(`bench: ${text}\n`);
  BIN = await snapshotCompiler(work);
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
  const corpus = generateCorpus({ seed: Number(values.seed) });
  const generationMs = performance.now() - generationStart;
  const bench = path.join(work, 'generated');
  const textDir = path.join(bench, 'sec-text');
  await writeCorpus(textDir, corpus);

  // 1. Full build vs parse floor, in process, alternating.
  log(`full build vs parse floor, ${runs} runs each`);
  const floor = unified().use(remarkParse).use(remarkGfm).freeze();
  const texts = Object.values(corpus.files);
  const floorMs: number[] = [];
  const buildMs: number[] = [];
  const parseMs: number[] = [];
  const buildPhases: Array<Record<string, number>> = [];
  let buildOk = true;
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
    const result = await compile(documents, { emit: true, timings: (phase, ms) => (phases[phase] = ms), parse, schemas });
    const buildTime = performance.now() - buildStart;
    buildOk &&= result.ok;
    if (run === 0) continue; // warm-up: module loading, JIT, json-schema-to-typescript's first load
    floorMs.push(floorTime);
    buildMs.push(buildTime);
    parseMs.push(parse.ms);
    buildPhases.push(phases);
  }
  const ratios = buildMs.map((ms, index) => ms / floorMs[index]!);

  // 5. Peak memory of a full build as a process (no cache), then the incremental runs (3).
  log('full build as a process (peak memory)');
  const processBuilds = Array.from({ length: Math.min(runs, 3) }, () =>
    secc(['build', '--text', 'sec-text', '--root', '.'], bench, { SECC_CACHE: '0' }),
  );
  log('secc check on the generated corpus: cache filled, unchanged, one-cell edit');
  const fill = secc(['build', '--text', 'sec-text', '--root', '.'], bench);
  const unchanged = secc(['check', '--text', 'sec-text', '--root', '.'], bench);
  const abFile = path.join(textDir, 'appendix-ab.md');
  const original = await readFile(abFile, 'utf8');
  const edited = editOneCell(original);
  const editRuns: ProcessRun[] = [];
  const noCacheRuns: ProcessRun[] = [];
  for (let run = 0; run < runs; run++) {
    // Toggle between the two versions: each check sees a document the cache does not hold.
    await writeFile(abFile, run % 2 === 0 ? edited : original);
    editRuns.push(secc(['check', '--text', 'sec-text', '--root', '.'], bench));
  }
  for (let run = 0; run < Math.min(runs, 3); run++) {
    await writeFile(abFile, run % 2 === 0 ? edited : original);
    noCacheRuns.push(secc(['check', '--text', 'sec-text', '--root', '.'], bench, { SECC_CACHE: '0' }));
  }
  await writeFile(abFile, edited);
  const rebuild = secc(['build', '--text', 'sec-text', '--root', '.'], bench);
  const afterRebuild = secc(['check', '--text', 'sec-text', '--root', '.'], bench);

  // 2. secc check on MP162: a copy of sec-text/ built into its own root.
  log(`secc check on MP162, ${runs * 2 + 1} runs`);
  const mp162 = path.join(work, 'mp162');
  await cp(path.join(ROOT, 'sec-text'), path.join(mp162, 'sec-text'), { recursive: true });
  const mp162Build = secc(['build'], mp162, { SECC_CACHE: '0' });
  const coldCache = secc(['check'], mp162);
  const mpRuns: ProcessRun[] = [];
  const mpNoCache: ProcessRun[] = [];
  for (let run = 0; run < runs * 2 + 1; run++) {
    mpRuns.push(secc(['check'], mp162));
    if (run < runs) mpNoCache.push(secc(['check'], mp162, { SECC_CACHE: '0' }));
  }
  const nodeOnly = Array.from({ length: runs }, () => {
    const start = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', '0']);
    return Number(process.hrtime.bigint() - start) / 1e6;
  });

  // 4. Lookups on the generated corpus's own tables.
  log('lookups');
  const lookups = await measureLookups(path.join(bench, 'generated', 'tables.ts'), runs);

  const results = {
    date: new Date().toISOString(),
    machine: { ...machine, loadAverageAtEnd: os.loadavg().map(round) },
    corpus: { seed: Number(values.seed), ...corpus.stats, megabytes: round(corpus.stats.bytes / 1e6), generationMs: round(generationMs) },
    fullBuild: {
      ok: buildOk,
      floorMs: stat(floorMs),
      buildMs: stat(buildMs),
      parseInBuildMs: stat(parseMs),
      phasesMs: Object.fromEntries(
        Object.keys(buildPhases[0] ?? {}).map((phase) => [phase, stat(buildPhases.map((phases) => phases[phase] ?? 0))]),
      ),
      ratio: stat(ratios),
      ratioOfMedians: round(stat(buildMs).median / stat(floorMs).median),
      target: 1.5,
    },
    memory: {
      processBuildMs: stat(processBuilds.map((run) => run.ms)),
      maxRssMiB: stat(processBuilds.map((run) => (run.timings?.memory.maxRssKiB ?? 0) / 1024)),
      heapUsedAtEndMiB: stat(processBuilds.map((run) => (run.timings?.memory.heapUsedBytes ?? 0) / 2 ** 20)),
      exitCodes: processBuilds.map((run) => run.code),
    },
    mp162Check: {
      withCache: {
        ms: stat(mpRuns.map((run) => run.ms)),
        breakdownMs: phaseStats(mpRuns),
        exitCodes: [...new Set(mpRuns.map((run) => run.code))],
      },
      firstRunColdCache: { ms: round(coldCache.ms), parsed: coldCache.timings?.documents.parsed, exitCode: coldCache.code },
      withoutCache: {
        ms: stat(mpNoCache.map((run) => run.ms)),
        breakdownMs: phaseStats(mpNoCache),
        exitCodes: [...new Set(mpNoCache.map((run) => run.code))],
      },
      nodeEmptyProcessMs: stat(nodeOnly),
      buildExitCode: mp162Build.code,
      targetMs: 500,
    },
    incremental: {
      documents: corpus.stats.documents,
      fill: { ms: round(fill.ms), parsed: fill.timings?.documents.parsed, exitCode: fill.code },
      unchanged: { ms: round(unchanged.ms), parsed: unchanged.timings?.documents.parsed, exitCode: unchanged.code },
      oneCellEdit: {
        ms: stat(editRuns.map((run) => run.ms)),
        parsed: stat(editRuns.map((run) => run.timings?.documents.parsed ?? -1)),
        breakdownMs: phaseStats(editRuns),
        exitCodes: [...new Set(editRuns.map((run) => run.code))],
      },
      oneCellEditWithoutCache: {
        ms: stat(noCacheRuns.map((run) => run.ms)),
        parsed: stat(noCacheRuns.map((run) => run.timings?.documents.parsed ?? -1)),
      },
      rebuildThenCheck: {
        buildParsed: rebuild.timings?.documents.parsed,
        checkParsed: afterRebuild.timings?.documents.parsed,
        checkExitCode: afterRebuild.code,
      },
    },
    lookups,
  };
  await writeFile(out, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(table(results));
  process.stdout.write(`\nresults: ${path.relative(process.cwd(), out)}\n`);
  if (values.keep) process.stdout.write(`corpus kept in ${bench}\n`);
  else await rm(work, { recursive: true, force: true });
}

interface LookupModule {
  TRT_TABLE: Record<string, Record<string, Record<string, Record<string, Record<string, { seconds: number | null }>>>>>;
  ELIGIBILITY_TABLE: Record<string, Record<string, Record<string, { eligible: boolean }>>>;
  trtFor(query: { view: string; sr: string; role: string; smets: number; mode: string }): { seconds: number | null } | undefined;
  isEligible(query: { view: string; sr: string; role: string }): boolean;
}

/** ops/s of the generated lookups and of plain nested property reads of a copy of the same data. */
async function measureLookups(tablesFile: string, runs: number) {
  const tables = (await import(pathToFileURL(tablesFile).href)) as LookupModule;
  const plainTrt = JSON.parse(JSON.stringify(tables.TRT_TABLE)) as LookupModule['TRT_TABLE'];
  const plainEligibility = JSON.parse(JSON.stringify(tables.ELIGIBILITY_TABLE)) as LookupModule['ELIGIBILITY_TABLE'];
  const trtQueries: Array<{ view: string; sr: string; role: string; smets: number; mode: string }> = [];
  for (const [view, bySr] of Object.entries(plainTrt)) {
    for (const [sr, byRole] of Object.entries(bySr)) {
      for (const [role, bySmets] of Object.entries(byRole)) {
        for (const [smets, byMode] of Object.entries(bySmets))
          for (const mode of Object.keys(byMode)) trtQueries.push({ view, sr, role, smets: Number(smets), mode });
      }
    }
  }
  const eligibilityQueries = Object.entries(plainEligibility).flatMap(([view, bySr]) =>
    Object.entries(bySr).flatMap(([sr, byRole]) => Object.keys(byRole).map((role) => ({ view, sr, role }))),
  );
  shuffle(trtQueries);
  shuffle(eligibilityQueries);
  const time = (loop: () => number, operations: number): number => {
    const start = process.hrtime.bigint();
    const sink = loop();
    const ns = Number(process.hrtime.bigint() - start);
    if (sink === -1) process.stdout.write(''); // keep the result alive
    return operations / (ns / 1e9);
  };
  const repeat = Math.max(1, Math.round(2_000_000 / trtQueries.length));
  const trtApi = (): number => {
    let sink = 0;
    for (let r = 0; r < repeat; r++) for (const q of trtQueries) sink += tables.trtFor(q)?.seconds ?? 1;
    return sink;
  };
  const trtPlain = (): number => {
    let sink = 0;
    for (let r = 0; r < repeat; r++) for (const q of trtQueries) sink += plainTrt[q.view]![q.sr]![q.role]![q.smets]![q.mode]!.seconds ?? 1;
    return sink;
  };
  const eRepeat = Math.max(1, Math.round(2_000_000 / eligibilityQueries.length));
  const eligibleApi = (): number => {
    let sink = 0;
    for (let r = 0; r < eRepeat; r++) for (const q of eligibilityQueries) sink += tables.isEligible(q) ? 1 : 0;
    return sink;
  };
  const eligiblePlain = (): number => {
    let sink = 0;
    for (let r = 0; r < eRepeat; r++)
      for (const q of eligibilityQueries) sink += plainEligibility[q.view]![q.sr]![q.role]!.eligible === true ? 1 : 0;
    return sink;
  };
  const samples = { trtApi: [] as number[], trtPlain: [] as number[], eligibleApi: [] as number[], eligiblePlain: [] as number[] };
  for (let run = 0; run < runs * 2 + 1; run++) {
    const a = time(trtApi, repeat * trtQueries.length);
    const b = time(trtPlain, repeat * trtQueries.length);
    const c = time(eligibleApi, eRepeat * eligibilityQueries.length);
    const d = time(eligiblePlain, eRepeat * eligibilityQueries.length);
    if (run === 0) continue; // warm-up
    samples.trtApi.push(a);
    samples.trtPlain.push(b);
    samples.eligibleApi.push(c);
    samples.eligiblePlain.push(d);
  }
  const mops = (values: number[]): Stat => stat(values.map((value) => value / 1e6));
  return {
    trtEntries: trtQueries.length,
    eligibilityEntries: eligibilityQueries.length,
    trtForMopsPerS: mops(samples.trtApi),
    trtPlainMopsPerS: mops(samples.trtPlain),
    trtRatio: stat(samples.trtApi.map((value, index) => value / samples.trtPlain[index]!)),
    isEligibleMopsPerS: mops(samples.eligibleApi),
    eligiblePlainMopsPerS: mops(samples.eligiblePlain),
    eligibleRatio: stat(samples.eligibleApi.map((value, index) => value / samples.eligiblePlain[index]!)),
    target: 0.5,
  };
}

/** Deterministic Fisher-Yates (a fixed LCG), so every run asks the same queries in the same order. */
function shuffle<T>(items: T[]): void {
  let state = 162;
  for (let index = items.length - 1; index > 0; index--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const other = state % (index + 1);
    [items[index], items[other]] = [items[other]!, items[index]!];
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function table(results: any): string {
  const s = (value: Stat, unit = 'ms', digits = 0): string =>
    `${value.median.toFixed(digits)} ${unit} (min ${value.min.toFixed(digits)}, max ${value.max.toFixed(digits)}, n=${value.n})`;
  const pass = (ok: boolean): string => (ok ? 'met' : 'MISSED');
  const r = results;
  const rows: Array<[string, string, string]> = [
    [
      'machine',
      `${r.machine.cpus} cores ${r.machine.cpuModel}, ${r.machine.memoryGiB} GiB, Node ${r.machine.node}, load ${r.machine.loadAverageAtStart.join('/')} → ${r.machine.loadAverageAtEnd.join('/')}`,
      '',
    ],
    [
      'corpus',
      `${r.corpus.documents} documents, ${r.corpus.megabytes} MB, ${r.corpus.serviceRequests} SRs, ${r.corpus.clauses} clauses, ${r.corpus.ruleBlocks} rule blocks, ${r.corpus.redlines} redlines`,
      '',
    ],
    ['parse floor (remark-parse + remark-gfm)', s(r.fullBuild.floorMs), ''],
    ['full build, in process, no cache', s(r.fullBuild.buildMs), ''],
    ['  of which parsing (+ front matter, redlines)', s(r.fullBuild.parseInBuildMs), ''],
    ['  ratio build / floor (per run)', s(r.fullBuild.ratio, 'x', 2), `≤ 1.5x: ${pass(r.fullBuild.ratio.median <= 1.5)}`],
    ['full build as a process, peak RSS', s(r.memory.maxRssMiB, 'MiB'), ''],
    ['  heap used at end', s(r.memory.heapUsedAtEndMiB, 'MiB'), ''],
    ['  wall time', s(r.memory.processBuildMs), ''],
    [
      'secc check MP162, cold process, cache warm',
      s(r.mp162Check.withCache.ms),
      `≤ 500 ms: ${pass(r.mp162Check.withCache.ms.median <= 500)}`,
    ],
    ['  startup (node + imports)', s(r.mp162Check.withCache.breakdownMs.startup), ''],
    ...(['read', 'extract', 'parse', 'link', 'validate', 'generate', 'compare', 'report'] as const)
      .filter((phase) => r.mp162Check.withCache.breakdownMs[phase])
      .map((phase): [string, string, string] => [`  ${phase}`, s(r.mp162Check.withCache.breakdownMs[phase], 'ms', 1), '']),
    ['  empty node process (node -e 0)', s(r.mp162Check.nodeEmptyProcessMs), ''],
    ['secc check MP162, first run after a compiler change', `${r.mp162Check.firstRunColdCache.ms.toFixed(0)} ms`, ''],
    ['secc check MP162, SECC_CACHE=0', s(r.mp162Check.withoutCache.ms), ''],
    [
      '  startup / parse / validate / generate',
      ['startup', 'parse', 'validate', 'generate']
        .map((phase) => `${(r.mp162Check.withoutCache.breakdownMs[phase]?.median ?? 0).toFixed(0)}`)
        .join(' / ') + ' ms',
      '',
    ],
    [
      'generated corpus: check, nothing changed',
      `${r.incremental.unchanged.ms.toFixed(0)} ms, ${r.incremental.unchanged.parsed} of ${r.incremental.documents} documents parsed`,
      '',
    ],
    [
      'generated corpus: check after a one-cell edit',
      `${s(r.incremental.oneCellEdit.ms)}, ${r.incremental.oneCellEdit.parsed.median} of ${r.incremental.documents} parsed, exit ${r.incremental.oneCellEdit.exitCodes.join('/')}`,
      `1 of ${r.incremental.documents}: ${pass(r.incremental.oneCellEdit.parsed.max === 1)}`,
    ],
    [
      '  the same, SECC_CACHE=0',
      `${s(r.incremental.oneCellEditWithoutCache.ms)}, ${r.incremental.oneCellEditWithoutCache.parsed.median} of ${r.incremental.documents} parsed`,
      '',
    ],
    [
      '  build, then check',
      `build parsed ${r.incremental.rebuildThenCheck.buildParsed}, check parsed ${r.incremental.rebuildThenCheck.checkParsed}, exit ${r.incremental.rebuildThenCheck.checkExitCode}`,
      '',
    ],
    [
      'trtFor vs plain property read',
      `${s(r.lookups.trtForMopsPerS, 'M/s', 1)} vs ${r.lookups.trtPlainMopsPerS.median.toFixed(1)} M/s; ratio ${r.lookups.trtRatio.median.toFixed(2)}x (min ${r.lookups.trtRatio.min.toFixed(2)})`,
      `≥ 0.5x: ${pass(r.lookups.trtRatio.median >= 0.5)}`,
    ],
    [
      'isEligible vs plain property read',
      `${s(r.lookups.isEligibleMopsPerS, 'M/s', 1)} vs ${r.lookups.eligiblePlainMopsPerS.median.toFixed(1)} M/s; ratio ${r.lookups.eligibleRatio.median.toFixed(2)}x (min ${r.lookups.eligibleRatio.min.toFixed(2)})`,
      `≥ 0.5x: ${pass(r.lookups.eligibleRatio.median >= 0.5)}`,
    ],
  ];
  const width = Math.max(...rows.map((row) => row[0].length));
  return `${rows.map(([name, value, target]) => `${name.padEnd(width)}  ${value}${target ? `   [${target}]` : ''}`).join('\n')}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
