/**
 * The consolidated history in the release plan: `consolidated:` (releases SECAS has consolidated
 * before the base, oldest first) and the base's own date. Each answers for the days from its date
 * to the next one's, so their dates must be days that exist, in order, and every pending release
 * must come after the base.
 */
import type { VFile } from 'vfile';
import type { Document, Node as YamlNode } from 'yaml';
import { compareDates, isCalendarDate } from '../../shared/dates.js';
import { report } from '../../shared/diagnostics.js';
import { frozenReleases, type ReleasePlan } from '../../shared/release-plan.js';

export const HISTORY_RULES = {
  date: 'release-date-invalid',
  order: 'release-order',
} as const;

type At = (node: YamlNode | null | undefined) => { line: number; column: number };

export function checkHistory(plan: ReleasePlan, document: Document, file: VFile, at: At): void {
  const frozen = frozenReleases(plan);
  const nodeOf = (index: number) =>
    (index === frozen.length - 1 ? document.getIn(['base', 'date'], true) : document.getIn(['consolidated', index, 'date'], true)) as
      YamlNode | undefined;
  let previous: { id: string; date: string } | undefined;
  frozen.forEach((release, index) => {
    const place = at(nodeOf(index) ?? (index === frozen.length - 1 ? (document.get('base', true) as YamlNode) : undefined));
    if (release.date === undefined) {
      if (index === 0) return;
      report(file, `Missing date for the consolidated release \`${release.id}\`, expected the day it came into force (YYYY-MM-DD)`, {
        ruleId: HISTORY_RULES.date,
        place,
      });
      return;
    }
    if (!isCalendarDate(release.date)) {
      report(file, `Unexpected date \`${release.date}\` for \`${release.id}\`, expected a day that exists (YYYY-MM-DD)`, {
        ruleId: HISTORY_RULES.date,
        place,
      });
      return;
    }
    if (previous && previous.date > release.date) {
      report(
        file,
        `Unexpected \`${release.id}\` (${release.date}) after \`${previous.id}\` (${previous.date}), expected consolidated releases in date order, the base last`,
        {
          ruleId: HISTORY_RULES.order,
          place,
        },
      );
    }
    previous = { id: release.id, date: release.date };
  });
  const baseDate = plan.base.date;
  if (baseDate === undefined || !isCalendarDate(baseDate)) return;
  plan.releases.forEach((release, index) => {
    if (release.date === 'TBC' || !isCalendarDate(release.date) || compareDates(release.date, baseDate) > 0) return;
    report(
      file,
      `Unexpected pending release \`${release.id}\` (${release.date}) on or before the base \`${plan.base.id}\` (${baseDate}), expected pending releases after the base: that text is consolidated`,
      { ruleId: HISTORY_RULES.order, place: at(document.getIn(['releases', index, 'date'], true) as YamlNode | undefined) },
    );
  });
}

/** The modifications the consolidated history (and the base) brought into force. */
export function consolidatedModifications(plan: ReleasePlan): Set<string> {
  const ids = new Set<string>();
  for (const release of frozenReleases(plan)) for (const entry of release.implements ?? []) ids.add(entry.modification);
  return ids;
}
