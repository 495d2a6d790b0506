/**
 * Optional timing instrumentation, with no module state: `compile()` takes a `timings` recorder
 * and parse counters in its compile context; the CLI creates a `RunTimings` when `SECC_TIMINGS=1`
 * is set and prints it as one JSON line on stderr at the end of the command. Nothing here changes
 * what a command does or prints otherwise.
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

/** Timings of one CLI run; created only when `SECC_TIMINGS` is set. The parser adds to `parse`. */
export class RunTimings {
  readonly startup = performance.now();
  readonly phases: Record<string, number> = {};
  documents = { total: 0, parsed: 0, cached: 0 };
  readonly parse = { ms: 0, documents: 0 };
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
    const phases = Object.fromEntries(Object.entries({ ...this.phases, parse: this.parse.ms }).map(([name, ms]) => [name, round(ms)]));
    return {
      command: this.command,
      startup: round(this.startup),
      phases,
      total: round(performance.now()),
      documents: { ...this.documents, parsed: this.parse.documents },
      memory: { maxRssKiB: process.resourceUsage().maxRSS, heapUsedBytes: process.memoryUsage().heapUsed },
    };
  }
}

/** Timings for a command when `SECC_TIMINGS` is set (and not `0`); else undefined. */
export function startRunTimings(command: string, env: NodeJS.ProcessEnv = process.env): RunTimings | undefined {
  if (!env.SECC_TIMINGS || env.SECC_TIMINGS === '0') return undefined;
  return new RunTimings(command);
}

/** Writes the report as one JSON line prefixed `secc-timings ` (so it can be told from diagnostics). */
export function printRunTimings(timings: RunTimings | undefined, stderr: { write(text: string): unknown }): void {
  if (timings) stderr.write(`secc-timings ${JSON.stringify(timings.report())}\n`);
}
