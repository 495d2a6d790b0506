/**
 * Linting one version of the text (`secc lint --view`, `--as-at`, `--modification`): the rules
 * that read a view read that version alone. A named view is itself; any other version stands in
 * the `modified` slot (its facts, its projection, its rule set), and its findings say which
 * version they concern. Findings about the other view only are not about this version.
 */
import type { VFile } from 'vfile';
import type { CompiledVersion } from '../../compiler/versions.js';
import type { RuleSet } from '../../shared/model.js';
import type { View } from '../../shared/vocabulary.js';
import type { LintDocument } from './types.js';

export interface VersionSlot {
  /** The views the view rules run in. */
  views: View[];
  documents: LintDocument[];
  ruleSets: Record<View, RuleSet> | undefined;
  /** Said after a finding of the version (`as-at 2024-06-26`); none for a named view. */
  label: string | undefined;
}

export function versionSlot(
  documents: LintDocument[],
  ruleSets: Record<View, RuleSet> | undefined,
  target: CompiledVersion | undefined,
): VersionSlot {
  if (!target) return { views: ['baseline', 'modified'], documents, ruleSets, label: undefined };
  const kind = target.version.spec.kind;
  if (kind === 'baseline' || kind === 'modified') return { views: [kind], documents, ruleSets, label: undefined };
  const own = new Map((target.documents ?? []).map((document) => [document.name, document]));
  const versioned = documents.map((document): LintDocument => {
    const mine = own.get(document.name);
    if (!mine) return document;
    return {
      ...document,
      facts: { ...document.facts, views: { ...document.facts.views, modified: mine.facts } },
      projection: (view) =>
        view === 'modified' ? (mine.projected ?? document.projection(mine.view ?? 'baseline')) : document.projection(view),
    };
  });
  return {
    views: ['modified'],
    documents: versioned,
    ruleSets: ruleSets && { ...ruleSets, modified: target.ruleSet },
    label: target.version.label,
  };
}

/**
 * Drops the compiler's findings about a view the version does not read: with `--view baseline`
 * those marked [modified], and so on; for another version, per document, those of the view it
 * does not read there (a document it projects its own way keeps both: its own findings were added).
 */
export function keepForVersion(files: readonly VFile[], target: CompiledVersion | undefined): void {
  if (!target) return;
  const kind = target.version.spec.kind;
  const readView = new Map((target.documents ?? []).map((document) => [document.name, document.view]));
  for (const file of files) {
    const name = [...readView.keys()].find((candidate) => file.path === candidate || file.path.endsWith(`/${candidate}`));
    const view: View | undefined = kind === 'baseline' || kind === 'modified' ? kind : name ? readView.get(name) : undefined;
    if (!view) continue;
    file.messages = file.messages.filter((message) => message.view === undefined || message.view === view);
  }
}
