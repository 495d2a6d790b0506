/**
 * `secc`: the command line. Exit codes: 0 clean, 1 findings or drift, 2 could not run.
 * Commands live in src/commands/, one module each; this file parses options and dispatches.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadCommand, loadCommands } from './cli/index.js';
import { EXIT, type Io, type Options } from './cli/context.js';
import { CannotRun, CorpusRefused } from './compiler/1-read/read.js';
import { escapingStream } from './shared/escape.js';

export type { Io };
export { EXIT };

const OPTIONS = {
  text: { type: 'string', default: 'sec-text' },
  root: { type: 'string', default: '.' },
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
  quiet: { type: 'boolean', default: false },
  frail: { type: 'boolean', default: false },
  write: { type: 'boolean', default: false },
  watch: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} satisfies ParseArgsConfig['options'];

async function usage(): Promise<string> {
  return `Usage: secc <command> [options]

Commands:
${(await loadCommands()).map((command) => `  ${command.summary}`).join('\n')}

Options:
  --text DIR                 the legal text (default: sec-text)
  --root DIR                 where rules/ and generated/ live (default: the current directory)
  --view baseline|modified   the version (export, diff, conform): the base, or every pending modification; export docx also takes redline (the default)
  --as-at YYYY-MM-DD         the version in force on that day (the implementation day included)
  --modification ID          the base plus that modification alone
  --impl FILE                the gateway configuration to check (conform)
  --only-sr SR,SR            conform: the Service Requests a partial gateway claims (or a line \`# only-sr: 4.8.1, 4.8.3\` above the CSV header)
  --format NAME              output format (check, lint: text, pretty, json, sarif, junit; export: csv, json; diff: text, json, markdown)
  --against DIR              diff: compare with another version of the legal text (its modified view → this one's)
  --out DIR                  report: the folder to write index.html to; export docx: the folder for the .docx files; import docx: the .md to write
  --rules omit|annex         export docx: leave rule blocks out (default), or add them as an annex after the legal text
  --front-matter FILE        import docx: the YAML front matter of the imported document
  --author NAME=ID           import docx: the modification a Word author's tracked changes belong to (repeatable)
  --correct --by NAME --why TEXT --date YYYY-MM-DD   freeze: a recorded correction of the frozen base
  --watch                    check: check again whenever the legal text (or rules/, generated/) changes
  --quiet                    errors only
  --frail                    warnings fail too (exit 1)
  -h, --help                 this help

Exit codes: 0 clean, 1 findings or drift, 2 could not run.
`;
}

/** Formats read by machines keep their bytes; everything else people read is escaped. */
const MACHINE_FORMATS = new Set(['json', 'sarif', 'junit', 'csv']);

export async function main(argv: readonly string[], rawIo: Io): Promise<number> {
  const format = formatOf(argv);
  const keepStdout = (format !== undefined && MACHINE_FORMATS.has(format)) || (format === 'pretty' && process.stdout.isTTY === true);
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
    ...rest
  } = parsed.values as Options & {
    'as-at'?: string;
    'front-matter'?: string;
    'only-sr'?: string;
  };
  const options: Options = { ...rest, asAt, frontMatter, onlySr };
  const [name, ...args] = positionals;
  if (options.help || name === 'help') {
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
