/** The benchmark's results as the table `npm run bench` prints. */
import type { Stat } from './process.js';
import type { BenchResults } from './results.js';

export function table(results: BenchResults): string {
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
    ...(['read', 'extract', 'parse', 'link', 'validate', 'generate', 'compare', 'report'] as const).flatMap(
      (phase): Array<[string, string, string]> => {
        const value = r.mp162Check.withCache.breakdownMs[phase];
        return value ? [[`  ${phase}`, s(value, 'ms', 1), '']] : [];
      },
    ),
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
      'one-cell edit: parse of the edited document alone',
      `${s(r.oneCellEditRatio.parseAloneMs)} (remark floor ${s(r.oneCellEditRatio.floorAloneMs)})`,
      '',
    ],
    [
      '  language server (in process), ratio to that parse',
      `${s(r.oneCellEditRatio.languageServer.ms)}, ${r.oneCellEditRatio.languageServer.parsed.median} parsed; ratio ${s(r.oneCellEditRatio.languageServer.ratio, 'x', 2)}`,
      `≤ 2x: ${pass(r.oneCellEditRatio.languageServer.ratioOfMedians <= 2)}`,
    ],
    [
      '  secc check, cache warm, ratio to that parse',
      `${r.oneCellEditRatio.seccCheckWarm.ratioOfMedians.toFixed(2)}x as a process; ${r.oneCellEditRatio.seccCheckWarm.afterStartupRatioOfMedians.toFixed(2)}x after node's start-up (${s(r.oneCellEditRatio.seccCheckWarm.afterStartupMs)})`,
      `≤ 2x: ${pass(r.oneCellEditRatio.seccCheckWarm.ratioOfMedians <= 2)}`,
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
