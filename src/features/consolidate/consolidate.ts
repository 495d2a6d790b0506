/**
 * `secc consolidate --through DATE`, computed in memory: the documents with the redlines of every
 * release in force by that day accepted, the plan with those releases moved into the base and its
 * history, the rules to freeze for each consolidated release, and the consolidated text compiled
 * again. The result must read, as its new base, exactly what the old text read as at that day,
 * and as its modified view what the old one did; anything else is refused, so a consolidation can
 * lose nothing. Nothing here writes: the command does, all or nothing.
 */
import path from 'node:path';
import type { Nodes, Parent } from 'mdast';
import { planFromTexts, MODIFICATIONS_DIR } from '../../compiler/1-read/plan.js';
import { RELEASE_PLAN_FILE } from '../../compiler/1-read/release-plan.js';
import { corpusFromStrings } from '../../compiler/1-read/read.js';
import { isRedline, type Redline } from '../../compiler/2-parse/redline/types.js';
import { compile, type CompileResult } from '../../compiler/driver.js';
import { compileVersion, versionOf } from '../../compiler/versions.js';
import type { RuleSet } from '../../shared/model.js';
import { secPart, type Release, type ReleasePlan } from '../../shared/release-plan.js';
import type { IsoDate } from '../../shared/dates.js';
import { unredlinedChanges } from '../frozen/frozen.js';
import { acceptRedlines } from './accept-redlines.js';
import { consolidatedPlan, consolidatedPlanText } from './plan-yaml.js';

export interface Consolidation {
  /** Every document's text after consolidation, by name (changed or not). */
  documents: Map<string, string>;
  /** Redlines accepted, by document name (only documents with some). */
  accepted: Map<string, number>;
  plan: ReleasePlan;
  planText: string;
  /** Release id → the rules to freeze: the old base, each consolidated release; the last one is the new base. */
  frozen: Map<string, RuleSet>;
  /** The consolidated text, compiled. */
  result: CompileResult;
}

export type Outcome = { ok: true; consolidation: Consolidation } | { ok: false; reason: string; result?: CompileResult };

/** `result` must have compiled with trees; `releases` are those in force by `through` (releasesThrough). */
export async function consolidate(
  result: CompileResult,
  through: IsoDate,
  releases: ReadonlyArray<Release & { date: IsoDate }>,
): Promise<Outcome> {
  const plan = result.plan.releases;
  const last = releases.at(-1);
  if (!plan || !last || !result.ruleSets) return { ok: false, reason: 'nothing to consolidate' };
  const version = versionOf(result, { kind: 'as-at', date: through });
  const documents = new Map<string, string>();
  const accepted = new Map<string, number>();
  for (const parsed of result.parsed) {
    const text = String(parsed.doc.file.value);
    const tree = parsed.tree;
    if (!tree) return { ok: false, reason: `${parsed.doc.file.path} could not be parsed` };
    const part = secPart(parsed.facts.info?.document ?? '');
    const accepts = (redline: Redline) => version.accepts(redline.cite === '' ? undefined : redline.cite, part);
    const count = countAccepted(tree, accepts);
    documents.set(parsed.doc.name, count > 0 ? acceptRedlines(text, tree, accepts) : text);
    if (count > 0) accepted.set(parsed.doc.name, count);
  }
  const asAt = compileVersion(result, { kind: 'as-at', date: through });
  if (!asAt) return { ok: false, reason: `the text as at ${through} does not compile` };
  const frozen = new Map<string, RuleSet>([[plan.base.id, result.ruleSets.baseline]]);
  for (const release of releases.slice(0, -1)) {
    const compiled = compileVersion(result, { kind: 'as-at', date: release.date });
    if (!compiled) return { ok: false, reason: `the text as at ${release.date} does not compile` };
    frozen.set(release.id, compiled.ruleSet);
  }
  const planFile = result.plan.files.find((file) => path.basename(file.path) === RELEASE_PLAN_FILE);
  const planText = consolidatedPlanText(String(planFile?.value ?? ''), plan, releases);
  const recompiled = await recompile(result, documents, planText, frozen);
  if (!recompiled.ok) return recompiled;
  const { result: after } = recompiled;
  if (!after.ruleSets) return { ok: false, reason: 'the consolidated text does not compile', result: after };
  const lost = [
    ...unredlinedChanges(asAt.ruleSet, after.ruleSets.baseline).map((change) => `base: ${change.summary}`),
    ...unredlinedChanges(result.ruleSets.modified, after.ruleSets.modified).map((change) => `modified: ${change.summary}`),
  ];
  if (lost.length > 0) {
    return {
      ok: false,
      reason: `the consolidated text would not read as the text did as at ${through} (${lost.slice(0, 5).join('; ')}${lost.length > 5 ? '; …' : ''}); nothing written`,
    };
  }
  frozen.set(last.id, after.ruleSets.baseline);
  return {
    ok: true,
    consolidation: { documents, accepted, plan: consolidatedPlan(plan, releases), planText, frozen, result: after },
  };
}

type Recompiled = { ok: true; result: CompileResult } | { ok: false; reason: string; result: CompileResult };

/**
 * Compiles the consolidated texts. Rule blocks keep their fingerprints: the new base reads as the
 * old text did as at the day, so a block is stale in it only if it was stale in that version of the
 * old text (which every build checks, release by release); such a text is refused with its findings.
 */
async function recompile(
  before: CompileResult,
  documents: Map<string, string>,
  planText: string,
  frozen: ReadonlyMap<string, RuleSet>,
): Promise<Recompiled> {
  const dir = path.dirname(before.parsed[0]?.doc.file.path ?? 'sec-text/x.md');
  const manifests: Record<string, string> = {};
  for (const file of before.plan.files) {
    if (path.basename(path.dirname(file.path)) === MODIFICATIONS_DIR) manifests[path.basename(file.path)] = String(file.value);
  }
  const frozenTexts: Record<string, string> = {};
  for (const [id, ruleSet] of [...before.plan.frozen, ...frozen]) frozenTexts[id] = JSON.stringify(ruleSet);
  const plan = planFromTexts({ releases: planText, manifests, frozen: frozenTexts }, dir, before.context.schemas);
  const result = await compile(corpusFromStrings(Object.fromEntries(documents), dir), {
    emit: false,
    plan,
    schemas: before.context.schemas,
  });
  if (!result.ok)
    return {
      ok: false,
      reason: 'the consolidated text does not compile (the errors above are in the text as at that day); nothing written',
      result,
    };
  return { ok: true, result };
}

/** How many redlines the consolidation accepts (each once: redlines never nest). */
function countAccepted(node: Nodes, accepts: (redline: Redline) => boolean): number {
  if (isRedline(node)) return accepts(node) ? 1 : 0;
  if (!('children' in node)) return 0;
  return ((node as Parent).children as Nodes[]).reduce((sum, child) => sum + countAccepted(child, accepts), 0);
}
