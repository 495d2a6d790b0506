/**
 * The compiled rule sets as the data of the typed tables: TRT[view][sr][role][smets][mode],
 * ELIGIBILITY[view][sr][role], and the Service Request, User Role and clause-rule lists, each
 * entry with its `file:line:column` source. One projection, used twice: the generator writes it
 * into generated/tables.ts, and the gateway builds the same tables in memory from any
 * compilation. Pure and dependency-free (types only), so the gateway may import it without
 * reaching the compiler.
 */
import type { RuleSet } from '../../generated/types.js';
import { VIEWS, where, type View } from './vocabulary.js';

export interface TableData {
  srRefs: string[];
  roleIds: string[];
  trt: Record<View, Record<string, Record<string, Record<string, Record<string, unknown>>>>>;
  eligibility: Record<View, Record<string, Record<string, unknown>>>;
  serviceRequests: Record<View, Array<Record<string, unknown>>>;
  userRoles: Record<View, Array<Record<string, unknown>>>;
  clauseRules: Record<View, RuleSet['clauseRules']>;
}

export function tableData(ruleSets: { readonly [V in View]: RuleSet }): TableData {
  const per = <T>(build: (ruleSet: RuleSet) => T): Record<View, T> => ({
    baseline: build(ruleSets.baseline),
    modified: build(ruleSets.modified),
  });
  const unique = (values: string[]): string[] => [...new Set(values)];
  return {
    srRefs: unique(VIEWS.flatMap((view) => ruleSets[view].serviceRequests.map((sr) => sr.ref))),
    roleIds: unique(VIEWS.flatMap((view) => ruleSets[view].userRoles.map((role) => role.id))),
    trt: per(trtTable),
    eligibility: per(eligibilityTable),
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
    ),
    userRoles: per((ruleSet) =>
      ruleSet.userRoles.map((role) => ({
        id: role.id,
        name: role.name,
        partyCategory: role.partyCategory,
        source: where(role.source),
        clause: role.source.clause ?? null,
      })),
    ),
    clauseRules: per((ruleSet) => ruleSet.clauseRules),
  };
}

/** Fixed key order: SMETS 1 then 2, scheduled then on-demand, whatever order the rules list them in. */
function trtTable(ruleSet: RuleSet): Record<string, Record<string, Record<string, Record<string, unknown>>>> {
  const table: Record<string, Record<string, Record<string, Record<string, unknown>>>> = {};
  for (const entry of ruleSet.trt) {
    const bySmets = ((table[entry.sr] ??= {})[entry.role] ??= {});
    const byMode = (bySmets[String(entry.smets)] ??= {});
    byMode[entry.mode] = {
      seconds: entry.seconds,
      text: entry.text,
      notes: entry.notes,
      source: where(entry.source),
      clause: entry.source.clause ?? null,
    };
  }
  for (const bySr of Object.values(table)) {
    for (const [role, bySmets] of Object.entries(bySr)) {
      bySr[role] = Object.fromEntries(
        Object.keys(bySmets)
          .sort()
          .map((smets) => [smets, { scheduled: bySmets[smets]!.scheduled, 'on-demand': bySmets[smets]!['on-demand'] }]),
      );
    }
  }
  return table;
}

function eligibilityTable(ruleSet: RuleSet): Record<string, Record<string, unknown>> {
  const table: Record<string, Record<string, unknown>> = {};
  for (const entry of ruleSet.eligibility) {
    (table[entry.sr] ??= {})[entry.role] = { eligible: entry.eligible, source: where(entry.source), clause: entry.source.clause ?? null };
  }
  return table;
}
