/**
 * What a reporter is given besides the findings. Types only: reporters import this, never the
 * registry of reporters (report/index.ts) nor the lint rules. Rule metadata (for SARIF's rule
 * descriptions) reaches a reporter here, from whoever knows the rules (the CLI, from lint).
 */
import type { VFile } from 'vfile';
import type { Severity } from '../../shared/diagnostics.js';

/** What a rule is, for a reporter: its id, its default severity and its docs. */
export interface RuleMetadata {
  id: string;
  severity: Severity;
  /** One line. */
  summary: string;
  /** One paragraph: what the rule checks and why. */
  description: string;
  /** The doc and its examples as Markdown (SARIF's `help`), when known. */
  help?: string;
  /** Where the rule's doc is published (SARIF's `helpUri`), when the package says where (package.json `homepage`). */
  helpUri?: string;
}

export interface ReportOptions {
  /** Errors only. */
  quiet?: boolean;
  /** The command that produced the findings (for JUnit suite names, SARIF invocations). */
  command?: string;
  /** Every rule the command can report, to describe rules in SARIF (also those without findings). */
  rules?: readonly RuleMetadata[];
  /** The folder the findings' paths are relative to, absolute (SARIF's `%SRCROOT%`). */
  baseDir?: string;
  /** Colour for a terminal (text and pretty only); the CLI decides (TTY, NO_COLOR, FORCE_COLOR). */
  colour?: boolean;
}

export type Reporter = (files: readonly VFile[], options: ReportOptions) => string;
