/**
 * Diagnostics are vfile messages (unified's own), stamped like remark-lint does:
 * `source` is always `sec-rules`, `ruleId` says which check fired, `fatal` marks errors.
 */
import type { Node, Point, Position } from 'unist';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { View } from './vocabulary.js';
import type { RuleId, Severity } from './rule-registry.js';

export type { RuleId, Severity };

export const SOURCE = 'sec-rules';

export interface ReportOptions {
  /** A registered rule id (src/shared/rule-registry.ts): anything else is a type error. */
  ruleId: RuleId;
  place?: Position | Point | undefined;
  severity?: Severity;
  /** What was found, for machine readers (vfile's `actual`). */
  actual?: string;
  /** What would have been accepted (vfile's `expected`). */
  expected?: string[];
  /** A longer explanation or a fix, shown after the reason. */
  note?: string;
  /** The projection the finding is about, when it is about one. */
  view?: View;
  ancestors?: Node[];
  cause?: VFileMessage;
}

/** Declared on vfile messages so reporters can show which projection a finding concerns. */
declare module 'vfile-message' {
  interface VFileMessage {
    view?: View;
  }
}

export function report(file: VFile, reason: string, options: ReportOptions): VFileMessage {
  const message = file.message(reason, {
    place: options.place,
    ruleId: options.ruleId,
    source: SOURCE,
    ancestors: options.ancestors,
    cause: options.cause,
  });
  const severity = options.severity ?? 'error';
  message.fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined;
  if (options.actual !== undefined) message.actual = options.actual;
  if (options.expected !== undefined) message.expected = options.expected;
  if (options.note !== undefined) message.note = options.note;
  if (options.view !== undefined) message.view = options.view;
  return message;
}

export function hasErrors(files: readonly VFile[]): boolean {
  return files.some((file) => file.messages.some((message) => message.fatal === true));
}

export function severityOf(message: VFileMessage): Severity {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info';
}

/**
 * The same finding in both views (an unredlined bad cell) is one finding about the text as a
 * whole: keep the first and drop its `view`, so drafters see it once.
 */
export function mergeAcrossViews(file: VFile): void {
  const seen = new Map<string, VFileMessage>();
  file.messages = file.messages.filter((message) => {
    const key = `${message.ruleId}|${message.line}:${message.column}|${message.reason}`;
    const first = seen.get(key);
    if (first) {
      if (first.view !== message.view) delete first.view;
      return false;
    }
    seen.set(key, message);
    return true;
  });
}
