/**
 * Which text a Word export carries, and who and when each tracked change is attributed to.
 * The time model (releases, `--as-at`, `--modification`) plugs in here: a version becomes a
 * projection of the redline, and `changeDate` reads the release date instead of the front matter.
 */
import type { Root } from 'mdast';
import { project, projectVersion, type AcceptRedline } from '../../compiler/3-project/project.js';
import type { View } from '../../shared/vocabulary.js';
import type { Modification } from '../../shared/model.js';
import { isCalendarDate } from '../../shared/dates.js';
import { releaseFor, secPart, type ReleasePlan, type Version } from '../../shared/release-plan.js';

/** A clean text of any version of the redline, by the redlines it accepts (as at a date, one modification alone). */
export interface CleanVersion {
  name: string;
  accepts: AcceptRedline;
}

/** `redline`: tracked changes; `baseline` / `modified`: a clean text of that view; or any other version. */
export type WordVersion = 'redline' | View | CleanVersion;

/** The versions `secc export docx --view` names; `--as-at` and `--modification` give `CleanVersion`s (`cleanVersionOf`). */
export const WORD_VERSIONS = ['redline', 'baseline', 'modified'] as const;

/** A version of the plan (as at a date, one modification alone) as the clean text of one document (by its front matter's `document`). */
export function cleanVersionOf(version: Pick<Version, 'label' | 'accepts'>, document: string): CleanVersion {
  const part = secPart(document);
  return { name: version.label, accepts: (redline) => version.accepts(redline.cite === '' ? undefined : redline.cite, part) };
}

/** The tree a version exports: the redline as written, or its projection. */
export function versionTree(tree: Root, version: WordVersion): Root {
  if (version === 'redline') return tree;
  return typeof version === 'string' ? project(tree, version) : projectVersion(tree, version.accepts);
}

/** The author written for a GFM `~~strike~~` deletion, which names no modification. */
export const UNATTRIBUTED_AUTHOR = 'unattributed';

/**
 * The declared modifications, each dated by the release that brings its part of this document into
 * force (MP162's Appendix R part is earlier than the rest); a TBC release leaves it undated.
 * Without a plan (or a release for it), the modification keeps the date it was given.
 */
export function modificationsFor(
  /** The front matter's `document` (`SEC Appendix AB`). */
  document: string,
  modifications: readonly Modification[],
  plan: ReleasePlan | undefined,
): Modification[] {
  const part = secPart(document);
  return modifications.map((modification): Modification => {
    const release = plan ? releaseFor(plan, modification.id, part) : undefined;
    const date = release ? release.date : modification.implementationDate;
    const { id, title } = modification;
    return { id, title, implementationDate: date };
  });
}

/**
 * The date a modification's changes take effect, as an OOXML `w:date` (midnight UTC): the date of
 * the release that implements it (see `modificationsFor`). The one place that knows it.
 */
export function changeDate(modifications: readonly Modification[], cite: string | undefined): string {
  const date = modifications.find((modification) => modification.id === cite)?.implementationDate;
  // A TBC release (or an unknown cite) has no day: Word gets the epoch, as for an undated change.
  return date && isCalendarDate(date) ? `${date}T00:00:00Z` : '1970-01-01T00:00:00Z';
}

/** A custom document property: how many rule blocks an export left out (`--rules omit`). */
export const RULES_LEFT_OUT = 'secc.ruleBlocksLeftOut';
