/** Helpers shared by commands: compiling the text directory and reporting findings. */
import { statSync } from 'node:fs';
import path from 'node:path';
import { projectCompileContext, type CompileContext } from '../compiler/context.js';
import { compileDirectory, type CompileResult } from '../compiler/driver.js';
import { recoverInterruptedWrite } from '../compiler/7-emit/write.js';
import type { RunTimings } from '../compiler/timings.js';
import { REPORTERS } from '../features/report/index.js';
import { ruleMetadata } from '../features/lint/index.js';
import type { VFile } from 'vfile';
import type { CommandContext } from './context.js';
import { CannotRun } from '../compiler/1-read/read.js';
import { packageInfo } from './package-version.js';

/**
 * The project root (`--root`, where rules/, generated/ and .secc-cache/ live), absolute. A path
 * that exists but is not a folder cannot be a root: that is a usage error (exit 2), not a crash
 * when the first file is written. A root that does not exist yet is created by `secc build`.
 */
export function projectRoot({ options, io }: Pick<CommandContext, 'options' | 'io'>): string {
  const root = path.resolve(io.cwd, options.root);
  const info = statSync(root, { throwIfNoEntry: false });
  if (info && !info.isDirectory()) throw new CannotRun(`--root ${options.root} is not a directory`);
  return root;
}

/** Reads --text and compiles it in the project root's context (its cache); `timings` when SECC_TIMINGS is set. */
export async function compileText(
  context: CommandContext,
  options: { emit?: boolean; trees?: boolean; timings?: RunTimings; compileContext?: CompileContext } = {},
): Promise<CompileResult> {
  const { timings } = options;
  // A build killed after its commit point is finished first (or one killed before it undone).
  const recovered = await recoverInterruptedWrite(projectRoot(context));
  if (recovered) context.io.stderr.write(`secc: ${recovered}\n`);
  // A long-lived command (check --watch) passes the context it keeps between runs.
  const compileContext =
    options.compileContext ?? projectCompileContext(projectRoot(context), { timings: timings?.record, parse: timings?.parse });
  const result = await compileDirectory(context.options.text, context.io.cwd, {
    emit: options.emit,
    trees: options.trees,
    context: compileContext,
    root: projectRoot(context),
  });
  if (timings) timings.documents = { total: result.parsed.length, parsed: 0, cached: compileContext.cache?.stats.hits ?? 0 };
  return result;
}

/** Formats findings with the reporter chosen by --format (default: text). */
export function formatFindings(files: readonly VFile[], context: CommandContext, command: string): string {
  const name = context.options.format ?? 'text';
  const reporter = REPORTERS[name];
  if (!reporter) throw new CannotRun(`--format must be one of ${Object.keys(REPORTERS).join(', ')}, got \`${name}\``);
  return reporter(files, {
    quiet: context.options.quiet,
    command,
    rules: ruleMetadata({ homepage: packageInfo().homepage }),
    colour: context.options.colour,
    baseDir: context.io.cwd,
  });
}
