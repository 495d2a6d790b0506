/**
 * `secc`: the command line. Exit codes: 0 clean, 1 findings or drift, 2 could not run.
 * Commands live in src/commands/, one module each; this file parses options and dispatches.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadCommand, loadCommands } from './cli/index.js';
import { EXIT, type Io, type Options } from './cli/context.js';
import { CannotRun, CorpusRefused } from './compiler/1-read/read.js';
import { escapingStream } from './shared/escape.js';
import { commandUsage, globalUsage } from './cli/help.js';
import { wantsColour } from './cli/colour.js';
import { locateProject } from './cli/project.js';
import { packageVersion } from './cli/package-version.js';

export type { Io };
export { EXIT };

const OPTIONS = {
  text: { type: 'string' },
  root: { type: 'string' },
  view: { type: 'string' },
  'as-at': { type: 'string' },
  modification: { type: 'string' },
  format: { type: 'string' },
  impl: { type: 'string' },
  'only-sr': { type: 'string' },
  out: { type: 'string' },
  against: { type: 'string' },
  rules: { type: 'string' },
  'front-matter': { type: 'string' },
  author: { type: 'string', multiple: true },
  correct: { type: 'boolean', default: false },
  by: { type: 'string' },
  why: { type: 'string' },
  date: { type: 'string' },
  through: { type: 'string' },
  quiet: { type: 'boolean', default: false },
  frail: { type: 'boolean', default: false },
  write: { type: 'boolean', default: false },
  watch: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', default: false },
  'exit-code': { type: 'boolean', default: false },
} satisfies ParseArgsConfig['options'];

async function usage(): Promise<string> {
  return globalUsage(await loadCommands());
}

/** Formats read by machines keep their bytes; everything else people read is escaped. */
const MACHINE_FORMATS = new Set(['json', 'sarif', 'junit', 'csv']);

export async function main(argv: readonly string[], rawIo: Io): Promise<number> {
  const format = formatOf(argv);
  const colour = wantsColour(rawIo.env, rawIo.stdout);
  // Reporters that colour escape the legal text themselves; their own colour codes must pass.
  const colouredReport =
    colour && (format ?? 'text') === 'text' && ['check', 'lint'].includes(argv.find((arg) => !arg.startsWith('-')) ?? '');
  const keepStdout = (format !== undefined && MACHINE_FORMATS.has(format)) || (format === 'pretty' && colour) || colouredReport;
  const io: Io = { cwd: rawIo.cwd, stdout: keepStdout ? rawIo.stdout : escapingStream(rawIo.stdout), stderr: escapingStream(rawIo.stderr) };
  let parsed: { values: Options; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true }) as unknown as {
      values: Options;
      positionals: string[];
    };
  } catch (error) {
    io.stderr.write(`secc: ${(error as Error).message}\n\n${await usage()}`);
    return EXIT.cannotRun;
  }
  const { positionals } = parsed;
  // Hyphenated option names arrive under their own key; commands read them camel-cased.
  const {
    'as-at': asAt,
    'front-matter': frontMatter,
    'only-sr': onlySr,
    'exit-code': exitCode,
    text,
    root,
    ...rest
  } = parsed.values as Omit<Options, 'text' | 'root'> & {
    'as-at'?: string;
    'front-matter'?: string;
    'only-sr'?: string;
    'exit-code'?: boolean;
    text?: string;
    root?: string;
  };
  const options: Options = { ...rest, ...locateProject(io.cwd, { text, root }), asAt, frontMatter, onlySr, exitCode, colour };
  const [name, ...args] = positionals;
  if (options.version) {
    io.stdout.write(`secc ${packageVersion()}\n`);
    return EXIT.clean;
  }
  if (name === 'help' || (options.help && name !== undefined)) return help(name === 'help' ? args[0] : name, io);
  if (options.help) {
    io.stdout.write(await usage());
    return EXIT.clean;
  }
  if (name === undefined) {
    io.stderr.write(await usage());
    return EXIT.cannotRun;
  }
  let command: Awaited<ReturnType<typeof loadCommand>>;
  try {
    command = await loadCommand(name);
  } catch (error) {
    io.stderr.write(
      `secc: internal error: cannot load the command \`${name}\`: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return EXIT.cannotRun;
  }
  if (!command) {
    io.stderr.write(`secc: unknown command \`${name}\`\n\n${await usage()}`);
    return EXIT.cannotRun;
  }
  try {
    return await command.run({ options, args, io });
  } catch (error) {
    if (error instanceof CorpusRefused) {
      await reportRefusal(error, name, options.format, io);
      return EXIT.cannotRun;
    }
    if (error instanceof CannotRun) {
      io.stderr.write(`secc: ${error.message}\n`);
      return EXIT.cannotRun;
    }
    // A file-system refusal (a folder that is a file, no permission, a full disk) is the
    // environment, not a bug: say what could not be done to which path.
    const failure = error as NodeJS.ErrnoException;
    if (typeof failure?.code === 'string' && typeof failure.syscall === 'string') {
      io.stderr.write(`secc: cannot ${failure.syscall}${failure.path ? ` ${failure.path}` : ''}: ${failure.code}; nothing was written\n`);
      return EXIT.cannotRun;
    }
    // Never a stack trace for users; SECC_DEBUG=1 shows it for developers.
    io.stderr.write(`secc: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    if (process.env.SECC_DEBUG) io.stderr.write(`${error instanceof Error ? error.stack : ''}\n`);
    return EXIT.cannotRun;
  }
}

/** `secc help [command]` and `secc <command> --help`: the command's own usage (or the global one). */
async function help(name: string | undefined, io: Io): Promise<number> {
  if (name === undefined) {
    io.stdout.write(await usage());
    return EXIT.clean;
  }
  const command = await loadCommand(name);
  if (!command) {
    io.stderr.write(`secc: unknown command \`${name}\`\n\n${await usage()}`);
    return EXIT.cannotRun;
  }
  io.stdout.write(commandUsage(command));
  return EXIT.clean;
}

/** `--format X` or `--format=X`, read before parsing so even a usage error is escaped. */
function formatOf(argv: readonly string[]): string | undefined {
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === '--format') return argv[index + 1];
    if (arg?.startsWith('--format=')) return arg.slice('--format='.length);
  }
  return undefined;
}

/**
 * An entry of the legal text folder that is not a regular file stops every command alike (exit 2).
 * check and lint still report it in the format asked for (a valid SARIF log, JSON), others as text.
 */
async function reportRefusal(error: CorpusRefused, command: string, format: string | undefined, io: Io): Promise<void> {
  const { REPORTERS } = await import('./features/report/index.js');
  const reporter = command === 'check' || command === 'lint' ? REPORTERS[format ?? 'text'] : undefined;
  if (reporter) io.stdout.write(reporter(error.files, { command }));
  else io.stderr.write(REPORTERS.text?.(error.files, { command }) ?? '');
  io.stderr.write(`secc: ${error.message}\n`);
}
