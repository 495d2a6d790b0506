/**
 * Target Response Time tables (Appendix AB): `SR`, then columns headed
 * `<User Role or Eligible User Roles> / SMETS<n> / <Scheduled or On-Demand>` (the vocabulary's
 * header syntax). Read into TRT rows and the columns each table has; linked into the rule set's
 * TRTs, one per eligible User Role, generation and mode, `Eligible User Roles` standing for every
 * role without its own columns.
 */
import { didYouMean, nearest } from '../../../shared/did-you-mean.js';
import { report } from '../../../shared/diagnostics.js';
import type { ClauseRule, ServiceRequest, Source, Trt, UserRole, Eligibility } from '../../../shared/model.js';
import {
  ELIGIBLE_USER_ROLES,
  looksLikeTrtHeader,
  MODES,
  modeLabel,
  parseTrtHeader,
  SMETS_GENERATIONS,
  TRT_HEADER_SYNTAX,
  trtHeader,
  type Mode,
  type Smets,
} from '../../../shared/vocabulary.js';
import { DURATION_VOCABULARY, parseDuration } from '../duration.js';
import { cellPosition } from '../text.js';
import { isDuplicateSr, requireColumns, srRef, TABLE_RULES, type Cell, type Grid, type TableContext } from './grid.js';
import { at, type LinkedTables, type LinkInput, type TableKind } from './kind.js';

export const TRT_LINK_RULES = {
  srDuplicate: 'sr-duplicate',
  trtUnknownSr: 'trt-unknown-sr',
  trtMissing: 'trt-missing',
  roleUnknown: 'role-unknown',
} as const;

export interface TrtColumn {
  /** A User Role name, or `Eligible User Roles`. */
  sender: string;
  smets: Smets;
  mode: Mode;
  header: string;
  headerSource: Source;
}

export interface TrtCell {
  column: TrtColumn;
  seconds: number | null;
  text: string;
  notes: string[];
  source: Source;
}

export interface TrtRow {
  sr: string;
  source: Source;
  cells: TrtCell[];
}

/** The rows, and the header names of every TRT table, to know which senders have columns. */
export type TrtFacts = { trtRows: TrtRow[]; trtColumns: TrtColumn[] };

function readColumns(grid: Grid, refAt: number, context: TableContext, facts: TrtFacts): Map<number, TrtColumn> {
  const columns = new Map<number, TrtColumn>();
  const headerKeys = new Set<string>();
  grid.headers.forEach((header, index) => {
    if (index === refAt) return;
    const parsed = parseTrtHeader(header.text);
    if (!parsed) {
      report(context.file, `Unexpected column \`${header.text}\` in a Target Response Time table, expected \`${TRT_HEADER_SYNTAX}\``, {
        ruleId: TABLE_RULES.unknownColumn,
        place: header.node.position,
        view: context.view,
        actual: header.text,
      });
      return;
    }
    if (headerKeys.has(header.text)) return; // reported for every kind by ../table-headers.ts
    headerKeys.add(header.text);
    const column: TrtColumn = { ...parsed, header: header.text, headerSource: header.source };
    columns.set(index, column);
    facts.trtColumns.push(column);
  });
  return columns;
}

function readCell(cell: Cell, column: TrtColumn, ref: string, context: TableContext): TrtCell | undefined {
  if (cell.broken) return undefined;
  const duration = parseDuration(cell.text);
  if (duration.ok) return { column, seconds: duration.seconds, text: cell.text, notes: cell.notes, source: cell.source };
  report(
    context.file,
    `Unexpected Target Response Time \`${cell.text}\` for SR ${ref}, ${column.header}: ${duration.reason}${duration.suggestion ? `; did you mean \`${duration.suggestion}\`?` : ''}`,
    {
      ruleId: TABLE_RULES.duration,
      place: cellPosition(cell.node),
      view: context.view,
      actual: cell.text,
      expected: duration.suggestion ? [duration.suggestion] : DURATION_VOCABULARY,
    },
  );
  return undefined;
}

function read(grid: Grid, context: TableContext, facts: TrtFacts): void {
  const refAt = requireColumns(grid, ['SR'], context, 'Target Response Time table')?.SR;
  if (refAt === undefined) return;
  const columns = readColumns(grid, refAt, context, facts);
  const seen = new Map<string, Cell>();
  for (const row of grid.rows) {
    const refCell = row[refAt];
    const ref = refCell && srRef(refCell, context);
    if (!refCell || ref === undefined || isDuplicateSr(ref, refCell, seen, context)) continue;
    const cells: TrtCell[] = [];
    for (const [index, column] of columns) {
      const cell = row[index];
      const read = cell && readCell(cell, column, ref, context);
      if (read) cells.push(read);
    }
    facts.trtRows.push({ sr: ref, source: refCell.source, cells });
  }
}

const sameColumn = (column: Omit<TrtColumn, 'header' | 'headerSource'>, sender: string, smets: Smets, mode: Mode): boolean =>
  column.sender === sender && column.smets === smets && column.mode === mode;

function reportUnknownSenders(input: LinkInput<TrtFacts>, userRoles: readonly UserRole[]): void {
  if (userRoles.length === 0) return;
  const names = new Set(userRoles.map((role) => role.name));
  for (const { name: document, facts } of input.documents) {
    for (const column of facts.trtColumns) {
      if (column.sender === ELIGIBLE_USER_ROLES || names.has(column.sender)) continue;
      input.report(
        document,
        `Unexpected sender \`${column.sender}\` in column \`${column.header}\`, expected \`${ELIGIBLE_USER_ROLES}\` or a defined User Role`,
        {
          ruleId: TRT_LINK_RULES.roleUnknown,
          place: at(column.headerSource),
          actual: column.sender,
          expected: [ELIGIBLE_USER_ROLES, ...userRoles.map((r) => r.name)],
        },
      );
    }
  }
}

/** The TRT entries of one row: every eligible role, generation and mode (a missing column reported). */
function rowEntries(row: TrtRow, facts: TrtFacts, eligibleRoles: readonly UserRole[], document: string, input: LinkInput<TrtFacts>): Trt[] {
  const ownColumns = new Set(facts.trtColumns.map((column) => column.sender));
  const out: Trt[] = [];
  for (const role of eligibleRoles) {
    const sender = ownColumns.has(role.name) ? role.name : ELIGIBLE_USER_ROLES;
    for (const smets of SMETS_GENERATIONS) {
      for (const mode of MODES) {
        const cell = row.cells.find((candidate) => sameColumn(candidate.column, sender, smets, mode));
        if (cell) {
          out.push({
            sr: row.sr,
            role: role.id,
            smets,
            mode,
            seconds: cell.seconds,
            text: cell.text,
            notes: cell.notes,
            source: cell.source,
          });
        } else if (!facts.trtColumns.some((column) => sameColumn(column, sender, smets, mode))) {
          input.report(
            document,
            `Missing Target Response Time for SR ${row.sr}, ${role.name}, SMETS${smets}, ${modeLabel(mode)}: expected a column \`${trtHeader({ sender, smets, mode })}\``,
            { ruleId: TRT_LINK_RULES.trtMissing, place: at(row.source) },
          );
        }
      }
    }
  }
  return out;
}

/** SR → the roles Appendix E makes eligible for it, in eligibility order (one pass, not one per row). */
function eligibleRolesBySr(eligibility: readonly Eligibility[], userRoles: readonly UserRole[]): Map<string, UserRole[]> {
  const roleById = new Map(userRoles.map((role) => [role.id, role]));
  const bySr = new Map<string, UserRole[]>();
  for (const entry of eligibility) {
    const role = entry.eligible ? roleById.get(entry.role) : undefined;
    if (!role) continue;
    const roles = bySr.get(entry.sr);
    if (roles) roles.push(role);
    else bySr.set(entry.sr, [role]);
  }
  return bySr;
}

function link(input: LinkInput<TrtFacts>, linked: Readonly<LinkedTables>): { trt: Trt[] } {
  const { userRoles, serviceRequests, eligibility } = linked;
  const trt: Trt[] = [];
  const rowFile = new Map<string, string>();
  const srRefs = new Set(serviceRequests.map((sr) => sr.ref));
  const eligibleRoles = eligibleRolesBySr(eligibility, userRoles);
  reportUnknownSenders(input, userRoles);
  for (const { name: document, facts } of input.documents) {
    for (const row of facts.trtRows) {
      const first = rowFile.get(row.sr);
      if (first) {
        input.report(document, `Unexpected second row of Target Response Times for SR ${row.sr}, expected one (first in ${first})`, {
          ruleId: TRT_LINK_RULES.srDuplicate,
          place: at(row.source),
        });
        continue;
      }
      rowFile.set(row.sr, document);
      if (!srRefs.has(row.sr)) {
        input.report(
          document,
          `Unexpected Target Response Times for SR ${row.sr}, which Appendix E does not list, expected only Service Requests defined in the services table${didYouMean(nearest(row.sr, srRefs))}`,
          { ruleId: TRT_LINK_RULES.trtUnknownSr, place: at(row.source), actual: row.sr, ...suggested(nearest(row.sr, srRefs)) },
        );
        continue;
      }
      trt.push(...rowEntries(row, facts, eligibleRoles.get(row.sr) ?? [], document, input));
    }
  }
  reportSrsWithoutRow(input, serviceRequests, rowFile);
  return { trt };
}

/** The SRs the text declares its TRT table covers, when a `trt-scope` rule says so. */
export function trtScope(rules: readonly ClauseRule[]): Set<string> | undefined {
  const scopes = rules.flatMap((rule) => (rule.kind === 'trt-scope' ? [rule.serviceRequests] : []));
  return scopes.length === 0 ? undefined : new Set(scopes.flat());
}

function reportSrsWithoutRow(
  input: LinkInput<TrtFacts>,
  serviceRequests: readonly ServiceRequest[],
  rowFile: ReadonlyMap<string, string>,
): void {
  if (rowFile.size === 0 && !input.documents.some(({ facts }) => facts.trtColumns.length > 0)) return;
  // A `trt-scope` rule (AB1.3) limits the rows demanded to the SRs the text says the table covers;
  // without one, every SR of Appendix E needs a row. Rows outside the scope: lint's trt-scope.
  const scope = trtScope(input.clauseRules);
  for (const sr of serviceRequests) {
    if (rowFile.has(sr.ref) || (scope && !scope.has(sr.ref))) continue;
    input.report(sr.source.file, `Missing Target Response Times for SR ${sr.ref}, expected a row for it in the Appendix AB table`, {
      ruleId: TRT_LINK_RULES.trtMissing,
      place: at(sr.source),
    });
  }
}

export const trtTable: TableKind<TrtFacts> = {
  name: 'Target Response Time table',
  recognises: (headers) => headers.includes('SR') && headers.some(looksLikeTrtHeader),
  read,
  empty: () => ({ trtRows: [], trtColumns: [] }),
  link,
};

/** `expected` for a quick fix, only when there is a suggestion. */
function suggested(near: readonly string[]): { expected?: string[] } {
  return near.length > 0 ? { expected: [...near] } : {};
}
