/**
 * `secc`: the command line. Exit codes: 0 clean, 1 findings or drift, 2 could not run.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { compile, type CompileResult } from './compile.js';
import { hasErrors } from './diagnostics.js';
import { checkDrift } from './drift.js';
import { ELIGIBILITY_HEADER, eligibilityRows, toCsv, TRT_HEADER, trtRows } from './export.js';
import { applyFingerprintUpdates, planFingerprintUpdates } from './fingerprint.js';
import { CannotRun, readCorpus } from './read.js';
import { reportText } from './report/text.js';
import { writeOutputsAtomically } from './write.js';

export interface Io {
  cwd: string;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

export const EXIT = { clean: 0, findings: 1, cannotRun: 2 } as const;

const USAGE = `Usage: secc <command> [options]

Commands:
  build                      compile sec-text/ into rules/ and generated/ (nothing is written on error)
  check                      compile in memory and compare with rules/ and generated/ (the CI gate)
  export trt|eligibility     print a table: --view baseline|modified --format csv|json
  fingerprint [--write]      show clause fingerprints; --write records reviews of stale rule blocks

Options:
  --text DIR                 the legal text (default: sec-text)
  --root DIR                 where rules/ and generated/ live (default: the current directory)
  --quiet                    errors only
  --frail                    warnings fail too (exit 1)
  -h, --help                 this help

Exit codes: 0 clean, 1 findings or drift, 2 could not run.
`;

const OPTIONS = {
  text: { type: 'string', default: 'sec-text' },
  root: { type: 'string', default: '.' },
  view: { type: 'string' },
  format: { type: 'string' },
  quiet: { type: 'boolean', default: false },
  frail: { type: 'boolean', default: false },
  write: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} satisfies ParseArgsConfig['options'];

type Options = { text: string; root: string; view?: string; format?: string; quiet: boolean; frail: boolean; write: boolean; help: boolean };

export async function main(argv: readonly string[], io: Io): Promise<number> {
  let parsed: { values: Options; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true }) as unknown as { values: Options; positionals: string[] };
  } catch (error) {
    io.stderr.write(`secc: ${(error as Error).message}\n\n${USAGE}`);
    return EXIT.cannotRun;
  }
  const { values: options, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (options.help || command === undefined || command === 'help') {
    (command === undefined && !options.help ? io.stderr : io.stdout).write(USAGE);
    return command === undefined && !options.help ? EXIT.cannotRun : EXIT.clean;
  }
  try {
    switch (command) {
      case 'build':
        return await build(options, io);
      case 'check':
        return await check(options, io);
      case 'export':
        return await exportTable(rest[0], options, io);
      case 'fingerprint':
        return await fingerprintCommand(options, io);
      default:
        io.stderr.write(`secc: unknown command \`${command}\`\n\n${USAGE}`);
        return EXIT.cannotRun;
    }
  } catch (error) {
    if (error instanceof CannotRun) {
      io.stderr.write(`secc: ${error.message}\n`);
      return EXIT.cannotRun;
    }
    io.stderr.write(`secc: internal error: ${(error as Error).message ?? String(error)}\n`);
    if (process.env.SECC_DEBUG) io.stderr.write(`${(error as Error).stack ?? ''}\n`);
    return EXIT.cannotRun;
  }
}

async function compileText(options: Options, io: Io, emit = true): Promise<CompileResult> {
  const documents = await readCorpus(options.text, io.cwd);
  return compile(documents, { emit });
}

function findingsExit(result: { files: CompileResult['files'] }, options: Options): number {
  if (hasErrors(result.files)) return EXIT.findings;
  if (options.frail && result.files.some((file) => file.messages.length > 0)) return EXIT.findings;
  return EXIT.clean;
}

async function build(options: Options, io: Io): Promise<number> {
  const result = await compileText(options, io);
  io.stderr.write(reportText(result.files, { quiet: options.quiet }));
  if (!result.ok) {
    io.stderr.write('secc build: nothing written; fix the errors above and build again.\n');
    return EXIT.findings;
  }
  const root = path.resolve(io.cwd, options.root);
  const changed = await writeOutputsAtomically(root, result.outputs);
  io.stdout.write(changed.length === 0 ? 'secc build: rules/ and generated/ are up to date.\n' : `secc build: wrote ${changed.join(', ')}\n`);
  return findingsExit(result, options);
}

async function check(options: Options, io: Io): Promise<number> {
  const result = await compileText(options, io);
  const files = [...result.files];
  if (result.ok) files.push(...(await checkDrift(result.outputs, { root: path.resolve(io.cwd, options.root), textDir: options.text })));
  io.stdout.write(reportText(files, { quiet: options.quiet }));
  const exit = findingsExit({ files }, options);
  if (exit === EXIT.clean) io.stdout.write('secc check: the legal text, rules/ and generated/ agree.\n');
  return exit;
}

async function exportTable(table: string | undefined, options: Options, io: Io): Promise<number> {
  if (table !== 'trt' && table !== 'eligibility') {
    io.stderr.write(`secc export: expected \`trt\` or \`eligibility\`, got \`${table ?? ''}\`\n`);
    return EXIT.cannotRun;
  }
  const view = options.view ?? 'modified';
  const format = options.format ?? 'csv';
  if (view !== 'baseline' && view !== 'modified') {
    io.stderr.write(`secc export: --view must be baseline or modified, got \`${view}\`\n`);
    return EXIT.cannotRun;
  }
  if (format !== 'csv' && format !== 'json') {
    io.stderr.write(`secc export: --format must be csv or json, got \`${format}\`\n`);
    return EXIT.cannotRun;
  }
  const result = await compileText(options, io, false);
  if (!result.ok || !result.ruleSets) {
    io.stderr.write(reportText(result.files, { quiet: true }));
    return EXIT.findings;
  }
  const ruleSet = result.ruleSets[view];
  if (table === 'trt') {
    const rows = trtRows(ruleSet);
    io.stdout.write(format === 'csv' ? toCsv(TRT_HEADER, rows) : `${JSON.stringify(rows, null, 2)}\n`);
  } else {
    const rows = eligibilityRows(ruleSet);
    io.stdout.write(format === 'csv' ? toCsv(ELIGIBILITY_HEADER, rows) : `${JSON.stringify(rows, null, 2)}\n`);
  }
  return EXIT.clean;
}

async function fingerprintCommand(options: Options, io: Io): Promise<number> {
  const result = await compileText(options, io, false);
  const plan = planFingerprintUpdates(result.files);
  for (const conflict of plan.conflicts) {
    io.stderr.write(`${conflict.file.path}:${conflict.line}  error  This rule block is in both views but its clause text differs between them; redline the block instead: delete the old block and insert the re-reviewed one.  rule-fingerprint-stale\n`);
  }
  if (!options.write) {
    if (result.ruleSets) {
      for (const view of ['baseline', 'modified'] as const) {
        for (const clause of result.ruleSets[view].clauses) io.stdout.write(`${view}\t${clause.file}\t${clause.id}\t${clause.fingerprint}\n`);
      }
    }
    for (const update of plan.updates) io.stdout.write(`stale: ${update.file.path}:${update.line} ${update.from} -> ${update.to}\n`);
    return plan.updates.length + plan.conflicts.length > 0 ? EXIT.findings : EXIT.clean;
  }
  const byFile = new Map<string, typeof plan.updates>();
  for (const update of plan.updates) byFile.set(update.file.path, [...(byFile.get(update.file.path) ?? []), update]);
  const outputs = new Map<string, string>();
  for (const [file, updates] of byFile) {
    const absolute = path.resolve(io.cwd, file);
    outputs.set(path.relative(io.cwd, absolute), applyFingerprintUpdates(await readFile(absolute, 'utf8'), updates));
  }
  await writeOutputsAtomically(io.cwd, outputs);
  for (const update of plan.updates) io.stdout.write(`recorded review: ${update.file.path}:${update.line} ${update.to}\n`);
  return plan.conflicts.length > 0 ? EXIT.findings : EXIT.clean;
}
