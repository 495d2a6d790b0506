/**
 * `secc check` is compile + a list of steps, each returning findings as vfiles. Drift is the
 * first; lint and the intent check add themselves here. A step never writes anything.
 */
import type { VFile } from 'vfile';
import type { CompileResult } from '../../compiler/driver.js';
import { intentStep } from '../changeset/check-step.js';
import { checkDrift } from './drift.js';
import { lintStep } from '../lint/check-step.js';

export interface CheckContext {
  result: CompileResult;
  /** Absolute project root (rules/, generated/). */
  root: string;
  /** Legal text directory as given (relative to cwd). */
  textDir: string;
  cwd: string;
}

export interface CheckStep {
  name: string;
  /** Steps that need compiled rules are skipped when compilation failed. */
  needsRules: boolean;
  run(context: CheckContext): Promise<VFile[]>;
}

export const driftStep: CheckStep = {
  name: 'drift',
  needsRules: true,
  run: ({ result, root, textDir }) => checkDrift(result.outputs, { root, textDir }),
};

export const CHECK_STEPS: CheckStep[] = [driftStep, intentStep, lintStep];

export async function runCheckSteps(context: CheckContext, steps: readonly CheckStep[] = CHECK_STEPS): Promise<VFile[]> {
  const files: VFile[] = [];
  for (const step of steps) {
    if (step.needsRules && !context.result.ok) continue;
    files.push(...(await step.run(context)));
  }
  return files;
}
