/**
 * The tables the gateway decides from. By default they are the generated ones (generated/),
 * which `secc build` writes from sec-text/ and `secc check` keeps in step with it; a caller may
 * pass tables built from another compilation (a draft redline, a temp copy of the text) with
 * `tablesFromRuleSets`, so a decision can be re-run against any version of the legal text
 * without a code change.
 *
 * Dependencies point one way: this module imports generated/ only, never the compiler.
 */
import {
  CLAUSE_RULES,
  ELIGIBILITY_TABLE,
  SERVICE_REQUESTS,
  TRT_TABLE,
  USER_ROLES,
  type EligibilityTable,
  type ServiceRequestEntry,
  type TrtTable,
  type UserRoleEntry,
} from '../../generated/index.js';
import type { RuleSet, View } from '../../generated/types.js';
import { tableData, type PlacedRule } from '../shared/table-data.js';

export interface GatewayTables {
  /** TRT[view][sr][role][smets][mode] (Appendix AB). */
  readonly trt: TrtTable;
  /** ELIGIBILITY[view][sr][role] (Appendix E). */
  readonly eligibility: EligibilityTable;
  /** The Appendix E rows with their flags. */
  readonly serviceRequests: { readonly [V in View]: readonly ServiceRequestEntry[] };
  /** The Section H1.1 User Roles. */
  readonly userRoles: { readonly [V in View]: readonly UserRoleEntry[] };
  /** The literate rules under their clauses (H1.2B, H3.13A, H4.2, H4.2A, ...). */
  readonly clauseRules: { readonly [V in View]: readonly PlacedRule[] };
}

/** The tables as generated from sec-text/ by `secc build`. */
export const GENERATED_TABLES: GatewayTables = {
  trt: TRT_TABLE,
  eligibility: ELIGIBILITY_TABLE,
  serviceRequests: SERVICE_REQUESTS,
  userRoles: USER_ROLES,
  clauseRules: CLAUSE_RULES,
};

/** The exports of a generated/index module (the shape `secc build` writes), as gateway tables. */
export function tablesFromGenerated(module: {
  TRT_TABLE: unknown;
  ELIGIBILITY_TABLE: unknown;
  SERVICE_REQUESTS: unknown;
  USER_ROLES: unknown;
  CLAUSE_RULES: unknown;
}): GatewayTables {
  return {
    trt: module.TRT_TABLE as TrtTable,
    eligibility: module.ELIGIBILITY_TABLE as EligibilityTable,
    serviceRequests: module.SERVICE_REQUESTS as GatewayTables['serviceRequests'],
    userRoles: module.USER_ROLES as GatewayTables['userRoles'],
    clauseRules: module.CLAUSE_RULES as GatewayTables['clauseRules'],
  };
}

/**
 * Gateway tables from compiled rule sets (a view read back from rules/in-force.json, or a
 * compilation held in memory): the same projection (src/shared/table-data.ts) that generated/tables.ts is written from.
 */
export function tablesFromRuleSets(ruleSets: { readonly [V in View]: RuleSet }): GatewayTables {
  const data = tableData(ruleSets);
  return {
    trt: data.trt,
    eligibility: data.eligibility,
    // The generated types name the landed corpus's SR references and role identifiers; another compilation's are plain strings.
    serviceRequests: data.serviceRequests as GatewayTables['serviceRequests'],
    userRoles: data.userRoles as GatewayTables['userRoles'],
    clauseRules: data.clauseRules,
  };
}
