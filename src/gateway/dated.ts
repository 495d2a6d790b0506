/**
 * Deciding by date: the tables in force on a request's execution date, from the timeline that
 * `secc build` writes into generated/tables.ts (IN_FORCE, DATED_TABLES). The implementation day
 * itself is in force.
 */
import { DATED_TABLES, IN_FORCE, inForceAt, type AtDate, type InForceInterval } from '../../generated/index.js';
import type { View } from '../../generated/types.js';
import { GENERATED_TABLES, type GatewayTables } from './tables.js';

export interface InForce {
  /** The day decided on. */
  date: string;
  interval: InForceInterval;
  tables: GatewayTables;
  view: View;
}

function tablesFor(key: string): { tables: GatewayTables; view: View } {
  if (key === 'baseline' || key === 'modified') return { tables: GENERATED_TABLES, view: key };
  const dated = DATED_TABLES[key];
  if (!dated) throw new Error(`generated/tables.ts names tables \`${key}\` in IN_FORCE but has none; run \`secc build\``);
  // A dated version's tables stand in both slots, so every check reads them as its view.
  const both = <T>(value: T): { readonly [V in View]: T } => ({ baseline: value, modified: value });
  return {
    tables: {
      trt: both(dated.trt),
      eligibility: both(dated.eligibility),
      serviceRequests: both(dated.serviceRequests),
      userRoles: both(dated.userRoles),
      clauseRules: both(dated.clauseRules),
    },
    view: 'modified',
  };
}

/** The SEC in force on a calendar day. */
export function inForceOn(date: string): InForce {
  const interval = inForceAt(date as AtDate);
  return { date, interval, ...tablesFor(interval.tables) };
}

/** The first later interval in which a User Role is defined (to say when it comes into force). */
export function roleComesIntoForce(role: string, after: InForceInterval): InForceInterval | undefined {
  const later = IN_FORCE.slice(IN_FORCE.indexOf(after) + 1);
  return later.find((interval) => {
    const { tables, view } = tablesFor(interval.tables);
    return tables.userRoles[view].some((entry) => entry.id === role);
  });
}

/** `MP162 (June 2024 SEC Release, 2024-06-27)`: the legal basis of a date's version. */
export function describeInterval(interval: InForceInterval): string {
  if (!interval.release) return 'the base text';
  return `${interval.modifications.join(', ')} (${interval.release.title}, in force from ${interval.from ?? ''})`;
}
