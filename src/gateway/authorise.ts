/**
 * The authorisation decision for one incoming Service Request: may this sender send it, and
 * which Target Response Time applies? Every value comes from the compiled legal text (the
 * gateway tables: Appendix E eligibility and flags, Appendix AB TRTs, the literate rules under
 * Sections H1.2B, H3.13A, H4.2 and H4.2A); nothing is typed here twice. Every check the
 * decision rests on is returned as a reason with its legal basis (file, position, clause).
 *
 * Pure: no clock (dates are passed in), no I/O besides loading the Registration Data schema once.
 */
import type {
  ClauseRule,
  RegistrationAccessControlRule,
  RoleRequiredRule,
  ScheduleFirstRule,
  Source,
  View,
} from '../../generated/types.js';
import type { Mode, Smets, TrtCell } from '../../generated/index.js';
import { modeLabel } from '../shared/vocabulary.js';
import {
  GatewayInputError,
  isCalendarDate,
  loadRegistrationData,
  type InputIssue,
  type RegistrationData,
  type Registry,
} from './registration.js';
import { GENERATED_TABLES, type GatewayTables } from './tables.js';

export type DeviceType = 'ESME' | 'GSME';
export type Purpose = 'mhhs-settlement' | 'other';

export interface ServiceRequestInput {
  sender: {
    /** The User Role the request is sent in (Section H1.1 identifier, e.g. `mdr`). */
    role: string;
    /** The sending Party's identifier, as the Registration Data names Parties. */
    party: string;
  };
  /** The Service Request reference, e.g. `4.8.1`. */
  sr: string;
  target: {
    /** The 13-digit MPAN core. */
    mpan: string;
    deviceType: DeviceType;
    smets: Smets;
    /** When given, the Device must be this one of the MPAN's Devices. */
    deviceId?: string;
  };
  /** `scheduled`: sent by the DCC under a schedule (DCC Scheduled); `on-demand` otherwise. */
  mode: Mode;
  /**
   * When the request is executed: `YYYY-MM-DD`, or a date-time `YYYY-MM-DDThh:mm[:ss][zone]` of
   * which only the calendar date as written counts. Registration Data dates are GB calendar
   * days, so give the local (UK) date; nothing here reads the clock or converts zones.
   */
  executionDate: string;
  /** SR 5.1 (Create Schedule) only: the first date the schedule runs (Section H4.2A(b)). */
  scheduleStartDate?: string;
  /** `mhhs-settlement` when the data is retrieved for market-wide half-hourly settlement (H3.13A). */
  purpose?: Purpose;
  /** An On-Demand request that retries a DCC Scheduled request that failed (H3.13A). */
  isRetryOfFailedScheduled?: boolean;
  /** The sender retrieves the data on behalf of another Supplier Party (H1.2B). */
  actingForAnotherSupplier?: boolean;
}

/** Where in the legal text a reason rests. */
export interface Basis {
  /** File in sec-text/, e.g. `appendix-ab.md`. */
  file: string;
  /** `file:line:column` of the cell, row or rule block. */
  position: string;
  /** The clause, e.g. `AB2.1`, `H4.2A`. */
  clause: string | null;
  /** The literate rule's id, when the basis is a rule block. */
  rule?: string;
  /** The table cell, when the basis is one, e.g. `SR 8.2 / Import Supplier / SMETS1 / On-Demand`. */
  cell?: string;
}

export type CheckCode =
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
  /** The Target Response Time in seconds, when accepted. */
  trtSeconds?: number;
  /** The TRT cell as written (e.g. `24 hrs`) and its notes, when accepted. */
  trt?: { seconds: number; text: string; notes: readonly string[]; basis: Basis };
  /** Every check made, passed or failed, in order, each with its legal basis. */
  reasons: Reason[];
  /** Non-compliance that does not reject the request. */
  findings: Finding[];
}

export interface AuthoriseOptions {
  /** `modified`: the rules after the modifications (MP162); `baseline`: before them. */
  view: View;
  /** The tables to decide from; by default the generated ones (generated/). */
  tables?: GatewayTables;
}

/**
 * The SR by which a schedule is created (Section H3.13 and H4.2A(b): "SR 5.1 (Create
 * Schedule)"). The rule block of H4.2A does not carry it; test/gateway pins it against the
 * Appendix E row, so a renumbering fails a test instead of silently disabling H4.2A(b).
 */
export const CREATE_SCHEDULE_SR = '5.1';

/**
 * Decides one Service Request. Throws GatewayInputError (with the field) for a malformed
 * request or RegistrationDataError for bad Registration Data; never for a legal "no", which is
 * a decision with `accepted: false` and the failed reasons.
 */
export function authorise(
  request: ServiceRequestInput,
  registrationData: RegistrationData | Registry,
  options: AuthoriseOptions,
): Decision {
  const { view } = options;
  if (view !== 'baseline' && view !== 'modified')
    throw new GatewayInputError('Authorisation options', [
      { field: '/view', message: `must be "baseline" or "modified", got ${JSON.stringify(view)}` },
    ]);
  const tables = options.tables ?? GENERATED_TABLES;
  const executionDate = checkRequest(request);
  const registry = loadRegistrationData(registrationData);
  const context: Context = { request, registry, view, tables, executionDate, reasons: [], findings: [] };

  if (!checkDefined(context)) return decide(context);
  const trt = checkEligibilityAndAvailability(context);
  checkActingForAnotherSupplier(context);
  checkAccessControl(context);
  checkScheduleFirst(context);
  return decide(context, trt);
}

interface Context {
  request: ServiceRequestInput;
  registry: Registry;
  view: View;
  tables: GatewayTables;
  /** The calendar day of execution, YYYY-MM-DD. */
  executionDate: string;
  reasons: Reason[];
  findings: Finding[];
}

function decide(context: Context, trt?: TrtCell): Decision {
  const accepted = context.reasons.length > 0 && context.reasons.every((reason) => reason.passed);
  const decision: Decision = { accepted, view: context.view, reasons: context.reasons, findings: context.findings };
  if (accepted && trt && trt.seconds !== null) {
    decision.trtSeconds = trt.seconds;
    decision.trt = { seconds: trt.seconds, text: trt.text, notes: trt.notes, basis: cellBasis(trt, trtCellName(context)) };
  }
  return decision;
}

// ---------------------------------------------------------------------------------------------
// Section H1.1 and Appendix E: the role and the SR exist in this view.

function checkDefined(context: Context): boolean {
  const { request, view, tables } = context;
  const roles = tables.userRoles[view];
  const role = roles.find((entry) => entry.id === request.sender.role);
  if (role) {
    pass(context, 'user-role', `${role.name} is a User Role (Section H1.1)`, cellBasis(role, role.name));
  } else {
    const elsewhere = tables.userRoles[other(view)].find((entry) => entry.id === request.sender.role);
    const anchor = elsewhere ?? roles[0];
    fail(
      context,
      'user-role',
      elsewhere
        ? `Unexpected User Role ${elsewhere.name}, which exists only in the ${other(view)} view, expected a User Role of the ${view} view (Section H1.1)`
        : `Unexpected User Role \`${request.sender.role}\`, expected one of ${roles.map((entry) => `\`${entry.id}\``).join(', ')} (Section H1.1)`,
      anchor ? cellBasis(anchor, 'User Roles table') : unknownBasis('H1.1'),
    );
  }
  const services = tables.serviceRequests[view];
  const sr = services.find((entry) => entry.ref === request.sr);
  if (!sr) {
    const anchor = services[0];
    fail(
      context,
      'service-request',
      `Unexpected SR ${request.sr}, expected a Service Request listed in Appendix E`,
      anchor ? cellBasis(anchor, 'Service Requests table') : unknownBasis('E2.1'),
    );
  }
  return context.reasons.every((reason) => reason.passed);
}

// ---------------------------------------------------------------------------------------------
// Appendix E (eligibility, DCC Scheduled flag) and Appendix AB (TRT; N/A: not available).

function checkEligibilityAndAvailability(context: Context): TrtCell | undefined {
  const { request, view, tables } = context;
  const roleName = nameOfRole(context, request.sender.role);
  const cell = tables.eligibility[view][request.sr as never]?.[request.sender.role as never] as
    { eligible: boolean; source: string; clause: string | null } | undefined;
  const srEntry = tables.serviceRequests[view].find((entry) => entry.ref === request.sr)!;
  if (!cell) {
    fail(
      context,
      'eligibility',
      `Unexpected SR ${request.sr} from ${roleName}: Appendix E has no eligibility cell for it, expected one`,
      cellBasis(srEntry, `SR ${request.sr}`),
    );
    return undefined;
  }
  const eligibilityCell = `SR ${request.sr} / ${roleName}`;
  if (!cell.eligible) {
    fail(
      context,
      'eligibility',
      `Unexpected SR ${request.sr} from ${roleName}, expected a User Role that Appendix E makes eligible to send it`,
      cellBasis(cell, eligibilityCell),
    );
    return undefined;
  }
  pass(context, 'eligibility', `${roleName} is eligible to send SR ${request.sr} (Appendix E)`, cellBasis(cell, eligibilityCell));

  if (request.mode === 'scheduled') {
    const flag = `SR ${request.sr} / DCC Scheduled`;
    if (srEntry.dccScheduled)
      pass(context, 'dcc-scheduled', `SR ${request.sr} may be DCC Scheduled (Appendix E)`, cellBasis(srEntry, flag));
    else
      fail(
        context,
        'dcc-scheduled',
        `Unexpected DCC Scheduled SR ${request.sr}, expected On-Demand: Appendix E does not make it DCC Scheduled`,
        cellBasis(srEntry, flag),
      );
  }

  const trt = tables.trt[view][request.sr as never]?.[request.sender.role as never]?.[request.target.smets]?.[request.mode] as
    TrtCell | undefined;
  if (!trt) {
    fail(
      context,
      'availability',
      `Unexpected ${describeCombination(context)}: Appendix AB gives no Target Response Time for it, expected a cell`,
      cellBasis(srEntry, `SR ${request.sr}`),
    );
    return undefined;
  }
  if (trt.seconds === null) {
    // AB1.2(d): N/A means the SR is not available for that sender, Device type and request type.
    fail(
      context,
      'availability',
      `Unexpected ${describeCombination(context)}: its Target Response Time is N/A (not available), expected an available combination`,
      cellBasis(trt, trtCellName(context)),
    );
    return trt;
  }
  pass(
    context,
    'availability',
    `Target Response Time for ${describeCombination(context)}: ${trt.text}`,
    cellBasis(trt, trtCellName(context)),
  );
  return trt;
}

// ---------------------------------------------------------------------------------------------
// Section H1.2B: a Supplier Party retrieving for another Supplier Party must use the MDR role.

function checkActingForAnotherSupplier(context: Context): void {
  const { request } = context;
  if (!request.actingForAnotherSupplier) return;
  for (const rule of rulesOf<RoleRequiredRule>(context, 'role-required')) {
    if (rule.actingFor !== 'another-supplier') continue;
    const required = nameOfRole(context, rule.mustUseRole);
    if (rule.partyRoles.includes(request.sender.role)) {
      fail(
        context,
        'acting-for-another-supplier',
        `Unexpected User Role ${nameOfRole(context, request.sender.role)} for a Supplier acting for another Supplier, expected ${required} (Section ${rule.clause})`,
        ruleBasis(rule),
      );
    } else if (request.sender.role === rule.mustUseRole) {
      pass(
        context,
        'acting-for-another-supplier',
        `A Supplier acting for another Supplier sends as ${required} (Section ${rule.clause})`,
        ruleBasis(rule),
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Section H4.2 and H4.2A: Access Control against the Registration Data.

function checkAccessControl(context: Context): void {
  const { request, registry } = context;
  const roleName = nameOfRole(context, request.sender.role);
  for (const rule of rulesOf<RegistrationAccessControlRule>(context, 'registration-access-control')) {
    if (rule.role !== request.sender.role) continue;
    const basis = ruleBasis(rule);
    const { mpan, deviceType, smets, deviceId } = request.target;
    if (!(rule.deviceTypes as readonly string[]).includes(deviceType)) {
      fail(
        context,
        'device',
        `Unexpected ${deviceType} for ${roleName}, expected ${rule.deviceTypes.join(' or ')} (Section ${rule.clause})`,
        basis,
      );
      continue;
    }
    const point = registry.byMpan.get(mpan);
    if (!point) {
      fail(
        context,
        'registration',
        `Unexpected MPAN ${mpan}, expected an MPAN held in the Registration Data (Section ${rule.clause})`,
        basis,
      );
      continue;
    }
    const devices = point.devices.filter(
      (device) => device.type === deviceType && device.smets === smets && (deviceId === undefined || device.id === deviceId),
    );
    if (devices.length === 0) {
      const listed = point.devices.map((device) => `SMETS${device.smets} ${device.type} ${device.id}`).join(', ') || 'none';
      fail(
        context,
        'device',
        `Unexpected SMETS${smets} ${deviceType}${deviceId ? ` ${deviceId}` : ''} on MPAN ${mpan}, expected a Device the Registration Data lists for it (${listed}) (Section ${rule.clause})`,
        basis,
      );
      continue;
    }
    if (rule.registrationField === 'appointed-mdr') checkMdrAppointment(context, rule, point.mdrAppointments ?? []);
    else
      checkRegisteredSupplier(
        context,
        rule,
        rule.registrationField === 'import-supplier'
          ? point.importSupplier
          : rule.registrationField === 'export-supplier'
            ? point.exportSupplier
            : undefined,
      );
  }
}

function checkRegisteredSupplier(context: Context, rule: RegistrationAccessControlRule, registered: string | undefined): void {
  const { request } = context;
  const roleName = nameOfRole(context, request.sender.role);
  const { party } = request.sender;
  const { mpan } = request.target;
  if (registered === party) {
    pass(
      context,
      'registration',
      `The Registration Data names ${party} as ${roleName} for MPAN ${mpan} (Section ${rule.clause})`,
      ruleBasis(rule),
    );
  } else {
    fail(
      context,
      'registration',
      `Unexpected ${roleName} ${party} for MPAN ${mpan}, expected the ${roleName} the Registration Data names for it (${registered ?? 'none'}) (Section ${rule.clause})`,
      ruleBasis(rule),
    );
  }
}

function checkMdrAppointment(
  context: Context,
  rule: RegistrationAccessControlRule,
  appointments: readonly { mdr: string; effectiveFrom: string; effectiveTo?: string }[],
): void {
  const { request, executionDate } = context;
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
  const window = rule.appointmentWindow;
  if (!window) return;

  // Section H4.2A(a): "from the start of the Effective From Date to the end of the Effective To
  // Date of that appointment (both dates inclusive)". Dates are whole calendar days, so the
  // first and the last day of the appointment are both inside it and the day after is not.
  // The bounds are read from the rule block (fromInclusive/toInclusive), which records exactly
  // that reading of the clause, so a redline that changes the clause and its rule changes this.
  const afterStart = (day: string, from: string): boolean => (window.fromInclusive ? day >= from : day > from);
  const beforeEnd = (day: string, to: string | undefined): boolean => to === undefined || (window.toInclusive ? day <= to : day < to);
  const describeWindow = (appointment: { effectiveFrom: string; effectiveTo?: string }): string =>
    `${appointment.effectiveFrom} to ${appointment.effectiveTo ?? '(no Effective To Date)'} (${bounds(window)})`;

  const current = own.find(
    (appointment) => afterStart(executionDate, appointment.effectiveFrom) && beforeEnd(executionDate, appointment.effectiveTo),
  );
  if (current) {
    pass(
      context,
      'appointment-window',
      `${executionDate} is within the appointment of ${party} for MPAN ${mpan}: ${describeWindow(current)} (Section ${rule.clause})`,
      basis,
    );
    return;
  }

  // Section H4.2A(b): before the Effective From Date, SR 5.1 may create a schedule that does not
  // start before that date. The execution date is then before the appointment; the schedule's
  // own start date is what must fall on or after the Effective From Date.
  const future = rule.futureDatedSchedules;
  const pending = own.filter((appointment) => !afterStart(executionDate, appointment.effectiveFrom));
  if (request.sr === CREATE_SCHEDULE_SR && future?.mayBeCreatedBeforeEffectiveFrom && pending.length > 0) {
    const start = request.scheduleStartDate;
    if (start === undefined) {
      fail(
        context,
        'future-dated-schedule',
        `Unexpected SR ${CREATE_SCHEDULE_SR} before the Effective From Date ${pending[0]!.effectiveFrom} without a schedule start date, expected the date the schedule starts (Section ${rule.clause}(b))`,
        basis,
      );
      return;
    }
    const fits = pending.find((appointment) => !future.mustNotStartBeforeEffectiveFrom || start >= appointment.effectiveFrom);
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
        `Unexpected schedule start ${start}, before the Effective From Date ${pending[0]!.effectiveFrom} of the appointment of ${party}, expected ${pending[0]!.effectiveFrom} or later (Section ${rule.clause}(b))`,
        basis,
      );
    }
    return;
  }
  fail(
    context,
    'appointment-window',
    `Unexpected execution date ${executionDate} for MDR ${party} on MPAN ${mpan}, expected a date within its appointment ${own.map(describeWindow).join(' or ')} (Section ${rule.clause})`,
    basis,
  );
}

function bounds(window: NonNullable<RegistrationAccessControlRule['appointmentWindow']>): string {
  if (window.fromInclusive && window.toInclusive) return 'both dates inclusive';
  return `Effective From ${window.fromInclusive ? 'inclusive' : 'exclusive'}, Effective To ${window.toInclusive ? 'inclusive' : 'exclusive'}`;
}

// ---------------------------------------------------------------------------------------------
// Section H3.13A: MHHS data first by a DCC Scheduled request; On-Demand only to retry one.

function checkScheduleFirst(context: Context): void {
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

// ---------------------------------------------------------------------------------------------
// Helpers.

function rulesOf<Rule extends ClauseRule>(context: Context, kind: Rule['kind']): Rule[] {
  return context.tables.clauseRules[context.view].filter((rule): rule is Rule => rule.kind === kind);
}

function pass(context: Context, code: CheckCode, message: string, basis: Basis): void {
  context.reasons.push({ code, passed: true, message, basis });
}

function fail(context: Context, code: CheckCode, message: string, basis: Basis): void {
  context.reasons.push({ code, passed: false, message, basis });
}

function other(view: View): View {
  return view === 'baseline' ? 'modified' : 'baseline';
}

function nameOfRole(context: Context, id: string): string {
  const { tables, view } = context;
  return (
    (tables.userRoles[view].find((role) => role.id === id) ?? tables.userRoles[other(view)].find((role) => role.id === id))?.name ?? id
  );
}

function trtCellName(context: Context): string {
  const { request } = context;
  return `SR ${request.sr} / ${nameOfRole(context, request.sender.role)} / SMETS${request.target.smets} / ${modeLabel(request.mode)}`;
}

function describeCombination(context: Context): string {
  const { request } = context;
  return `SR ${request.sr} from ${nameOfRole(context, request.sender.role)} to a SMETS${request.target.smets} Device ${modeLabel(request.mode)}`;
}

/** A generated table entry's `file:line:col` source as a basis. */
export function cellBasis(entry: { source: string; clause: string | null }, cell?: string): Basis {
  const file = entry.source.replace(/:\d+:\d+$/, '');
  const basis: Basis = { file, position: entry.source, clause: entry.clause };
  if (cell !== undefined) basis.cell = cell;
  return basis;
}

export function ruleBasis(rule: { id: string; clause: string; source: Source }): Basis {
  return {
    file: rule.source.file,
    position: `${rule.source.file}:${rule.source.line}:${rule.source.column}`,
    clause: rule.clause,
    rule: rule.id,
  };
}

function unknownBasis(clause: string): Basis {
  return { file: '', position: '', clause };
}

// ---------------------------------------------------------------------------------------------
// The request's own shape (a gateway gets it off the wire): bad fields are input errors.

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

/** Validates the request's fields and returns the calendar day of execution. */
function checkRequest(request: ServiceRequestInput): string {
  const issues: InputIssue[] = [];
  const value = request as unknown as Record<string, unknown>;
  if (typeof value !== 'object' || value === null)
    throw new GatewayInputError('Service Request', [{ field: '', message: 'must be an object' }]);
  const sender = (typeof value.sender === 'object' && value.sender !== null ? value.sender : {}) as Record<string, unknown>;
  const target = (typeof value.target === 'object' && value.target !== null ? value.target : {}) as Record<string, unknown>;
  const text = (field: string, got: unknown): void => {
    if (typeof got !== 'string' || got === '') issues.push({ field, message: 'must be a non-empty string' });
  };
  text('/sender/role', sender.role);
  text('/sender/party', sender.party);
  text('/sr', value.sr);
  if (typeof target.mpan !== 'string' || !/^[0-9]{13}$/.test(target.mpan))
    issues.push({ field: '/target/mpan', message: 'must be a 13-digit MPAN core' });
  if (target.deviceType !== 'ESME' && target.deviceType !== 'GSME')
    issues.push({ field: '/target/deviceType', message: 'must be "ESME" or "GSME"' });
  if (target.smets !== 1 && target.smets !== 2) issues.push({ field: '/target/smets', message: 'must be 1 or 2' });
  if (target.deviceId !== undefined) text('/target/deviceId', target.deviceId);
  if (value.mode !== 'scheduled' && value.mode !== 'on-demand')
    issues.push({ field: '/mode', message: 'must be "scheduled" or "on-demand"' });
  const execution = typeof value.executionDate === 'string' ? DATE_TIME.exec(value.executionDate) : null;
  if (!execution || !isCalendarDate(execution[1]!))
    issues.push({ field: '/executionDate', message: 'must be a date YYYY-MM-DD or a date-time YYYY-MM-DDThh:mm[:ss][zone]' });
  if (value.scheduleStartDate !== undefined) {
    const start = typeof value.scheduleStartDate === 'string' ? DATE_TIME.exec(value.scheduleStartDate) : null;
    if (!start || !isCalendarDate(start[1]!)) issues.push({ field: '/scheduleStartDate', message: 'must be a date YYYY-MM-DD' });
    else if (start[0] !== start[1]) issues.push({ field: '/scheduleStartDate', message: 'must be a date YYYY-MM-DD (no time)' });
  }
  if (value.purpose !== undefined && value.purpose !== 'mhhs-settlement' && value.purpose !== 'other')
    issues.push({ field: '/purpose', message: 'must be "mhhs-settlement" or "other"' });
  for (const flag of ['isRetryOfFailedScheduled', 'actingForAnotherSupplier']) {
    if (value[flag] !== undefined && typeof value[flag] !== 'boolean') issues.push({ field: `/${flag}`, message: 'must be true or false' });
  }
  if (issues.length > 0) throw new GatewayInputError('Service Request', issues);
  return execution![1]!;
}
