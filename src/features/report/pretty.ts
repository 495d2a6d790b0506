/**
 * `--format pretty`: unified's own vfile-reporter (grouped by file, with notes and related
 * places), for people who prefer the remark-lint look. Colour only on a terminal.
 */
import type { VFile } from 'vfile';
import { reporter } from 'vfile-reporter';
import type { ReportOptions } from './options.js';

export function reportPretty(files: readonly VFile[], options: ReportOptions): string {
  const output = reporter([...files], { quiet: true, silent: options.quiet === true, color: process.stdout.isTTY === true, verbose: true });
  return output === '' ? '' : `${output}\n`;
}
