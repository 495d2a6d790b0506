/**
 * The conformance harness: every combination the legal text defines (SR x User Role x SMETS
 * generation x mode, per view), and a check of a gateway team's own configuration table
 * against it. Each disagreement names the table cell or clause that governs it.
 *
 * A configuration row is `sr,user_role,smets,mode,trt_seconds,eligible` (the header of
 * `secc export trt` plus `eligible`): `eligible` is Appendix E's answer for the SR and the role;
 * `trt_seconds` is Appendix AB's cell, empty (CSV) or null (JSON) for N/A. Rows for roles that
 * are not eligible may be left out (not listed means not eligible: the gateway rejects by
 * default); a row that is given must be right.
 */
import type { View } from '../../generated/types.js';
import { cellBasis, clauseBasis, type Basis } from './basis.js';
import { axes, combinationKey, combinations, firstTrtCell, label, roleName, type Combination } from './combinations.js';
import type { ConfigurationRow } from './configuration.js';
import { inScope, type DeclaredScope } from './scope.js';
import { GENERATED_TABLES, type GatewayTables } from './tables.js';

export { combinations, type Combination } from './combinations.js';
export {
  CONFIGURATION_HEADER,
  ConfigurationError,
  configurationFormat,
  parseConfiguration,
  readConfiguration,
  type Configuration,
  type ConfigurationFormat,
  type ConfigurationProblem,
  type ConfigurationRow,
} from './configuration.js';
export { configurationFromAuthorise, referenceConfiguration } from './reference-configuration.js';
export { combineScopes, parseSrList, scopeProblems, type DeclaredScope } from './scope.js';

export type DisagreementKind = 'missing' | 'extra' | 'out-of-scope' | 'wrong-trt' | 'wrong-eligibility';

export interface Disagreement {
  kind: DisagreementKind;
  view: View;
  sr: string;
  role: string;
  smets: number;
  mode: string;
  /** The row's line in the configuration file (not for a missing combination). */
  line?: number;
  /** What the configuration says (`16`, `false`, `(no row)`). */
  actual: string;
  /** What the legal text says. */
  expected: string;
  /** One sentence, "Unexpected X, expected Y", ending with the governing cell or clause. */
  message: string;
  /** The cell or clause that governs the combination. */
  basis: Basis;
}

export interface ConformanceResult {
  view: View;
  /** Combinations the legal text defines for the view (within the scope, when one is declared). */
  combinations: number;
  /** Of which available to an eligible role (a TRT that is not N/A). */
  available: number;
  rows: number;
  disagreements: Disagreement[];
}

/**
 * Checks configuration rows against the legal text: every disagreement, in row order, missing
 * last. With a declared scope (SRs the gateway claims), only those SRs' combinations are
 * expected, and a row of another SR is out of scope.
 */
export function checkConformance(
  rows: readonly ConfigurationRow[],
  view: View,
  tables: GatewayTables = GENERATED_TABLES,
  scope?: DeclaredScope,
): ConformanceResult {
  const all = combinations(view, tables).filter((combination) => inScope(scope, combination.sr));
  const byKey = new Map(all.map((combination) => [keyOf(combination), combination]));
  const seen = new Set(rows.map((row) => combinationKey(row.sr, row.user_role, row.smets, row.mode)));
  const disagreements: Disagreement[] = [];
  for (const row of rows) {
    const expected = byKey.get(combinationKey(row.sr, row.user_role, row.smets, row.mode));
    const found = !inScope(scope, row.sr)
      ? outOfScope(row, view, tables, scope)
      : expected
        ? rowDisagreement(row, expected, view)
        : extraRow(row, view, tables);
    if (found) disagreements.push(found);
  }
  // Not listed means not eligible: only combinations available to an eligible role, or
  // eligible but N/A, must be listed (the gateway must know the role may send the SR).
  for (const combination of all) if (combination.eligible && !seen.has(keyOf(combination))) disagreements.push(missingRow(combination));
  return {
    view,
    combinations: all.length,
    available: all.filter((combination) => combination.trtSeconds !== null).length,
    rows: rows.length,
    disagreements,
  };
}

function keyOf(combination: Combination): string {
  return combinationKey(combination.sr, combination.role, combination.smets, combination.mode);
}

type RowPlace = Pick<Disagreement, 'view' | 'sr' | 'role' | 'smets' | 'mode' | 'line'>;

function placeOf(row: ConfigurationRow, view: View): RowPlace {
  return { view, sr: row.sr, role: row.user_role, smets: row.smets, mode: row.mode, ...(row.line === undefined ? {} : { line: row.line }) };
}

/** A row of an SR the configuration's declared scope leaves out. */
function outOfScope(row: ConfigurationRow, view: View, tables: GatewayTables, scope: DeclaredScope | undefined): Disagreement {
  const declared = scope?.srs.join(', ') ?? '';
  const entry = tables.serviceRequests[view].find((sr) => sr.ref === row.sr);
  const basis = entry ? cellBasis(entry, `SR ${row.sr}`) : clauseBasis('E2.1');
  return {
    ...placeOf(row, view),
    kind: 'out-of-scope',
    actual: 'a row',
    expected: '(no row)',
    message: `Unexpected row for ${label(row.sr, roleName(tables, view, row.user_role), row.smets, row.mode)}, expected only the SRs of the declared scope (${declared}): declare SR ${row.sr} too, or leave the row out`,
    basis,
  };
}

/** A row for a combination the text does not define. */
function extraRow(row: ConfigurationRow, view: View, tables: GatewayTables): Disagreement {
  const { basis, why } = extraBasis(row, view, tables);
  return {
    ...placeOf(row, view),
    kind: 'extra',
    actual: 'a row',
    expected: '(no row)',
    message: `Unexpected row for ${label(row.sr, roleName(tables, view, row.user_role), row.smets, row.mode)}, expected only combinations the legal text defines: ${why} (${cite(basis)})`,
    basis,
  };
}

/** A row for a combination the text defines: wrong eligibility first, else a wrong TRT. */
function rowDisagreement(row: ConfigurationRow, expected: Combination, view: View): Disagreement | undefined {
  const name = label(expected.sr, expected.roleName, expected.smets, expected.mode);
  if (row.eligible !== expected.eligible) {
    return {
      ...placeOf(row, view),
      kind: 'wrong-eligibility',
      actual: String(row.eligible),
      expected: String(expected.eligible),
      message: `Unexpected eligible ${row.eligible} for ${name}, expected ${expected.eligible}: Appendix E makes ${expected.roleName} ${expected.eligible ? '' : 'not '}eligible for SR ${expected.sr} (${cite(expected.eligibilityBasis)})`,
      basis: expected.eligibilityBasis,
    };
  }
  if (row.trt_seconds === expected.trtSeconds) return undefined;
  const basis = expected.trtBasis ?? expected.eligibilityBasis;
  return {
    ...placeOf(row, view),
    kind: 'wrong-trt',
    actual: seconds(row.trt_seconds),
    expected: seconds(expected.trtSeconds),
    message: `Unexpected trt_seconds ${seconds(row.trt_seconds)} for ${name}, expected ${seconds(expected.trtSeconds)}${trtNote(expected)} (${cite(basis)})`,
    basis,
  };
}

function missingRow(combination: Combination): Disagreement {
  const basis = combination.trtBasis ?? combination.eligibilityBasis;
  return {
    view: combination.view,
    sr: combination.sr,
    role: combination.role,
    smets: combination.smets,
    mode: combination.mode,
    kind: 'missing',
    actual: '(no row)',
    expected: `eligible true, trt_seconds ${seconds(combination.trtSeconds)}`,
    message: `Missing row for ${label(combination.sr, combination.roleName, combination.smets, combination.mode)}, expected eligible true and trt_seconds ${seconds(combination.trtSeconds)}${trtNote(combination)} (${cite(basis)})`,
    basis,
  };
}

function extraBasis(row: ConfigurationRow, view: View, tables: GatewayTables): { basis: Basis; why: string } {
  const services = tables.serviceRequests[view];
  const roles = tables.userRoles[view];
  const otherView: View = view === 'baseline' ? 'modified' : 'baseline';
  if (!services.some((sr) => sr.ref === row.sr)) {
    const elsewhere = tables.serviceRequests[otherView].find((sr) => sr.ref === row.sr);
    if (elsewhere)
      return { basis: cellBasis(elsewhere, `SR ${row.sr}`), why: `SR ${row.sr} is only in the ${otherView} view of Appendix E` };
    return { basis: firstBasis(services, 'Service Requests table', 'E2.1'), why: `SR ${row.sr} is not in Appendix E` };
  }
  if (!roles.some((role) => role.id === row.user_role)) {
    const elsewhere = tables.userRoles[otherView].find((role) => role.id === row.user_role);
    if (elsewhere)
      return {
        basis: cellBasis(elsewhere, elsewhere.name),
        why: `the User Role ${elsewhere.name} is only in the ${otherView} view of Section H1.1`,
      };
    return { basis: firstBasis(roles, 'User Roles table', 'H1.1'), why: `\`${row.user_role}\` is not a User Role of Section H1.1` };
  }
  const anyCell = firstTrtCell(view, tables);
  const { smets, modes } = axes(view, tables);
  const what = !smets.includes(row.smets)
    ? `SMETS${row.smets} is not a generation of the Appendix AB table (${smets.map((s) => `SMETS${s}`).join(', ')})`
    : `\`${row.mode}\` is not a request type of the Appendix AB table (${modes.join(', ')})`;
  return {
    basis: anyCell ? cellBasis(anyCell, 'Target Response Time table') : firstBasis(services, 'Service Requests table', 'E2.1'),
    why: what,
  };
}

/** The first entry of a table as the basis, or the clause when the table is empty. */
function firstBasis(
  entries: ReadonlyArray<{ address: string; place: string; clause: string | null }>,
  table: string,
  clause: string,
): Basis {
  const [first] = entries;
  return first ? cellBasis(first, table) : clauseBasis(clause);
}

function seconds(value: number | null): string {
  return value === null ? 'empty (N/A)' : String(value);
}

/** ` (24 hrs)` for a duration as written; nothing for N/A (already said), ` (not eligible)` without a cell. */
function trtNote(combination: Combination): string {
  if (!combination.eligible) return ' (not eligible)';
  return combination.trtText && combination.trtSeconds !== null ? ` (${combination.trtText})` : '';
}

function cite(basis: Basis): string {
  return `${basis.place}${basis.clause ? `, ${basis.clause}` : ''}`;
}
