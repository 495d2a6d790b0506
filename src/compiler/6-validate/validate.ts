/**
 * Stage 6, validate. Takes: the linked rule sets of both views and their change set (stage 5).
 * Returns: a vfile per output that does not fit its hand-written schema in rules/schema/, with
 * one finding per schema error; none when every output fits.
 */
import { VFile } from 'vfile';
import { report } from '../../shared/diagnostics.js';
import type { RuleSet } from '../../shared/model.js';
import { describeErrors, type Schemas } from '../../shared/schemas.js';
import { sourceMapPath, type SourceMap } from '../../shared/source-map.js';
import { VIEWS, type View } from '../../shared/vocabulary.js';
import { changeSetJson, committedChangeSet, type ChangeSet } from '../5-link/change-set/diff.js';

export const OUTPUT_RULES = { invalid: 'output-schema' } as const;

/** Where each output is written, relative to the project root (its findings are reported there). */
export interface ValidatedPaths {
  /** Where the rule sets of both views are written (the interval file holds them). */
  ruleSet: string;
  changeSet: string;
  /** The interval file as it will be written, and its source map (absent when nothing is emitted). */
  inForce?: { path: string; json: string; mapPath: string; map: SourceMap } | undefined;
}

export function validateOutputs(ruleSets: Record<View, RuleSet>, changeSet: ChangeSet, schemas: Schemas, paths: ValidatedPaths): VFile[] {
  const files: VFile[] = [];
  for (const view of VIEWS) {
    const validate = schemas.validator('rule-set.schema.json');
    if (validate(ruleSets[view])) continue;
    const output = new VFile({ path: paths.ruleSet });
    for (const line of describeErrors(validate.errors)) {
      report(output, `Compiled rules do not fit rules/schema/rule-set.schema.json: ${line}`, { ruleId: OUTPUT_RULES.invalid, view });
    }
    files.push(output);
  }
  const validate = schemas.validator('change-set.schema.json');
  if (!validate(JSON.parse(changeSetJson(changeSet)))) {
    const output = new VFile({ path: paths.changeSet });
    for (const line of describeErrors(validate.errors)) {
      report(output, `Unexpected change set that does not fit rules/schema/change-set.schema.json: ${line}, expected the schema to hold`, {
        ruleId: OUTPUT_RULES.invalid,
      });
    }
    files.push(output);
  }
  const changeSetMap = committedChangeSet(changeSet, paths.changeSet).map;
  files.push(...fits(schemas, 'source-map.schema.json', changeSetMap, sourceMapPath(paths.changeSet)));
  if (paths.inForce) {
    const { path, json, mapPath, map } = paths.inForce;
    files.push(...fits(schemas, 'in-force.schema.json', JSON.parse(json), path), ...fits(schemas, 'source-map.schema.json', map, mapPath));
  }
  return files;
}

/** A vfile of findings when an output does not fit its schema; none when it fits. */
function fits(schemas: Schemas, schema: string, value: unknown, path: string): VFile[] {
  const validate = schemas.validator(schema);
  if (validate(value)) return [];
  const output = new VFile({ path });
  for (const line of describeErrors(validate.errors)) {
    report(output, `Unexpected ${path} that does not fit rules/schema/${schema}: ${line}, expected the schema to hold`, {
      ruleId: OUTPUT_RULES.invalid,
    });
  }
  return [output];
}
