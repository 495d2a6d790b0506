/** What every command gets: parsed options and the process's streams. Exit codes live here. */
import type { VFile } from 'vfile';
import { hasErrors } from '../shared/diagnostics.js';

export interface Io {
  cwd: string;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

export const EXIT = { clean: 0, findings: 1, cannotRun: 2 } as const;

export interface Options {
  text: string;
  root: string;
  view?: string;
  format?: string;
  impl?: string;
  out?: string;
  /** `secc diff --against DIR`: the other version of the legal text. */
  against?: string;
  manifest?: string;
  quiet: boolean;
  frail: boolean;
  write: boolean;
  help: boolean;
}

export interface CommandContext {
  options: Options;
  /** Positionals after the command name. */
  args: string[];
  io: Io;
}

export interface Command {
  /** One line for `secc --help`, e.g. `build    compile sec-text/ into rules/ and generated/`. */
  summary: string;
  run(context: CommandContext): Promise<number>;
}

/** Error findings (or, with --frail, any finding) mean exit 1. */
export function findingsExit(files: readonly VFile[], options: Pick<Options, 'frail'>): number {
  if (hasErrors(files)) return EXIT.findings;
  if (options.frail && files.some((file) => file.messages.length > 0)) return EXIT.findings;
  return EXIT.clean;
}
