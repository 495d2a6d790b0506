/**
 * The Service Request as the gateway gets it off the wire, and the check of its own shape: a bad
 * field is an input error (GatewayInputError, naming the field), never a legal "no".
 */
import type { Mode, Smets } from '../../generated/index.js';
import { isCalendarDate, type InputIssue } from './registration.js';

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

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

/** A request read off the wire: the typed request and its calendar day of execution, or every problem with it. */
export type ReadRequest = { ok: true; request: ServiceRequestInput; executionDate: string } | { ok: false; issues: InputIssue[] };

/** Checks an untyped value field by field (every problem, named by its JSON pointer); never throws. */
export function readRequest(value: unknown): ReadRequest {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, issues: [{ field: '', message: 'must be an object' }] };
  const record = value as Record<string, unknown>;
  const dates = dateIssues(record);
  // In the order of the fields: sender, SR, target, mode, dates, purpose, flags.
  const issues = [...senderAndTargetIssues(record), ...modeIssues(record), ...dates.issues, ...purposeAndFlagIssues(record)];
  if (issues.length > 0 || dates.day === undefined) return { ok: false, issues };
  return { ok: true, request: value as ServiceRequestInput, executionDate: dates.day };
}

function dateIssues(value: Record<string, unknown>): { day: string | undefined; issues: InputIssue[] } {
  const issues: InputIssue[] = [];
  const execution = typeof value.executionDate === 'string' ? DATE_TIME.exec(value.executionDate) : null;
  const day = execution?.[1];
  if (day === undefined || !isCalendarDate(day))
    issues.push({ field: '/executionDate', message: 'must be a date YYYY-MM-DD or a date-time YYYY-MM-DDThh:mm[:ss][zone]' });
  if (value.scheduleStartDate !== undefined) {
    const start = typeof value.scheduleStartDate === 'string' ? DATE_TIME.exec(value.scheduleStartDate) : null;
    if (!start || start[1] === undefined || !isCalendarDate(start[1]))
      issues.push({ field: '/scheduleStartDate', message: 'must be a date YYYY-MM-DD' });
    else if (start[0] !== start[1]) issues.push({ field: '/scheduleStartDate', message: 'must be a date YYYY-MM-DD (no time)' });
  }
  return { day, issues };
}

function objectAt(value: unknown): Record<string, unknown> {
  return (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
}

function senderAndTargetIssues(value: Record<string, unknown>): InputIssue[] {
  const issues: InputIssue[] = [];
  const sender = objectAt(value.sender);
  const target = objectAt(value.target);
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
  return issues;
}

function modeIssues(value: Record<string, unknown>): InputIssue[] {
  return value.mode !== 'scheduled' && value.mode !== 'on-demand'
    ? [{ field: '/mode', message: 'must be "scheduled" or "on-demand"' }]
    : [];
}

function purposeAndFlagIssues(value: Record<string, unknown>): InputIssue[] {
  const issues: InputIssue[] = [];
  if (value.purpose !== undefined && value.purpose !== 'mhhs-settlement' && value.purpose !== 'other')
    issues.push({ field: '/purpose', message: 'must be "mhhs-settlement" or "other"' });
  for (const flag of ['isRetryOfFailedScheduled', 'actingForAnotherSupplier']) {
    if (value[flag] !== undefined && typeof value[flag] !== 'boolean') issues.push({ field: `/${flag}`, message: 'must be true or false' });
  }
  return issues;
}
