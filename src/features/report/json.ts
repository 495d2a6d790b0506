/** `--format json`: one JSON document; its shape is documented in the README (`secc lint`). */
import type { VFile } from 'vfile';
import { collectFindings, counts } from './findings.js';
import type { ReportOptions } from './options.js';

export const JSON_REPORT_VERSION = 1;

export function reportJson(files: readonly VFile[], options: ReportOptions = {}): string {
  const findings = collectFindings(files, options);
  const report = {
    version: JSON_REPORT_VERSION,
    tool: 'secc',
    command: options.command ?? null,
    summary: { files: new Set(files.map((file) => file.path)).size, ...counts(files) },
    findings,
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
