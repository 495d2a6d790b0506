/**
 * What a pattern expects the redline to make: each combination its fields name, or, for a field
 * left open, every fitting entry of the rule set (the later view's entries for `added`, the
 * earlier view's for `removed`, entries in both for `changed`).
 */
import type { ChangePattern, Matcher } from '../../../generated/types.js';
import type { RuleSet } from '../../shared/model.js';
import type { ChangeAction, ChangeKind } from './diff.js';
import { identityFields, isWildcard, matcherAccepts, PATTERN_FIELDS, type Field, type Identity } from './patterns.js';

export interface Expected {
  /** The identity of the change expected; none when a wildcard fits no entry (so it is always missing). */
  identity?: Identity;
  description: string;
}

/** Whether a pattern names every identity field (then what it expects does not depend on the rule sets). */
export function namesEveryField(pattern: ChangePattern): boolean {
  return identityFields(pattern.kind, pattern.action).every((field) => !isWildcard(pattern[field]));
}

/** The changes a pattern expects: each named combination, or every fitting entry for wildcards. */
export function expectedInstances(pattern: ChangePattern, before: RuleSet, after: RuleSet, memo?: DomainMemo): Expected[] {
  const fields = identityFields(pattern.kind, pattern.action);
  const named = fields.filter((field) => !isWildcard(pattern[field]));
  const combos = cartesian(named.map((field) => ({ field, values: listOf(pattern[field]) })));
  if (named.length === fields.length) {
    return combos.map((identity) => ({ identity, description: describe(pattern.kind, pattern.action, identity) }));
  }
  const domain = domainOf(pattern.kind, pattern.action, before, after, memo).filter((entry) =>
    PATTERN_FIELDS.every((field) => entry.identity[field] === undefined || matcherAccepts(pattern[field], entry.identity[field])),
  );
  const out: Expected[] = [];
  for (const combo of combos) {
    const fits = domain.filter((entry) => named.every((field) => entry.identity[field] === combo[field]));
    if (fits.length === 0) {
      const wildcards = fields
        .filter((field) => !named.includes(field))
        .map((field) => `every ${field}`)
        .join(', ');
      out.push({
        description: `${describe(pattern.kind, pattern.action, combo)} (${wildcards}: none in the ${pattern.action === 'removed' ? 'earlier' : 'later'} text)`,
      });
      continue;
    }
    for (const entry of fits) out.push({ identity: entry.identity, description: describe(pattern.kind, pattern.action, entry.identity) });
  }
  return out;
}

function listOf(matcher: Matcher | undefined): string[] {
  if (Array.isArray(matcher)) return matcher.map(String);
  return matcher === undefined || typeof matcher === 'object' ? [] : [String(matcher)];
}

function cartesian(lists: Array<{ field: Field; values: string[] }>): Identity[] {
  let out: Identity[] = [{}];
  for (const { field, values } of lists) out = out.flatMap((partial) => values.map((value) => ({ ...partial, [field]: value })));
  return out;
}

function describe(kind: ChangeKind, action: ChangeAction, identity: Identity): string {
  const id = identity;
  switch (kind) {
    case 'eligibility':
      return `eligibility SR ${id.sr ?? '*'} ${action === 'removed' ? '−' : '+'} ${id.role ?? '*'}`;
    case 'trt':
      return `TRT SR ${id.sr ?? '*'}, ${id.role ?? '*'}, SMETS${id.smets ?? '*'}, ${id.mode ?? '*'} ${action}`;
    case 'user-role':
      return `User Role ${id.role ?? '*'} ${action}${id.field ? ` (${id.field})` : ''}`;
    case 'service-request':
      return `SR ${id.sr ?? '*'}${id.field ? ` ${id.field}` : ''} ${action}`;
    case 'clause':
      return `clause ${id.clause ?? '*'} ${action}`;
    case 'clause-rule':
      return `rule ${id.rule ?? '*'} ${action}`;
    case 'footnote':
      return `footnote [^${id.footnote ?? '*'}] of ${id.document ?? '*'} ${action}`;
    case 'modification':
      return `modification ${id.modification ?? '*'} ${action}${id.field ? ` (${id.field})` : ''}`;
    case 'document':
      return `document ${id.document ?? '*'} ${action}${id.field ? ` (${id.field})` : ''}`;
  }
}

export interface DomainEntry {
  identity: Identity;
  /** The identity as one string (its fields in a fixed order), to intersect two views' entries. */
  key: string;
}

/**
 * Each rule-set entry's domain entries, kept per entry object (the same while the entry is
 * unchanged: the compile context's `linking.derived`), by kind and whether fields are expanded.
 */
export type DomainMemo = WeakMap<object, Map<string, DomainEntry[]>>;

/** Entries of a kind that a wildcard ranges over: later view for added, earlier for removed, both for changed. */
function domainOf(kind: ChangeKind, action: ChangeAction, before: RuleSet, after: RuleSet, memo: DomainMemo | undefined): DomainEntry[] {
  const views = action === 'added' ? [after] : action === 'removed' ? [before] : [before, after];
  const [first = [], second] = views.map((view) => entriesOf(kind, view, action === 'changed', memo));
  if (!second) return first;
  const keys = new Set(first.map((entry) => entry.key));
  return second.filter((entry) => keys.has(entry.key));
}

function domainEntry(identity: Identity): DomainEntry {
  return { identity, key: JSON.stringify(identity) };
}

const FIELDS_OF: Partial<Record<ChangeKind, string[]>> = {
  modification: ['title', 'implementationDate'],
  document: ['document', 'id', 'title', 'modifications', 'external'],
  'user-role': ['name', 'partyCategory'],
  'service-request': ['name', 'critical', 'nonDevice', 'onDemand', 'futureDated', 'dccScheduled'],
};

function entriesOf(kind: ChangeKind, view: RuleSet, withFields: boolean, memo: DomainMemo | undefined): DomainEntry[] {
  const fields = withFields ? FIELDS_OF[kind] : undefined;
  const expand = (identity: Identity): DomainEntry[] =>
    fields ? fields.map((field) => domainEntry({ ...identity, field })) : [domainEntry(identity)];
  const slot = `${kind}|${fields ? 'fields' : 'entry'}`;
  /** An entry's domain entries, once per entry object when there is a memo. */
  const kept = <E extends object>(entry: E, make: (entry: E) => DomainEntry[]): DomainEntry[] => {
    if (!memo) return make(entry);
    let byKind = memo.get(entry);
    if (!byKind) memo.set(entry, (byKind = new Map()));
    let out = byKind.get(slot);
    if (!out) byKind.set(slot, (out = make(entry)));
    return out;
  };
  switch (kind) {
    case 'modification':
      return view.modifications.flatMap((entry) => kept(entry, () => expand({ modification: entry.id })));
    case 'document':
      return view.documents.flatMap((entry) => kept(entry, () => expand({ document: entry.file })));
    case 'user-role':
      return view.userRoles.flatMap((entry) => kept(entry, () => expand({ role: entry.id, document: entry.source.file })));
    case 'service-request':
      return view.serviceRequests.flatMap((entry) => kept(entry, () => expand({ sr: entry.ref, document: entry.source.file })));
    case 'eligibility':
      return view.eligibility
        .filter((entry) => entry.eligible)
        .flatMap((entry) => kept(entry, () => expand({ sr: entry.sr, role: entry.role, document: entry.source.file })));
    case 'trt':
      return view.trt.flatMap((entry) =>
        kept(entry, () =>
          expand({ sr: entry.sr, role: entry.role, smets: String(entry.smets), mode: entry.mode, document: entry.source.file }),
        ),
      );
    case 'clause':
      return view.clauses.flatMap((entry) => kept(entry, () => expand({ clause: entry.id, document: entry.file })));
    case 'clause-rule':
      return view.clauseRules.flatMap((entry) =>
        kept(entry, () => expand({ rule: entry.id, clause: entry.clause, document: entry.source.file })),
      );
    case 'footnote':
      return view.footnotes.flatMap((entry) => kept(entry, () => expand({ footnote: entry.label, document: entry.file })));
  }
}
