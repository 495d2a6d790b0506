/** `redline-reinsert-identical`: a deletion immediately followed by an insertion of the same text. */
import type { Nodes } from 'mdast';
import { normalise, plainText } from '../../../compiler/4-extract/text.js';
import type { LintFinding, LintRule } from '../types.js';
import { keptRedlines, type RedlineVisit } from './redlines.js';

export const redlineReinsertIdentical: LintRule = {
  id: 'redline-reinsert-identical',
  needsRules: false,
  views: 'once',
  doc: {
    description:
      'A deletion immediately followed by an insertion of exactly the same text changes nothing, yet it shows as a change to every reviewer of the modification and in the semantic change set. It is usually left over from an edit that was undone, or a replacement whose new text was never typed. Remove both tags and keep the text.',
    examples: [
      { title: 'MP162 as drafted: SR 8.2 SMETS1 `16 secs` replaced by `30 secs`', expect: [] },
      {
        title: 'A replacement that replaces nothing',
        edits: [{ file: 'appendix-ab.md', find: '| 8.2 | N/A | 30 secs | N/A | <del cite="MP162">16 secs</del><ins cite="MP162">30 secs[^ab-fn5]</ins> |', replace: '| 8.2 | N/A | 30 secs | N/A | <del cite="MP162">16 secs</del><ins cite="MP162">16 secs</ins>[^ab-fn5] |' }],
        expect: ['appendix-ab.md:{<del cite="MP162">16 secs</del><ins cite="MP162">16 secs</ins>} — Unexpected deletion of `16 secs` re-inserted unchanged right after it, expected a redline to change the text (remove both tags and keep the text)'],
      },
    ],
  },
  check(context) {
    for (const document of context.documents) {
      const tree = document.tree;
      if (!tree) continue;
      const findings = context.kept(document, [tree], () => reinserted(keptRedlines(tree, context.memo.redlines)));
      for (const finding of findings) context.report(document, finding);
    }
  },
};

/** Each deletion followed (past blanks) by an insertion of the same text. */
function reinserted(redlines: readonly RedlineVisit[]): LintFinding[] {
  const findings: LintFinding[] = [];
      for (const { node, parent, index } of redlines) {
        if (node.type !== 'deletion') continue;
        let next = index + 1;
        while (parent.children[next]?.type === 'text' && (parent.children[next] as { value: string }).value.trim() === '') next++;
        const following = parent.children[next];
        if (following?.type !== 'insertion') continue;
        const deleted = normalise(plainText(node as unknown as Nodes));
        const inserted = normalise(plainText(following as unknown as Nodes));
        if (deleted === '' || deleted !== inserted) continue;
        findings.push({
          reason: `Unexpected deletion of \`${deleted.slice(0, 60)}\` re-inserted unchanged right after it, expected a redline to change the text (remove both tags and keep the text)`,
          place: node.position && following.position ? { start: node.position.start, end: following.position.end } : node.position,
          actual: deleted,
        });
      }
  return findings;
}
