/** `secc check` runs the drafting rules too: the CI gate fails on any error finding. */
import type { CheckStep } from '../check/step.js';
import { lint } from './index.js';

export const lintStep: CheckStep = {
  name: 'lint',
  // Tree rules run even when compilation failed; rules that need rule sets skip themselves.
  needsRules: false,
  async run({ result }) {
    // Findings land on the documents' own vfiles, which the check already reports.
    return lint(result).filter((file) => !result.files.includes(file));
  },
};
