/**
 * Findings as LSP diagnostics, grouped by the file they are about. A finding keeps what it found
 * and what would be accepted (`actual`, `expected`) in `data`, which the quick fixes read.
 */
import path from 'node:path';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { severityOf } from '../shared/diagnostics.js';
import { rangeOfMessage, uriOfPath } from './places.js';

/** What a diagnostic carries for the quick fixes. */
export interface FindingData {
  actual?: string;
  expected?: string[];
}

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information };

export function diagnosticOf(message: VFileMessage): Diagnostic {
  const data: FindingData = {};
  if (typeof message.actual === 'string') data.actual = message.actual;
  if (Array.isArray(message.expected)) data.expected = message.expected;
  const view = message.view ? ` [${message.view}]` : '';
  const note = message.note ? `\n${message.note}` : '';
  return {
    range: rangeOfMessage(message),
    severity: SEVERITY[severityOf(message)],
    source: 'secc',
    ...(message.ruleId ? { code: message.ruleId } : {}),
    message: `${message.reason}${view}${note}`,
    data,
  };
}

/** URI → its diagnostics, for every file with findings (paths are relative to `cwd`). */
export function diagnosticsByUri(files: readonly VFile[], cwd: string): Map<string, Diagnostic[]> {
  const byUri = new Map<string, Diagnostic[]>();
  for (const file of files) {
    if (file.messages.length === 0) continue;
    const uri = uriOfPath(path.resolve(cwd, file.path || '.'));
    const list = byUri.get(uri) ?? [];
    list.push(...file.messages.map(diagnosticOf));
    byUri.set(uri, list);
  }
  return byUri;
}
