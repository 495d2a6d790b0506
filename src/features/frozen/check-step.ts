/** The frozen-release check as a `secc check` step: the base of the text against the newest frozen release. */
import type { CheckStep } from '../check/step.js';
import { checkFrozen } from './frozen.js';

export const frozenStep: CheckStep = {
  name: 'frozen',
  needsRules: true,
  run: ({ result, root }) => checkFrozen(result, root),
};
