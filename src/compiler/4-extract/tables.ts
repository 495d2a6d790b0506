/**
 * The table-kind registry. Takes: a table of a projected tree. Gives: the facts of the first kind
 * that recognises its headers (other tables are prose). A new kind of table is one module in
 * tables/ (see tables/kind.ts) added to TABLE_KINDS, plus its schema; extraction, the cache's
 * shape check and linking derive from this list. The compile context may carry another list
 * (a test's toy kind), so nothing here is mutable.
 */
import type { Table } from 'mdast';
import { readGrid, type TableContext } from './tables/grid.js';
import type { Facts, TableKind } from './tables/kind.js';
import { roleTable } from './tables/roles.js';
import { serviceTable } from './tables/services.js';
import { trtTable } from './tables/trt.js';
import { reportDuplicateHeaders } from './table-headers.js';
import { reportUnrecognisedTable } from './unread-tables.js';

export { TABLE_RULES, type Cell, type TableContext } from './tables/grid.js';
export type { Facts, LinkedTables, LinkInput, TableKind } from './tables/kind.js';
export { ROLE_COLUMNS, type RoleRow } from './tables/roles.js';
export { SERVICE_COLUMNS, type RoleCell, type ServiceRow } from './tables/services.js';
export type { TrtCell, TrtColumn, TrtRow } from './tables/trt.js';
export { ELIGIBLE_USER_ROLES } from '../../shared/vocabulary.js';

/** The built-in kinds, in linking order: roles, then services (which name roles), then TRTs (which need both). */
const BUILT_IN = [roleTable, serviceTable, trtTable] as const;
export const TABLE_KINDS: readonly TableKind[] = BUILT_IN;

type FactsOf<K> = K extends TableKind<infer F> ? F : never;
type Intersection<U> = (U extends unknown ? (all: U) => void : never) extends (all: infer I) => void ? I : never;

/** Every built-in kind's facts, as one view of one document holds them (derived from the registry). */
export type TableFacts = Intersection<FactsOf<(typeof BUILT_IN)[number]>>;

export function emptyTableFacts(kinds: readonly TableKind[] = TABLE_KINDS): TableFacts {
  return Object.assign({}, ...kinds.map((kind) => kind.empty())) as TableFacts;
}

/**
 * Reads one table into `facts` if a kind recognises its headers, and returns the kind's name. A
 * table no kind recognises is prose, unless it looks like data (then it is reported: see
 * unread-tables.ts); a header twice is an error for every kind (table-headers.ts).
 */
export function readTable(
  table: Table,
  context: TableContext,
  facts: Facts,
  kinds: readonly TableKind[] = TABLE_KINDS,
): string | undefined {
  const grid = readGrid(table, context);
  const names = grid.headers.map((header) => header.text);
  const kind = kinds.find((candidate) => candidate.recognises(names));
  if (!kind) {
    reportUnrecognisedTable(table, names, context);
    return undefined;
  }
  reportDuplicateHeaders(grid.headers, context);
  kind.read(grid, context, facts);
  return kind.name;
}
