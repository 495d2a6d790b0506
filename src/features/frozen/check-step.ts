/** The frozen-release check as a `secc check` step: the base of the text against the newest frozen release, and every frozen file against its recorded hash. */
import type { CheckStep } from '../check/step.js';
import { checkFrozen } from './frozen.js';
import { checkFrozenRecord } from './record.js';

export const frozenStep: CheckStep = {
  name: 'frozen',
  needsRules: true,
  async run({ result, root }) {
    const record = result.plan.releases ? await checkFrozenRecord(result.plan.releases, root) : [];
    return [...record, ...(await checkFrozen(result, root))];
  },
};
