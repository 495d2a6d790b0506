/**
 * `clause-renumbered`: a modification does not renumber existing clauses; a clause it inserts
 * between two existing ones takes a letter suffix (H3.13A).
 */
import type { Heading, Root, RootContent } from 'mdast';
import type { Clause } from '../../../shared/model.js';
import { clauseNumberOf } from '../../../compiler/4-extract/outline.js';
import { project } from '../../../compiler/3-project/project.js';
import { isRedline } from '../../../compiler/2-parse/redline/types.js';
import type { LintFinding, LintRule } from '../types.js';
import type { View } from '../../../shared/vocabulary.js';
import { placeOf } from '../util.js';
import { clauseKey, compareClauses, hasLetterSuffix, parentOf } from './clause-numbers.js';

export const clauseRenumbered: LintRule = {
  id: 'clause-renumbered',
  needsRules: false,
  views: 'once',
  doc: {
    description:
      'Every other part of the SEC, every subsidiary document and every User\'s procedures cite clauses by number. A modification that renumbers existing clauses silently changes what all of those references mean, so the SEC convention is that a clause inserted between two existing ones takes a letter suffix (H3.13A between H3.13 and H3.14), and existing clauses keep their numbers. Reported where a heading\'s number is redlined, and where an inserted clause without a suffix comes before an existing clause of the same level.',
    examples: [
      { title: 'MP162 as drafted: H1.2A, H1.2B, H3.13A, H4.2A, G6.1A, G8.3A-C', expect: [] },
      {
        title: 'An existing clause renumbered to make room',
        edits: [{ file: 'section-h.md', find: '### H3.14 Reading and deleting schedules', replace: '### <del cite="MP162">H3.14</del><ins cite="MP162">H3.15</ins> Reading and deleting schedules' }],
        expect: ['section-h.md:{### <del cite="MP162">H3.14} — Unexpected renumbering of clause H3.14 to H3.15, expected existing clauses to keep their numbers (an inserted clause takes a letter suffix, such as H3.14A, instead)'],
      },
      {
        title: 'An inserted clause numbered as if the ones after it would move',
        edits: [
          { file: 'section-h.md', find: '### H3.13A Scheduled retrieval of MHHS data', replace: '### H3.14 Scheduled retrieval of MHHS data' },
          { file: 'section-h.md', find: '### H3.14 Reading and deleting schedules', replace: '### H3.15 Reading and deleting schedules' },
          { file: 'section-h.md', find: 'clause: H3.13A\n', replace: 'clause: H3.14\n' },
        ],
        expect: ['section-h.md:{### H3.14 Scheduled} — Unexpected number H3.14 for a clause inserted before the existing clause H3.15, expected a letter suffix (H3.13A) so that existing clauses keep their numbers'],
      },
    ],
  },
  check(context) {
    for (const document of context.documents) {
      const tree = document.tree;
      const baseline = document.facts.views.baseline.clauses;
      const modified = document.facts.views.modified.clauses;
      if (!tree || !document.facts.info) continue;
      const findings = context.kept(document, [tree, baseline, modified], () => renumbered(tree, baseline, modified));
      for (const finding of findings) context.report(document, finding);
    }
  },
};

/** Headings whose number the redline changes, and inserted clauses numbered as if later ones moved. */
function renumbered(tree: Root, baseline: readonly Clause[], modified: readonly Clause[]): LintFinding[] {
  const findings: LintFinding[] = [];
      // (1) A heading whose number the redline changes.
      const headings: Heading[] = tree.children.filter((node): node is Heading => node.type === 'heading');
      for (const heading of headings) {
        const before = numberIn(heading, 'baseline');
        const after = numberIn(heading, 'modified');
        if (before && after && before !== after) {
          findings.push({
            reason: `Unexpected renumbering of clause ${before} to ${after}, expected existing clauses to keep their numbers (an inserted clause takes a letter suffix, such as ${before.replace(/[A-Z]$/, '')}A, instead)`,
            place: heading.position,
            actual: after,
            expected: [before],
          });
        }
      }
      // (2) An inserted clause without a suffix before an existing clause at its level.
      const existing = new Set(baseline.map((clause) => clause.id));
      const inserted = insertedLines(tree.children);
      modified.forEach((clause, index) => {
        if (existing.has(clause.id) || !inserted(clause.source.line) || hasLetterSuffix(clause.id)) return;
        const key = clauseKey(clause.id);
        if (!key) return;
        const next = modified.slice(index + 1).find((candidate) => parentOf(candidate.id) === parentOf(clause.id) && !inserted(candidate.source.line));
        const nextKey = next ? clauseKey(next.id) : undefined;
        if (!next || !nextKey || compareClauses(key, nextKey) >= 0) return;
        const previous = modified.slice(0, index).reverse().find((candidate) => parentOf(candidate.id) === parentOf(clause.id));
        const suggestion = previous ? nextSuffix(previous.id) : undefined;
        findings.push({
          reason: `Unexpected number ${clause.id} for a clause inserted before the existing clause ${next.id}, expected a letter suffix${suggestion ? ` (${suggestion})` : ''} so that existing clauses keep their numbers`,
          place: placeOf(clause.source),
          actual: clause.id,
          ...(suggestion ? { expected: [suggestion] } : {}),
        });
      });
  return findings;
}

function numberIn(heading: Heading, view: View): string | undefined {
  const projected = project({ type: 'root', children: [heading] }, view).children[0];
  return projected?.type === 'heading' ? clauseNumberOf(projected)?.id : undefined;
}

/** Whether a line lies inside a top-level (block) insertion. */
function insertedLines(children: readonly RootContent[]): (line: number) => boolean {
  const ranges = children.flatMap((node) =>
    isRedline(node) && node.type === 'insertion' && node.position ? [[node.position.start.line, node.position.end.line] as const] : [],
  );
  return (line) => ranges.some(([start, end]) => line >= start && line <= end);
}

/** H3.13 → H3.13A; H1.2A → H1.2B. */
function nextSuffix(id: string): string {
  return hasLetterSuffix(id) ? `${id.slice(0, -1)}${String.fromCharCode(id.charCodeAt(id.length - 1) + 1)}` : `${id}A`;
}
