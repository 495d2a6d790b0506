/**
 * The shape of an authorisation decision and the state one decision is built in: every check
 * made is a reason (passed or failed) with its legal basis, so a "no" always says why and where.
 */
import type { ClauseRule, View } from '../../generated/types.js';
import type { PlacedRule } from '../shared/table-data.js';
import { modeLabel } from '../shared/vocabulary.js';
import type { InForce } from './dated.js';
import type { Basis } from './basis.js';
import type { Registry } from './registration.js';
import type { ServiceRequestInput } from './request.js';
import type { GatewayTables } from './tables.js';

export type CheckCode =
  | 'input'
  | 'user-role'
  | 'service-request'
  | 'eligibility'
  | 'dcc-scheduled'
  | 'availability'
  | 'acting-for-another-supplier'
  | 'registration'
  | 'device'
  | 'appointment-window'
  | 'future-dated-schedule'
  | 'schedule-first';

export interface Reason {
  code: CheckCode;
  /** False: this check rejects the request. */
  passed: boolean;
  message: string;
  basis: Basis;
  /** For an `input` reason: the JSON pointer of the bad field in authorise()'s arguments, e.g. `/request/target/smets`. */
  field?: string;
}

/** Accepted, but not compliant: for the DCC's monitoring (e.g. On-Demand MHHS use, H3.13A). */
export interface Finding {
  code: 'schedule-first';
  message: string;
  basis: Basis;
}

export interface Decision {
  accepted: boolean;
  view: View;
  /** When decided by date: the release and modifications in force on the execution date (the legal basis of the version). */
  inForce?: { date: string; from: string | null; release: { id: string; title: string } | null; modifications: readonly string[] };
  /** The Target Response Time in seconds, when accepted. */
  trtSeconds?: number;
  /** The TRT cell as written (e.g. `24 hrs`) and its notes, when accepted. */
  trt?: { seconds: number; text: string; notes: readonly string[]; basis: Basis };
  /** Every check made, passed or failed, in order, each with its legal basis. */
  reasons: Reason[];
  /** Non-compliance that does not reject the request. */
  findings: Finding[];
}

/** One decision in the making: the request, what it is decided from, and the reasons so far. */
export interface DecisionContext {
  request: ServiceRequestInput;
  registry: Registry;
  view: View;
  tables: GatewayTables;
  /** The calendar day of execution, YYYY-MM-DD. */
  executionDate: string;
  /** Set when the decision is by date: the SEC in force on the execution date. */
  dated?: InForce;
  reasons: Reason[];
  findings: Finding[];
}

export function pass(context: DecisionContext, code: CheckCode, message: string, basis: Basis): void {
  context.reasons.push({ code, passed: true, message, basis });
}

export function fail(context: DecisionContext, code: CheckCode, message: string, basis: Basis): void {
  context.reasons.push({ code, passed: false, message, basis });
}

/** The literate rules of one kind in the decision's view. */
export function rulesOf<Rule extends ClauseRule>(context: DecisionContext, kind: Rule['kind']): Array<PlacedRule<Rule>> {
  return context.tables.clauseRules[context.view].filter((rule): rule is PlacedRule<Rule> => rule.kind === kind);
}

export function otherView(view: View): View {
  return view === 'baseline' ? 'modified' : 'baseline';
}

/** A User Role's name as Section H1.1 gives it (in either view), else its identifier. */
export function nameOfRole(context: DecisionContext, id: string): string {
  const { tables, view } = context;
  return (
    (tables.userRoles[view].find((role) => role.id === id) ?? tables.userRoles[otherView(view)].find((role) => role.id === id))?.name ?? id
  );
}

/** The TRT cell the request falls in, e.g. `SR 8.2 / Import Supplier / SMETS1 / On-Demand`. */
export function trtCellName(context: DecisionContext): string {
  const { request } = context;
  return `SR ${request.sr} / ${nameOfRole(context, request.sender.role)} / SMETS${request.target.smets} / ${modeLabel(request.mode)}`;
}

export function describeCombination(context: DecisionContext): string {
  const { request } = context;
  return `SR ${request.sr} from ${nameOfRole(context, request.sender.role)} to a SMETS${request.target.smets} Device ${modeLabel(request.mode)}`;
}
