/**
 * The exit-code policy of every command that reports findings: 0 clean, 1 findings, 2 could not
 * run. It lives with the reporters (below the CLI) so features can use it without importing the CLI.
 */
import type { VFile } from 'vfile';
import { hasErrors } from '../../shared/diagnostics.js';

export const EXIT = { clean: 0, findings: 1, cannotRun: 2 } as const;

/** Error findings (or, with --frail, any finding) mean exit 1. */
export function findingsExit(files: readonly VFile[], options: { frail: boolean }): number {
  if (hasErrors(files)) return EXIT.findings;
  if (options.frail && files.some((file) => file.messages.length > 0)) return EXIT.findings;
  return EXIT.clean;
}
