/** Running the compiled CLI as a process for the benchmark, and the statistics of its runs. */
import { spawnSync } from 'node:child_process';
import { cp, symlink } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/**
 * Copies the compiled CLI (bin/, dist/, rules/schema/, package files; node_modules linked) into
 * the work directory, so that a rebuild of dist/ during the run (another terminal, a watcher)
 * neither changes what is measured nor invalidates the cache half-way through.
 */
export async function snapshotCompiler(work: string): Promise<string> {
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

export const round = (value: number): number => Math.round(value * 1000) / 1000;

export interface TimingsLine {
  startup: number;
  phases: Record<string, number>;
  total: number;
  documents: { total: number; parsed: number; cached: number };
  memory: { maxRssKiB: number; heapUsedBytes: number };
}

export interface ProcessRun {
  ms: number;
  code: number | null;
  timings: TimingsLine | undefined;
  stderr: string;
}

export type Secc = (args: string[], cwd: string, env?: Record<string, string>) => ProcessRun;

/** Runs `secc` from the given bin/secc.js with SECC_TIMINGS=1, reading its timings line. */
export const seccAt =
  (bin: string): Secc =>
  (args, cwd, env = {}) => {
    const start = process.hrtime.bigint();
    const run = spawnSync(process.execPath, [bin, ...args], {
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
  };

export function phaseStats(runs: readonly ProcessRun[]): Record<string, Stat> & { startup: Stat } {
  const names = new Set(runs.flatMap((run) => Object.keys(run.timings?.phases ?? {})));
  const out: Record<string, Stat> & { startup: Stat } = { startup: stat(runs.map((run) => run.timings?.startup ?? 0)) };
  for (const name of names) out[name] = stat(runs.map((run) => run.timings?.phases[name] ?? 0));
  out.total = stat(runs.map((run) => run.timings?.total ?? 0));
  return out;
}
