/** Schemas are the contract: committed rule files validate; broken ones are rejected with a path. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleSetFromInForce, type InForceFile } from '../src/shared/in-force.js';
import { describeErrors, Schemas } from '../src/shared/schemas.js';
import type { SourceMap } from '../src/shared/source-map.js';
import type { View } from '../src/shared/vocabulary.js';

const schemas = new Schemas();
const validator = (ref: string) => schemas.validator(ref);
import { ROOT } from './support/project.js';

const load = async (name: string): Promise<Record<string, unknown>> =>
  JSON.parse(await readFile(path.join(ROOT, 'rules', name), 'utf8')) as Record<string, unknown>;

/** A named view read back from the committed interval file, with its positions from the source map. */
const view = async (name: View): Promise<Record<string, unknown>> =>
  ruleSetFromInForce(
    (await load('in-force.json')) as unknown as InForceFile,
    { view: name },
    (await load('in-force.sourcemap.json')) as unknown as SourceMap,
  ) as unknown as Record<string, unknown>;

describe('in-force.schema.json and source-map.schema.json', () => {
  it.each([
    ['in-force.json', 'in-force.schema.json'],
    ['in-force.sourcemap.json', 'source-map.schema.json'],
  ])('%s is valid', async (name, schema) => {
    const validate = validator(schema);
    const valid = validate(await load(name));
    expect(describeErrors(validate.errors)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('rejects a line in the interval file, an unknown kind, a bad address and a position that is not one', async () => {
    const file = (await load('in-force.json')) as { entries: Array<Record<string, unknown> & { value: Record<string, unknown> }> };
    const trt = file.entries.findIndex((entry) => entry.kind === 'trt');
    (file.entries[trt]!.value.place as Record<string, unknown>).line = 40;
    file.entries[trt + 1]!.value.source = { file: 'appendix-ab.md', line: 1, column: 1, endLine: 1, endColumn: 2 };
    file.entries[trt + 2]!.kind = 'table';
    file.entries[trt + 3]!.address = 'trt 4.1.1';
    const validate = validator('in-force.schema.json');
    expect(validate(file)).toBe(false);
    expect(describeErrors(validate.errors)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^/entries/${trt}/value/place: must NOT have additional properties`)),
        expect.stringMatching(new RegExp(`^/entries/${trt + 1}/value: property name must be valid`)),
        expect.stringMatching(new RegExp(`^/entries/${trt + 2}/kind: must be equal to one of the allowed values`)),
        expect.stringMatching(new RegExp(`^/entries/${trt + 3}/address: must match pattern`)),
      ]),
    );
    const map = (await load('in-force.sourcemap.json')) as { positions: Record<string, string> };
    map.positions['trt/8.2/other-user/smets1/on-demand@base'] = 'appendix-ab.md line 40';
    const validateMap = validator('source-map.schema.json');
    expect(validateMap(map)).toBe(false);
    expect(describeErrors(validateMap.errors).join('\n')).toMatch(
      /positions\/trt~18\.2~1other-user~1smets1~1on-demand@base: must match pattern/,
    );
  });
});

describe('rule-set.schema.json', () => {
  it.each(['baseline', 'modified'] as const)('the %s view read back from rules/in-force.json is valid', async (name) => {
    const validate = validator('rule-set.schema.json');
    const valid = validate(await view(name));
    expect(describeErrors(validate.errors)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('rejects a TRT of zero seconds, an unknown mode and a missing source, naming where', async () => {
    const ruleSet = (await view('modified')) as { trt: Array<Record<string, unknown>> };
    ruleSet.trt[0]!.seconds = 0;
    ruleSet.trt[1]!.mode = 'sometimes';
    delete ruleSet.trt[2]!.source;
    const validate = validator('rule-set.schema.json');
    expect(validate(ruleSet)).toBe(false);
    const errors = describeErrors(validate.errors);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/trt\/0\/seconds: must be >= 1/),
        expect.stringMatching(/^\/trt\/1\/mode: must be equal to one of the allowed values/),
        expect.stringMatching(/^\/trt\/2: must have required property 'source'/),
      ]),
    );
  });
});
