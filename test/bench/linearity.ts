/**
 * Cost linear in the input (issue 11, class 8): `secc build` as a process on the MP162 corpus
 * with its Appendix E grown to 5,000 and to 50,000 rows (test/bench/large-appendix-e.ts), wall
 * time and peak RSS, and their ratios (≤ about 12x for 10x the rows). Measured, never asserted.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { largeCorpus } from './large-appendix-e.js';

/** The heap limit the linearity builds run with. */
export const HEAP_LIMIT_MIB = 16_384;

export interface LinearityRun {
  rows: number;
  megabytes: number;
  ms: number;
  /** remark-parse + remark-gfm alone on the same documents, in this process: the parser's own share. */
  floorMs: number;
  maxRssMiB: number;
  exitCode: number | null;
}

export interface Linearity {
  small: LinearityRun;
  large: LinearityRun;
  timeRatio: number;
  memoryRatio: number;
  floorRatio: number;
  target: number;
}

function parseFloorMs(documents: Readonly<Record<string, string>>): number {
  const processor = unified().use(remarkParse).use(remarkGfm, { singleTilde: false });
  const start = process.hrtime.bigint();
  for (const text of Object.values(documents)) processor.parse(text);
  return Math.round(Number(process.hrtime.bigint() - start) / 1e6);
}

/** The project's text with Appendix E grown to `rows` rows, written as a project into `dir` (sec-text/ with its plan). */
export async function writeLargeCorpus(textDir: string, rows: number, dir: string): Promise<{ bytes: number; floorMs: number }> {
  const names = (await readdir(textDir)).filter((name) => name.endsWith('.md'));
  const documents = Object.fromEntries(
    await Promise.all(names.map(async (name) => [name, await readFile(path.join(textDir, name), 'utf8')] as const)),
  );
  await mkdir(path.join(dir, 'sec-text'), { recursive: true });
  // The release plan and the manifests: without them the build refuses the corpus and the run measures a failure.
  await cp(path.join(textDir, 'modifications'), path.join(dir, 'sec-text', 'modifications'), { recursive: true });
  await cp(path.join(textDir, 'releases.yaml'), path.join(dir, 'sec-text', 'releases.yaml'));
  const large = largeCorpus(documents, rows);
  let bytes = 0;
  for (const [name, text] of Object.entries(large)) {
    bytes += Buffer.byteLength(text);
    await writeFile(path.join(dir, 'sec-text', name), text);
  }
  return { bytes, floorMs: parseFloorMs(large) };
}

async function buildOnce(bin: string, textDir: string, rows: number, dir: string): Promise<LinearityRun> {
  const { bytes, floorMs } = await writeLargeCorpus(textDir, rows, dir);
  const start = process.hrtime.bigint();
  // Node's default heap (about 4 GiB here) is too small for the 50,000-row build (about 8 GiB: the
  // memory is linear, but large per row); the limit is raised so the run measures the build, and
  // the README says so.
  const run = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_LIMIT_MIB}`, bin, 'build'], {
    cwd: dir,
    env: { ...process.env, SECC_TIMINGS: '1' },
    encoding: 'utf8',
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const line = run.stderr.split('\n').find((entry) => entry.startsWith('secc-timings '));
  const timings = line ? (JSON.parse(line.slice('secc-timings '.length)) as { memory: { maxRssKiB: number } }) : undefined;
  return {
    rows,
    megabytes: Math.round(bytes / 1e4) / 100,
    ms: Math.round(ms),
    floorMs,
    maxRssMiB: Math.round((timings?.memory.maxRssKiB ?? 0) / 1024),
    exitCode: run.status,
  };
}

export async function measureLinearity(bin: string, textDir: string, work: string, small = 5_000, large = 50_000): Promise<Linearity> {
  const first = await buildOnce(bin, textDir, small, path.join(work, `rows-${small}`));
  const second = await buildOnce(bin, textDir, large, path.join(work, `rows-${large}`));
  return {
    small: first,
    large: second,
    timeRatio: Math.round((second.ms / first.ms) * 100) / 100,
    memoryRatio: Math.round((second.maxRssMiB / Math.max(1, first.maxRssMiB)) * 100) / 100,
    floorRatio: Math.round((second.floorMs / Math.max(1, first.floorMs)) * 100) / 100,
    target: 12,
  };
}

/** One line for the printed table. */
export function linearityLine(result: Linearity): string {
  const { small, large } = result;
  const failed = [small, large].filter((run) => run.exitCode !== 0);
  if (failed.length > 0) {
    // A refused corpus builds nothing: its time is no measure of the cost of building.
    return `build, Appendix E ${large.rows} vs ${small.rows} rows: FAILED (exit ${failed.map((run) => `${run.exitCode} at ${run.rows} rows`).join(', ')}): no ratio   [≤ ${result.target}x: MISSED]`;
  }
  const met = result.timeRatio <= result.target && result.memoryRatio <= result.target ? 'met' : 'MISSED';
  return `build, Appendix E ${large.rows} vs ${small.rows} rows: ${large.ms} vs ${small.ms} ms: ${result.timeRatio}x; peak RSS ${large.maxRssMiB} vs ${small.maxRssMiB} MiB: ${result.memoryRatio}x; parser alone ${result.floorRatio}x; heap limit ${HEAP_LIMIT_MIB} MiB   [≤ ${result.target}x: ${met}]`;
}
