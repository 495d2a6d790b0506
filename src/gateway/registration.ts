/**
 * Registration Data: the JSON the gateway checks Service Requests against (Section H4).
 * Its format is rules/schema/registration-data.schema.json (draft 2020-12), validated with ajv;
 * the type comes from the same schema (generated/types.ts). Data that does not fit gets a
 * RegistrationDataError naming each bad field by its JSON pointer, never a crash later on.
 *
 * ajv is imported dynamically, on the first Registration Data validated, and the schema travels
 * as a generated module (generated/registration-schema.ts), not a file read from disk: a gateway
 * that never parses Registration Data never loads ajv, and a bundle (esbuild, one file) works.
 */
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { REGISTRATION_DATA_SCHEMA_ID, REGISTRATION_DATA_SCHEMAS } from '../../generated/registration-schema.js';
import type { MdrAppointment, MeteringPoint, RegistrationData } from '../../generated/types.js';

export type { MdrAppointment, MeteringPoint, RegistrationData, RegisteredDevice } from '../../generated/types.js';

export const REGISTRATION_SCHEMA = 'registration-data.schema.json';

/** One problem with an input, named by its JSON pointer (`/mpans/0/mdrAppointments/1/effectiveTo`). */
export interface InputIssue {
  field: string;
  message: string;
}

/** Bad input to the gateway (Registration Data or a request): the caller's data, not a decision. */
export class GatewayInputError extends Error {
  override name = 'GatewayInputError';
  constructor(
    what: string,
    readonly issues: readonly InputIssue[],
  ) {
    super(`${what} is not valid:\n${issues.map((issue) => `  ${issue.field || '(top level)'}: ${issue.message}`).join('\n')}`);
  }
}

export class RegistrationDataError extends GatewayInputError {
  override name = 'RegistrationDataError';
  constructor(issues: readonly InputIssue[]) {
    super('Registration Data', issues);
  }
}

/** Validated Registration Data, indexed by MPAN. Build it once, authorise many requests. */
export class Registry {
  readonly byMpan: ReadonlyMap<string, MeteringPoint>;
  constructor(readonly data: RegistrationData) {
    this.byMpan = new Map(data.mpans.map((point) => [point.mpan, point]));
  }
}

const validated = new WeakMap<object, Registry>();

/**
 * Validates Registration Data (already parsed JSON) and indexes it. Rejects with a
 * RegistrationDataError listing every problem. The same object is validated only once.
 */
export async function loadRegistrationData(value: unknown): Promise<Registry> {
  if (value instanceof Registry) return value;
  if (typeof value === 'object' && value !== null) {
    const known = validated.get(value);
    if (known) return known;
  }
  const validate = await registrationValidator();
  if (!validate(value)) throw new RegistrationDataError(describe(validate.errors));
  const data = value as RegistrationData;
  const issues = consistencyIssues(data);
  if (issues.length > 0) throw new RegistrationDataError(issues);
  const registry = new Registry(data);
  validated.set(data, registry);
  return registry;
}

/** Registration Data from JSON text (a file's contents); bad JSON is a RegistrationDataError too. */
export async function parseRegistrationData(text: string): Promise<Registry> {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new RegistrationDataError([{ field: '', message: `not JSON: ${(error as Error).message}` }]);
  }
  return loadRegistrationData(value);
}

/** YYYY-MM-DD that names a real calendar day. */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** What the schema cannot say: real dates, ordered windows, no duplicates, one MDR at a time. */
function consistencyIssues(data: RegistrationData): InputIssue[] {
  const issues: InputIssue[] = [];
  const mpans = new Map<string, number>();
  data.mpans.forEach((point, index) => {
    const at = `/mpans/${index}`;
    const first = mpans.get(point.mpan);
    if (first !== undefined) issues.push({ field: `${at}/mpan`, message: `MPAN ${point.mpan} is already listed at /mpans/${first}` });
    else mpans.set(point.mpan, index);
    const devices = new Map<string, number>();
    point.devices.forEach((device, d) => {
      const seen = devices.get(device.id);
      if (seen !== undefined)
        issues.push({ field: `${at}/devices/${d}/id`, message: `Device ${device.id} is already listed at ${at}/devices/${seen}` });
      else devices.set(device.id, d);
    });
    const appointments = point.mdrAppointments ?? [];
    appointments.forEach((appointment, a) => {
      const here = `${at}/mdrAppointments/${a}`;
      for (const key of ['effectiveFrom', 'effectiveTo'] as const) {
        const value = appointment[key];
        if (value !== undefined && !isCalendarDate(value))
          issues.push({ field: `${here}/${key}`, message: `${value} is not a calendar date` });
      }
      if (appointment.effectiveTo !== undefined && appointment.effectiveTo < appointment.effectiveFrom) {
        issues.push({
          field: `${here}/effectiveTo`,
          message: `Effective To Date ${appointment.effectiveTo} is before the Effective From Date ${appointment.effectiveFrom}`,
        });
      }
    });
    // Section H1.2A: Registration Data records "the MDR appointed for each MPAN", one at a time.
    appointments.forEach((appointment, a) => {
      appointments.slice(0, a).forEach((other, b) => {
        if (overlaps(appointment, other)) {
          issues.push({
            field: `${at}/mdrAppointments/${a}`,
            message: `appointment of ${appointment.mdr} overlaps ${at}/mdrAppointments/${b} (${other.mdr} from ${other.effectiveFrom}); one MDR is appointed for an MPAN at a time`,
          });
        }
      });
    });
  });
  return issues;
}

function overlaps(a: MdrAppointment, b: MdrAppointment): boolean {
  const aEnd = a.effectiveTo ?? '9999-12-31';
  const bEnd = b.effectiveTo ?? '9999-12-31';
  return a.effectiveFrom <= bEnd && b.effectiveFrom <= aEnd;
}

function describe(errors: readonly ErrorObject[] | null | undefined): InputIssue[] {
  return (errors ?? []).map((error) => {
    const params = error.params as Record<string, unknown>;
    let message = error.message ?? error.keyword;
    if (error.keyword === 'additionalProperties') message = `unexpected property \`${String(params.additionalProperty)}\``;
    else if (error.keyword === 'required') message = `missing property \`${String(params.missingProperty)}\``;
    else if (error.keyword === 'enum')
      message = `must be one of ${(params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(', ')}`;
    else if (error.keyword === 'pattern') message = PATTERN_HINTS[String(params.pattern)] ?? message;
    return { field: error.instancePath, message };
  });
}

const PATTERN_HINTS: Record<string, string> = {
  '^[0-9]{13}$': 'must be a 13-digit MPAN core',
  '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$': 'must be a date YYYY-MM-DD',
  '^[A-Za-z0-9][A-Za-z0-9._-]*$': 'must be a Party identifier (letters, digits, `.`, `_`, `-`)',
};

let validator: Promise<ValidateFunction> | undefined;

/** The Registration Data validator, compiled once; ajv is loaded here and nowhere else. */
function registrationValidator(): Promise<ValidateFunction> {
  validator ??= (async () => {
    const { Ajv2020 } = await import('ajv/dist/2020.js');
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    // The registration schema takes dates and SMETS generations from the common definitions.
    for (const schema of REGISTRATION_DATA_SCHEMAS) ajv.addSchema(structuredClone(schema));
    const compiled = ajv.getSchema(REGISTRATION_DATA_SCHEMA_ID);
    if (!compiled) throw new Error(`generated/registration-schema.ts carries no schema ${REGISTRATION_DATA_SCHEMA_ID}; run \`secc build\``);
    return compiled;
  })();
  return validator;
}
