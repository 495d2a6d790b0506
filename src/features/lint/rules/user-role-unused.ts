/** `user-role-unused`: every User Role the User Roles table defines is used somewhere. */
import { ELIGIBLE_USER_ROLES } from '../../../shared/vocabulary.js';
import type { LintRule } from '../types.js';
import { definedRoles, proseMentions, resolvesTo } from './roles.js';

const ROLE_FIELDS = ['role', 'roles', 'partyRoles', 'mustUseRole', 'as', 'exemptWhenAlreadyAssessedAs'];

export const userRoleUnused: LintRule = {
  id: 'user-role-unused',
  needsRules: false,
  views: 'each',
  doc: {
    description:
      'A User Role that is defined but that no Service Request, Target Response Time, clause or rule block uses is dead text: usually the rest of the redline that should have introduced it is missing (the MDR row added to Section H1.1 but no `Yes` for it in Appendix E). Reported at the definition, as a warning: the text is not contradictory, only incomplete.',
    examples: [
      { title: 'MP162 as drafted: the MDR is eligible for eleven SRs', expect: [] },
      {
        title: 'A role defined and used nowhere',
        edits: [{ file: 'section-h.md', find: '| Registered Supplier Agent | `registered-supplier-agent` | Other SEC Party |', replace: '| Registered Supplier Agent | `registered-supplier-agent` | Other SEC Party |\n| Meter Operator | `meter-operator` | Other SEC Party |' }],
        expect: ['section-h.md:{Meter Operator} [baseline] — Unexpected User Role `Meter Operator` that nothing uses, expected it to be eligible for a Service Request in Appendix E, to have Target Response Times, or to be named by a clause or rule'],
      },
    ],
  },
  check(context, view) {
    const defined = definedRoles(context.documents, view);
    if (defined.length === 0) return;
    const used = new Set<string>();
    const names = defined.map(({ row }) => row.name);
    for (const document of context.documents) {
      const facts = document.facts.views[view];
      for (const row of facts.serviceRows) for (const cell of row.roleCells) if (cell.eligible) used.add(cell.header);
      for (const column of facts.trtColumns) if (column.sender !== ELIGIBLE_USER_ROLES) used.add(column.sender);
      for (const rule of facts.clauseRules) {
        for (const field of ROLE_FIELDS) {
          const value = (rule as unknown as Record<string, unknown>)[field];
          const ids = Array.isArray(value) ? value : [value];
          for (const id of ids) {
            const match = defined.find(({ row }) => row.id === id);
            if (match) used.add(match.row.name);
            if (id === 'all') names.forEach((name) => used.add(name));
          }
        }
      }
    }
    for (const mention of proseMentions(context.documents, view)) for (const name of resolvesTo(mention.name, names)) used.add(name);
    for (const { document, row } of defined) {
      if (used.has(row.name)) continue;
      context.report(document, {
        reason: `Unexpected User Role \`${row.name}\` that nothing uses, expected it to be eligible for a Service Request in Appendix E, to have Target Response Times, or to be named by a clause or rule`,
        place: { start: { line: row.source.line, column: row.source.column }, end: { line: row.source.endLine, column: row.source.endColumn } },
        actual: row.name,
      });
    }
  },
};
