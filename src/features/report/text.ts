/**
 * The people's reporter: one line per finding, `file:line:col  severity  message  rule-id`,
 * sorted by file and place, then a count.
 */
import type { VFile } from 'vfile';
import { compareFiles, compareMessages } from '../../shared/order.js';
import { severityOf } from '../../shared/diagnostics.js';
import { escapeLine } from '../../shared/escape.js';
import { capFindings } from '../../shared/cap.js';

export interface TextReportOptions {
  /** Errors only. */
  quiet?: boolean;
}

export function reportText(files: readonly VFile[], options: TextReportOptions = {}): string {
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  for (const file of capFindings(files).sort(compareFiles)) {
    for (const message of [...file.messages].sort(compareMessages)) {
      const severity = severityOf(message);
      if (severity === 'error') errors++;
      else if (severity === 'warning') warnings++;
      if (options.quiet && severity !== 'error') continue;
      const path = escapeLine(file.path);
      const place = message.line === undefined ? path : `${path}:${message.line}:${message.column ?? 1}`;
      const view = message.view ? ` [${message.view}]` : '';
      lines.push(`${place}  ${severity}  ${escapeLine(message.reason)}${view}  ${escapeLine(message.ruleId ?? '')}`.trimEnd());
    }
  }
  if (errors + warnings > 0) lines.push('', `${count(errors, 'error')}, ${count(warnings, 'warning')}`);
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
