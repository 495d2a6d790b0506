/**
 * Rules the compiler enforces while it reads the text, one module per stage that detects them
 * (src/compiler/1-read, 2-parse, 4-extract, 5-link, 6-validate/7-emit and the drift check).
 * `secc lint` reports them with the drafting rules; their detection stays in the compiler, and
 * their docs and examples (data) live here, executed by the same test as the drafting rules'.
 */
import type { CompilerRuleDoc } from '../types.js';
import { EXTRACT_RULE_DOCS } from './extract.js';
import { LINK_RULE_DOCS } from './link.js';
import { OUTPUT_RULE_DOCS } from './outputs.js';
import { PARSE_RULE_DOCS } from './parse.js';
import { READ_RULE_DOCS } from './read.js';
import { INTEGRITY_RULES } from './integrity.js';
import { CHECK_RULE_DOCS } from './checks.js';

/** In data-flow order: the stage that reports a rule is the module that documents it. */
export const COMPILER_RULES: readonly CompilerRuleDoc[] = [
  ...READ_RULE_DOCS,
  ...PARSE_RULE_DOCS,
  ...EXTRACT_RULE_DOCS,
  ...LINK_RULE_DOCS,
  ...OUTPUT_RULE_DOCS,
  // Issue 11's checks that nothing is lost in silence (read, parse, extract and the drift check).
  ...INTEGRITY_RULES,
  // Beyond the stages: the frozen base, the tables package, the intent check, conform, Word.
  ...CHECK_RULE_DOCS,
];
