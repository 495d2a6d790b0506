/**
 * The compiled rule model: one view's rule set, what every later stage (lint, change set,
 * gateway, benchmark) reads; committed once over time in `rules/in-force.json`. The types are generated from the hand-written
 * schemas in rules/schema/ (json-schema-to-typescript), so the schema is the one contract.
 */
export type {
  RuleSet,
  Modification,
  DocumentInfo,
  UserRole,
  ServiceRequest,
  Eligibility,
  Trt,
  Clause,
  ClauseRule,
  Footnote,
  Source,
} from '../../generated/types.js';
