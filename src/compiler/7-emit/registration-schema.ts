/**
 * generated/registration-schema.ts: the Registration Data schema and the common definitions it
 * refers to, as a module. The gateway validates Registration Data with them, so it reads no file
 * at run time and keeps working when a bundler puts it in one file.
 */
import { loadSchemas } from '../../shared/schemas.js';
import { literal } from './literal.js';
import { GENERATED_BANNER } from './types.js';

/** The schema files the Registration Data schema needs, itself last. */
const FILES = ['common.schema.json', 'registration-data.schema.json'] as const;

export function generateRegistrationSchema(): string {
  const schemas = loadSchemas();
  const carried = FILES.map((name) => {
    const schema = schemas.get(name);
    if (!schema) throw new Error(`rules/schema/${name} is missing; the gateway's Registration Data schema needs it`);
    return schema;
  });
  const id = carried.at(-1)?.$id;
  return `${GENERATED_BANNER}
/** The \`$id\` of the Registration Data schema (draft 2020-12). */
export const REGISTRATION_DATA_SCHEMA_ID = ${literal(id)};

/** rules/schema/${FILES.join(' and rules/schema/')}: add every one to a validator, then ask it for REGISTRATION_DATA_SCHEMA_ID. */
export const REGISTRATION_DATA_SCHEMAS: readonly object[] = ${literal(carried, 2)};
`;
}
