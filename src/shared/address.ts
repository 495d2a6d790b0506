/**
 * Stable addresses: what "the same entry" means across versions and releases, with no line or
 * column in it. An entry's address names it by its legal identity (SR, User Role, SMETS
 * generation, mode, clause, rule, footnote); its *place* names the document, clause, row key and
 * column header it was read from. Line and column positions live apart, in a source map
 * (source-map.ts), so a prose edit near the top of a document moves no address and no place.
 *
 * The change set's ids, the conflicts between modifications, the frozen base check, the rules
 * over time (rules/in-force.json) and the gateway's legal basis all name entries by address.
 */
import type { RuleSet, Source } from './model.js';

/** The kinds of addressed entry, in the order their sections appear in a rule set. */
export const ENTRY_KINDS = [
  'modification',
  'document',
  'user-role',
  'service-request',
  'eligibility',
  'trt',
  'clause',
  'clause-rule',
  'footnote',
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** The rule-set section that holds each kind of entry. */
export const SECTION_OF = {
  modification: 'modifications',
  document: 'documents',
  'user-role': 'userRoles',
  'service-request': 'serviceRequests',
  eligibility: 'eligibility',
  trt: 'trt',
  clause: 'clauses',
  'clause-rule': 'clauseRules',
  footnote: 'footnotes',
} as const satisfies Record<EntryKind, keyof RuleSet>;

export type Section = (typeof SECTION_OF)[EntryKind];
export type EntryOf<S extends Section> = RuleSet[S][number];
export type AnyEntry = EntryOf<Section>;

/** Addresses are `/`-separated; a part that could contain `/`, `#` or `%` is percent-encoded. */
const RESERVED = /[%/#]/;

function part(value: string | number): string {
  const text = String(value);
  // Most parts hold none of the three characters: test before building a replacement.
  if (!RESERVED.test(text)) return text;
  return text.replace(/[%/#]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function address(kind: EntryKind, ...parts: Array<string | number>): string {
  let out: string = kind;
  for (const value of parts) out += `/${part(value)}`;
  return out;
}

/** The address of one field of an entry (a change to one field: `service-request/4.2#dccScheduled`). */
export function fieldAddress(entryAddress: string, field: string): string {
  return `${entryAddress}#${part(field)}`;
}

/** The entry an address (or a field address) belongs to. */
export function entryOfAddress(value: string): string {
  const hash = value.indexOf('#');
  return hash === -1 ? value : value.slice(0, hash);
}

export function kindOfAddress(value: string): EntryKind | undefined {
  const kind = value.slice(0, value.indexOf('/'));
  return (ENTRY_KINDS as readonly string[]).includes(kind) ? (kind as EntryKind) : undefined;
}

type Identify<K extends EntryKind> = (entry: EntryOf<(typeof SECTION_OF)[K]>) => Array<string | number>;

const IDENTITY: { [K in EntryKind]: Identify<K> } = {
  modification: (entry) => [entry.id],
  document: (entry) => [entry.file],
  'user-role': (entry) => [entry.id],
  'service-request': (entry) => [entry.ref],
  eligibility: (entry) => [entry.sr, entry.role],
  trt: (entry) => [entry.sr, entry.role, `smets${entry.smets}`, entry.mode],
  clause: (entry) => [entry.id],
  'clause-rule': (entry) => [entry.id],
  footnote: (entry) => [entry.file, entry.label],
};

/**
 * Each entry's address, computed once per entry object: entries are never changed once linked
 * (a rule set is read-only after stage 5), and the change set, the conflicts, the rules over time,
 * drift and the review page all ask for the same entries' addresses. A pure function's memo, keyed
 * weakly by the object, so it holds nothing of a compilation once its entries are gone.
 */
const ADDRESSES: { [K in EntryKind]: WeakMap<object, string> } = {
  modification: new WeakMap(),
  document: new WeakMap(),
  'user-role': new WeakMap(),
  'service-request': new WeakMap(),
  eligibility: new WeakMap(),
  trt: new WeakMap(),
  clause: new WeakMap(),
  'clause-rule': new WeakMap(),
  footnote: new WeakMap(),
};

/** The address of an entry of a rule set, by its kind. */
export function entryAddress<K extends EntryKind>(kind: K, entry: EntryOf<(typeof SECTION_OF)[K]>): string {
  const memo = ADDRESSES[kind];
  let known = memo.get(entry);
  if (known === undefined) {
    known = address(kind, ...(IDENTITY[kind] as Identify<K>)(entry));
    memo.set(entry, known);
  }
  return known;
}

/** One compiled entry with its address and kind. */
export interface AddressedEntry {
  address: string;
  kind: EntryKind;
  entry: AnyEntry;
}

/** Every entry of a rule set with its address, kind by kind, each in the rule set's own order. */
export function addressedEntries(ruleSet: RuleSet): AddressedEntry[] {
  return ENTRY_KINDS.flatMap((kind) =>
    (ruleSet[SECTION_OF[kind]] as readonly AnyEntry[]).map((entry) => ({
      address: entryAddress(kind, entry as never),
      kind,
      entry,
    })),
  );
}

/** Where an entry was read, without positions: the document, clause, row key and column header. */
export interface Place {
  file: string;
  clause?: string;
  row?: string;
  header?: string;
}

/** The place of a source: its position dropped. */
export function placeOf(source: Source): Place {
  const place: Place = { file: source.file };
  if (source.clause !== undefined) place.clause = source.clause;
  if (source.row !== undefined) place.row = source.row;
  if (source.header !== undefined) place.header = source.header;
  return place;
}

/** A place for people: `appendix-ab.md#AB2.1[8.2][Other User / SMETS1 / On-Demand]`. */
export function placeText(place: Place): string {
  const clause = place.clause ? `#${place.clause}` : '';
  const row = place.row !== undefined ? `[${place.row}]` : '';
  const header = place.header !== undefined ? `[${place.header}]` : '';
  return `${place.file}${clause}${row}${header}`;
}
