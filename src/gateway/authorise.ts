/**
 * The authorisation decision for one incoming Service Request: may this sender send it, and
 * which Target Response Time applies? Every value comes from the compiled legal text (the
 * gateway tables: Appendix E eligibility and flags, Appendix AB TRTs, the literate rules under
 * Sections H1.2B, H3.13A, H4.2 and H4.2A); nothing is typed here twice. Every check the
 * decision rests on is returned as a reason with its legal basis (file, position, clause).
 *
 * Pure: no clock (dates are passed in), no I/O; ajv is loaded the first time Registration Data is validated.
 */
import type { View } from '../../generated/types.js';
import type { TrtCell } from '../../generated/index.js';
import { cellBasis, NO_BASIS } from './basis.js';
import { checkAccessControl } from './checks/access-control.js';
import { checkActingForAnotherSupplier } from './checks/acting-for-another-supplier.js';
import { checkDefined } from './checks/defined.js';
import { checkEligibilityAndAvailability, trtAddress } from './checks/eligibility.js';
import { checkScheduleFirst } from './checks/schedule-first.js';
import { trtCellName, type Decision, type DecisionContext, type Reason } from './decision.js';
import { loadRegistrationData, RegistrationDataError, Registry, type InputIssue } from './registration.js';
import { readRequest } from './request.js';
import { GENERATED_TABLES, type GatewayTables } from './tables.js';
import { inForceOn } from './dated.js';

export { cellBasis, ruleBasis, type Basis } from './basis.js';
export { CREATE_SCHEDULE_SR } from './checks/appointment.js';
export type { CheckCode, Decision, Finding, Reason } from './decision.js';
export type { DeviceType, Purpose, ServiceRequestInput } from './request.js';

export interface AuthoriseOptions {
  /**
   * Omitted (the default): the SEC in force on the request's execution date decides. For tools:
   * `modified`, every pending modification; `baseline`, none of them.
   */
  view?: View;
  /** The tables to decide from; by default the generated ones (generated/). */
  tables?: GatewayTables;
}

/**
 * Decides one Service Request. The request and the Registration Data may be anything off the
 * wire (`unknown`): what does not fit is a rejection whose reasons (code `input`) name each bad
 * field, never a throw; a legal "no" is a rejection with the failed checks and their legal basis.
 * Registration Data given as parsed JSON is validated (ajv, loaded on first use) once per object;
 * a `Registry` from loadRegistrationData is used as it is. The checks run in the order of the
 * text: role and SR exist, eligibility and availability (E, AB), H1.2B, H4.2/H4.2A, H3.13A.
 */
export async function authorise(request: unknown, registrationData: unknown, options: AuthoriseOptions = {}): Promise<Decision> {
  return decideOne(request, await registryOf(registrationData), options);
}

/**
 * authorise() for Registration Data already loaded (`await loadRegistrationData(json)`), without
 * waiting: for a gateway deciding many requests against one Registry. Anything else in place of
 * the Registry is an `input` rejection.
 */
export function authoriseLoaded(request: unknown, registry: Registry, options: AuthoriseOptions = {}): Decision {
  const loaded: Registry | InputIssue[] =
    registry instanceof Registry
      ? registry
      : [{ field: '', message: 'must be a Registry from loadRegistrationData() (authorise() takes Registration Data as parsed JSON)' }];
  return decideOne(request, loaded, options);
}

function decideOne(request: unknown, registry: Registry | InputIssue[], options: AuthoriseOptions): Decision {
  const read = readRequest(request);
  const version = versionOf(options, read.ok ? read.executionDate : undefined);
  const issues = [
    ...(read.ok ? [] : inputReasons('/request', read.issues)),
    ...('issues' in version ? inputReasons('/options', version.issues) : []),
    ...(registry instanceof Array ? inputReasons('/registrationData', registry) : []),
  ];
  if (!read.ok || 'issues' in version || registry instanceof Array) {
    const view = 'issues' in version ? (options.view === 'baseline' ? 'baseline' : 'modified') : version.view;
    return { accepted: false, view, reasons: issues, findings: [] };
  }
  const context: DecisionContext = {
    ...version,
    request: read.request,
    registry,
    executionDate: read.executionDate,
    reasons: [],
    findings: [],
  };
  if (!checkDefined(context)) return decide(context);
  const trt = checkEligibilityAndAvailability(context);
  checkActingForAnotherSupplier(context);
  checkAccessControl(context);
  checkScheduleFirst(context);
  return decide(context, trt);
}

/** The Registration Data as a Registry, or its problems. */
async function registryOf(value: unknown): Promise<Registry | InputIssue[]> {
  try {
    return await loadRegistrationData(value);
  } catch (error) {
    if (error instanceof RegistrationDataError) return [...error.issues];
    throw error;
  }
}

/** One failed `input` reason per problem, its field a JSON pointer into the arguments (`/request/target/smets`). */
function inputReasons(argument: string, issues: readonly InputIssue[]): Reason[] {
  return issues.map((issue) => ({
    code: 'input',
    passed: false,
    field: `${argument}${issue.field}`,
    message: `Unexpected ${argument.slice(1)}${issue.field}: ${issue.message}`,
    basis: NO_BASIS,
  }));
}

type Version = Pick<DecisionContext, 'view' | 'tables' | 'dated'>;

/** The tables and view to decide from: by the execution date unless a view is asked for. */
function versionOf(options: AuthoriseOptions, executionDate: string | undefined): Version | { issues: InputIssue[] } {
  const { view } = options;
  if (view === undefined) {
    if (options.tables)
      return {
        issues: [
          { field: '/view', message: 'is required with tables of your own (the dates of the generated tables do not apply to them)' },
        ],
      };
    // A request without a readable date is rejected for it; the text in force today is not guessed.
    const dated = inForceOn(executionDate ?? '0000-01-01');
    return { view: dated.view, tables: dated.tables, dated };
  }
  if (view !== 'baseline' && view !== 'modified')
    return { issues: [{ field: '/view', message: `must be "baseline" or "modified", got ${JSON.stringify(view)}` }] };
  return { view, tables: options.tables ?? GENERATED_TABLES };
}

/** Accepted when every check passed; the TRT is given only then. */
function decide(context: DecisionContext, trt?: TrtCell): Decision {
  const accepted = context.reasons.length > 0 && context.reasons.every((reason) => reason.passed);
  const decision: Decision = { accepted, view: context.view, reasons: context.reasons, findings: context.findings };
  if (context.dated) {
    const { date, interval } = context.dated;
    decision.inForce = { date, from: interval.from, release: interval.release, modifications: interval.modifications };
  }
  if (accepted && trt && trt.seconds !== null) {
    decision.trtSeconds = trt.seconds;
    decision.trt = {
      seconds: trt.seconds,
      text: trt.text,
      notes: trt.notes,
      basis: cellBasis(trt, trtCellName(context), trtAddress(context)),
    };
  }
  return decision;
}
