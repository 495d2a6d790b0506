/**
 * `--format pretty`: unified's own vfile-reporter (grouped by file, with notes and related
 * places), for people who prefer the remark-lint look. Colour only on a terminal. Legal text in
 * messages is escaped first (the reporter's own colour codes must still work).
 */
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { reporter } from 'vfile-reporter';
import { escapeLine } from '../../shared/escape.js';
import { compareFiles } from '../../shared/order.js';
import type { ReportOptions } from './options.js';

export function reportPretty(files: readonly VFile[], options: ReportOptions): string {
  const safe = [...files].sort(compareFiles).map(escapedCopy);
  const output = reporter(safe, { quiet: true, silent: options.quiet === true, color: options.colour === true, verbose: true });
  return output === '' ? '' : `${output}\n`;
}

function escapedCopy(file: VFile): VFile {
  const copy = new VFile({ path: escapeLine(file.path), cwd: file.cwd });
  copy.messages = file.messages.map((message) => {
    const clone = Object.assign(Object.create(Object.getPrototypeOf(message) as object) as VFileMessage, message);
    clone.reason = escapeLine(message.reason);
    clone.message = clone.reason;
    if (typeof message.note === 'string') clone.note = escapeLine(message.note);
    return clone;
  });
  return copy;
}
