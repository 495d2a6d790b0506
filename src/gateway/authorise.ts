/**
 * The authorisation decision for one incoming Service Request: may this sender send it, and
 * which Target Response Time applies? Every value comes from the compiled legal text (the
 * gateway tables: Appendix E eligibility and flags, Appendix AB TRTs, the literate rules under
 * Sections H1.2B, H3.13A, H4.2 and H4.2A); nothing is typed here twice. Every check the
 * decision rests on is returned as a reason with its legal basis (file, position, clause).
 *
 * Pure: no clock (dates are passed in), no I/O besides loading the Registration Data schema once.
 */
import type { View } from '../../generated/types.js';
import type { TrtCell } from '../../generated/index.js';
import { cellBasis } from './basis.js';
import { checkAccessControl } from './checks/access-control.js';
import { checkActingForAnotherSupplier } from './checks/acting-for-another-supplier.js';
import { checkDefined } from './checks/defined.js';
import { checkEligibilityAndAvailability } from './checks/eligibility.js';
import { checkScheduleFirst } from './checks/schedule-first.js';
import { trtCellName, type Decision, type DecisionContext } from './decision.js';
import { GatewayInputError, loadRegistrationData, type RegistrationData, type Registry } from './registration.js';
import { checkRequest, type ServiceRequestInput } from './request.js';
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
 * Decides one Service Request. Throws GatewayInputError (with the field) for a malformed
 * request or RegistrationDataError for bad Registration Data; never for a legal "no", which is
 * a decision with `accepted: false` and the failed reasons. The checks run in the order of the
 * text: role and SR exist, eligibility and availability (E, AB), H1.2B, H4.2/H4.2A, H3.13A.
 */
export function authorise(
  request: ServiceRequestInput,
  registrationData: RegistrationData | Registry,
  options: AuthoriseOptions = {},
): Decision {
  const executionDate = checkRequest(request);
  const registry = loadRegistrationData(registrationData);
  const context: DecisionContext = { ...versionOf(options, executionDate), request, registry, executionDate, reasons: [], findings: [] };

  if (!checkDefined(context)) return decide(context);
  const trt = checkEligibilityAndAvailability(context);
  checkActingForAnotherSupplier(context);
  checkAccessControl(context);
  checkScheduleFirst(context);
  return decide(context, trt);
}

/** The tables and view to decide from: by the execution date unless a view is asked for. */
function versionOf(options: AuthoriseOptions, executionDate: string): Pick<DecisionContext, 'view' | 'tables' | 'dated'> {
  const { view } = options;
  if (view === undefined) {
    if (options.tables)
      throw new GatewayInputError('Authorisation options', [
        { field: '/view', message: 'is required with tables of your own (the dates of the generated tables do not apply to them)' },
      ]);
    const dated = inForceOn(executionDate);
    return { view: dated.view, tables: dated.tables, dated };
  }
  if (view !== 'baseline' && view !== 'modified')
    throw new GatewayInputError('Authorisation options', [
      { field: '/view', message: `must be "baseline" or "modified", got ${JSON.stringify(view)}` },
    ]);
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
    decision.trt = { seconds: trt.seconds, text: trt.text, notes: trt.notes, basis: cellBasis(trt, trtCellName(context)) };
  }
  return decision;
}
