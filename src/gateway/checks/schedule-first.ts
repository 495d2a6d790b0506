/** Section H3.13A: MHHS data first by a DCC Scheduled request; On-Demand only to retry a failed one. */
import type { ScheduleFirstRule } from '../../../generated/types.js';
import { ruleBasis } from '../basis.js';
import { pass, rulesOf, type DecisionContext } from '../decision.js';

/** Not a reason to reject: an On-Demand first attempt is a finding for the DCC's monitoring. */
export function checkScheduleFirst(context: DecisionContext): void {
  const { request } = context;
  for (const rule of rulesOf<ScheduleFirstRule>(context, 'schedule-first')) {
    if (request.purpose !== rule.purpose) continue;
    if (rule.roles !== 'all' && !rule.roles.includes(request.sender.role)) continue;
    const sr = `SR ${request.sr}`;
    if (request.mode === rule.firstAttempt) {
      pass(context, 'schedule-first', `${sr} for MHHS settlement is DCC Scheduled (Section ${rule.clause})`, ruleBasis(rule));
    } else if (rule.onDemandOnlyAsRetry && request.isRetryOfFailedScheduled) {
      pass(
        context,
        'schedule-first',
        `${sr} On-Demand for MHHS settlement retries a failed DCC Scheduled request (Section ${rule.clause})`,
        ruleBasis(rule),
      );
    } else {
      context.findings.push({
        code: 'schedule-first',
        message: `Unexpected On-Demand ${sr} for MHHS settlement that does not retry a failed DCC Scheduled request, expected a DCC Scheduled request first (Section ${rule.clause}); not compliant, counted by the DCC's monitoring`,
        basis: ruleBasis(rule),
      });
    }
  }
}
