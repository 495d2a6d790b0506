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
import type { DiffMemo, GroupedDiffer } from './diff-memo.js';

export type { Change, ChangeAction, ChangeCounts, ChangeKind, ChangeSet, CommittedChange, CommittedChangeSet };
export { committedChangeSet } from './change.js';
export { CHANGE_KINDS, emptyCounts, KIND_TITLES, summarise } from './summary.js';
export { formatSeconds } from './diff-tables.js';
export { DiffMemo } from './diff-memo.js';

export interface DiffOptions {
  from?: string;
  to?: string;
  /** Diffs kept between compilations (the compile context's): groups whose entries are unchanged are not compared again. */
  memo?: DiffMemo;
}

const bySr = (entry: { sr: string }): string => entry.sr;

/**
 * One differ per kind of entry, each pure: two rule sets in, that kind's changes out. The table
 * kinds compare entries of one SR only, so they are diffed per SR (see diff-memo.ts).
 */
const DIFFERS: readonly GroupedDiffer[] = [
  { diff: diffModifications, section: 'modifications', wide: true },
  { diff: diffDocuments, section: 'documents' },
  { diff: diffUserRoles, section: 'userRoles' },
  { diff: diffServiceRequests, section: 'serviceRequests', group: (entry: { ref: string }) => entry.ref },
  { diff: diffEligibility, section: 'eligibility', group: bySr },
  { diff: diffTrt, section: 'trt', group: bySr },
  { diff: diffClauses, section: 'clauses' },
  { diff: diffClauseRules, section: 'clauseRules' },
  { diff: diffFootnotes, section: 'footnotes' },
];

export function diffRuleSets(before: RuleSet, after: RuleSet, options: DiffOptions = {}): ChangeSet {
  const changes = options.memo
    ? options.memo.changes(DIFFERS, before, after)
    : DIFFERS.flatMap((differ) => differ.diff(before, after)).sort(compareChanges);
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
  return committedChangeSetJson(committedChangeSet(changeSet, CHANGE_SET_PATH).changeSet);
}

/** rules/change-set.json's text from the change set already committed (a caller that needs its source map too commits it once). */
export function committedChangeSetJson(committed: CommittedChangeSet): string {
  return `${JSON.stringify({ $schema: CHANGE_SET_SCHEMA_REF, ...committed }, null, 2)}\n`;
}

/** What rules/change-set.json names as its schema. */
export const CHANGE_SET_SCHEMA_REF = './schema/change-set.schema.json';
