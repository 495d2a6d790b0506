/** `redline-unattributed`: every redline names its modification (`cite`); `~~strike~~` cannot. */
import type { LintFinding, LintRule } from '../types.js';
import { keptRedlines, type RedlineVisit } from './redlines.js';

export const redlineUnattributed: LintRule = {
  id: 'redline-unattributed',
  needsRules: false,
  views: 'once',
  doc: {
    description:
      'A redline with no `cite` (an `<ins>` or `<del>` without it, or a GFM `~~strike~~`, which is read as a deletion but has nowhere to put one) belongs to no modification: when a document carries the redlines of two modifications, nobody can tell which one this is. Accepted, as a warning, so that a draft can use `~~ ~~` while it is being written; use `<del cite="…">` before review.',
    examples: [
      { title: 'MP162 as drafted: every redline has `cite="MP162"`', expect: [] },
      {
        title: 'A GFM strikethrough and an insertion without cite',
        edits: [{ file: 'appendix-ab.md', find: '| 8.2 | N/A | 30 secs | N/A | <del cite="MP162">16 secs</del><ins cite="MP162">30 secs[^ab-fn5]</ins> |', replace: '| 8.2 | N/A | 30 secs | N/A | ~~16 secs~~<ins>30 secs[^ab-fn5]</ins> |' }],
        expect: ['appendix-ab.md:{~~16 secs~~} — Unexpected `~~strikethrough~~` deletion, which cannot name a modification, expected `<del cite="MP162">` naming the modification', 'appendix-ab.md:{<ins>30 secs} — Unexpected `<ins>` without `cite`, expected `<ins cite="MP162">` naming the modification'],
      },
    ],
  },
  check(context) {
    for (const document of context.documents) {
      const tree = document.tree;
      if (!tree) continue;
      const declared = document.modifications.map((modification) => modification.id);
      const find = () => unattributed(keptRedlines(tree, context.memo.redlines), declared);
      for (const finding of context.kept(document, [tree, declared.join('\u0000')], find)) context.report(document, finding);
    }
  },
};

/** Each redline without a cite, told to name a declared modification. */
function unattributed(redlines: readonly RedlineVisit[], declared: readonly string[]): LintFinding[] {
  const findings: LintFinding[] = [];
      for (const { node } of redlines) {
        if (node.cite !== undefined && node.cite !== '') continue;
        const what = node.syntax === 'gfm' ? '`~~strikethrough~~` deletion, which cannot name a modification' : `\`<${node.type === 'insertion' ? 'ins' : 'del'}>\` without \`cite\``;
        findings.push({
          reason: `Unexpected ${what}, expected \`<${node.type === 'insertion' ? 'ins' : 'del'} cite="${declared[0] ?? 'MP…'}">\` naming the modification`,
          place: node.position,
        });
      }
  return findings;
}
