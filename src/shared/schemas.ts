/**
 * The hand-written JSON Schemas in rules/schema/, compiled with ajv (draft 2020-12). The state
 * lives on an instance, as in ajv itself: a `Schemas` holds its ajv, its memoised validators and,
 * optionally, a store of precompiled validator code. The compile context owns one per run; a
 * stage, feature or test that validates takes the instance it is given.
 *
 * Takes: rules/schema/*.schema.json. Gives: `ValidateFunction`s by file name or fragment.
 */
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Ajv2020, ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { packageRoot } from './paths.js';

// ajv is loaded on first use (it is CommonJS, so synchronously): with precompiled validators a
// run never needs it.
const require = createRequire(import.meta.url);

export const SCHEMA_BASE = 'https://sec-rules.local/schema/';
export const schemaDir = (): string => path.join(packageRoot(), 'rules', 'schema');

/** Every schema file, by file name (e.g. `rule-set.schema.json`). */
export function loadSchemas(): Map<string, Record<string, unknown>> {
  const schemas = new Map<string, Record<string, unknown>>();
  for (const name of readdirSync(schemaDir())
    .filter((entry) => entry.endsWith('.schema.json'))
    .sort()) {
    schemas.set(name, JSON.parse(readFileSync(path.join(schemaDir(), name), 'utf8')) as Record<string, unknown>);
  }
  return schemas;
}

/**
 * Where precompiled validators (ajv standalone code) are kept: `<dir>/validators-<hash>.cjs`,
 * keyed by `hash` (the compiler's hash, which covers the schemas and the ajv version). A run with
 * unchanged schemas then skips loading ajv and compiling the schemas.
 */
export interface PrecompiledStore {
  dir: string;
  hash: string;
}

export class Schemas {
  private ajv: Ajv2020 | undefined;
  private readonly validators = new Map<string, ValidateFunction>();
  /** undefined: not looked up yet; null: not stored yet (compile with ajv, then store). */
  private precompiled: Record<string, ValidateFunction> | null | undefined;

  constructor(private readonly store?: PrecompiledStore) {}

  /** A validator for a schema file, or a fragment of it (`clause-rule.schema.json#/$defs/x`). */
  validator(ref: string): ValidateFunction {
    let validate = this.validators.get(ref) ?? this.precompiledValidator(ref);
    if (!validate) {
      validate = this.instance().getSchema(SCHEMA_BASE + ref);
      if (!validate) throw new Error(`No schema ${ref} in ${schemaDir()}`);
      this.validators.set(ref, validate);
    }
    return validate;
  }

  private instance(): Ajv2020 {
    if (!this.ajv) {
      const { Ajv2020: AjvClass } = require('ajv/dist/2020.js') as { Ajv2020: typeof Ajv2020 };
      this.ajv = new AjvClass({ allErrors: true, strict: true, allowUnionTypes: true, code: { source: true } });
      for (const schema of loadSchemas().values()) this.ajv.addSchema(schema);
    }
    return this.ajv;
  }

  private precompiledValidator(ref: string): ValidateFunction | undefined {
    if (!this.store || ref.includes('#')) return undefined;
    if (this.precompiled === undefined) this.precompiled = loadPrecompiled(this.store);
    if (this.precompiled === null) {
      // Not stored yet: compile every schema with ajv once, and store the code for the next run.
      this.precompiled = {};
      storePrecompiled(this.store, this.instance());
      return undefined;
    }
    const validate = this.precompiled[ref];
    if (!validate) return undefined;
    Object.defineProperty(validate, 'schema', { value: loadSchemas().get(ref), configurable: true });
    this.validators.set(ref, validate);
    return validate;
  }
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

const precompiledFile = ({ dir, hash }: PrecompiledStore): string => path.join(dir, `validators-${hash.slice(0, 32)}.cjs`);

function loadPrecompiled(store: PrecompiledStore): Record<string, ValidateFunction> | null {
  let code: string;
  try {
    code = readFileSync(precompiledFile(store), 'utf8');
  } catch {
    return null;
  }
  if (!code.startsWith(`// ${store.hash}\n`)) return null;
  try {
    const module = { exports: {} as Record<string, ValidateFunction> };
    // The code is ajv's own output for our schemas; its `require`s are ajv runtime helpers.
    new Function('require', 'module', 'exports', code)(require, module, module.exports);
    return module.exports;
  } catch {
    return null;
  }
}

function storePrecompiled(store: PrecompiledStore, ajv: Ajv2020): void {
  const file = precompiledFile(store);
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    const names = [...loadSchemas().keys()];
    for (const name of names) ajv.getSchema(SCHEMA_BASE + name);
    const standaloneCode = (require('ajv/dist/standalone/index.js') as { default: (ajv: Ajv2020, refs: Record<string, string>) => string })
      .default;
    const code = standaloneCode(ajv, Object.fromEntries(names.map((name) => [name, SCHEMA_BASE + name])));
    mkdirSync(store.dir, { recursive: true });
    writeFileSync(temporary, `// ${store.hash}\n${code}`);
    renameSync(temporary, file);
    for (const old of readdirSync(store.dir))
      if (/^validators-[0-9a-f]{32}\.cjs$/.test(old) && old !== path.basename(file)) rmSync(path.join(store.dir, old), { force: true });
  } catch {
    rmSync(temporary, { force: true });
  }
}
