import path from 'node:path';
import type { VFile } from 'vfile';
import { CHECK_STEPS, runCheckSteps } from '../features/check/steps.js';
import { displayDir } from '../features/changeset/check-step.js';
import { diffRuleSets, type ChangeSet } from '../features/changeset/diff.js';
import { checkIntents, loadManifests, pendingManifests, type IntentResult, type ManifestLoad } from '../features/changeset/intent.js';
import { renderReviewPage } from '../features/review/page.js';
import { changesByModification } from '../features/changeset/attribute.js';
import { writeOutputsAtomically } from '../compiler/7-emit/write.js';
import type { CompileResult } from '../compiler/driver.js';
import type { CompiledVersion } from '../compiler/versions.js';
import { EXIT, findingsExit, type Command } from './context.js';
import { compileText, projectRoot } from './shared.js';
import { chosenVersion, requireText, selectedVersion } from './version.js';

/** Check steps whose findings the page shows beside the text (lint and any later ones); drift is about committed outputs, and the intent check has its own place. */
const pageSteps = () => CHECK_STEPS.filter((step) => step.name !== 'drift' && step.name !== 'intent');

export const reportCommand: Command = {
  summary:
    'report --out DIR           write the HTML review page (DIR/index.html): redline, change set (base → modified, or --view, --as-at DATE, --modification ID), diagnostics, intent check',
  help: {
    options: [
      ['--out DIR', 'the folder to write index.html to (required)'],
      ['--view baseline|modified', 'the version: the base, or every pending modification'],
      ['--as-at YYYY-MM-DD', 'the version in force on that day (the implementation day included)'],
      ['--modification ID', 'the base plus that modification alone'],
    ],
    examples: [
      ['secc report --out review/', 'the review page for the Change Board: review/index.html'],
      ['secc report --out review/ --modification MP162', "one modification's changes, judged against its own manifest"],
    ],
  },
  async run(context) {
    const { options, io } = context;
    if (!options.out) {
      io.stderr.write('secc report: expected --out DIR, the folder to write index.html to\n');
      return EXIT.cannotRun;
    }
    const spec = chosenVersion(options);
    // The page renders each document's tree; a cached document re-creates it with the parser.
    const result = await compileText(context, { emit: false, trees: true });
    const version = spec && result.ok ? selectedVersion(result, spec, (text) => io.stderr.write(text)) : undefined;
    requireText(version, 'secc report');
    const textDir = displayDir(options.text, io.cwd);
    // Undefined when the text does not compile: the page then says so rather than showing an empty change set.
    let changeSet: ChangeSet | undefined;
    let intents: IntentResult | undefined;
    const findings: VFile[] = [...result.files];
    if (result.ok && result.ruleSets && result.changeSet) {
      const { baseline } = result.ruleSets;
      const load = pendingManifests(await loadManifests(options.text, io.cwd, undefined, result.context.schemas), result.plan.consolidated);
      const shown = shownChangeSet(result, version, load);
      changeSet = shown.changeSet;
      intents = shown.load && checkIntents(changeSet, baseline, shown.after, shown.load, { textDir });
      if (intents) findings.push(...intents.files);
      findings.push(...(await runCheckSteps({ result, root: projectRoot(context), textDir: options.text, cwd: io.cwd }, pageSteps())));
    }
    const madeBy = changesByModification(result);
    const manifests = result.plan.modifications.map((modification) => modification.id);
    const html = renderReviewPage({
      parsed: result.parsed,
      changeSet,
      ruleSets: result.ruleSets,
      manifests,
      intents,
      findings,
      textDir,
      madeBy,
    });
    const out = path.resolve(io.cwd, options.out);
    await writeOutputsAtomically(out, new Map([['index.html', html]]));
    io.stdout.write(
      `secc report: wrote ${path.join(path.relative(io.cwd, out) || '.', 'index.html')} (${changeSet ? `${changeSet.changes.length} changes` : 'no change set: the text does not compile'}, ${findings.reduce((sum, file) => sum + file.messages.length, 0)} findings)\n`,
    );
    return findingsExit(findings, options);
  },
};

/**
 * The change set the page shows: base → modified (judged against every pending manifest), or base
 * → the chosen version; a single modification is judged against its own manifest, a date or the
 * base against none (they are not one modification's redline).
 */
function shownChangeSet(
  result: CompileResult,
  version: CompiledVersion | undefined,
  load: ManifestLoad,
): { changeSet: ChangeSet; after: CompiledVersion['ruleSet']; load: ManifestLoad | undefined } {
  const ruleSets = result.ruleSets;
  if (!ruleSets || !result.changeSet) throw new Error('report: the page needs a compiled text');
  const kind = version?.version.spec.kind;
  if (!version || kind === 'modified') return { changeSet: result.changeSet, after: ruleSets.modified, load };
  const changeSet = diffRuleSets(ruleSets.baseline, version.ruleSet, { from: 'baseline', to: version.version.label });
  if (version.version.spec.kind !== 'modification') return { changeSet, after: version.ruleSet, load: undefined };
  const id = version.version.spec.id;
  const own = { ...load, manifests: load.manifests.filter((loaded) => loaded.manifest.modification === id) };
  // Judged as that modification alone: the other pending ones are not this page's business.
  const after = { ...version.ruleSet, modifications: version.ruleSet.modifications.filter((modification) => modification.id === id) };
  return { changeSet: { ...changeSet, modifications: [id] }, after, load: own };
}
