/** Who Appendix E makes eligible for what, by User Role: the index the TRT rules read from a rule set. */
import type { RuleSet, Source } from '../../shared/model.js';

export interface RoleIndex {
  nameOf(id: string): string;
  byName: Map<string, { id: string; name: string }>;
  /** SR → role ids eligible for it under Appendix E. */
  eligible: Map<string, Set<string>>;
  /** SR → role id → whether Appendix E has a cell for it, and what it says. */
  cell: Map<string, Map<string, { eligible: boolean; source: Source }>>;
}

export function roleIndex(ruleSet: RuleSet): RoleIndex {
  const names = new Map(ruleSet.userRoles.map((role) => [role.id, role.name]));
  const eligible = new Map<string, Set<string>>();
  const cell = new Map<string, Map<string, { eligible: boolean; source: Source }>>();
  for (const entry of ruleSet.eligibility) {
    const cells = cell.get(entry.sr) ?? new Map<string, { eligible: boolean; source: Source }>();
    cell.set(entry.sr, cells.set(entry.role, { eligible: entry.eligible, source: entry.source }));
    if (!entry.eligible) continue;
    eligible.set(entry.sr, (eligible.get(entry.sr) ?? new Set<string>()).add(entry.role));
  }
  return {
    nameOf: (id) => names.get(id) ?? id,
    byName: new Map(ruleSet.userRoles.map((role) => [role.name, { id: role.id, name: role.name }])),
    eligible,
    cell,
  };
}
