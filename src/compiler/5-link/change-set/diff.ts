/**
 * The semantic change set: what a redline does to the rules. Compares two rule sets (the baseline
 * and the modified view, or two drafts of a redline) entry by entry, by each entry's identity
 * (SR; SR and role; SR, role, SMETS generation and mode; clause id; rule id; footnote label), and
 * lists every entry added, removed or changed, with the source of the redline that causes it.
 * Pure: rule sets in, a ChangeSet out; sources are never compared, only what the rules say.
 */
import type { ChangeAction, ChangeCounts, ChangeKind } from '../../../../generated/types.js';
import { committedChangeSet, type Change, type ChangeSet, type CommittedChange, type CommittedChangeSet } from './change.js';
import type { RuleSet } from '../../../shared/model.js';
import { diffDocuments, diffModifications, diffServiceRequests, diffUserRoles } from './diff-declared.js';
import { diffEligibility, diffTrt } from './diff-tables.js';
import { diffClauseRules, diffClauses, diffFootnotes } from './diff-text.js';
import { compareChanges, summarise } from './summary.js';

export type { Change, ChangeAction, ChangeCounts, ChangeKind, ChangeSet, CommittedChange, CommittedChangeSet };
export { committedChangeSet } from './change.js';
export { CHANGE_KINDS, emptyCounts, KIND_TITLES, summarise } from './summary.js';
export { formatSeconds } from './diff-tables.js';

export interface DiffOptions {
  from?: string;
  to?: string;
}

/** One differ per kind of entry, each pure: two rule sets in, that kind's changes out. */
const DIFFERS: ReadonlyArray<(before: RuleSet, after: RuleSet) => Change[]> = [
  diffModifications,
  diffDocuments,
  diffUserRoles,
  diffServiceRequests,
  diffEligibility,
  diffTrt,
  diffClauses,
  diffClauseRules,
  diffFootnotes,
];

export function diffRuleSets(before: RuleSet, after: RuleSet, options: DiffOptions = {}): ChangeSet {
  const changes = DIFFERS.flatMap((differ) => differ(before, after)).sort(compareChanges);
  return {
    from: options.from ?? before.view,
    to: options.to ?? after.view,
    modifications: after.modifications.map((modification) => modification.id),
    summary: summarise(changes),
    changes,
  };
}

export const CHANGE_SET_PATH = 'rules/change-set.json';

/** The change set as it is written to rules/change-set.json: places, no positions (they go to its source map). */
export function changeSetJson(changeSet: ChangeSet): string {
  const committed = committedChangeSet(changeSet, CHANGE_SET_PATH).changeSet;
  return `${JSON.stringify({ $schema: './schema/change-set.schema.json', ...committed }, null, 2)}\n`;
}
