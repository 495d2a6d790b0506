/** Helpers shared by commands: compiling the text directory and reporting findings. */
import { compile, type CompileResult } from '../compile.js';
import { readCorpus } from '../read.js';
import { REPORTERS } from '../report/index.js';
import type { VFile } from 'vfile';
import type { CommandContext } from './context.js';
import { CannotRun } from '../read.js';

export async function compileText({ options, io }: CommandContext, emit = true): Promise<CompileResult> {
  const documents = await readCorpus(options.text, io.cwd);
  return compile(documents, { emit });
}

/** Formats findings with the reporter chosen by --format (default: text). */
export function formatFindings(files: readonly VFile[], context: CommandContext, command: string): string {
  const name = context.options.format ?? 'text';
  const reporter = REPORTERS[name];
  if (!reporter) throw new CannotRun(`--format must be one of ${Object.keys(REPORTERS).join(', ')}, got \`${name}\``);
  return reporter(files, { quiet: context.options.quiet, command });
}
