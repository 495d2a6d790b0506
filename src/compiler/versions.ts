/**
 * Versions of the compiled text: the base plus some modification parts (baseline, modified, as at
 * a date, one modification alone; src/shared/release-plan.ts). A document is projected once per
 * distinct set of redlines a version accepts in it: a version that accepts all of a document's
 * redlines reads its modified facts, one that accepts none its baseline facts (both extracted, and
 * cached, by every compilation); only a version that accepts some of them projects and extracts
 * again. Then the documents' facts are linked into the version's rule set.
 */
import type { Root } from 'mdast';
import { VFile } from 'vfile';
import type { IsoDate } from '../shared/dates.js';
import { report } from '../shared/diagnostics.js';
import { registeredId } from '../shared/rule-registry.js';
import type { RuleSet } from '../shared/model.js';
import {
  datedReleases,
  historyAt,
  secPart,
  selectVersion,
  type FrozenRelease,
  type ReleasePlan,
  type Version,
  type VersionSpec,
} from '../shared/release-plan.js';
import type { View } from '../shared/vocabulary.js';
import type { CorpusPlan } from './1-read/plan.js';
import type { SourceDocument } from './1-read/read.js';
import { projectVersion } from './3-project/project.js';
import type { Redline } from './2-parse/redline/types.js';
import { extractView, type DocumentFacts, type ViewFacts } from './4-extract/document.js';
import { link } from './5-link/link.js';
import type { CompileContext } from './context.js';
import type { VersionFactsEntry } from './version-memo.js';

/** A document as compiled (the driver's ParsedDocument fits). */
export interface VersionDocument {
  doc: SourceDocument;
  facts: DocumentFacts;
  readonly tree: Root | undefined;
}

/** What a version is computed from (the driver's CompileResult fits). */
export interface VersionInput {
  ok: boolean;
  parsed: readonly VersionDocument[];
  plan: CorpusPlan;
  context: Pick<CompileContext, 'schemas' | 'kinds'> & Partial<Pick<CompileContext, 'versionFacts' | 'timings' | 'linking' | 'reading'>>;
  ruleSets: Record<View, RuleSet> | undefined;
  /** The versions compiled so far from this input, by spec: the timeline, the conflict check and the intent check ask for some of the same. */
  versions?: Map<string, CompiledVersion>;
}

/** One interval of the timeline: from a release's date (null: since the base) to the next one's (null: open). */
export interface InForce {
  from: IsoDate | null;
  to: IsoDate | null;
  release: { id: string; title: string } | null;
  /** The modifications whose parts the release brings into force. */
  modifications: string[];
  ruleSet: RuleSet;
}

const NO_RELEASES: ReleasePlan = { base: { id: 'base', title: 'The text as written, without its redlines' }, releases: [] };

export interface CompiledVersion {
  version: Version;
  ruleSet: RuleSet;
  /** The consolidated release whose frozen rules answered (a day before the base); its text is gone. */
  frozen?: FrozenRelease;
  /** Each document as this version reads it (absent for the named views and for frozen rules). */
  documents?: VersionedDocument[];
}

/** A document in a version: the named view it reads, or its own projection (`projected`) when it accepts some redlines only. */
export interface VersionedDocument {
  name: string;
  facts: ViewFacts;
  view: View | undefined;
  projected: Root | undefined;
}

/** The version a spec names, in the plan of this compilation (no plan: no release, so every date is the base). */
export function versionOf(result: Pick<VersionInput, 'plan'>, spec: VersionSpec): Version {
  return selectVersion(result.plan.releases ?? NO_RELEASES, spec);
}

/** The rule set of a version; undefined when the compilation failed. */
export function compileVersion(result: VersionInput, spec: VersionSpec): CompiledVersion | undefined {
  if (!result.ok || !result.ruleSets) return undefined;
  const version = versionOf(result, spec);
  if (spec.kind === 'baseline' || spec.kind === 'modified') return { version, ruleSet: result.ruleSets[spec.kind] };
  const key = JSON.stringify(spec);
  const known = result.versions?.get(key);
  if (known) return known;
  // A day before the base: that text is consolidated away, and its frozen rules answer.
  const history = spec.kind === 'as-at' && result.plan.releases ? historyAt(result.plan.releases, spec.date) : undefined;
  if (history) {
    const ruleSet = result.plan.frozen.get(history.id);
    return ruleSet ? { version, ruleSet, frozen: history } : undefined;
  }
  const facts = result.parsed.map((parsed) => versionFacts(parsed, version, result));
  const files = new Map(result.parsed.map((parsed) => [parsed.doc.name, parsed.doc.file]));
  const label: View = 'modified';
  const documents = facts.map((entry) => ({ ...entry.document, views: { baseline: entry.facts, modified: entry.facts } }));
  const ruleSet = link(documents, label, {
    files,
    modifications: result.plan.modifications,
    kinds: result.context.kinds,
    memo: result.context.linking,
  });
  const versioned = facts.map(({ document, facts: own, view, projected }) => ({ name: document.name, facts: own, view, projected }));
  const compiled = { version, ruleSet, documents: versioned };
  result.versions?.set(key, compiled);
  return compiled;
}

/** Which of the document's views a version reads, or undefined when it accepts only some of its redlines. */
export function namedViewFor(
  document: DocumentFacts,
  version: Version,
  cited: ReadonlyArray<string | undefined> = [...new Set(document.cites.map((cite) => cite.modification))],
): View | undefined {
  const part = secPart(document.info?.document ?? '');
  // Asked of every document in every version: once per modification cited, not once per redline.
  const accepted = new Set(cited.map((modification) => version.accepts(modification, part)));
  if (accepted.size === 0 || (accepted.size === 1 && accepted.has(false))) return 'baseline';
  if (accepted.size === 1 && accepted.has(true)) return 'modified';
  return undefined;
}

interface VersionFacts {
  document: DocumentFacts;
  facts: ViewFacts;
  view: View | undefined;
  projected: Root | undefined;
}

function versionFacts(parsed: VersionDocument, version: Version, result: VersionInput): VersionFacts {
  const document = parsed.facts;
  const memo = result.context.versionFacts;
  const cited = memo ? memo.citedBy(document) : [...new Set(document.cites.map((cite) => cite.modification))];
  const view = namedViewFor(document, version, cited);
  if (view) return { document, facts: document.views[view], view, projected: undefined };
  const part = secPart(document.info?.document ?? '');
  const accepts = (cite: string | undefined) => version.accepts(cite, part);
  const text = String(parsed.doc.file.value);
  const acceptance = acceptanceOf(cited, accepts);
  let entry = memo?.get(document.name, text, acceptance, document);
  if (!entry) {
    const start = performance.now();
    entry = extractVersion(parsed, { accepts, acceptance }, result);
    result.context.timings?.('version-extract', performance.now() - start);
    if (!entry) return { document, facts: document.views.baseline, view: 'baseline', projected: undefined };
    memo?.set(document.name, text, acceptance, entry, document);
  }
  // Findings of this projection that neither named view had are the document's findings too.
  if (entry.messages.length === 0) return { document, facts: entry.facts, view: undefined, projected: entry.projected };
  const known = new Set(parsed.doc.file.messages.map((message) => `${message.ruleId}|${message.line}:${message.column}`));
  for (const message of entry.messages) {
    if (known.has(`${message.ruleId}|${message.line}:${message.column}`)) continue;
    report(parsed.doc.file, `${message.reason} (in ${version.label})`, {
      ruleId: registeredId(message.ruleId),
      place: { line: message.line, column: message.column },
      severity: message.fatal ? 'error' : 'warning',
    });
  }
  return { document, facts: entry.facts, view: undefined, projected: entry.projected };
}

/** Which of the document's cited modifications a version accepts: all a projection depends on. */
function acceptanceOf(cited: ReadonlyArray<string | undefined>, accepts: (cite: string | undefined) => boolean): string {
  const names = [...new Set(cited.map((cite) => cite ?? ''))].sort();
  return names.map((cite) => `${cite}=${accepts(cite === '' ? undefined : cite)}`).join(',');
}

/** Projects the document's tree for the version and extracts it; undefined without a tree. */
function extractVersion(
  parsed: VersionDocument,
  version: { accepts: (cite: string | undefined) => boolean; acceptance: string },
  result: VersionInput,
): VersionFactsEntry | undefined {
  const tree = parsed.tree;
  if (!tree) return undefined;
  const document = parsed.facts;
  const accepts = (redline: Redline) => version.accepts(redline.cite === '' ? undefined : redline.cite);
  const memos = result.context.reading;
  const text = String(parsed.doc.file.value);
  const projected = memos?.blocks
    ? memos.blocks.project(document.name, text, tree, `version:${version.acceptance}`, accepts)
    : projectVersion(tree, accepts);
  const scratch = new VFile({ path: parsed.doc.file.path, value: parsed.doc.file.value });
  const facts = extractView(projected, {
    file: scratch,
    name: document.name,
    documentId: document.info?.id,
    view: 'modified',
    schemas: result.context.schemas,
    kinds: result.context.kinds,
    memo: memos?.extraction,
  });
  const messages = scratch.messages.map((message) => ({
    reason: message.reason,
    ruleId: message.ruleId ?? 'version',
    line: message.line ?? 1,
    column: message.column ?? 1,
    fatal: message.fatal === true,
  }));
  return { facts, messages, projected };
}

/**
 * The SEC over time: the base until the first dated release, then the text as in force from each
 * release date (the day included) to the next. Undated (TBC) releases take no part.
 */
export function timeline(result: VersionInput): InForce[] | undefined {
  if (!result.ok || !result.ruleSets) return undefined;
  const plan = result.plan.releases ?? NO_RELEASES;
  const releases = datedReleases(plan);
  const first = releases[0];
  const intervals: InForce[] = [
    ...history(result, plan),
    { ...frozenInterval(plan.base), to: first?.date ?? null, ruleSet: result.ruleSets.baseline },
  ];
  releases.forEach((release, index) => {
    if (plan.base.date !== undefined && release.date <= plan.base.date) return; // consolidated text answers (the plan reports it)
    const compiled = compileVersion(result, { kind: 'as-at', date: release.date });
    if (!compiled) return;
    const next = releases.slice(index + 1).find((later) => later.date !== release.date);
    const modifications = [...new Set(release.implements.map((entry) => entry.modification))];
    const previous = intervals.at(-1);
    // Two releases on one day are one boundary: the later one in the plan completes the day.
    if (previous?.from === release.date) {
      previous.modifications = [...new Set([...previous.modifications, ...modifications])];
      previous.ruleSet = compiled.ruleSet;
      return;
    }
    intervals.push({
      from: release.date,
      to: next?.date ?? null,
      release: { id: release.id, title: release.title },
      modifications,
      ruleSet: compiled.ruleSet,
    });
  });
  return intervals;
}

/** The interval a frozen release opens: from its date (none: since before any date asked), named by it when it was a release. */
function frozenInterval(release: FrozenRelease): Omit<InForce, 'to' | 'ruleSet'> {
  if (release.date === undefined) return { from: null, release: null, modifications: [] };
  const modifications = [...new Set((release.implements ?? []).map((entry) => entry.modification))];
  return { from: release.date, release: { id: release.id, title: release.title }, modifications };
}

/** The releases consolidated before the base, each answering from its date to the next one's, from its frozen rules. */
function history(result: VersionInput, plan: ReleasePlan): InForce[] {
  const older = plan.consolidated ?? [];
  return older.flatMap((release, index) => {
    const ruleSet = result.plan.frozen.get(release.id);
    if (!ruleSet) return [];
    const next = older[index + 1] ?? plan.base;
    const opened = frozenInterval(release);
    return [{ ...opened, from: index === 0 ? null : opened.from, to: next.date ?? null, ruleSet }];
  });
}
