/**
 * Stable addresses: what "the same entry" means across versions and releases, with no line or
 * column in it. An entry's address names it by its legal identity (SR, User Role, SMETS
 * generation, mode, clause, rule, footnote); its *place* names the document, clause, row key and
 * column header it was read from. Line and column positions live apart, in a source map, so a
 * prose edit near the top of a document moves no address.
 */
import type { RuleSet, Source } from './model.js';

export type EntryKind = 'user-role' | 'service-request' | 'eligibility' | 'trt' | 'clause' | 'clause-rule' | 'footnote';

/** One compiled entry with its address, kind and the rule-set entry itself. */
export interface AddressedEntry {
  address: string;
  kind: EntryKind;
  entry: RuleSet[keyof EntryLists][number];
}

type EntryLists = Pick<RuleSet, 'userRoles' | 'serviceRequests' | 'eligibility' | 'trt' | 'clauses' | 'clauseRules' | 'footnotes'>;

/** Addresses are `/`-separated; a part that could contain `/` or `%` is percent-encoded. */
function part(value: string | number): string {
  return String(value).replace(/[%/]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function address(kind: EntryKind, ...parts: Array<string | number>): string {
  return [kind, ...parts.map(part)].join('/');
}

/** Every entry of a rule set with its address, in a stable order (by kind, then address). */
export function addressedEntries(ruleSet: RuleSet): AddressedEntry[] {
  const out: AddressedEntry[] = [
    ...ruleSet.userRoles.map((entry) => ({ address: address('user-role', entry.id), kind: 'user-role' as const, entry })),
    ...ruleSet.serviceRequests.map((entry) => ({
      address: address('service-request', entry.ref),
      kind: 'service-request' as const,
      entry,
    })),
    ...ruleSet.eligibility.map((entry) => ({ address: address('eligibility', entry.sr, entry.role), kind: 'eligibility' as const, entry })),
    ...ruleSet.trt.map((entry) => ({
      address: address('trt', entry.sr, entry.role, `smets${entry.smets}`, entry.mode),
      kind: 'trt' as const,
      entry,
    })),
    ...ruleSet.clauses.map((entry) => ({ address: address('clause', entry.id), kind: 'clause' as const, entry })),
    ...ruleSet.clauseRules.map((entry) => ({ address: address('clause-rule', entry.id), kind: 'clause-rule' as const, entry })),
    ...ruleSet.footnotes.map((entry) => ({ address: address('footnote', entry.file, entry.label), kind: 'footnote' as const, entry })),
  ];
  return out.sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
}

/** Where an entry was read, without positions: `appendix-ab.md#AB2.1[8.2][SMETS1 On-Demand]`. */
export function placeOf(source: Source): string {
  const clause = source.clause ? `#${source.clause}` : '';
  const row = source.row !== undefined ? `[${source.row}]` : '';
  const header = source.header !== undefined ? `[${source.header}]` : '';
  return `${source.file}${clause}${row}${header}`;
}

export interface SourcePosition {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** The position part of a source, for the source map. */
export function positionOf(source: Source): SourcePosition {
  return { file: source.file, line: source.line, column: source.column, endLine: source.endLine, endColumn: source.endColumn };
}
