/**
 * generated/tables.ts: typed constant TRT and eligibility tables with tiny lookups.
 * Legal text only ever enters the output through `literal()` (JSON, which is valid JS), never
 * into comments or identifiers, so no name can change the meaning of the code.
 */
import type { View } from '../../shared/vocabulary.js';
import type { RuleSet } from '../../shared/model.js';
import { tableKeys } from '../../shared/table-data.js';
import { ChunkMemo, pieceOf, type Piece } from './chunks.js';
import { tableText, type VersionTable } from './table-chunks.js';
import { MODES, SMETS_GENERATIONS, VIEWS as TABLE_VIEWS } from '../../shared/vocabulary.js';
import { GENERATED_BANNER } from './types.js';
import { literal } from './literal.js';
import { timelinePiece, type TimelineInterval } from './timeline.js';

export { literal } from './literal.js';

/**
 * The text of generated/tables.ts. The tables are rendered by chunks kept in `memo` (one per SR of
 * the TRT and eligibility tables, one per row of the lists): give the same memo each time and an
 * edit renders again only the chunks whose entries changed.
 */
export function generateTables(
  ruleSets: Record<View, RuleSet>,
  intervals: readonly TimelineInterval[] = [],
  memo: ChunkMemo = new ChunkMemo(),
): string {
  return tablesPiece(ruleSets, intervals, memo).text;
}

/** generated/tables.ts as a piece: the fixed code as strings, each table (by view) and the timeline as parts. */
export function tablesPiece(
  ruleSets: Record<View, RuleSet>,
  intervals: readonly TimelineInterval[] = [],
  memo: ChunkMemo = new ChunkMemo(),
): Piece {
  const views = [...TABLE_VIEWS];
  const { srRefs, trtSrRefs, roleIds } = tableKeys(ruleSets);
  const perView = (table: VersionTable): Piece =>
    memo.object(
      'views',
      views.map((view) => [view, tableText(ruleSets[view], table, 1, memo)] as const),
      0,
    );
  const modifications = ruleSets.modified.modifications;

  return pieceOf`${GENERATED_BANNER}import type { ClauseRule, RequestMode, SmetsGeneration, View } from './types.js';

/** Every Service Request reference defined in either view. */
export const SR_REFS = ${literal(srRefs)} as const;
export type SrRef = (typeof SR_REFS)[number];

/**
 * The Service Requests that have Target Response Times in the corpus (the rows of Appendix AB's
 * table, whose scope clause AB1.3 states). \`trtFor\` accepts only these; \`isEligible\` accepts every SrRef.
 */
export const TRT_SR_REFS = ${literal(trtSrRefs)} as const satisfies readonly SrRef[];
export type TrtSrRef = (typeof TRT_SR_REFS)[number];

/** Every User Role identifier defined in either view. */
export const ROLE_IDS = ${literal(roleIds)} as const;
export type RoleId = (typeof ROLE_IDS)[number];

export const VIEWS = ${literal(views)} as const satisfies readonly View[];
export type Smets = SmetsGeneration;
export type Mode = RequestMode;

/** The SMETS generations and request modes the tables are keyed by. */
export const SMETS_GENERATIONS = ${literal([...SMETS_GENERATIONS].sort())} as const satisfies readonly Smets[];
export const MODES = ${literal(MODES)} as const satisfies readonly Mode[];

/** A Target Response Time cell: seconds, or null when not available (N/A). */
export interface TrtCell {
  readonly seconds: number | null;
  readonly text: string;
  readonly notes: readonly string[];
  /** The cell's stable address (e.g. trt/8.2/other-user/smets1/on-demand); its line is in the source map. */
  readonly address: string;
  /** Where it is read: document#clause[row][column header]. */
  readonly place: string;
  readonly clause: string | null;
}

export type TrtBySmetsAndMode = { readonly [S in Smets]: { readonly [M in Mode]: TrtCell } };

export interface EligibilityCell {
  readonly eligible: boolean;
  readonly address: string;
  readonly place: string;
  readonly clause: string | null;
}

export interface ServiceRequestEntry {
  readonly ref: SrRef;
  readonly name: string;
  readonly critical: boolean;
  readonly nonDevice: boolean;
  readonly onDemand: boolean;
  readonly futureDated: 'DSP' | 'Device' | 'DSP & Device' | 'No';
  readonly dccScheduled: boolean;
  readonly address: string;
  readonly place: string;
  readonly clause: string | null;
}

export interface UserRoleEntry {
  readonly id: RoleId;
  readonly name: string;
  readonly partyCategory: string;
  readonly address: string;
  readonly place: string;
  readonly clause: string | null;
}

export type TrtTable = { readonly [V in View]: { readonly [R in SrRef]?: { readonly [P in RoleId]?: TrtBySmetsAndMode } } };
export type EligibilityTable = { readonly [V in View]: { readonly [R in SrRef]?: { readonly [P in RoleId]?: EligibilityCell } } };

export const MODIFICATIONS = ${literal(modifications)} as const;

export const USER_ROLES: { readonly [V in View]: readonly UserRoleEntry[] } = ${perView('userRoles')};

export const SERVICE_REQUESTS: { readonly [V in View]: readonly ServiceRequestEntry[] } = ${perView('serviceRequests')};

/** TRT_TABLE[view][sr][role][smets][mode]; a role has an entry only where it is eligible. */
export const TRT_TABLE: TrtTable = ${perView('trt')};

/** ELIGIBILITY_TABLE[view][sr][role]: every cell of the Appendix E matrix. */
export const ELIGIBILITY_TABLE: EligibilityTable = ${perView('eligibility')};

/** A literate rule as the tables hold it: its stable address and place instead of a source position. */
export type PlacedRule<R extends ClauseRule = ClauseRule> = R extends unknown
  ? Omit<R, 'source'> & { readonly address: string; readonly place: string }
  : never;

/** The literate rules of each view, as compiled from the rule blocks under their clauses. */
export const CLAUSE_RULES: { readonly [V in View]: readonly PlacedRule[] } = ${perView('clauseRules')} as unknown as { readonly [V in View]: readonly PlacedRule[] };

${timelinePiece(ruleSets, intervals, memo)}
${LOOKUPS}`;
}

/** The lookups of generated/tables.ts: fixed code over the data above. */
const LOOKUPS = `/**
 * The lookups index the SR level through null-prototype dictionaries: a literal with hundreds of
 * keys is slow to index by a variable key (and a dictionary has no inherited keys such as
 * \`constructor\`, so an unknown SR is simply absent).
 */
function dictionary<T extends object>(table: T): T {
  const index = Object.create(null) as Record<string, unknown>;
  for (const [key, value] of Object.entries(table)) index[key] = value;
  return index as T;
}

/** Every table by its key: the views, then each dated version's (by release id). */
function bySr<T extends object>(named: { readonly [V in View]: T }, dated: (tables: DatedTables) => T): Readonly<Record<string, T>> {
  const index: Record<string, T> = Object.create(null) as Record<string, T>;
  for (const view of VIEWS) index[view] = dictionary(named[view]);
  for (const [key, tables] of Object.entries(DATED_TABLES)) index[key] = dictionary(dated(tables));
  return index;
}

/**
 * Guards for values off the wire: each narrows an unknown value to the literal type the lookups
 * take, so a gateway checks a request field once instead of casting it. \`isSmets\` takes the
 * number (\`Number(field)\` first when the wire carries text).
 */
const SR_REF_SET: ReadonlySet<unknown> = new Set(SR_REFS);
const ROLE_ID_SET: ReadonlySet<unknown> = new Set(ROLE_IDS);
const SMETS_SET: ReadonlySet<unknown> = new Set(SMETS_GENERATIONS);
const MODE_SET: ReadonlySet<unknown> = new Set(MODES);

/** Whether a value is the reference of a Service Request defined in either view, e.g. \`4.8.1\`. */
export function isSrRef(value: unknown): value is SrRef {
  return SR_REF_SET.has(value);
}

/** Whether a value is a User Role identifier defined in either view, e.g. \`mdr\`. */
export function isRoleId(value: unknown): value is RoleId {
  return ROLE_ID_SET.has(value);
}

/** Whether a value is a SMETS generation of the tables (the number 1 or 2). */
export function isSmets(value: unknown): value is Smets {
  return SMETS_SET.has(value);
}

/** Whether a value is a request mode, \`scheduled\` or \`on-demand\`. */
export function isMode(value: unknown): value is Mode {
  return MODE_SET.has(value);
}

const TRT_INDEX = bySr(TRT_TABLE, (tables) => tables.trt);
const ELIGIBILITY_INDEX = bySr(ELIGIBILITY_TABLE, (tables) => tables.eligibility);

/** A version: a named view, or the text in force on a date (\`at: '2024-06-27'\`). */
export type VersionQuery = { readonly view: View; readonly at?: never } | { readonly at: AtDate; readonly view?: never };

/** The key of the tables a query reads. */
export function tablesKey(query: VersionQuery): string {
  return query.at === undefined ? query.view : inForceAt(query.at).tables;
}

export type TrtQuery = {
  readonly sr: TrtSrRef;
  readonly role: RoleId;
  readonly smets: Smets;
  readonly mode: Mode;
} & VersionQuery;

const TRT_SRS: ReadonlySet<string> = new Set(TRT_SR_REFS);

/** Whether the corpus gives Target Response Times for the SR (narrows an SrRef for \`trtFor\`). */
export function hasTrts(sr: SrRef): sr is TrtSrRef {
  return TRT_SRS.has(sr);
}

/** The TRT cell for a query, or undefined when the role is not eligible for the SR in that version. */
export function trtFor(query: TrtQuery): TrtCell | undefined {
  return TRT_INDEX[tablesKey(query)]?.[query.sr]?.[query.role]?.[query.smets][query.mode];
}

/** Seconds; null when not available (N/A); undefined when the role is not eligible. */
export function trtSeconds(query: TrtQuery): number | null | undefined {
  return trtFor(query)?.seconds;
}

export type EligibilityQuery = {
  readonly sr: SrRef;
  readonly role: RoleId;
} & VersionQuery;

/** Whether Appendix E makes the role eligible to send the SR in that version. */
export function isEligible(query: EligibilityQuery): boolean {
  return eligibilityFor(query)?.eligible === true;
}

/** The eligibility cell (with its address and place), or undefined when the SR or role is not in that version. */
export function eligibilityFor(query: EligibilityQuery): EligibilityCell | undefined {
  return ELIGIBILITY_INDEX[tablesKey(query)]?.[query.sr]?.[query.role];
}
`;

export function generateIndex(): string {
  return `${GENERATED_BANNER}export * from './tables.js';
export type * from './types.js';
`;
}
