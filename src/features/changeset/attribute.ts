/**
 * Which modification made each change: each modification alone (base → base + ID) is compared
 * with the base, and a change of the pooled change set is attributed to every modification whose
 * own change set has the same address. The review page shows it beside each change.
 */
import type { CompileResult } from '../../compiler/driver.js';
import { compileVersion } from '../../compiler/versions.js';
import { diffRuleSets } from './diff.js';

/** change id → the modifications that make it (in plan order); empty when the compilation failed. */
export function changesByModification(result: CompileResult): Map<string, string[]> {
  const madeBy = new Map<string, string[]>();
  if (!result.ok || !result.ruleSets) return madeBy;
  const { baseline } = result.ruleSets;
  for (const { id } of result.plan.modifications) {
    const version = compileVersion(result, { kind: 'modification', id });
    if (!version) continue;
    for (const change of diffRuleSets(baseline, version.ruleSet).changes) madeBy.set(change.id, [...(madeBy.get(change.id) ?? []), id]);
  }
  return madeBy;
}
