/** `redline-cite-undeclared`: a redline's `cite` names a modification the front matter declares. */
import type { LintRule } from '../types.js';
import { redlinesOf } from './redlines.js';

export const redlineCiteUndeclared: LintRule = {
  id: 'redline-cite-undeclared',
  severity: 'error',
  summary: "every redline's `cite` names a modification declared in the document's front matter",
  needsRules: false,
  views: 'once',
  doc: {
    description:
      'Each redline is attributed to a modification by its `cite` attribute, and each modification a document carries is declared in its front matter with its title and implementation date. A `cite` that names an undeclared modification (a typo such as `MP612`, or a redline pasted from another modification\'s draft) cannot be dated or reviewed with its modification, so the redline is an error until the cite is corrected or the modification declared.',
    examples: [
      { title: 'MP162 as drafted: every redline cites MP162, which each document declares', expect: [] },
      {
        title: 'A redline citing a modification the document does not declare',
        edits: [{ file: 'appendix-ab.md', find: '| 8.2 | N/A | 30 secs | N/A | <del cite="MP162">16 secs</del>', replace: '| 8.2 | N/A | 30 secs | N/A | <del cite="MP612">16 secs</del>' }],
        expect: ['appendix-ab.md:{<del cite="MP612">}'],
      },
    ],
  },
  check(context) {
    for (const document of context.documents) {
      if (!document.tree || !document.facts.info) continue;
      const declared = document.modifications.map((modification) => modification.id);
      for (const { node } of redlinesOf(document.tree)) {
        if (node.cite === undefined || declared.includes(node.cite)) continue;
        context.report(document, {
          reason: `Unexpected \`cite="${node.cite}"\` on ${node.type === 'insertion' ? 'an insertion' : 'a deletion'}, expected a modification declared in the front matter (${declared.join(', ') || 'none declared'})`,
          place: node.position,
          actual: node.cite,
          expected: declared,
        });
      }
    }
  },
};
