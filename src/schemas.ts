/**
 * The hand-written JSON Schemas in rules/schema/, loaded once and compiled once with ajv
 * (draft 2020-12). Validators are memoised: compile once, validate many times.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { packageRoot } from './paths.js';

export const SCHEMA_BASE = 'https://sec-rules.local/schema/';
export const schemaDir = (): string => path.join(packageRoot(), 'rules', 'schema');

let ajv: Ajv2020 | undefined;
const validators = new Map<string, ValidateFunction>();

/** Every schema file, by file name (e.g. `rule-set.schema.json`). */
export function loadSchemas(): Map<string, Record<string, unknown>> {
  const schemas = new Map<string, Record<string, unknown>>();
  for (const name of readdirSync(schemaDir()).filter((entry) => entry.endsWith('.schema.json')).sort()) {
    schemas.set(name, JSON.parse(readFileSync(path.join(schemaDir(), name), 'utf8')) as Record<string, unknown>);
  }
  return schemas;
}

function instance(): Ajv2020 {
  if (!ajv) {
    ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    for (const schema of loadSchemas().values()) ajv.addSchema(schema);
  }
  return ajv;
}

/** A validator for a schema file, or a fragment of it (`clause-rule.schema.json#/$defs/x`). */
export function validator(ref: string): ValidateFunction {
  let validate = validators.get(ref);
  if (!validate) {
    validate = instance().getSchema(SCHEMA_BASE + ref);
    if (!validate) throw new Error(`No schema ${ref} in ${schemaDir()}`);
    validators.set(ref, validate);
  }
  return validate;
}

/** One line per error: `/trt/3/seconds: must be integer`. */
export function describeErrors(errors: readonly ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((error) => {
    const where = error.instancePath === '' ? '(top level)' : error.instancePath;
    const extra =
      error.keyword === 'additionalProperties'
        ? ` (${String((error.params as { additionalProperty: string }).additionalProperty)})`
        : error.keyword === 'enum'
          ? ` (${(error.params as { allowedValues: unknown[] }).allowedValues.map(String).join(', ')})`
          : error.keyword === 'const'
            ? ` (${String((error.params as { allowedValue: unknown }).allowedValue)})`
            : '';
    return `${where}: ${error.message ?? error.keyword}${extra}`;
  });
}
