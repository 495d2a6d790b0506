/**
 * Stage 5, link: every redline's `cite` names a modification the plan declares
 * (sec-text/modifications/<ID>.yaml). An undeclared cite (a typo such as `MP612`, a redline
 * pasted from another draft) cannot be dated or reviewed with its modification.
 */
import type { VFile } from 'vfile';
import { report } from '../../shared/diagnostics.js';
import type { DocumentFacts } from '../4-extract/document.js';

export const CITE_RULES = { undeclared: 'redline-cite-undeclared' } as const;

export function checkCites(
  documents: readonly DocumentFacts[],
  files: ReadonlyMap<string, VFile>,
  declared: readonly string[],
  /** Modifications consolidated into the base: in the text already, so no redline can cite them. */
  consolidated: readonly string[] = [],
): void {
  const done = new Set(consolidated);
  const known = new Set(declared);
  const listed = [...known].sort().join(', ') || 'none declared';
  for (const document of documents) {
    const file = files.get(document.name);
    if (!file) continue;
    for (const cite of document.cites) {
      if (cite.modification === undefined || known.has(cite.modification)) continue;
      const why = done.has(cite.modification)
        ? `, which is consolidated into the base (secc consolidate) and can no longer be cited, expected a pending modification (${listed})`
        : `, expected a modification declared in modifications/<ID>.yaml (${listed})`;
      report(file, `Unexpected \`cite="${cite.modification}"\` on a redline${why}`, {
        ruleId: CITE_RULES.undeclared,
        place: { line: cite.line, column: cite.column },
        actual: cite.modification,
        expected: [...known].sort(),
      });
    }
  }
}
