/** `user-role-undefined`: a User Role named in prose is one the User Roles table defines. */
import type { LintFinding, LintRule } from '../types.js';
import { definedRoles, documentMentions, resolvesTo } from './roles.js';
import { didYouMean, nearest } from '../../../shared/did-you-mean.js';

export const userRoleUndefined: LintRule = {
  id: 'user-role-undefined',
  needsRules: false,
  views: 'each',
  doc: {
    description:
      'Obligations attach to User Roles by name. A clause that names a User Role the User Roles table (Section H1.1) does not define, in the same projection, binds nobody: usually a misspelling (`Meter Data Retreiver`) or a role the redline forgot to add, or one it deleted while a clause still names it. Table headers and rule blocks are checked by the compiler (`role-unknown`); this rule reads the prose. A family name that ends every member (`Supplier User Roles`: Import, Export and Gas Supplier) is accepted.',
    examples: [
      { title: 'MP162 as drafted: every role named is defined', expect: [] },
      {
        title: 'A misspelt User Role in Section G',
        edits: [{ file: 'section-g.md', find: 'that it may send in the Meter Data Retriever User Role, in the same manner', replace: 'that it may send in the Meter Data Retreiver User Role, in the same manner' }],
        expect: ['section-g.md:{Meter Data Retreiver} [modified] — Unexpected User Role `Meter Data Retreiver`, expected a User Role defined in the User Roles table; did you mean `Meter Data Retriever`?'],
      },
    ],
  },
  check(context, view) {
    const names = definedRoles(context.documents, view).map(({ row }) => row.name);
    if (names.length === 0) return; // no User Roles table: roles-missing, the compiler's
    const known = names.join('\u0000');
    for (const document of context.documents) {
      const tree = document.projection(view);
      if (!tree) continue;
      const find = () => undefinedRoles(documentMentions(tree, document.file), names);
      for (const finding of context.kept(document, [tree, known], find)) context.report(document, finding);
    }
  },
};

/** Each mention that names no defined User Role, with the names it may have meant. */
function undefinedRoles(mentions: ReturnType<typeof documentMentions>, names: readonly string[]): LintFinding[] {
  const findings: LintFinding[] = [];
    for (const mention of mentions) {
      if (resolvesTo(mention.name, names).length > 0) continue;
      const near = nearest(mention.name, names);
      findings.push({
        reason: `Unexpected User Role \`${mention.name}\`, expected a User Role defined in the User Roles table${didYouMean(near)}`,
        place: mention.place,
        actual: mention.name,
        expected: near.length > 0 ? near : [...names],
      });
    }
  return findings;
}
