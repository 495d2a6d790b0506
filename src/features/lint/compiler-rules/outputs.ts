/**
 * Docs (data) of the compiler rules detected in Stages 6 and 7 (validate, emit) and `secc check`:
 * the outputs against their schemas and against the files on disk.
 */
import type { CompilerRuleDoc } from '../types.js';

export const OUTPUT_RULE_DOCS: readonly CompilerRuleDoc[] = [
  {
    id: 'output-schema',
    doc: {
      description: 'The compiled JSON is the contract with the gateway teams; the build stops before writing anything that breaks it.',
      examples: [],
    },
  },
  {
    id: 'drift',
    doc: {
      description:
        'Committed rules and tables that no longer follow from the text would ship rules the SEC does not say; run `secc build`.',
      examples: [],
    },
  },
];
