/**
 * releases.yaml after a consolidation: the consolidated releases leave `releases:`, the last of
 * them becomes the base, and the old base and the others join `consolidated:` (oldest first).
 * Edited through the yaml Document, so the comments on what stays pending are kept.
 */
import { isMap, isSeq, parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';
import type { FrozenRelease, Release, ReleasePlan } from '../../shared/release-plan.js';

/** A release as the base or history records it: what it was, and the day it came into force. */
export function asFrozen(release: Release): FrozenRelease {
  const { id, title, date, implements: parts } = release;
  return date === 'TBC' ? { id, title, implements: parts } : { id, title, date, implements: parts };
}

/** The plan after consolidating `releases` (in force by the day, in plan order; at least one). */
export function consolidatedPlan(plan: ReleasePlan, releases: readonly Release[]): ReleasePlan {
  const last = releases.at(-1);
  if (!last) return plan;
  const ids = new Set(releases.map((release) => release.id));
  return {
    base: asFrozen(last),
    consolidated: [...(plan.consolidated ?? []), plan.base, ...releases.slice(0, -1).map(asFrozen)],
    releases: plan.releases.filter((release) => !ids.has(release.id)),
  };
}

/** The text of releases.yaml for the plan after consolidating `releases`, keeping the file's comments elsewhere. */
export function consolidatedPlanText(text: string, plan: ReleasePlan, releases: readonly Release[]): string {
  const next = consolidatedPlan(plan, releases);
  const document = parseDocument(text);
  const ids = new Set(releases.map((release) => release.id));
  const pending = document.get('releases', true);
  if (isSeq(pending)) {
    const seq = pending as YAMLSeq;
    const gone = (item: unknown) => isMap(item) && ids.has(String((item as YAMLMap).get('id')));
    // The comment above the first release is about that release: it goes with it.
    if (gone(seq.items[0])) seq.commentBefore = undefined;
    seq.items = seq.items.filter((item) => !gone(item));
  }
  document.set('base', document.createNode(next.base));
  const history = document.createNode(next.consolidated);
  history.commentBefore =
    ' Releases consolidated before the base, oldest first: their text is gone from the documents, and\n' +
    ' rules/releases/<id>.rules.json (frozen by `secc consolidate`) answers for their dates.';
  document.set('consolidated', history);
  // Keep the order base, consolidated, releases: the file reads from the oldest text to what is pending.
  const contents = document.contents;
  if (isMap(contents)) {
    const rank = (key: unknown) => ['base', 'consolidated', 'releases'].indexOf(String(key));
    contents.items.sort(
      (a, b) => rank((a.key as { value?: unknown })?.value ?? a.key) - rank((b.key as { value?: unknown })?.value ?? b.key),
    );
  }
  return document.toString({ lineWidth: 0 });
}
