/**
 * Optional timing instrumentation. `compile()` takes a `timings` recorder; the CLI fills one when
 * `SECC_TIMINGS=1` is set and prints it as one JSON line on stderr at the end of the command.
 * Nothing here changes what a command does or prints otherwise.
 */

/** Receives a phase name and its wall time in milliseconds. */
export type TimingRecorder = (phase: string, ms: number) => void;

/** Returns `mark(name)`: records the time since the previous mark (or since creation) under `name`. */
export function phaseTimer(recorder: TimingRecorder | undefined): (name: string) => void {
  if (!recorder) return () => {};
  let last = performance.now();
  return (name) => {
    const now = performance.now();
    recorder(name, now - last);
    last = now;
  };
}

/** Process-wide counters the parser adds to (cheap: two additions per document). */
export const parseCounters = { ms: 0, documents: 0 };

export interface RunTimingsReport {
  command: string;
  /** ms from process start to the command's first line: Node's own start-up plus module loading. */
  startup: number;
  /** ms per phase: read, extract (of which `parse` is the Markdown parser), link, validate, generate, compare, report. */
  phases: Record<string, number>;
  /** ms from process start to the report. */
  total: number;
  documents: { total: number; parsed: number; cached: number };
  memory: { maxRssKiB: number; heapUsedBytes: number };
}

/** Timings of one CLI run; created only when `SECC_TIMINGS` is set. */
export class RunTimings {
  readonly startup = performance.now();
  readonly phases: Record<string, number> = {};
  documents = { total: 0, parsed: 0, cached: 0 };
  private last = this.startup;

  constructor(readonly command: string) {}

  readonly record: TimingRecorder = (phase, ms) => {
    this.phases[phase] = (this.phases[phase] ?? 0) + ms;
    this.last = performance.now();
  };

  /** Records the time since the last recorded phase under `phase`. */
  mark(phase: string): void {
    const now = performance.now();
    this.record(phase, now - this.last);
    this.last = now;
  }

  report(): RunTimingsReport {
    const round = (ms: number): number => Math.round(ms * 100) / 100;
    const phases = Object.fromEntries(Object.entries({ ...this.phases, parse: parseCounters.ms }).map(([name, ms]) => [name, round(ms)]));
    return {
      command: this.command,
      startup: round(this.startup),
      phases,
      total: round(performance.now()),
      documents: { ...this.documents, parsed: parseCounters.documents },
      memory: { maxRssKiB: process.resourceUsage().maxRSS, heapUsedBytes: process.memoryUsage().heapUsed },
    };
  }
}

let current: RunTimings | undefined;

/** Starts recording for a command when `SECC_TIMINGS` is set (and not `0`); returns the recorder or undefined. */
export function startRunTimings(command: string, env: NodeJS.ProcessEnv = process.env): RunTimings | undefined {
  if (!env.SECC_TIMINGS || env.SECC_TIMINGS === '0') return undefined;
  current ??= new RunTimings(command);
  return current;
}

export function runTimings(): RunTimings | undefined {
  return current;
}

/** Writes the report as one JSON line prefixed `secc-timings ` (so it can be told from diagnostics). */
export function printRunTimings(stderr: { write(text: string): unknown }): void {
  if (!current) return;
  stderr.write(`secc-timings ${JSON.stringify(current.report())}\n`);
}
