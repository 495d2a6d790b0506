/**
 * The generated corpus's modification manifests, written as a drafter would write them: each
 * modification's manifest names every change that modification makes alone (base → base + ID),
 * one pattern per change in the intent check's own words (`patternLine`, the line
 * `intent-unintended` tells a drafter to add). So `secc check` of the corpus runs the intent check
 * over every change and finds nothing, as for a finished modification; before this the manifests
 * said only "clauses change" and every benchmark check carried ~980 intent findings.
 *
 * The changes are read by compiling the generated text (deterministic: same corpus, same manifests).
 */
import { planFromTexts } from '../../../src/compiler/1-read/plan.js';
import { corpusFromStrings } from '../../../src/compiler/1-read/read.js';
import { compile } from '../../../src/compiler/driver.js';
import { compileVersion } from '../../../src/compiler/versions.js';
import { diffRuleSets } from '../../../src/features/changeset/diff.js';
import { patternLine } from '../../../src/features/changeset/patterns.js';
import { Schemas } from '../../../src/shared/schemas.js';
import type { Corpus } from './options.js';

/** The corpus with each manifest's intent listing the changes its modification makes. */
export async function declareIntents(corpus: Corpus): Promise<Corpus> {
  const schemas = new Schemas();
  const plan = planFromTexts(corpus.plan, 'sec-text', schemas);
  const result = await compile(corpusFromStrings(corpus.files, 'sec-text'), { plan, schemas, emit: false });
  if (!result.ok || !result.ruleSets) throw new Error('generator bug: the generated corpus does not compile');
  const manifests: Record<string, string> = {};
  for (const [name, text] of Object.entries(corpus.plan.manifests)) {
    const id = /^modification: (\S+)$/m.exec(text)?.[1];
    const version = id ? compileVersion(result, { kind: 'modification', id }) : undefined;
    if (!id || !version) throw new Error(`generator bug: no version for the manifest ${name}`);
    const lines = [...new Set(diffRuleSets(result.ruleSets.baseline, version.ruleSet).changes.map(patternLine))];
    manifests[name] = withIntent(text, id, lines);
  }
  return { ...corpus, plan: { ...corpus.plan, manifests } };
}

/** The manifest's head (modification, title, authority) with one intent naming each change. */
function withIntent(text: string, id: string, lines: readonly string[]): string {
  const head = text.slice(0, text.indexOf('intents:'));
  const changes = lines.length > 0 ? lines.map((line) => `      ${line}`).join('\n') : '      []';
  return `${head}intents:\n  - id: all\n    ref: synthetic\n    says: Every change ${id} makes in the generated corpus.\n    changes:\n${changes}\n`;
}
