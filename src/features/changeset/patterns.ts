/**
 * Change patterns of a manifest, in the change set's vocabulary: the identity of a change (the
 * fields that name one entry of its kind), and whether a pattern (values, lists, `*`,
 * `{except: [...]}`) matches a change and states its values.
 */
import { Document as YamlDocument, isMap, isScalar } from 'yaml';
import type { ChangePattern, Matcher } from '../../../generated/types.js';
import { parseDuration } from '../../compiler/4-extract/duration.js';
import type { Change, ChangeAction, ChangeKind } from './diff.js';

export type Field = 'sr' | 'role' | 'smets' | 'mode' | 'clause' | 'rule' | 'footnote' | 'field' | 'modification' | 'document';
export type Identity = Partial<Record<Field, string>>;

/** The fields that name one entry of each kind (for `changed`, the field of the entry too where a kind has fields). */
const IDENTITY: Record<ChangeKind, { all: Field[]; changed?: Field[] }> = {
  modification: { all: ['modification'], changed: ['modification', 'field'] },
  document: { all: ['document'], changed: ['document', 'field'] },
  'user-role': { all: ['role'], changed: ['role', 'field'] },
  'service-request': { all: ['sr'], changed: ['sr', 'field'] },
  eligibility: { all: ['sr', 'role'] },
  trt: { all: ['sr', 'role', 'smets', 'mode'] },
  clause: { all: ['clause'] },
  'clause-rule': { all: ['rule'] },
  footnote: { all: ['document', 'footnote'] },
};

export const PATTERN_FIELDS: Field[] = ['sr', 'role', 'smets', 'mode', 'clause', 'rule', 'footnote', 'field', 'modification', 'document'];

/** Values derived from a change object, kept while it is the same object (the compile context's `linking.derived`). */
export interface ChangeMemo {
  identities: WeakMap<Change, Identity>;
  lines: WeakMap<Change, string>;
  /** What a wildcard ranges over, per rule-set entry (expected.ts). */
  domains?: WeakMap<object, Map<string, Array<{ identity: Identity; key: string }>>>;
  /** Each change's identityKey. */
  keys?: WeakMap<Change, string>;
  /** Per modification: its manifest's text and what each of its patterns expects when it names every field (intent.ts). */
  manifests?: Map<string, { text: string; expected: Array<Array<KeyedExpected[] | undefined>> }>;
}

/** An expected change with its identityKey (when it has an identity). */
export interface KeyedExpected {
  identity?: Identity;
  description: string;
  key?: string;
}

/** The pattern fields of a change, as text (read-only: kept per change when a memo is given). */
export function identityOf(change: Change, memo?: ChangeMemo): Identity {
  const known = memo?.identities.get(change);
  if (known) return known;
  const identity: Identity = {};
  for (const field of PATTERN_FIELDS) {
    const value = field === 'document' ? change.document : (change as unknown as Record<string, unknown>)[field];
    if (value !== undefined) identity[field] = String(value);
  }
  memo?.identities.set(change, identity);
  return identity;
}

/** The fields that name one entry of a kind, for an action. */
export function identityFields(kind: ChangeKind, action: ChangeAction): Field[] {
  const fields = IDENTITY[kind];
  return action === 'changed' && fields.changed ? fields.changed : fields.all;
}

/** A key equal for two changes of the same entry (and field, for `changed`). */
export function identityKey(kind: ChangeKind, action: ChangeAction, identity: Identity): string {
  return [kind, action, ...identityFields(kind, action).map((field) => `${field}=${identity[field] ?? ''}`)].join('|');
}

/** identityKey of a change, kept per change object in a memo. */
export function changeKey(change: Change, memo?: ChangeMemo): string {
  const known = memo?.keys?.get(change);
  if (known !== undefined) return known;
  const key = identityKey(change.kind, change.action, identityOf(change, memo));
  memo?.keys?.set(change, key);
  return key;
}

/** Left out, `*` or `{except: [...]}`: the field ranges over the entries of the rule set. */
export function isWildcard(matcher: Matcher | undefined): boolean {
  return matcher === undefined || matcher === '*' || (typeof matcher === 'object' && !Array.isArray(matcher));
}

export function matcherAccepts(matcher: Matcher | undefined, value: string | undefined): boolean {
  if (matcher === undefined || matcher === '*') return true;
  if (Array.isArray(matcher)) return matcher.some((entry) => String(entry) === value);
  if (typeof matcher === 'object') return !matcher.except.some((entry) => String(entry) === value);
  return String(matcher) === value;
}

export function matchesPattern(change: Change, pattern: ChangePattern, memo?: ChangeMemo): boolean {
  if (change.kind !== pattern.kind || change.action !== pattern.action) return false;
  const identity = identityOf(change, memo);
  return PATTERN_FIELDS.every((field) => matcherAccepts(pattern[field], identity[field]));
}

/** `from → to` as the pattern states it, when the change's values differ from it. */
export function valueMismatch(change: Change, pattern: ChangePattern): string | undefined {
  if (pattern.from === undefined && pattern.to === undefined) return undefined;
  const before = change.before as Record<string, unknown> | undefined;
  const after = change.after as Record<string, unknown> | undefined;
  const ok = (stated: string | undefined, entry: Record<string, unknown> | undefined, shown: string | undefined): boolean => {
    if (stated === undefined) return true;
    if (change.kind === 'trt') {
      const parsed = parseDuration(stated);
      return parsed.ok && entry !== undefined && parsed.seconds === entry.seconds;
    }
    return stated === shown;
  };
  if (ok(pattern.from, before, change.from) && ok(pattern.to, after, change.to)) return undefined;
  return `${pattern.from ?? change.from ?? '…'} → ${pattern.to ?? change.to ?? '…'}`;
}

/**
 * The manifest line that intends exactly this change, as flow YAML for an intent's `changes:`
 * (what `intent-unintended` prints, so the drafter can paste it when the change is meant).
 */
export function patternLine(change: Change): string {
  return writePatternLine(change, identityOf(change));
}

/** `patternLine`, kept per change object in a memo. */
export function keptPatternLine(change: Change, memo: ChangeMemo | undefined): string {
  const known = memo?.lines.get(change);
  if (known !== undefined) return known;
  const line = writePatternLine(change, identityOf(change, memo));
  memo?.lines.set(change, line);
  return line;
}

function writePatternLine(change: Change, identity: Identity): string {
  const pattern: Record<string, string | number> = { kind: change.kind, action: change.action };
  for (const field of identityFields(change.kind, change.action)) {
    const value = identity[field];
    if (value !== undefined) pattern[field] = field === 'smets' && /^\d+$/.test(value) ? Number(value) : value;
  }
  const text = (side: unknown, shown: string | undefined): string | undefined =>
    change.kind === 'trt' && side && typeof (side as { text?: unknown }).text === 'string' ? (side as { text: string }).text : shown;
  // A clause's text is compared by fingerprint: a hash is nothing a drafter can state, so the line names the clause only.
  const stated = change.action === 'changed' && !change.from?.startsWith('sha256:') && !change.to?.startsWith('sha256:');
  const from = stated ? text(change.before, change.from) : undefined;
  const to = stated ? text(change.after, change.to) : undefined;
  if (from !== undefined) pattern.from = from;
  if (to !== undefined) pattern.to = to;
  const document = new YamlDocument(pattern);
  if (isMap(document.contents)) {
    document.contents.flow = true;
    // `8.2` unquoted would read back as a number: SR references and the like stay strings.
    for (const item of document.contents.items) {
      if (isScalar(item.value) && typeof item.value.value === 'string' && /^[\d.]+$/.test(item.value.value))
        item.value.type = 'QUOTE_SINGLE';
    }
  }
  return `- ${document.toString({ lineWidth: 0 }).trim()}`;
}
