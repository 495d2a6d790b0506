/**
 * Stage 7, emit. Takes: the validated rule sets and change set (stage 6). Returns: every output's
 * text by its path relative to the project root; writing them (atomically, write.ts) or comparing
 * them (drift) is the caller's business.
 */
import type { RuleSet } from '../../shared/model.js';
import { VIEWS, type View } from '../../shared/vocabulary.js';
import { changeSetJson, type ChangeSet } from '../5-link/change-set/diff.js';
import { generateRegistrationSchema } from './registration-schema.js';
import { generateIndex, generateTables } from './tables.js';
import type { TimelineInterval } from './timeline.js';

/** Output paths, relative to the project root. */
export const OUTPUT_PATHS = {
  baseline: 'rules/baseline.rules.json',
  modified: 'rules/modified.rules.json',
  types: 'generated/types.ts',
  tables: 'generated/tables.ts',
  index: 'generated/index.ts',
  registrationSchema: 'generated/registration-schema.ts',
  changeSet: 'rules/change-set.json',
} as const;

export function ruleSetJson(ruleSet: RuleSet): string {
  return `${JSON.stringify({ $schema: './schema/rule-set.schema.json', ...ruleSet }, null, 2)}\n`;
}

export async function emitOutputs(
  ruleSets: Record<View, RuleSet>,
  changeSet: ChangeSet,
  generateTypes: () => Promise<string>,
  intervals: readonly TimelineInterval[],
): Promise<Map<string, string>> {
  const outputs = new Map<string, string>();
  for (const view of VIEWS) outputs.set(OUTPUT_PATHS[view], ruleSetJson(ruleSets[view]));
  outputs.set(OUTPUT_PATHS.types, await generateTypes());
  outputs.set(OUTPUT_PATHS.tables, generateTables(ruleSets, intervals));
  outputs.set(OUTPUT_PATHS.index, generateIndex());
  outputs.set(OUTPUT_PATHS.registrationSchema, generateRegistrationSchema());
  outputs.set(OUTPUT_PATHS.changeSet, changeSetJson(changeSet));
  return outputs;
}
