/**
 * Section H4.2A: an MDR may send only within its appointment for the MPAN (H4.2A(a)), or, before
 * the appointment starts, create a schedule that does not start before it (H4.2A(b)).
 */
import type { PlacedRule } from '../../shared/table-data.js';
import type { RegistrationAccessControlRule } from '../../../generated/types.js';
import { ruleBasis } from '../basis.js';
import { fail, pass, type DecisionContext } from '../decision.js';

/**
 * The SR by which a schedule is created (Section H3.13 and H4.2A(b): "SR 5.1 (Create
 * Schedule)"). The rule block of H4.2A does not carry it; test/gateway pins it against the
 * Appendix E row, so a renumbering fails a test instead of silently disabling H4.2A(b).
 */
export const CREATE_SCHEDULE_SR = '5.1';

interface Appointment {
  mdr: string;
  effectiveFrom: string;
  effectiveTo?: string;
}

type Window = NonNullable<RegistrationAccessControlRule['appointmentWindow']>;

export function checkMdrAppointment(
  context: DecisionContext,
  rule: PlacedRule<RegistrationAccessControlRule>,
  appointments: readonly Appointment[],
): void {
  const { request } = context;
  const { party } = request.sender;
  const { mpan } = request.target;
  const basis = ruleBasis(rule);
  const own = appointments.filter((appointment) => appointment.mdr === party);
  if (own.length === 0) {
    const named = [...new Set(appointments.map((appointment) => appointment.mdr))].join(', ') || 'none';
    fail(
      context,
      'registration',
      `Unexpected MDR ${party} for MPAN ${mpan}, expected the MDR the Registration Data appoints for it (${named}) (Section ${rule.clause})`,
      basis,
    );
    return;
  }
  pass(context, 'registration', `The Registration Data appoints ${party} as MDR for MPAN ${mpan} (Section ${rule.clause})`, basis);
  if (rule.appointmentWindow) checkWindow(context, rule, rule.appointmentWindow, own);
}

// Section H4.2A(a): "from the start of the Effective From Date to the end of the Effective To
// Date of that appointment (both dates inclusive)". Dates are whole calendar days, so the first
// and the last day of the appointment are both inside it and the day after is not. The bounds
// are read from the rule block (fromInclusive/toInclusive), which records exactly that reading
// of the clause, so a redline that changes the clause and its rule changes this.
function afterStart(window: Window, day: string, from: string): boolean {
  return window.fromInclusive ? day >= from : day > from;
}

function beforeEnd(window: Window, day: string, to: string | undefined): boolean {
  return to === undefined || (window.toInclusive ? day <= to : day < to);
}

function describeWindow(window: Window, appointment: Appointment): string {
  return `${appointment.effectiveFrom} to ${appointment.effectiveTo ?? '(no Effective To Date)'} (${bounds(window)})`;
}

function bounds(window: Window): string {
  if (window.fromInclusive && window.toInclusive) return 'both dates inclusive';
  return `Effective From ${window.fromInclusive ? 'inclusive' : 'exclusive'}, Effective To ${window.toInclusive ? 'inclusive' : 'exclusive'}`;
}

function checkWindow(
  context: DecisionContext,
  rule: PlacedRule<RegistrationAccessControlRule>,
  window: Window,
  own: readonly Appointment[],
): void {
  const { request, executionDate } = context;
  const { party } = request.sender;
  const { mpan } = request.target;
  const basis = ruleBasis(rule);
  const current = own.find(
    (appointment) =>
      afterStart(window, executionDate, appointment.effectiveFrom) && beforeEnd(window, executionDate, appointment.effectiveTo),
  );
  if (current) {
    pass(
      context,
      'appointment-window',
      `${executionDate} is within the appointment of ${party} for MPAN ${mpan}: ${describeWindow(window, current)} (Section ${rule.clause})`,
      basis,
    );
    return;
  }
  const pending = own.filter((appointment) => !afterStart(window, executionDate, appointment.effectiveFrom));
  if (request.sr === CREATE_SCHEDULE_SR && rule.futureDatedSchedules?.mayBeCreatedBeforeEffectiveFrom && pending.length > 0) {
    checkFutureDatedSchedule(context, rule, pending);
    return;
  }
  fail(
    context,
    'appointment-window',
    `Unexpected execution date ${executionDate} for MDR ${party} on MPAN ${mpan}, expected a date within its appointment ${own.map((appointment) => describeWindow(window, appointment)).join(' or ')} (Section ${rule.clause})`,
    basis,
  );
}

// Section H4.2A(b): before the Effective From Date, SR 5.1 may create a schedule that does not
// start before that date. The execution date is then before the appointment; the schedule's own
// start date is what must fall on or after the Effective From Date.
function checkFutureDatedSchedule(
  context: DecisionContext,
  rule: PlacedRule<RegistrationAccessControlRule>,
  pending: readonly Appointment[],
): void {
  const { request, executionDate } = context;
  const basis = ruleBasis(rule);
  const firstFrom = pending[0]?.effectiveFrom ?? '';
  const start = request.scheduleStartDate;
  if (start === undefined) {
    fail(
      context,
      'future-dated-schedule',
      `Unexpected SR ${CREATE_SCHEDULE_SR} before the Effective From Date ${firstFrom} without a schedule start date, expected the date the schedule starts (Section ${rule.clause}(b))`,
      basis,
    );
    return;
  }
  const mustNotStartBefore = rule.futureDatedSchedules?.mustNotStartBeforeEffectiveFrom;
  const fits = pending.find((appointment) => !mustNotStartBefore || start >= appointment.effectiveFrom);
  if (fits) {
    pass(
      context,
      'future-dated-schedule',
      `A schedule created on ${executionDate}, before the Effective From Date ${fits.effectiveFrom}, and starting on ${start} is allowed (Section ${rule.clause}(b))`,
      basis,
    );
  } else {
    fail(
      context,
      'future-dated-schedule',
      `Unexpected schedule start ${start}, before the Effective From Date ${firstFrom} of the appointment of ${request.sender.party}, expected ${firstFrom} or later (Section ${rule.clause}(b))`,
      basis,
    );
  }
}
