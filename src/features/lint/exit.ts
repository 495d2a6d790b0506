/** Exit codes of the gate: 2 when a document could not be read at all, else the findings' exit. */
import type { VFile } from 'vfile';
import { EXIT, findingsExit } from '../report/exit.js';
import { READ_RULES } from '../../compiler/1-read/read.js';

export function gateExit(files: readonly VFile[], options: { frail: boolean }): number {
  if (files.some((file) => file.messages.some((message) => message.ruleId === READ_RULES.unreadable))) return EXIT.cannotRun;
  return findingsExit(files, options);
}
