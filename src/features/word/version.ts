/**
 * Which text a Word export carries, and who and when each tracked change is attributed to.
 * The time model (releases, `--as-at`, `--modification`) plugs in here: a version becomes a
 * projection of the redline, and `changeDate` reads the release date instead of the front matter.
 */
import type { Modification } from '../../shared/model.js';

/** `redline`: tracked changes; `baseline` / `modified`: a clean text of that projection. */
export type WordVersion = 'redline' | 'baseline' | 'modified';

export const WORD_VERSIONS: readonly WordVersion[] = ['redline', 'baseline', 'modified'];

/** The author written for a GFM `~~strike~~` deletion, which names no modification. */
export const UNATTRIBUTED_AUTHOR = 'unattributed';

/**
 * The date a modification's changes take effect, as an OOXML `w:date` (midnight UTC).
 * Today: the implementation date in the document's front matter. The one place that knows it.
 */
export function changeDate(modifications: readonly Modification[], cite: string | undefined): string {
  const date = modifications.find((modification) => modification.id === cite)?.implementationDate;
  return date ? `${date}T00:00:00Z` : '1970-01-01T00:00:00Z';
}

/** A custom document property: how many rule blocks an export left out (`--rules omit`). */
export const RULES_LEFT_OUT = 'secc.ruleBlocksLeftOut';
