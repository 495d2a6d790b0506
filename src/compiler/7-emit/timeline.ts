/**
 * The SEC over time in generated/tables.ts: `IN_FORCE`, one interval per dated release (the base
 * before the first), each naming the tables that answer for its dates: `baseline` or `modified`
 * when the text in force then is one of them (as for every date of MP162), else the release's id,
 * whose tables are emitted in `DATED_TABLES`. The lookups resolve `at: 'YYYY-MM-DD'` through it.
 */
import type { RuleSet } from '../../shared/model.js';
import { VIEWS, type View } from '../../shared/vocabulary.js';
import { ChunkMemo, objectKeyOrder, pieceOf, type Piece } from './chunks.js';

const EMPTY: Piece = { text: '{}' };
import { versionTablesText } from './table-chunks.js';
import { literal } from './literal.js';
import type { TimelineInterval } from '../5-link/in-force.js';

export type { TimelineInterval } from '../5-link/in-force.js';

export function timelinePiece(
  ruleSets: Record<View, RuleSet>,
  intervals: readonly TimelineInterval[],
  memo: ChunkMemo = new ChunkMemo(),
): Piece {
  // Each version's tables as DATED_TABLES would hold them; equal texts are equal tables.
  const named = VIEWS.map((view) => [view, versionTablesText(ruleSets[view], 1, memo)] as const);
  const dated: Array<readonly [string, Piece]> = [];
  const rows = intervals.map((interval) => {
    const version = interval.release?.id ?? 'base';
    const text = versionTablesText(interval.ruleSet, 1, memo);
    // The same piece when made from the same entries; else compared as text.
    let key: string = named.find(([, known]) => known === text || known.text === text.text)?.[0] ?? '';
    if (key === '') {
      key = version;
      dated.push([key, text]);
    }
    return { from: interval.from, to: interval.to, release: interval.release, modifications: interval.modifications, tables: key };
  });
  return pieceOf`/** A calendar date, YYYY-MM-DD. */
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
export const DATED_TABLES: Readonly<Record<string, DatedTables>> = ${datedText(dated, memo)} as unknown as Readonly<Record<string, DatedTables>>;

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

/** DATED_TABLES' object: by release id (a later interval of the same release replaces an earlier one's tables, as assigning a key does). */
function datedText(dated: ReadonlyArray<readonly [string, Piece]>, memo: ChunkMemo): Piece {
  const byKey = new Map(dated);
  return memo.object(
    'DATED_TABLES',
    objectKeyOrder(byKey.keys()).map((key) => [key, byKey.get(key) ?? EMPTY] as const),
    0,
  );
}
