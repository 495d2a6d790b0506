/**
 * The compiled rule sets as the data of the typed tables: TRT[view][sr][role][smets][mode],
 * ELIGIBILITY[view][sr][role], and the Service Request, User Role and clause-rule lists, each
 * entry with its stable address and its place (document, clause, row, column: no line, which is in
 * the source map). One projection, used twice: the generator writes it
 * into generated/tables.ts, and the gateway builds the same tables in memory from any
 * compilation. Pure and dependency-free (types only), so the gateway may import it without
 * reaching the compiler. The types are those of generated/tables.ts, with plain strings where
 * the generated ones have the landed corpus's SR references and role identifiers.
 */
import type { ClauseRule, RuleSet, ServiceRequest, Source, Trt, UserRole } from '../../generated/types.js';
import { address, placeOf, placeText } from './address.js';
import { VIEWS, type Mode, type Smets, type View } from './vocabulary.js';

type Where<T> = T & { readonly address: string; readonly place: string; readonly clause: string | null };

/** A literate rule as the tables hold it: its address and place instead of its source position. */
export type PlacedRule<R extends ClauseRule = ClauseRule> = R extends unknown
  ? Omit<R, 'source'> & { readonly address: string; readonly place: string }
  : never;

/** A Target Response Time cell: seconds, or null when not available (N/A). */
export type TrtCellData = Where<Pick<Trt, 'seconds' | 'text' | 'notes'>>;
export type TrtBySmetsAndMode = { readonly [S in Smets]: { readonly [M in Mode]: TrtCellData } };
export type EligibilityCellData = Where<{ readonly eligible: boolean }>;
export type ServiceRequestData = Where<
  Pick<ServiceRequest, 'ref' | 'name' | 'critical' | 'nonDevice' | 'onDemand' | 'futureDated' | 'dccScheduled'>
>;
export type UserRoleData = Where<{ readonly id: string; readonly name: string; readonly partyCategory: string }>;

export type PerView<T> = { readonly [V in View]: T };
export type TrtTableData = PerView<Record<string, Record<string, TrtBySmetsAndMode>>>;
export type EligibilityTableData = PerView<Record<string, Record<string, EligibilityCellData>>>;

export interface TableData {
  srRefs: string[];
  /** The SRs with Target Response Times in either view (the keys of \`trt\`). */
  trtSrRefs: string[];
  roleIds: string[];
  trt: TrtTableData;
  eligibility: EligibilityTableData;
  serviceRequests: PerView<ServiceRequestData[]>;
  userRoles: PerView<UserRoleData[]>;
  clauseRules: PerView<PlacedRule[]>;
}

const located = (at: string, source: Source): { address: string; place: string; clause: string | null } => ({
  address: at,
  place: placeText(placeOf(source)),
  clause: source.clause ?? null,
});

/** A literate rule as CLAUSE_RULES lists it. */
export function placedRule(rule: ClauseRule): PlacedRule {
  const { source, ...rest } = rule;
  return { ...rest, address: address('clause-rule', rule.id), place: placeText(placeOf(source)) } as PlacedRule;
}

export function tableData(ruleSets: PerView<RuleSet>): TableData {
  const per = <T>(build: (ruleSet: RuleSet) => T): PerView<T> => ({
    baseline: build(ruleSets.baseline),
    modified: build(ruleSets.modified),
  });
  return {
    ...tableKeys(ruleSets),
    trt: per(trtTable),
    eligibility: per(eligibilityTable),
    serviceRequests: per((ruleSet) => ruleSet.serviceRequests.map(serviceRequestRow)),
    userRoles: per((ruleSet) => ruleSet.userRoles.map(userRoleRow)),
    clauseRules: per((ruleSet) => ruleSet.clauseRules.map(placedRule)),
  };
}

/** The SR references, those with TRTs, and the User Role identifiers of either view. */
export function tableKeys(ruleSets: PerView<RuleSet>): Pick<TableData, 'srRefs' | 'trtSrRefs' | 'roleIds'> {
  const unique = (values: string[]): string[] => [...new Set(values)];
  return {
    srRefs: unique(VIEWS.flatMap((view) => ruleSets[view].serviceRequests.map((sr) => sr.ref))),
    trtSrRefs: unique(VIEWS.flatMap((view) => ruleSets[view].trt.map((entry) => entry.sr))),
    roleIds: unique(VIEWS.flatMap((view) => ruleSets[view].userRoles.map((role) => role.id))),
  };
}

/** A Service Request as SERVICE_REQUESTS lists it. */
export function serviceRequestRow(sr: ServiceRequest): ServiceRequestData {
  return {
    ref: sr.ref,
    name: sr.name,
    critical: sr.critical,
    nonDevice: sr.nonDevice,
    onDemand: sr.onDemand,
    futureDated: sr.futureDated,
    dccScheduled: sr.dccScheduled,
    ...located(address('service-request', sr.ref), sr.source),
  };
}

/** A User Role as USER_ROLES lists it. */
export function userRoleRow(role: UserRole): UserRoleData {
  return { id: role.id, name: role.name, partyCategory: role.partyCategory, ...located(address('user-role', role.id), role.source) };
}

type Cells = Partial<Record<Mode, TrtCellData>>;

/** Fixed key order: SMETS 1 then 2, scheduled then on-demand, whatever order the rules list them in. */
export function trtTable(ruleSet: Pick<RuleSet, 'trt'>): Record<string, Record<string, TrtBySmetsAndMode>> {
  const cells = new Map<string, Map<string, Map<Smets, Cells>>>();
  for (const entry of ruleSet.trt) {
    const byRole = entryOf(cells, entry.sr, () => new Map<string, Map<Smets, Cells>>());
    const bySmets = entryOf(byRole, entry.role, () => new Map<Smets, Cells>());
    const byMode = entryOf(bySmets, entry.smets, (): Cells => ({}));
    byMode[entry.mode] = {
      seconds: entry.seconds,
      text: entry.text,
      notes: entry.notes,
      ...located(address('trt', entry.sr, entry.role, `smets${entry.smets}`, entry.mode), entry.source),
    };
  }
  const table: Record<string, Record<string, TrtBySmetsAndMode>> = {};
  for (const [sr, byRole] of cells) {
    const bySr: Record<string, TrtBySmetsAndMode> = (table[sr] = {});
    for (const [role, bySmets] of byRole) {
      const ordered = [...bySmets.keys()].sort().map((smets) => [String(smets), orderedModes(bySmets.get(smets) ?? {})]);
      // Complete tables have every generation and mode (link reports a missing one); a table from
      // a failed compilation may not, and is typed as complete only because nothing reads it.
      bySr[role] = Object.fromEntries(ordered) as TrtBySmetsAndMode;
    }
  }
  return table;
}

function entryOf<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  const found = map.get(key);
  if (found !== undefined) return found;
  const made = make();
  map.set(key, made);
  return made;
}

function orderedModes(byMode: Cells): Cells {
  return { scheduled: byMode.scheduled, 'on-demand': byMode['on-demand'] };
}

export function eligibilityTable(ruleSet: Pick<RuleSet, 'eligibility'>): Record<string, Record<string, EligibilityCellData>> {
  const table: Record<string, Record<string, EligibilityCellData>> = {};
  for (const entry of ruleSet.eligibility) {
    (table[entry.sr] ??= {})[entry.role] = {
      eligible: entry.eligible,
      ...located(address('eligibility', entry.sr, entry.role), entry.source),
    };
  }
  return table;
}
