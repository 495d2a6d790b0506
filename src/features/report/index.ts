/**
 * Reporter selection. Reporters turn vfiles (with their messages) into text; they never live
 * inside rules. Add a format here and it is available to every command that reports.
 */
import type { VFile } from 'vfile';
import { reportPretty } from './pretty.js';
import { reportText } from './text.js';
import { reportJson } from './json.js';
import { reportJunit } from './junit.js';
import { reportSarif } from './sarif.js';

export interface ReportOptions {
  /** Errors only. */
  quiet?: boolean;
  /** The command that produced the findings (for JUnit suite names, SARIF invocations). */
  command?: string;
}

export type Reporter = (files: readonly VFile[], options: ReportOptions) => string;

export const REPORTERS: Record<string, Reporter> = {
  text: reportText,
  pretty: reportPretty,
  json: reportJson,
  sarif: reportSarif,
  junit: reportJunit,
};

export function formatNames(): string[] {
  return Object.keys(REPORTERS);
}
