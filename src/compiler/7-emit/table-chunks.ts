/**
 * The tables of generated/tables.ts rendered by chunks (chunks.ts): the TRT and eligibility
 * tables one chunk per SR (made from that SR's entries), the lists one chunk per row (made from
 * its entry), so that after a one-cell edit only the chunk holding the cell is rendered again.
 * Each text is what `literal(table, 2)` writes at that depth (test/emit-chunks.test.ts).
 */
import type { RuleSet } from '../../shared/model.js';
import { groupBy } from '../../shared/group-by.js';
import { eligibilityTable, placedRule, serviceRequestRow, trtTable, userRoleRow } from '../../shared/table-data.js';
import { nestedJson, objectKeyOrder, type ChunkMemo, type Piece } from './chunks.js';

/** The tables of one version, in the order a version's tables are written. */
export const VERSION_TABLES = ['trt', 'eligibility', 'serviceRequests', 'userRoles', 'clauseRules'] as const;
export type VersionTable = (typeof VERSION_TABLES)[number];

/**
 * One table of a version, as text at `depth`: the same entries give the same piece, in whichever
 * version they are.
 */
export function tableText(ruleSet: RuleSet, table: VersionTable, depth: number, memo: ChunkMemo): Piece {
  const name = `${table}\u0000${depth}`;
  // The versions of a corpus mostly share their tables' entries: a table made from the same entries is not grouped again.
  switch (table) {
    case 'trt':
      return memo.table(name, ruleSet.trt, () => bySr(ruleSet.trt, (group) => trtTable({ trt: group }), name, depth, memo));
    case 'eligibility':
      return memo.table(name, ruleSet.eligibility, () =>
        bySr(ruleSet.eligibility, (group) => eligibilityTable({ eligibility: group }), name, depth, memo),
      );
    case 'serviceRequests':
      return memo.table(name, ruleSet.serviceRequests, () => rows(ruleSet.serviceRequests, serviceRequestRow, name, depth, memo));
    case 'userRoles':
      return memo.table(name, ruleSet.userRoles, () => rows(ruleSet.userRoles, userRoleRow, name, depth, memo));
    case 'clauseRules':
      return memo.table(name, ruleSet.clauseRules, () => rows(ruleSet.clauseRules, placedRule, name, depth, memo));
  }
}

/** Every table of a version, as the object `{ trt, eligibility, serviceRequests, userRoles, clauseRules }` at `depth`. */
export function versionTablesText(ruleSet: RuleSet, depth: number, memo: ChunkMemo): Piece {
  return memo.object(
    'tables',
    VERSION_TABLES.map((table) => [table, tableText(ruleSet, table, depth + 1, memo)] as const),
    depth,
  );
}

/** A table keyed by SR: one chunk per SR, made from that SR's entries (in the rule set's order). */
function bySr<E extends { sr: string }>(
  entries: readonly E[],
  table: (group: E[]) => Record<string, unknown>,
  name: string,
  depth: number,
  memo: ChunkMemo,
): Piece {
  const groups = groupBy(entries, (entry) => entry.sr);
  const pairs = objectKeyOrder(groups.keys()).map((sr) => {
    const group = groups.get(sr) ?? [];
    return [sr, memo.chunk(name, group, () => nestedJson(table(group)[sr], depth + 1))] as const;
  });
  return memo.object(name, pairs, depth);
}

/** A list: one chunk per row, kept with the entry it is made from (by what is rendered of it and at what depth). */
function rows<E extends object>(entries: readonly E[], row: (entry: E) => unknown, name: string, depth: number, memo: ChunkMemo): Piece {
  return memo.array(
    name,
    entries.map((entry) => memo.item(entry, name, () => nestedJson(row(entry), depth + 1))),
    depth,
  );
}
