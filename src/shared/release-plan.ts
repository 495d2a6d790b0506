/**
 * The SEC over time, as data: a base text, then SEC Releases in order, each implementing
 * modifications whole or in named parts (the SEC parts they amend, e.g. `Appendix R`).
 * A *version* is the base plus a set of modification parts; every named version, as-at date and
 * single-modification view is a `Version`, and projection asks it one question: is this redline
 * (its modification, in this SEC part) accepted?
 *
 * Pure and clock-free: dates are passed in.
 */
import { compareDates, type IsoDate } from './dates.js';

export interface ModificationPart {
  modification: string;
  /** The SEC parts this release implements (e.g. `Appendix R`); absent: every part no other release names. */
  parts?: string[];
}

export interface Release {
  id: string;
  title: string;
  /** The implementation date; `TBC` while undetermined (such a release is never in force on a date). */
  date: IsoDate | 'TBC';
  implements: ModificationPart[];
}

/**
 * A consolidated release: its text is the base of the redlines (the newest) or history (older
 * ones), and the SEC as in force from its date is frozen in rules/releases/<id>.rules.json.
 */
export interface FrozenRelease {
  id: string;
  title: string;
  /** The day it came into force; absent for the oldest text known (in force since before any date asked). */
  date?: IsoDate;
  /** The modifications (parts) it brought into force, when it was a release. */
  implements?: ModificationPart[];
}

export interface ReleasePlan {
  /** The consolidated SEC text that the pending redlines are drafted against. */
  base: FrozenRelease;
  /** Releases consolidated before the base, oldest first (`secc consolidate` moves them here). */
  consolidated?: FrozenRelease[];
  releases: Release[];
}

export type VersionSpec =
  { kind: 'baseline' } | { kind: 'modified' } | { kind: 'as-at'; date: IsoDate } | { kind: 'modification'; id: string };

export interface Version {
  spec: VersionSpec;
  /** For people and file names: `baseline`, `modified`, `as-at 2024-06-27`, `MP162`. */
  label: string;
  /** Is a redline of this modification (undefined: unattributed) in this SEC part accepted? */
  accepts(modification: string | undefined, part: string): boolean;
  /** Releases without a date that take part in this version (a warning for the caller to give). */
  undated: Release[];
}

/** The release that brings a modification's part into force: one naming the part, else one taking the rest. */
export function releaseFor(plan: ReleasePlan, modification: string, part: string): Release | undefined {
  const named = plan.releases.find((release) =>
    release.implements.some((entry) => entry.modification === modification && entry.parts?.includes(part)),
  );
  if (named) return named;
  return plan.releases.find((release) => release.implements.some((entry) => entry.modification === modification && !entry.parts));
}

/** Every modification the plan implements, in release order, each once. */
export function plannedModifications(plan: ReleasePlan): string[] {
  const seen = new Set<string>();
  for (const release of plan.releases) for (const entry of release.implements) seen.add(entry.modification);
  return [...seen];
}

/** Dated releases in date order (a stable sort: releases on the same day keep the plan's order). */
export function datedReleases(plan: ReleasePlan): Array<Release & { date: IsoDate }> {
  const dated = plan.releases.filter((release): release is Release & { date: IsoDate } => release.date !== 'TBC');
  return dated
    .map((release, index) => ({ release, index }))
    .sort((a, b) => compareDates(a.release.date, b.release.date) || a.index - b.index)
    .map(({ release }) => release);
}

/** Is the release in force on `date`? The implementation day itself counts. */
export function inForceOn(release: Release, date: IsoDate): boolean {
  return release.date !== 'TBC' && compareDates(release.date, date) <= 0;
}

export function selectVersion(plan: ReleasePlan, spec: VersionSpec): Version {
  switch (spec.kind) {
    case 'baseline':
      return { spec, label: 'baseline', accepts: () => false, undated: [] };
    case 'modified':
      // Everything pending, undated releases included; unattributed redlines too (there is no other place for them).
      return { spec, label: 'modified', accepts: () => true, undated: plan.releases.filter((release) => release.date === 'TBC') };
    case 'as-at':
      return {
        spec,
        label: `as-at ${spec.date}`,
        accepts: (modification, part) => {
          if (modification === undefined) return false;
          const release = releaseFor(plan, modification, part);
          return release !== undefined && inForceOn(release, spec.date);
        },
        undated: [],
      };
    case 'modification':
      return {
        spec,
        label: spec.id,
        accepts: (modification) => modification === spec.id,
        undated: plan.releases.filter(
          (release) => release.date === 'TBC' && release.implements.some((entry) => entry.modification === spec.id),
        ),
      };
  }
}

/** Every frozen release, oldest first: the consolidated history, then the base. */
export function frozenReleases(plan: ReleasePlan): FrozenRelease[] {
  return [...(plan.consolidated ?? []), plan.base];
}

/**
 * The consolidated release older than the base that was in force on `date`; undefined when the
 * base (or a pending release) answers for that date. Its text is gone: only its frozen rules say it.
 */
export function historyAt(plan: ReleasePlan, date: IsoDate): FrozenRelease | undefined {
  if (plan.base.date === undefined || compareDates(date, plan.base.date) >= 0) return undefined;
  // The oldest answers for every day before it too, as the base does when nothing is consolidated.
  const [oldest, ...later] = plan.consolidated ?? [];
  let found = oldest;
  for (const release of later) if (release.date !== undefined && compareDates(release.date, date) <= 0) found = release;
  return found;
}

/** `Section H` from a document's `document: SEC Section H` front matter. */
export function secPart(documentName: string): string {
  return documentName.replace(/^SEC\s+/, '');
}
