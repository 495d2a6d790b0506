/**
 * The intent check as a `secc check` step: the baseline → modified change set against every
 * manifest in `<text>/modifications/`. Skipped when compilation failed (no rules to compare).
 */
import path from 'node:path';
import type { CheckStep } from '../check-steps.js';
import { diffRuleSets } from './diff.js';
import { checkIntents, loadManifests } from './intent.js';

export const intentStep: CheckStep = {
  name: 'intent',
  needsRules: true,
  async run({ result, textDir, cwd }) {
    if (!result.ruleSets) return [];
    const { baseline, modified } = result.ruleSets;
    const load = await loadManifests(textDir, cwd);
    const changeSet = diffRuleSets(baseline, modified);
    return checkIntents(changeSet, baseline, modified, load, { textDir: displayDir(textDir, cwd) }).files;
  },
};

/** The text directory as the compiler names its files: relative to cwd. */
export function displayDir(textDir: string, cwd: string): string {
  return path.relative(cwd, path.resolve(cwd, textDir)) || '.';
}
