/** The benchmark's measurements assembled into results.json's shape (medians with min and max). */
import os from 'node:os';
import type { Corpus } from '../corpus.js';
import { phaseStats, round, stat, type ProcessRun } from './process.js';
import type { measureLookups } from './lookups.js';
import type { EditRatioMeasures } from './edit-ratio.js';

export interface BuildMeasures {
  ok: boolean;
  floorMs: number[];
  buildMs: number[];
  parseMs: number[];
  phases: Array<Record<string, number>>;
}

export interface CorpusCheckMeasures {
  processBuilds: ProcessRun[];
  fill: ProcessRun;
  unchanged: ProcessRun;
  editRuns: ProcessRun[];
  noCacheRuns: ProcessRun[];
  rebuild: ProcessRun;
  afterRebuild: ProcessRun;
}

export interface Mp162Measures {
  build: ProcessRun;
  coldCache: ProcessRun;
  withCache: ProcessRun[];
  withoutCache: ProcessRun[];
  nodeOnly: number[];
}

export interface Measures {
  machine: Record<string, unknown> & { cpus: number; cpuModel: string; memoryGiB: number; node: string; loadAverageAtStart: number[] };
  seed: number;
  corpus: Corpus;
  generationMs: number;
  build: BuildMeasures;
  checks: CorpusCheckMeasures;
  editRatio: EditRatioMeasures;
  mp162: Mp162Measures;
  lookups: Awaited<ReturnType<typeof measureLookups>>;
}

const exitCodes = (runs: readonly ProcessRun[]): Array<number | null> => [...new Set(runs.map((run) => run.code))];

function fullBuild(build: BuildMeasures) {
  return {
    ok: build.ok,
    floorMs: stat(build.floorMs),
    buildMs: stat(build.buildMs),
    parseInBuildMs: stat(build.parseMs),
    phasesMs: Object.fromEntries(
      Object.keys(build.phases[0] ?? {}).map((phase) => [phase, stat(build.phases.map((phases) => phases[phase] ?? 0))]),
    ),
    ratio: stat(build.buildMs.map((ms, index) => ms / (build.floorMs[index] ?? ms))),
    ratioOfMedians: round(stat(build.buildMs).median / stat(build.floorMs).median),
    target: 1.5,
  };
}

function incremental(checks: CorpusCheckMeasures, documents: number) {
  const { fill, unchanged, editRuns, noCacheRuns, rebuild, afterRebuild } = checks;
  return {
    documents,
    fill: { ms: round(fill.ms), parsed: fill.timings?.documents.parsed, exitCode: fill.code },
    unchanged: { ms: round(unchanged.ms), parsed: unchanged.timings?.documents.parsed, exitCode: unchanged.code },
    oneCellEdit: {
      ms: stat(editRuns.map((run) => run.ms)),
      parsed: stat(editRuns.map((run) => run.timings?.documents.parsed ?? -1)),
      breakdownMs: phaseStats(editRuns),
      exitCodes: exitCodes(editRuns),
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
  };
}

/** The one-cell edit as a ratio to the compiler's parse of the edited document alone (goal ≤ 2). */
function oneCellEditRatio(checks: CorpusCheckMeasures, edit: EditRatioMeasures) {
  const parseAlone = stat(edit.parseAloneMs);
  const check = stat(checks.editRuns.map((run) => run.ms));
  const checkAfterStartup = stat(checks.editRuns.map((run) => (run.timings ? run.timings.total - run.timings.startup : run.ms)));
  const server = stat(edit.languageServerMs);
  return {
    parseAloneMs: parseAlone,
    floorAloneMs: stat(edit.floorAloneMs),
    languageServer: {
      ms: server,
      parsed: stat(edit.languageServerParsed),
      ratio: stat(edit.languageServerMs.map((ms, index) => ms / (edit.parseAloneMs[index] ?? ms))),
      ratioOfMedians: round(server.median / parseAlone.median),
    },
    seccCheckWarm: {
      ms: check,
      ratioOfMedians: round(check.median / parseAlone.median),
      afterStartupMs: checkAfterStartup,
      afterStartupRatioOfMedians: round(checkAfterStartup.median / parseAlone.median),
    },
    target: 2,
  };
}

function mp162Check(mp162: Mp162Measures) {
  const { build, coldCache, withCache, withoutCache, nodeOnly } = mp162;
  return {
    withCache: { ms: stat(withCache.map((run) => run.ms)), breakdownMs: phaseStats(withCache), exitCodes: exitCodes(withCache) },
    firstRunColdCache: { ms: round(coldCache.ms), parsed: coldCache.timings?.documents.parsed, exitCode: coldCache.code },
    withoutCache: {
      ms: stat(withoutCache.map((run) => run.ms)),
      breakdownMs: phaseStats(withoutCache),
      exitCodes: exitCodes(withoutCache),
    },
    nodeEmptyProcessMs: stat(nodeOnly),
    buildExitCode: build.code,
    targetMs: 500,
  };
}

export function assembleResults(measures: Measures, date: string) {
  const { corpus, checks } = measures;
  return {
    date,
    machine: { ...measures.machine, loadAverageAtEnd: os.loadavg().map(round) },
    corpus: {
      seed: measures.seed,
      ...corpus.stats,
      megabytes: round(corpus.stats.bytes / 1e6),
      generationMs: round(measures.generationMs),
    },
    fullBuild: fullBuild(measures.build),
    memory: {
      processBuildMs: stat(checks.processBuilds.map((run) => run.ms)),
      maxRssMiB: stat(checks.processBuilds.map((run) => (run.timings?.memory.maxRssKiB ?? 0) / 1024)),
      heapUsedAtEndMiB: stat(checks.processBuilds.map((run) => (run.timings?.memory.heapUsedBytes ?? 0) / 2 ** 20)),
      exitCodes: checks.processBuilds.map((run) => run.code),
    },
    mp162Check: mp162Check(measures.mp162),
    incremental: incremental(checks, corpus.stats.documents),
    oneCellEditRatio: oneCellEditRatio(checks, measures.editRatio),
    lookups: measures.lookups,
  };
}

export type BenchResults = ReturnType<typeof assembleResults>;
