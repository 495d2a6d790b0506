/** Helpers shared by commands: compiling the text directory and reporting findings. */
import path from 'node:path';
import { cachingOptions } from '../cache.js';
import { compile, type CompileResult } from '../compile.js';
import { runTimings } from '../timings.js';
import { readCorpus } from '../read.js';
import { REPORTERS } from '../report/index.js';
import type { VFile } from 'vfile';
import type { CommandContext } from './context.js';
import { CannotRun } from '../read.js';

export async function compileText({ options, io }: CommandContext, emit = true): Promise<CompileResult> {
  const timings = runTimings();
  const documents = await readCorpus(options.text, io.cwd);
  timings?.mark('read');
  const { cache, ...caching } = cachingOptions(path.resolve(io.cwd, options.root));
  await cache?.prepare(documents);
  timings?.mark('cache');
  const result = await compile(documents, { emit, ...caching, timings: timings?.record });
  if (timings) timings.documents = { total: documents.length, parsed: 0, cached: cache?.stats.hits ?? 0 };
  return result;
}

/** Formats findings with the reporter chosen by --format (default: text). */
export function formatFindings(files: readonly VFile[], context: CommandContext, command: string): string {
  const name = context.options.format ?? 'text';
  const reporter = REPORTERS[name];
  if (!reporter) throw new CannotRun(`--format must be one of ${Object.keys(REPORTERS).join(', ')}, got \`${name}\``);
  return reporter(files, { quiet: context.options.quiet, command });
}
