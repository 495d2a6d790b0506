/**
 * Which releases `secc consolidate --through DATE` consolidates: every pending release in force
 * by that day (the day itself included), in the plan's order. Refused, with the reason in plain
 * words: a day that does not exist, a day before the base (that text is consolidated already),
 * and a day an undated (TBC) release might fall on or before.
 */
import { compareDates, isCalendarDate, type IsoDate } from '../../shared/dates.js';
import { datedReleases, inForceOn, type Release, type ReleasePlan } from '../../shared/release-plan.js';

export type Through = { ok: true; date: IsoDate; releases: Array<Release & { date: IsoDate }> } | { ok: false; reason: string };

export function releasesThrough(plan: ReleasePlan | undefined, through: string | undefined): Through {
  if (through === undefined) return { ok: false, reason: 'expected --through YYYY-MM-DD, the last day whose releases to consolidate' };
  if (!isCalendarDate(through)) return { ok: false, reason: `--through must be a day that exists, as YYYY-MM-DD, got \`${through}\`` };
  if (!plan) return { ok: false, reason: 'the text has no readable releases.yaml, so there is no release to consolidate' };
  const base = plan.base;
  if (base.date !== undefined && compareDates(through, base.date) < 0) {
    return {
      ok: false,
      reason: `--through ${through} is before the base \`${base.id}\` (in force from ${base.date}): the text is consolidated through ${base.date} already`,
    };
  }
  const dated = datedReleases(plan);
  const releases = dated.filter((release) => inForceOn(release, through));
  const laterDated = dated.some((release) => !inForceOn(release, through));
  // TBC releases come after every dated one; with none dated after the day, one might fall on or before it.
  const undated = plan.releases.filter((release) => release.date === 'TBC');
  if (!laterDated && undated.length > 0) {
    const ids = undated.map((release) => `\`${release.id}\``).join(', ');
    return {
      ok: false,
      reason: `release ${ids} has no date yet (TBC) and may come into force on or before ${through}; give it a date in releases.yaml, or consolidate through a day before a later dated release`,
    };
  }
  return { ok: true, date: through, releases };
}
