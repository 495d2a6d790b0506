/** Appendix E (eligibility, the DCC Scheduled flag) and Appendix AB (the TRT; N/A: not available). */
import type { ServiceRequestEntry, TrtCell } from '../../../generated/index.js';
import type { ClauseRule } from '../../../generated/types.js';
import { address } from '../../shared/address.js';
import { cellBasis, ruleBasis } from '../basis.js';
import { describeCombination, fail, nameOfRole, pass, rulesOf, trtCellName, type DecisionContext } from '../decision.js';

/** The TRT cell that applies when the sender is eligible and the combination exists (N/A included). */
export function checkEligibilityAndAvailability(context: DecisionContext): TrtCell | undefined {
  const { request, view, tables } = context;
  // checkDefined has passed, so the SR is listed.
  const srEntry = tables.serviceRequests[view].find((entry) => entry.ref === request.sr);
  if (!srEntry || !checkEligible(context, srEntry)) return undefined;
  if (request.mode === 'scheduled') checkDccScheduled(context, srEntry);
  return checkAvailable(context, srEntry);
}

function checkEligible(context: DecisionContext, srEntry: ServiceRequestEntry): boolean {
  const { request, view, tables } = context;
  const roleName = nameOfRole(context, request.sender.role);
  const cell = tables.eligibility[view][request.sr as never]?.[request.sender.role as never] as
    { eligible: boolean; address: string; place: string; clause: string | null } | undefined;
  if (!cell) {
    fail(
      context,
      'eligibility',
      `Unexpected SR ${request.sr} from ${roleName}: Appendix E has no eligibility cell for it, expected one`,
      cellBasis(srEntry, `SR ${request.sr}`, address('service-request', request.sr)),
    );
    return false;
  }
  const eligibilityCell = `SR ${request.sr} / ${roleName}`;
  const at = address('eligibility', request.sr, request.sender.role);
  if (!cell.eligible) {
    fail(
      context,
      'eligibility',
      `Unexpected SR ${request.sr} from ${roleName}, expected a User Role that Appendix E makes eligible to send it`,
      cellBasis(cell, eligibilityCell, at),
    );
    return false;
  }
  pass(context, 'eligibility', `${roleName} is eligible to send SR ${request.sr} (Appendix E)`, cellBasis(cell, eligibilityCell, at));
  return true;
}

function checkDccScheduled(context: DecisionContext, srEntry: ServiceRequestEntry): void {
  const { request } = context;
  const flag = `SR ${request.sr} / DCC Scheduled`;
  const at = address('service-request', request.sr);
  if (srEntry.dccScheduled)
    pass(context, 'dcc-scheduled', `SR ${request.sr} may be DCC Scheduled (Appendix E)`, cellBasis(srEntry, flag, at));
  else
    fail(
      context,
      'dcc-scheduled',
      `Unexpected DCC Scheduled SR ${request.sr}, expected On-Demand: Appendix E does not make it DCC Scheduled`,
      cellBasis(srEntry, flag, at),
    );
}

function checkAvailable(context: DecisionContext, srEntry: ServiceRequestEntry): TrtCell | undefined {
  const { request, view, tables } = context;
  // AB1.3: an SR outside the TRT table's declared scope has no Target Response Time in the corpus,
  // and the absence of a row does not make it unavailable.
  const [scope] = rulesOf<Extract<ClauseRule, { kind: 'trt-scope' }>>(context, 'trt-scope');
  if (scope && !scope.serviceRequests.includes(request.sr)) {
    const reason = `SR ${request.sr} has no Target Response Time in this text (outside the scope of clause ${scope.clause})`;
    pass(context, 'availability', reason, ruleBasis(scope));
    return undefined;
  }
  const trt = tables.trt[view][request.sr as never]?.[request.sender.role as never]?.[request.target.smets]?.[request.mode] as
    TrtCell | undefined;
  if (!trt) {
    fail(
      context,
      'availability',
      `Unexpected ${describeCombination(context)}: Appendix AB gives no Target Response Time for it, expected a cell`,
      cellBasis(srEntry, `SR ${request.sr}`, address('service-request', request.sr)),
    );
    return undefined;
  }
  if (trt.seconds === null) {
    // AB1.2(d): N/A means the SR is not available for that sender, Device type and request type.
    fail(
      context,
      'availability',
      `Unexpected ${describeCombination(context)}: its Target Response Time is N/A (not available), expected an available combination`,
      cellBasis(trt, trtCellName(context), trtAddress(context)),
    );
    return trt;
  }
  pass(
    context,
    'availability',
    `Target Response Time for ${describeCombination(context)}: ${trt.text}`,
    cellBasis(trt, trtCellName(context), trtAddress(context)),
  );
  return trt;
}

/** `trt/4.8.1/mdr/smets2/scheduled`: the stable address of the request's TRT cell. */
export function trtAddress(context: DecisionContext): string {
  const { request } = context;
  return address('trt', request.sr, request.sender.role, `smets${request.target.smets}`, request.mode);
}
