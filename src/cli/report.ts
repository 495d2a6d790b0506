import path from 'node:path';
import type { VFile } from 'vfile';
import { CHECK_STEPS, runCheckSteps } from '../features/check/steps.js';
import { displayDir } from '../features/changeset/check-step.js';
import type { ChangeSet } from '../features/changeset/diff.js';
import { checkIntents, loadManifests, type IntentResult } from '../features/changeset/intent.js';
import { renderReviewPage } from '../features/review/page.js';
import { changesByModification } from '../features/changeset/attribute.js';
import { writeOutputsAtomically } from '../compiler/7-emit/write.js';
import { EXIT, findingsExit, type Command } from './context.js';
import { compileText, projectRoot } from './shared.js';

/** Check steps whose findings the page shows beside the text (lint and any later ones); drift is about committed outputs, and the intent check has its own place. */
const pageSteps = () => CHECK_STEPS.filter((step) => step.name !== 'drift' && step.name !== 'intent');

export const reportCommand: Command = {
  summary: 'report --out DIR           write the HTML review page (DIR/index.html): redline, change set, diagnostics, intent check',
  help: {
    options: [['--out DIR', 'the folder to write index.html to (required)']],
    examples: [['secc report --out review/', 'the review page for the Change Board: review/index.html']],
  },
  async run(context) {
    const { options, io } = context;
    if (!options.out) {
      io.stderr.write('secc report: expected --out DIR, the folder to write index.html to\n');
      return EXIT.cannotRun;
    }
    // The page renders each document's tree; a cached document re-creates it with the parser.
    const result = await compileText(context, { emit: false, trees: true });
    const textDir = displayDir(options.text, io.cwd);
    // Undefined when the text does not compile: the page then says so rather than showing an empty change set.
    let changeSet: ChangeSet | undefined;
    let intents: IntentResult | undefined;
    const findings: VFile[] = [...result.files];
    if (result.ok && result.ruleSets && result.changeSet) {
      const { baseline, modified } = result.ruleSets;
      changeSet = result.changeSet;
      intents = checkIntents(changeSet, baseline, modified, await loadManifests(options.text, io.cwd, undefined, result.context.schemas), {
        textDir,
      });
      findings.push(...intents.files);
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
