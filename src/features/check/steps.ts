/**
 * `secc check` is compile + a list of steps, each returning findings as vfiles. Drift is the
 * first; lint and the intent check add themselves here. A step never writes anything.
 */
import type { VFile } from 'vfile';
import { intentStep } from '../changeset/check-step.js';
import { checkCompiledTables } from './compiled-tables.js';
import { frozenStep } from '../frozen/check-step.js';
import { checkDrift } from './drift.js';
import { checkSchemaContract } from './schema-drift.js';
import { lintStep } from '../lint/check-step.js';
import type { CheckContext, CheckStep } from './step.js';
import { phaseTimer } from '../../compiler/timings.js';

export type { CheckContext, CheckStep } from './step.js';

export const driftStep: CheckStep = {
  name: 'drift',
  needsRules: true,
  run: ({ result, root, textDir }) =>
    checkDrift(result.outputs, {
      root,
      textDir,
      disk: result.context.outputs.disk,
      inForce: result.inForce,
      pieces: result.outputPieces,
    }),
};

/** The compiled JS that consumers import (dist/generated/, packages/tables/dist/) holds the text's tables. */
export const compiledTablesStep: CheckStep = {
  name: 'compiled-tables',
  needsRules: true,
  run: ({ result, root }) => (result.ruleSets ? checkCompiledTables(result.ruleSets, root) : Promise.resolve([])),
};

/** The schemas are part of the contract: each must be the one whose review rules/schemas.lock.json records. */
export const schemaStep: CheckStep = {
  name: 'schemas',
  needsRules: false,
  run: ({ root }) => checkSchemaContract(root),
};

export const CHECK_STEPS: CheckStep[] = [schemaStep, frozenStep, driftStep, compiledTablesStep, intentStep, lintStep];

export async function runCheckSteps(context: CheckContext, steps: readonly CheckStep[] = CHECK_STEPS): Promise<VFile[]> {
  const files: VFile[] = [];
  const phase = phaseTimer(context.result.context.timings);
  for (const step of steps) {
    if (step.needsRules && !context.result.ok) continue;
    files.push(...(await step.run(context)));
    phase(`check:${step.name}`);
  }
  return files;
}
