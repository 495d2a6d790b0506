/**
 * What a table kind is: one module that recognises its tables by their headers, reads the grid
 * into its own facts (serialisable, so they can be cached), says what its empty facts are, and
 * links every document's facts of its kind into rule-set entries. The registry
 * (../tables.ts) lists the kinds; extraction, the cache's shape check and linking derive from it.
 */
import type { ReportOptions } from '../../../shared/diagnostics.js';
import type { ClauseRule, Eligibility, ServiceRequest, Trt, UserRole } from '../../../shared/model.js';
import type { View } from '../../../shared/vocabulary.js';
import type { Grid, TableContext } from './grid.js';

/** Facts are named lists, so that documents' facts concatenate and the cache can check their shape. */
export type Facts = Record<string, unknown[]>;

/** The rule-set entries that come from tables, as linked so far (kinds link in registry order). */
export interface LinkedTables {
  userRoles: UserRole[];
  serviceRequests: ServiceRequest[];
  eligibility: Eligibility[];
  trt: Trt[];
}

export interface LinkInput<F extends Facts> {
  view: View;
  /** Every document's facts of this kind, in corpus order. */
  documents: ReadonlyArray<{ name: string; facts: F }>;
  /** The view's literate rules, for what the text says about its tables (a `trt-scope` rule). */
  clauseRules: readonly ClauseRule[];
  /** Reports a finding on a document of the corpus (the view is added). */
  report(document: string, reason: string, options: Omit<ReportOptions, 'view'>): void;
}

export interface TableKind<F extends Facts = Facts> {
  /** In drafting words, for diagnostics: `services table`. */
  readonly name: string;
  /** Whether a table with these header texts is of this kind (the first kind that says so reads it). */
  recognises(headers: readonly string[]): boolean;
  /** Reads the table's grid into `facts`, reporting what it cannot read. */
  read(grid: Grid, context: TableContext, facts: F): void;
  /** The facts of a document with no table of this kind. */
  empty(): F;
  /** Joins the documents' facts into rule-set entries, reporting what does not fit; `linked` holds what earlier kinds gave. */
  link(input: LinkInput<F>, linked: Readonly<LinkedTables>): Partial<LinkedTables>;
}

/** A position for a report from a source. */
export const at = (source: { line: number; column: number }): { line: number; column: number } => ({
  line: source.line,
  column: source.column,
});
