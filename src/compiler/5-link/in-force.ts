/**
 * Stage 5, the rules over time: rules/in-force.json and its source map, the versions on the timeline (the base, each dated
 * release, then every pending modification on an undated boundary when that differs) folded into
 * one interval per entry value (src/shared/in-force.ts). Stage 7 writes them, and the tables of
 * generated/ are read back from this file, so what the lookups answer for a date is what the committed rules say.
 */
import { secPart, type ReleasePlan } from '../../shared/release-plan.js';
import type { InForceFile, InForceRelease, InForceSelector, InForceSnapshot } from '../../shared/in-force.js';
import { foldSnapshots } from '../../shared/in-force-fold.js';
import { InForceMemo } from '../../shared/in-force-memo.js';
import { readFolded } from '../../shared/in-force-read.js';
import { jsonEqual } from '../../shared/json-equal.js';
import type { IsoDate } from '../../shared/dates.js';
import type { RuleSet } from '../../shared/model.js';
import type { SourceMap } from '../../shared/source-map.js';
import type { View } from '../../shared/vocabulary.js';

/** One interval of the timeline as the driver computes it (compiler/versions.ts). */
export interface TimelineInterval {
  from: string | null;
  to: string | null;
  release: { id: string; title: string } | null;
  modifications: string[];
  ruleSet: RuleSet;
}

const NO_PLAN: ReleasePlan = { base: { id: 'base', title: 'The text as written, without its redlines' }, releases: [] };

export interface InForceOutput {
  file: InForceFile;
  map: SourceMap;
  /** The named views and the dated intervals, read back from the file (shared/in-force-read.ts: without parsing it). */
  ruleSets: Record<View, RuleSet>;
  intervals: TimelineInterval[];
}

export function inForceOutput(
  plan: ReleasePlan | undefined,
  dated: readonly TimelineInterval[],
  ruleSets: Record<View, RuleSet>,
  memo: InForceMemo = new InForceMemo(),
): InForceOutput {
  const releases = plan ?? NO_PLAN;
  const snapshots: InForceSnapshot[] = [{ from: null, ruleSet: ruleSets.baseline }];
  for (const interval of dated) {
    if (!interval.release || interval.from === null) continue;
    const from: InForceRelease = {
      ...interval.release,
      date: interval.from as InForceRelease['date'],
      modifications: interval.modifications,
    };
    snapshots.push({ from, ruleSet: interval.ruleSet, ...applying(releases, from, ruleSets.modified) });
  }
  const pending = pendingRelease(releases, snapshots.at(-1)?.ruleSet, ruleSets.modified);
  if (pending) snapshots.push({ from: pending, ruleSet: ruleSets.modified, ...applying(releases, pending, ruleSets.modified) });
  // The file names the base by id and title only: after a consolidation the plan's base also
  // carries the release's date and parts, which the interval file records on its boundaries.
  const { id, title } = releases.base;
  const folded = foldSnapshots({ id, title }, snapshots, memo);
  // A snapshot is read once per label (readFolded): the modified view and the last dated interval are often the same snapshot.
  const read = (selector: InForceSelector): RuleSet => readFolded(folded, selector, memo);
  return {
    file: folded.file,
    map: folded.map,
    ruleSets: { baseline: read({ view: 'baseline' }), modified: read({ view: 'modified' }) },
    intervals: dated.map((interval) => ({
      ...interval,
      ruleSet: read(interval.from === null ? { view: 'baseline' } : { at: interval.from as IsoDate }),
    })),
  };
}

/**
 * The text with every pending modification, on a boundary with no date: the TBC releases, or the
 * parts no dated release brings into force. None when that text is the last dated one.
 */
function pendingRelease(plan: ReleasePlan, last: RuleSet | undefined, modified: RuleSet): InForceRelease | undefined {
  const undated = plan.releases.filter((release) => release.date === 'TBC');
  if (undated.length === 0 && last !== undefined && jsonEqual(last, modified)) return undefined;
  const modifications = [...new Set(undated.flatMap((release) => release.implements.map((entry) => entry.modification)))];
  if (undated.length === 1 && undated[0]) return { id: undated[0].id, title: undated[0].title, date: null, modifications };
  return {
    id: 'pending',
    title:
      undated.length > 0
        ? `Releases not yet dated: ${undated.map((release) => release.id).join(', ')}`
        : 'Redlines no dated release brings into force',
    date: null,
    modifications: modifications.length > 0 ? modifications : modified.modifications.map((modification) => modification.id),
  };
}

/**
 * Whether the release brings a modification into force in a document (by the SEC part the
 * document is), and what that answer is made of (the release's implements and the documents' parts).
 */
function applying(plan: ReleasePlan, release: InForceRelease, modified: RuleSet): Pick<InForceSnapshot, 'appliesTo' | 'appliesKey'> {
  const parts = new Map(modified.documents.map((document) => [document.file, secPart(document.document)]));
  const implementsEntries = plan.releases.find((entry) => entry.id === release.id)?.implements;
  const appliesKey = JSON.stringify([implementsEntries ?? null, [...parts]]);
  const appliesTo = (modification: string, file: string): boolean => {
    if (!implementsEntries) return true;
    const part = parts.get(file);
    return implementsEntries.some(
      (entry) => entry.modification === modification && (!entry.parts || part === undefined || entry.parts.includes(part)),
    );
  };
  return { appliesTo, appliesKey };
}
