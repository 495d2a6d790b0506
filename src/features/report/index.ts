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
import type { ReportOptions, Reporter } from './options.js';
import { capFindings } from '../../shared/cap.js';
import { foldConsequences } from '../../shared/root-causes.js';

export type { ReportOptions, Reporter, RuleMetadata } from './options.js';

const UNCAPPED: Record<string, Reporter> = {
  text: reportText,
  pretty: reportPretty,
  json: reportJson,
  sarif: reportSarif,
  junit: reportJunit,
};

/** Every format lists at most MAX_PER_RULE findings per document and rule, then a count (src/shared/cap.ts). */
export const REPORTERS: Record<string, Reporter> = Object.fromEntries(
  Object.entries(UNCAPPED).map(([name, reporter]) => [
    name,
    (files: readonly VFile[], options: ReportOptions) => reporter(capFindings(foldConsequences(files)), options),
  ]),
);
