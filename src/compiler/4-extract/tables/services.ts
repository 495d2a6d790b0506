/**
 * The services table (Appendix E): `SR | Service Request Name | Critical | Non-Device | On Demand |
 * Future Dated | DCC Scheduled`, then one Yes/No column per User Role. Read into service rows; linked into
 * the rule set's Service Requests and eligibility, role columns matched to defined User Roles.
 */
import { report } from '../../../shared/diagnostics.js';
import type { Eligibility, ServiceRequest, Source, UserRole } from '../../../shared/model.js';
import { cellPosition } from '../text.js';
import { cellsOf, isDuplicateSr, requireColumns, srRef, TABLE_RULES, yesNo, type Cell, type Grid, type TableContext } from './grid.js';
import { at, type LinkInput, type TableKind } from './kind.js';

export const SERVICE_COLUMNS = [
  'SR',
  'Service Request Name',
  'Critical',
  'Non-Device',
  'On Demand',
  'Future Dated',
  'DCC Scheduled',
] as const;
type ServiceColumn = (typeof SERVICE_COLUMNS)[number];

export const SERVICE_LINK_RULES = {
  rolesMissing: 'roles-missing',
  roleUnknown: 'role-unknown',
  roleColumnMissing: 'eligibility-missing-role',
  srDuplicate: 'sr-duplicate',
} as const;

export interface RoleCell {
  header: string;
  headerSource: Source;
  eligible: boolean;
  source: Source;
}

export interface ServiceRow {
  ref: string;
  name: string;
  critical: boolean;
  nonDevice: boolean;
  onDemand: boolean;
  futureDated: FutureDated;
  dccScheduled: boolean;
  source: Source;
  sources: { name: Source; critical: Source; nonDevice: Source; onDemand: Source; futureDated: Source; dccScheduled: Source };
  roleCells: RoleCell[];
}

export type ServiceFacts = { serviceRows: ServiceRow[] };

/** The Future Dated patterns of Appendix E (E1.3(b)); `DSP & Device` is SR 6.23's. */
export const FUTURE_DATED = ['DSP', 'Device', 'DSP & Device', 'No'] as const;
export type FutureDated = (typeof FUTURE_DATED)[number];

function futureDatedOf(cell: Cell, context: TableContext, ref: string): ServiceRow['futureDated'] | undefined {
  if (cell.broken) return undefined;
  const value = FUTURE_DATED.find((candidate) => candidate === cell.text);
  if (value) return value;
  const expected = FUTURE_DATED.map((candidate) => `\`${candidate}\``);
  report(
    context.file,
    `Unexpected \`${cell.text}\` for SR ${ref}, Future Dated: expected ${expected.slice(0, -1).join(', ')} or ${expected.at(-1)}`,
    {
      ruleId: TABLE_RULES.flag,
      place: cellPosition(cell.node),
      view: context.view,
      actual: cell.text,
      expected: [...FUTURE_DATED],
    },
  );
  return undefined;
}

function read(grid: Grid, context: TableContext, facts: ServiceFacts): void {
  const columns = requireColumns(grid, SERVICE_COLUMNS, context, 'services table');
  if (!columns) return;
  const fixed = new Set(Object.values(columns));
  const roleColumns = grid.headers.flatMap((header, index) => (fixed.has(index) ? [] : [{ header, index }]));
  const seen = new Map<string, Cell>();
  for (const row of grid.rows) {
    const cells = cellsOf(row, columns);
    if (!cells) continue;
    const ref = srRef(cells.SR, context);
    if (ref === undefined || isDuplicateSr(ref, cells.SR, seen, context)) continue;
    const serviceRow = readRow(cells, ref, context);
    const roleCells = roleColumns.map(({ header, index }) => roleCell(header, row[index], context, ref));
    if (!serviceRow || roleCells.some((cell) => cell === undefined)) continue;
    facts.serviceRows.push({ ...serviceRow, roleCells: roleCells.filter((cell) => cell !== undefined) });
  }
}

/** The fixed columns of a row; undefined (each bad cell reported) if one cannot be read. */
function readRow(cells: Record<ServiceColumn, Cell>, ref: string, context: TableContext): Omit<ServiceRow, 'roleCells'> | undefined {
  const critical = yesNo(cells.Critical, context, ref);
  const nonDevice = yesNo(cells['Non-Device'], context, ref);
  const onDemand = yesNo(cells['On Demand'], context, ref);
  const dccScheduled = yesNo(cells['DCC Scheduled'], context, ref);
  const futureDated = futureDatedOf(cells['Future Dated'], context, ref);
  if (
    critical === undefined ||
    nonDevice === undefined ||
    onDemand === undefined ||
    dccScheduled === undefined ||
    futureDated === undefined
  )
    return undefined;
  return {
    ref,
    name: cells['Service Request Name'].text,
    critical,
    nonDevice,
    onDemand,
    futureDated,
    dccScheduled,
    source: cells.SR.source,
    sources: {
      name: cells['Service Request Name'].source,
      critical: cells.Critical.source,
      nonDevice: cells['Non-Device'].source,
      onDemand: cells['On Demand'].source,
      futureDated: cells['Future Dated'].source,
      dccScheduled: cells['DCC Scheduled'].source,
    },
  };
}

function roleCell(header: Cell, cell: Cell | undefined, context: TableContext, ref: string): RoleCell | undefined {
  const eligible = cell && yesNo(cell, context, ref);
  if (cell === undefined || eligible === undefined) return undefined;
  return { header: header.text, headerSource: header.source, eligible, source: cell.source };
}

function link(
  input: LinkInput<ServiceFacts>,
  linked: { userRoles: readonly UserRole[] },
): { serviceRequests: ServiceRequest[]; eligibility: Eligibility[] } {
  const { userRoles } = linked;
  const withRows = input.documents.find(({ facts }) => facts.serviceRows.length > 0);
  if (userRoles.length === 0 && withRows) {
    input.report(
      withRows.name,
      'Missing User Roles table, expected a table headed `User Role | Identifier | Party Category` in one of the documents',
      { ruleId: SERVICE_LINK_RULES.rolesMissing, place: { line: 1, column: 1 } },
    );
  }
  const serviceRequests: ServiceRequest[] = [];
  const eligibility: Eligibility[] = [];
  const firsts = new Map<string, { sr: ServiceRequest; file: string }>();
  const reported = new Set<string>();
  for (const { name: document, facts } of input.documents) {
    for (const row of facts.serviceRows) {
      const first = firsts.get(row.ref);
      if (first) {
        input.report(
          document,
          `Unexpected second definition of SR ${row.ref}, expected each Service Request once (first in ${first.file}:${first.sr.source.line})`,
          { ruleId: SERVICE_LINK_RULES.srDuplicate, place: at(row.source) },
        );
        continue;
      }
      const { roleCells: _roleCells, ...sr } = row;
      firsts.set(row.ref, { sr, file: document });
      serviceRequests.push(sr);
      eligibility.push(...eligibilityOf(row, document, userRoles, reported, input));
    }
  }
  return { serviceRequests, eligibility };
}

/** A row's role cells as eligibility entries; unknown and missing role columns reported once per document. */
function eligibilityOf(
  row: ServiceRow,
  document: string,
  userRoles: readonly UserRole[],
  reported: Set<string>,
  input: LinkInput<ServiceFacts>,
): Eligibility[] {
  const out: Eligibility[] = [];
  const named = new Set<string>();
  const once = (key: string): boolean => !reported.has(key) && Boolean(reported.add(key));
  for (const cell of row.roleCells) {
    const role = userRoles.find((candidate) => candidate.name === cell.header);
    if (!role) {
      if (userRoles.length > 0 && once(`${document}:${cell.headerSource.line}:${cell.headerSource.column}`)) {
        const names = userRoles.map((r) => r.name);
        input.report(
          document,
          `Unexpected column \`${cell.header}\` in the services table, expected a User Role defined in the User Roles table (${names.join(', ')})`,
          { ruleId: SERVICE_LINK_RULES.roleUnknown, place: at(cell.headerSource), actual: cell.header, expected: names },
        );
      }
      continue;
    }
    named.add(role.id);
    out.push({ sr: row.ref, role: role.id, eligible: cell.eligible, source: cell.source });
  }
  for (const role of userRoles) {
    if (named.has(role.id) || !once(`${document}:missing:${role.id}`)) continue;
    input.report(
      document,
      `Missing column for User Role \`${role.name}\` in the services table, expected one column per defined User Role`,
      {
        ruleId: SERVICE_LINK_RULES.roleColumnMissing,
        place: at(row.source),
      },
    );
  }
  return out;
}

export const serviceTable: TableKind<ServiceFacts> = {
  name: 'services table',
  recognises: (headers) => headers.includes('SR') && headers.includes('Service Request Name'),
  read,
  empty: () => ({ serviceRows: [] }),
  link,
};
