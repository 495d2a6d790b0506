/**
 * rules/change-set.json: the baseline → modified change set, validated against
 * rules/schema/change-set.schema.json like every other compiled output.
 */
import { VFile } from 'vfile';
import type { View } from '../../shared/vocabulary.js';
import { report } from '../../shared/diagnostics.js';
import type { RuleSet } from '../../shared/model.js';
import { describeErrors, validator } from '../../compiler/6-validate/schemas.js';
import { changeSetJson, diffRuleSets, type ChangeSet } from './diff.js';

export const CHANGE_SET_RULES = { invalid: 'output-schema' } as const;

export interface CompiledChangeSet {
  changeSet: ChangeSet;
  json: string;
  /** A vfile with the schema errors, when the change set does not fit its schema. */
  file?: VFile;
}

export function compileChangeSet(ruleSets: Record<View, RuleSet>, outputPath: string): CompiledChangeSet {
  const changeSet = diffRuleSets(ruleSets.baseline, ruleSets.modified);
  const json = changeSetJson(changeSet);
  const validate = validator('change-set.schema.json');
  if (validate(JSON.parse(json))) return { changeSet, json };
  const file = new VFile({ path: outputPath });
  for (const line of describeErrors(validate.errors)) {
    report(file, `Unexpected change set that does not fit rules/schema/change-set.schema.json: ${line}, expected the schema to hold`, {
      ruleId: CHANGE_SET_RULES.invalid,
    });
  }
  return { changeSet, json, file };
}
