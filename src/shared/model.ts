/**
 * The compiled rule model: what `rules/<view>.rules.json` holds and what every later stage
 * (lint, change set, gateway, benchmark) reads. The types are generated from the hand-written
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
  View,
  SmetsGeneration as Smets,
  RequestMode as Mode,
} from '../../generated/types.js';
import type { RequestMode, SmetsGeneration, View } from '../../generated/types.js';

export const VIEW_NAMES: readonly View[] = ['baseline', 'modified'];
export const SMETS_GENERATIONS: readonly SmetsGeneration[] = [2, 1];
export const MODES: readonly RequestMode[] = ['scheduled', 'on-demand'];
