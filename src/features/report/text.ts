/**
 * The people's reporter: one line per finding, `file:line:col  severity  message  rule-id`,
 * sorted by file and place, then a count.
 */
import type { VFile } from 'vfile';
import { compareMessages } from '../../shared/order.js';
import { severityOf } from '../../shared/diagnostics.js';
import { escapeLine } from '../../shared/escape.js';
import { capFindings } from '../../shared/cap.js';
import { foldConsequences, foldedUnder, groupIdentical, groupSamePlace, rootCausesFirst } from '../../shared/root-causes.js';

export interface TextReportOptions {
  /** Errors only. */
  quiet?: boolean;
  /** ANSI colours (for a terminal): severity in red or yellow, the rule id dimmed. */
  colour?: boolean;
}

const STYLES = { error: [31, 39], warning: [33, 39], info: [36, 39], dim: [2, 22], bold: [1, 22] } as const;

function painter(colour: boolean | undefined): (style: keyof typeof STYLES, text: string) => string {
  return colour ? (style, text) => `\u001b[${STYLES[style][0]}m${text}\u001b[${STYLES[style][1]}m` : (_style, text) => text;
}

export function reportText(files: readonly VFile[], options: TextReportOptions = {}): string {
  const paint = painter(options.colour);
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  // Root causes first, what follows from them folded under them, findings at one place that differ
  // in a word (one per role of a cell) merged, identical findings grouped.
  for (const file of rootCausesFirst(capFindings(groupIdentical(groupSamePlace(foldConsequences(files)))))) {
    for (const message of [...file.messages].sort(compareMessages)) {
      const severity = severityOf(message);
      if (severity === 'error') errors++;
      else if (severity === 'warning') warnings++;
      if (options.quiet && severity !== 'error') continue;
      const path = escapeLine(file.path);
      const place = message.line === undefined ? path : `${path}:${message.line}:${message.column ?? 1}`;
      const view = message.view ? ` [${message.view}]` : '';
      const rule = message.ruleId ? paint('dim', escapeLine(message.ruleId)) : '';
      lines.push(`${place}  ${paint(severity, severity)}  ${escapeLine(message.reason)}${view}  ${rule}`.trimEnd());
      const folded = foldedUnder(message);
      if (folded) lines.push(`  ${paint('dim', `↳ ${folded}`)}`);
    }
  }
  if (errors + warnings > 0) lines.push('', paint('bold', `${count(errors, 'error')}, ${count(warnings, 'warning')}`));
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
