/**
 * The SEC over time in generated/tables.ts: `IN_FORCE`, one interval per dated release (the base
 * before the first), each naming the tables that answer for its dates: `baseline` or `modified`
 * when the text in force then is one of them (as for every date of MP162), else the release's id,
 * whose tables are emitted in `DATED_TABLES`. The lookups resolve `at: 'YYYY-MM-DD'` through it.
 */
import type { RuleSet } from '../../shared/model.js';
import { tableData, type TableData } from '../../shared/table-data.js';
import type { View } from '../../shared/vocabulary.js';
import { literal } from './literal.js';
import type { TimelineInterval } from '../5-link/in-force.js';

export type { TimelineInterval } from '../5-link/in-force.js';

type Tables = Pick<TableData, 'trt' | 'eligibility' | 'serviceRequests' | 'userRoles' | 'clauseRules'>;

/** One version's tables, without the per-view wrapper. */
function tablesOf(ruleSet: RuleSet): Record<keyof Tables, unknown> {
  const data = tableData({ baseline: ruleSet, modified: ruleSet });
  return {
    trt: data.trt.baseline,
    eligibility: data.eligibility.baseline,
    serviceRequests: data.serviceRequests.baseline,
    userRoles: data.userRoles.baseline,
    clauseRules: data.clauseRules.baseline,
  };
}

export function generateTimeline(ruleSets: Record<View, RuleSet>, intervals: readonly TimelineInterval[]): string {
  const named = (['baseline', 'modified'] as const).map((view) => [view, JSON.stringify(tablesOf(ruleSets[view]))] as const);
  const dated: Record<string, Record<keyof Tables, unknown>> = {};
  const rows = intervals.map((interval) => {
    const tables = tablesOf(interval.ruleSet);
    const text = JSON.stringify(tables);
    let key: string = named.find(([, json]) => json === text)?.[0] ?? '';
    if (key === '') {
      key = interval.release?.id ?? 'base';
      dated[key] = tables;
    }
    return { from: interval.from, to: interval.to, release: interval.release, modifications: interval.modifications, tables: key };
  });
  return `/** A calendar date, YYYY-MM-DD. */
export type AtDate = \`\${number}-\${number}-\${number}\`;

/** The SEC over time: from (included) to (excluded); null: since the base, or still in force. \`tables\` answers for those dates. */
export const IN_FORCE: readonly InForceInterval[] = ${literal(rows, 2)};

export interface InForceInterval {
  readonly from: AtDate | null;
  readonly to: AtDate | null;
  readonly release: { readonly id: string; readonly title: string } | null;
  readonly modifications: readonly string[];
  readonly tables: string;
}

/** The tables of a dated version that is neither the baseline nor the modified text, by release id. */
export const DATED_TABLES: Readonly<Record<string, DatedTables>> = ${literal(dated, 2)} as unknown as Readonly<Record<string, DatedTables>>;

export interface DatedTables {
  readonly trt: TrtTable[View];
  readonly eligibility: EligibilityTable[View];
  readonly serviceRequests: readonly ServiceRequestEntry[];
  readonly userRoles: readonly UserRoleEntry[];
  readonly clauseRules: readonly PlacedRule[];
}

/** The interval in force on a date (the implementation day included). */
export function inForceAt(at: AtDate): InForceInterval {
  let found = IN_FORCE[0] as InForceInterval;
  for (const interval of IN_FORCE) if (interval.from === null || interval.from <= at) found = interval;
  return found;
}
`;
}
