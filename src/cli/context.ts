/** What every command gets: parsed options and the process's streams. Exit codes: features/report/exit.ts. */
import { EXIT, findingsExit } from '../features/report/exit.js';

export { EXIT, findingsExit };

export interface Io {
  cwd: string;
  /** The environment (NO_COLOR, FORCE_COLOR); the entry point passes process.env, tests usually nothing. */
  env?: Readonly<Record<string, string | undefined>>;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

export interface Options {
  text: string;
  root: string;
  view?: string;
  /** `--as-at YYYY-MM-DD`: the text as in force on that day. */
  asAt?: string;
  /** `--modification ID`: the base plus that modification alone. */
  modification?: string;
  format?: string;
  impl?: string;
  /** `secc conform --only-sr 4.8.1,4.8.3`: the SRs a partial gateway claims. */
  onlySr?: string;
  out?: string;
  /** `secc diff --against DIR`: the other version of the legal text. */
  against?: string;
  /** `secc export docx --rules omit|annex`: leave rule blocks out, or add them as an annex. */
  rules?: string;
  /** `secc import docx --front-matter FILE`: the YAML front matter of the imported document. */
  frontMatter?: string;
  /** `secc import docx --author NAME=ID`: a Word author → the modification it stands for (repeatable). */
  author?: string[];
  /** `secc freeze --correct`: who corrects the frozen base, why, and on which day. */
  correct?: boolean;
  by?: string;
  why?: string;
  date?: string;
  /** `secc consolidate --through YYYY-MM-DD`: the last day whose releases are consolidated. */
  through?: string;
  quiet: boolean;
  frail: boolean;
  write: boolean;
  /** `secc check --watch`: check again on every change. */
  watch?: boolean;
  help: boolean;
  /** `secc --version`. */
  version?: boolean;
  /** `secc diff --exit-code`: exit 1 when there are changes. */
  exitCode?: boolean;
  /** Colour the text output (decided once in cli.ts: a terminal, NO_COLOR, FORCE_COLOR). */
  colour?: boolean;
}

export interface CommandContext {
  options: Options;
  /** Positionals after the command name. */
  args: string[];
  io: Io;
}

/** What `secc help <command>` and `secc <command> --help` print besides the summary line. */
export interface CommandHelp {
  /** The options this command reads (beyond the global ones): `[flag, what it does]`. */
  options: ReadonlyArray<readonly [flag: string, text: string]>;
  /** Example invocations: `[command line, what it does]`. */
  examples: ReadonlyArray<readonly [command: string, text: string]>;
  /** What the exit codes mean for this command, when it differs from 0 clean, 1 findings, 2 could not run. */
  exit?: string;
}

export interface Command {
  /** One line for `secc --help`, e.g. `build    compile sec-text/ into rules/ and generated/`. */
  summary: string;
  help: CommandHelp;
  run(context: CommandContext): Promise<number>;
}
