/**
 * `secc consolidate --through YYYY-MM-DD`: what SECAS does after a release. The redlines of every
 * release in force by that day are accepted into sec-text/, those releases leave the pending plan
 * (the last becomes the base, the others its history), and the SEC as in force at each of them is
 * frozen in rules/releases/<id>.rules.json with its hash recorded. All or nothing: one atomic
 * write of the documents, releases.yaml and the frozen files; on any refusal nothing is written.
 */
import path from 'node:path';
import { readIfExists, writeOutputsAtomically } from '../compiler/7-emit/write.js';
import { ruleSetJson } from '../compiler/driver.js';
import { consolidate, type Consolidation } from '../features/consolidate/consolidate.js';
import { releasesThrough } from '../features/consolidate/through.js';
import { checkFrozen } from '../features/frozen/frozen.js';
import { FROZEN_RECORD, frozenFile, readFrozenRecord, recordJson } from '../features/frozen/record.js';
import { reportText } from '../features/report/text.js';
import { EXIT, type Command, type CommandContext } from './context.js';
import { compileText, projectRoot } from './shared.js';

export const consolidateCommand: Command = {
  summary: 'consolidate --through DATE accept the redlines of every release in force by DATE into sec-text/, and freeze those releases',
  help: {
    options: [['--through YYYY-MM-DD', 'the last day whose releases are accepted into the text and frozen (required)']],
    examples: [['secc consolidate --through 2024-06-27', 'after the June 2024 SEC Release: MP162 becomes the base, its release is frozen']],
  },
  async run(context) {
    const { options, io } = context;
    const refuse = (reason: string, exit: number = EXIT.cannotRun) => {
      io.stderr.write(`secc consolidate: ${reason}\n`);
      return exit;
    };
    const result = await compileText(context, { emit: false, trees: true });
    if (!result.ok) {
      io.stderr.write(reportText(result.files, { quiet: true }));
      return refuse('the legal text does not compile; nothing consolidated.', EXIT.findings);
    }
    const through = releasesThrough(result.plan.releases, options.through);
    if (!through.ok) return refuse(`${through.reason}; nothing written.`);
    const root = projectRoot(context);
    const unredlined = await checkFrozen(result, root);
    if (result.files.concat(unredlined).some((file) => file.messages.some((message) => message.fatal === true))) {
      io.stderr.write(reportText([...result.files, ...unredlined], { quiet: true }));
      return refuse('the base was edited without a redline; correct it first (secc freeze --correct); nothing written.', EXIT.findings);
    }
    if (through.releases.length === 0) {
      io.stdout.write(`secc consolidate: no pending release is in force by ${through.date}; nothing to consolidate.\n`);
      return EXIT.clean;
    }
    const outcome = await consolidate(result, through.date, through.releases);
    if (!outcome.ok) {
      if (outcome.result) io.stderr.write(reportText(outcome.result.files, { quiet: true }));
      return refuse(outcome.reason, EXIT.findings);
    }
    const written = await write(context, root, outcome.consolidation);
    report(context, through.date, outcome.consolidation, written);
    return EXIT.clean;
  },
};

/** One atomic write from the folder holding both the text and the root (usually the project root). */
async function write(context: CommandContext, root: string, consolidation: Consolidation): Promise<string[]> {
  const { options, io } = context;
  const textDir = path.resolve(io.cwd, options.text);
  const common = commonFolder(textDir, root);
  const outputs = new Map<string, string>();
  for (const [name, text] of consolidation.documents) outputs.set(path.relative(common, path.join(textDir, name)), text);
  outputs.set(path.relative(common, path.join(textDir, 'releases.yaml')), consolidation.planText);
  const record = await readFrozenRecord(root);
  const frozenTexts = new Map<string, string>();
  const recorded = new Map<string, string>();
  for (const [id, ruleSet] of consolidation.frozen) {
    // A release frozen before (the old base, once `secc freeze` ran) is never rewritten; it was
    // checked against the text just now, so one frozen before hashes were recorded gets its record.
    const onDisk = await readIfExists(path.join(root, frozenFile(id)));
    if (onDisk === undefined) frozenTexts.set(id, ruleSetJson(ruleSet));
    else if (record[id] === undefined) recorded.set(id, onDisk);
  }
  for (const [id, text] of frozenTexts) outputs.set(path.relative(common, path.join(root, frozenFile(id))), text);
  outputs.set(path.relative(common, path.join(root, FROZEN_RECORD)), recordJson(record, new Map([...recorded, ...frozenTexts])));
  return (await writeOutputsAtomically(common, outputs)).map((relative) => path.relative(io.cwd, path.join(common, relative)));
}

function commonFolder(a: string, b: string): string {
  const left = a.split(path.sep);
  const right = b.split(path.sep);
  let index = 0;
  while (index < left.length && index < right.length && left[index] === right[index]) index++;
  return left.slice(0, index).join(path.sep) || path.sep;
}

function report({ io }: CommandContext, through: string, consolidation: Consolidation, written: readonly string[]): void {
  const { plan, accepted } = consolidation;
  const redlines = [...accepted].map(([name, count]) => `${name} ${count}`).join(', ') || 'none in these documents';
  io.stdout.write(
    `secc consolidate: through ${through}, the base is now \`${plan.base.id}\` (${plan.base.title}, ${plan.base.date ?? ''})\n`,
  );
  io.stdout.write(`  redlines accepted: ${redlines}\n`);
  io.stdout.write(`  consolidated before it: ${(plan.consolidated ?? []).map((release) => release.id).join(', ')}\n`);
  io.stdout.write(`  still pending: ${plan.releases.map((release) => `${release.id} (${release.date})`).join(', ') || 'none'}\n`);
  io.stdout.write(`  wrote ${written.join(', ')}\n`);
  io.stdout.write('secc consolidate: now run `secc build` to write rules/ and generated/ from the consolidated text.\n');
}
