/**
 * Stage 7, emit. Takes: the validated rule sets and change set (stage 6). Returns: every output's
 * text by its path relative to the project root; writing them (atomically, write.ts) or comparing
 * them (drift) is the caller's business.
 */
import { IN_FORCE_PATH } from '../../shared/in-force.js';
import type { RuleSet } from '../../shared/model.js';
import { sourceMapJson, sourceMapPath } from '../../shared/source-map.js';
import { CHANGE_SET_PATH, changeSetJson, committedChangeSet, type ChangeSet } from '../5-link/change-set/diff.js';
import type { InForceOutput } from '../5-link/in-force.js';
import { generateRegistrationSchema } from './registration-schema.js';
import { generateIndex, generateTables } from './tables.js';

/** Output paths, relative to the project root. */
export const OUTPUT_PATHS = {
  inForce: IN_FORCE_PATH,
  inForceMap: sourceMapPath(IN_FORCE_PATH),
  types: 'generated/types.ts',
  tables: 'generated/tables.ts',
  index: 'generated/index.ts',
  registrationSchema: 'generated/registration-schema.ts',
  changeSet: CHANGE_SET_PATH,
  changeSetMap: sourceMapPath(CHANGE_SET_PATH),
} as const;

export function ruleSetJson(ruleSet: RuleSet): string {
  return `${JSON.stringify({ $schema: './schema/rule-set.schema.json', ...ruleSet }, null, 2)}\n`;
}

/** rules/in-force.json: the rules over time, each entry once per value with its interval, no positions. */
export function inForceJson(inForce: Pick<InForceOutput, 'file'>): string {
  return `${JSON.stringify({ $schema: './schema/in-force.schema.json', ...inForce.file }, null, 2)}\n`;
}

export async function emitOutputs(
  inForce: InForceOutput,
  changeSet: ChangeSet,
  generateTypes: () => Promise<string>,
): Promise<Map<string, string>> {
  const outputs = new Map<string, string>();
  outputs.set(OUTPUT_PATHS.inForce, inForceJson(inForce));
  outputs.set(OUTPUT_PATHS.inForceMap, sourceMapJson(inForce.map));
  outputs.set(OUTPUT_PATHS.types, await generateTypes());
  outputs.set(OUTPUT_PATHS.tables, generateTables(inForce.ruleSets, inForce.intervals));
  outputs.set(OUTPUT_PATHS.index, generateIndex());
  outputs.set(OUTPUT_PATHS.registrationSchema, generateRegistrationSchema());
  outputs.set(OUTPUT_PATHS.changeSet, changeSetJson(changeSet));
  outputs.set(OUTPUT_PATHS.changeSetMap, sourceMapJson(committedChangeSet(changeSet, CHANGE_SET_PATH).map));
  return outputs;
}
