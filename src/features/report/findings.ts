/**
 * Findings as plain data: what the JSON, SARIF and JUnit reporters share. One entry per vfile
 * message, sorted by file and place, with the end of the span where it is known.
 */
import type { View } from '../../shared/vocabulary.js';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { severityOf, type Severity } from '../../shared/diagnostics.js';
import { compareText } from '../../shared/order.js';

export interface Span {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

export interface Finding extends Partial<Span> {
  /** The file's path as given (relative to the working directory), `/`-separated. */
  file: string;
  severity: Severity;
  /** Stable rule id, e.g. `dcc-scheduled-trt`. */
  ruleId: string;
  message: string;
  /** `baseline` or `modified` when the finding concerns one projection only. */
  view?: View;
  actual?: string;
  expected?: string[];
  note?: string;
  url?: string;
  /** Other places the finding involves (the other side of a contradiction). */
  related: Array<{ file: string; message: string } & Partial<Span>>;
}

export function collectFindings(files: readonly VFile[], options: { quiet?: boolean } = {}): Finding[] {
  const findings: Finding[] = [];
  for (const file of files) {
    for (const message of file.messages) {
      const finding = toFinding(file, message);
      if (options.quiet && finding.severity !== 'error') continue;
      findings.push(finding);
    }
  }
  return findings.sort(
    (a, b) =>
      compareText(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || compareText(a.ruleId, b.ruleId),
  );
}

export function counts(files: readonly VFile[]): { errors: number; warnings: number; infos: number } {
  const result = { errors: 0, warnings: 0, infos: 0 };
  for (const file of files) {
    for (const message of file.messages) {
      const severity = severityOf(message);
      if (severity === 'error') result.errors++;
      else if (severity === 'warning') result.warnings++;
      else result.infos++;
    }
  }
  return result;
}

function toFinding(file: VFile, message: VFileMessage): Finding {
  const finding: Finding = {
    file: slash(file.path),
    ...spanOf(message),
    severity: severityOf(message),
    ruleId: message.ruleId ?? 'unknown',
    message: message.reason,
  } as Finding;
  if (message.view) finding.view = message.view;
  if (message.actual !== undefined) finding.actual = message.actual;
  if (message.expected !== undefined) finding.expected = message.expected;
  if (message.note !== undefined) finding.note = message.note;
  if (message.url !== undefined && message.url !== null) finding.url = message.url;
  finding.related = [];
  const cause = message.cause as VFileMessage | undefined;
  if (cause && typeof cause === 'object' && 'reason' in cause) {
    const causeFile = typeof cause.file === 'string' && cause.file !== '' ? cause.file : file.path;
    finding.related.push({ file: relatedPath(file.path, causeFile), message: cause.reason, ...spanOf(cause) });
  }
  return finding;
}

function spanOf(message: VFileMessage): Partial<Span> {
  if (message.line === undefined || message.line === null) return {};
  const span: Partial<Span> = { line: message.line, column: message.column ?? 1 };
  const place = message.place;
  if (place && 'end' in place && place.end) {
    span.endLine = place.end.line;
    span.endColumn = place.end.column;
  }
  return span;
}

/** A related document named by corpus name (`appendix-ab.md`) lives beside the reporting file. */
function relatedPath(reporting: string, related: string): string {
  if (related.includes('/')) return slash(related);
  const dir = slash(reporting).split('/').slice(0, -1).join('/');
  return dir ? `${dir}/${related}` : related;
}

function slash(path: string): string {
  return path.replaceAll('\\', '/');
}
