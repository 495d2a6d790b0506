/**
 * Reporter selection. Reporters turn vfiles (with their messages) into text; they never live
 * inside rules. Add a format here and it is available to every command that reports.
 */
import { reportPretty } from './pretty.js';
import { reportText } from './text.js';
import { reportJson } from './json.js';
import { reportJunit } from './junit.js';
import { reportSarif } from './sarif.js';
import type { Reporter } from './options.js';

export type { ReportOptions, Reporter, RuleMetadata } from './options.js';

export const REPORTERS: Record<string, Reporter> = {
  text: reportText,
  pretty: reportPretty,
  json: reportJson,
  sarif: reportSarif,
  junit: reportJunit,
};
