/** `clause-order`: within a document, clause numbers increase in the order the clauses appear. */
import type { LintFinding, LintRule } from '../types.js';
import type { Clause } from '../../../shared/model.js';
import { placeOf } from '../util.js';
import { clauseKey, compareClauses } from './clause-numbers.js';

export const clauseOrder: LintRule = {
  id: 'clause-order',
  needsRules: false,
  views: 'each',
  doc: {
    description:
      'Readers find a clause by its number, and references cite it by number: a clause that comes after one with a higher number (H3.14 before H3.13, or an inserted H3.12A placed after H3.13) is misplaced or misnumbered. Checked in each projection, so an insertion put in the wrong place is caught in the modified text. A clause number used twice is the compiler\'s `clause-duplicate`.',
    examples: [
      { title: 'MP162 as drafted: H1.2, H1.2A, H1.2B, H1.3 …', expect: [] },
      {
        title: 'An inserted clause put after the clause it should precede',
        edits: [
          { file: 'section-h.md', find: '### H3.13A Scheduled retrieval of MHHS data', replace: '### H3.12A Scheduled retrieval of MHHS data' },
          { file: 'section-h.md', find: 'clause: H3.13A\n', replace: 'clause: H3.12A\n' },
        ],
        expect: ['section-h.md:{### H3.12A} [modified] — Unexpected clause H3.12A after clause H3.13, expected clause numbers to increase through the document'],
      },
    ],
  },
  check(context, view) {
    for (const document of context.documents) {
      const clauses = document.facts.views[view].clauses;
      for (const finding of context.kept(document, [clauses], () => outOfOrder(clauses))) context.report(document, finding);
    }
  },
};

/** Each clause numbered below the clause before it (same prefix). */
function outOfOrder(clauses: readonly Clause[]): LintFinding[] {
  const findings: LintFinding[] = [];
      let previous: { id: string; key: NonNullable<ReturnType<typeof clauseKey>> } | undefined;
      for (const clause of clauses) {
        const key = clauseKey(clause.id);
        if (!key) continue;
        if (previous && previous.key.prefix === key.prefix && compareClauses(previous.key, key) > 0) {
          findings.push({
            reason: `Unexpected clause ${clause.id} after clause ${previous.id}, expected clause numbers to increase through the document`,
            place: placeOf(clause.source),
            actual: clause.id,
          });
        }
        previous = { id: clause.id, key };
      }
  return findings;
}
