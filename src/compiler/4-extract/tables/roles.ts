/**
 * The User Roles table (Section H1.1): `User Role | Identifier | Party Category`. Read into role
 * rows; linked into the rule set's User Roles, each name and identifier defined once.
 */
import { report } from '../../../shared/diagnostics.js';
import type { Source, UserRole } from '../../../shared/model.js';
import { cellsOf, requireColumns, TABLE_RULES, type Grid, type TableContext } from './grid.js';
import { at, type LinkInput, type TableKind } from './kind.js';

export const ROLE_COLUMNS = ['User Role', 'Identifier', 'Party Category'] as const;
const ROLE_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

export const ROLE_LINK_RULES = { roleDuplicate: 'role-duplicate' } as const;

export interface RoleRow {
  name: string;
  id: string;
  partyCategory: string;
  source: Source;
}

export type RoleFacts = { roleRows: RoleRow[] };

function read(grid: Grid, context: TableContext, facts: RoleFacts): void {
  const columns = requireColumns(grid, ROLE_COLUMNS, context, 'User Roles table');
  if (!columns) return;
  for (const row of grid.rows) {
    const cells = cellsOf(row, columns);
    if (!cells) continue;
    const { 'User Role': name, Identifier: id, 'Party Category': party } = cells;
    if (!ROLE_ID.test(id.text)) {
      report(
        context.file,
        `Unexpected User Role identifier \`${id.text}\`, expected lower-case words joined by hyphens, such as \`import-supplier\``,
        { ruleId: TABLE_RULES.roleId, place: id.node.position, view: context.view, actual: id.text },
      );
      continue;
    }
    facts.roleRows.push({ name: name.text, id: id.text, partyCategory: party.text, source: name.source });
  }
}

function link(input: LinkInput<RoleFacts>): { userRoles: UserRole[] } {
  const userRoles: UserRole[] = [];
  const names = new Set<string>();
  const ids = new Set<string>();
  for (const { name: document, facts } of input.documents) {
    for (const row of facts.roleRows) {
      if (ids.has(row.id) || names.has(row.name)) {
        input.report(
          document,
          `Unexpected second definition of User Role \`${row.name}\` (\`${row.id}\`), expected each User Role and identifier once`,
          { ruleId: ROLE_LINK_RULES.roleDuplicate, place: at(row.source) },
        );
        continue;
      }
      userRoles.push({ id: row.id, name: row.name, partyCategory: row.partyCategory, source: row.source });
      names.add(row.name);
      ids.add(row.id);
    }
  }
  return { userRoles };
}

export const roleTable: TableKind<RoleFacts> = {
  name: 'User Roles table',
  recognises: (headers) => headers.includes('User Role') && headers.includes('Identifier'),
  read,
  empty: () => ({ roleRows: [] }),
  link,
};
