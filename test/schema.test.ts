/** Schemas are the contract: committed rule files validate; broken ones are rejected with a path. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeErrors, Schemas } from '../src/shared/schemas.js';

const schemas = new Schemas();
const validator = (ref: string) => schemas.validator(ref);
import { ROOT } from './support/project.js';

const load = async (name: string): Promise<Record<string, unknown>> =>
  JSON.parse(await readFile(path.join(ROOT, 'rules', name), 'utf8')) as Record<string, unknown>;

describe('rule-set.schema.json', () => {
  it.each(['baseline.rules.json', 'modified.rules.json'])('%s is valid', async (name) => {
    const validate = validator('rule-set.schema.json');
    const valid = validate(await load(name));
    expect(describeErrors(validate.errors)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('rejects a TRT of zero seconds, an unknown mode and a missing source, naming where', async () => {
    const ruleSet = (await load('modified.rules.json')) as { trt: Array<Record<string, unknown>> };
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
