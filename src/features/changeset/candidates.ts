/**
 * The changes a manifest pattern can match, found by its kind, action and first identity field
 * it names (`sr: '8.2'`) rather than by trying it on every change: a finished manifest has one
 * pattern per change, so trying each on all was quadratic (over a million tries at SEC scale).
 * Each candidate is still matched in full (`matchesPattern`); the index only leaves out changes
 * that cannot match, in change-set order.
 */
import type { ChangePattern, Matcher } from '../../../generated/types.js';
import type { Change } from './diff.js';
import { identityFields, identityOf, type ChangeMemo, type Field } from './patterns.js';

export class ChangeIndex {
  private readonly byKindAction = new Map<string, Change[]>();
  private readonly byField = new Map<string, Map<string, Change[]>>();

  constructor(
    changes: readonly Change[],
    private readonly memo: ChangeMemo | undefined,
  ) {
    for (const change of changes) push(this.byKindAction, `${change.kind}|${change.action}`, change);
  }

  candidates(pattern: ChangePattern): readonly Change[] {
    const all = this.byKindAction.get(`${pattern.kind}|${pattern.action}`) ?? [];
    const field = identityFields(pattern.kind, pattern.action).find((name) => isValue(pattern[name as Field]));
    if (!field) return all;
    const key = `${pattern.kind}|${pattern.action}|${field}`;
    let index = this.byField.get(key);
    if (!index) {
      index = new Map();
      for (const change of all) {
        const value = identityOf(change, this.memo)[field];
        if (value !== undefined) push(index, value, change);
      }
      this.byField.set(key, index);
    }
    return index.get(String(pattern[field])) ?? [];
  }
}

/** One value (not `*`, a list or `{except}`): a change matches only when its field equals it as text. */
function isValue(matcher: Matcher | undefined): boolean {
  return typeof matcher === 'number' || (typeof matcher === 'string' && matcher !== '*');
}

function push<K>(map: Map<K, Change[]>, key: K, change: Change): void {
  const list = map.get(key);
  if (list) list.push(change);
  else map.set(key, [change]);
}
