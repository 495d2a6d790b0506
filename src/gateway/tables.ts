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
import type { ClauseRule, RuleSet, Source, View } from '../../generated/types.js';

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
  readonly clauseRules: { readonly [V in View]: readonly ClauseRule[] };
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
 * Gateway tables from compiled rule sets (rules/<view>.rules.json, or a compilation held in
 * memory). Same shape and content as generated/tables.ts; a test holds the two equal for the
 * project's own text, so they cannot drift apart.
 */
export function tablesFromRuleSets(ruleSets: { readonly [V in View]: RuleSet }): GatewayTables {
  const per = <T>(build: (ruleSet: RuleSet) => T): { [V in View]: T } =>
    ({ baseline: build(ruleSets.baseline), modified: build(ruleSets.modified) });
  return {
    trt: per((ruleSet) => {
      const table: Record<string, Record<string, Record<string, Record<string, unknown>>>> = {};
      for (const entry of ruleSet.trt) {
        const bySmets = (((table[entry.sr] ??= {})[entry.role] ??= {})[String(entry.smets)] ??= {});
        bySmets[entry.mode] = { seconds: entry.seconds, text: entry.text, notes: entry.notes, source: where(entry.source), clause: entry.source.clause ?? null };
      }
      return table;
    }) as unknown as TrtTable,
    eligibility: per((ruleSet) => {
      const table: Record<string, Record<string, unknown>> = {};
      for (const entry of ruleSet.eligibility) {
        (table[entry.sr] ??= {})[entry.role] = { eligible: entry.eligible, source: where(entry.source), clause: entry.source.clause ?? null };
      }
      return table;
    }) as unknown as EligibilityTable,
    serviceRequests: per((ruleSet) =>
      ruleSet.serviceRequests.map((sr) => ({
        ref: sr.ref,
        name: sr.name,
        nonDevice: sr.nonDevice,
        onDemand: sr.onDemand,
        futureDated: sr.futureDated,
        dccScheduled: sr.dccScheduled,
        source: where(sr.source),
        clause: sr.source.clause ?? null,
      })),
    ) as unknown as GatewayTables['serviceRequests'],
    userRoles: per((ruleSet) =>
      ruleSet.userRoles.map((role) => ({ id: role.id, name: role.name, partyCategory: role.partyCategory, source: where(role.source), clause: role.source.clause ?? null })),
    ) as unknown as GatewayTables['userRoles'],
    clauseRules: per((ruleSet) => ruleSet.clauseRules),
  };
}

function where(source: Source): string {
  return `${source.file}:${source.line}:${source.column}`;
}
