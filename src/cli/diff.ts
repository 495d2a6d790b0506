import { diffRuleSets } from '../features/changeset/diff.js';
import { displayDir } from '../features/changeset/check-step.js';
import { changeSetJson } from '../features/changeset/diff.js';
import { changeWords, formatChangeSetMarkdown, formatChangeSetText } from '../features/changeset/format.js';
import { checkIntents, loadManifests, pendingManifests } from '../features/changeset/intent.js';
import { compileDirectory } from '../compiler/driver.js';
import { reportText } from '../features/report/text.js';
import { EXIT, type Command } from './context.js';
import { compileText } from './shared.js';
import { selectedVersion, versionSpec } from './version.js';
import type { CompiledVersion } from '../compiler/versions.js';
import type { RuleSet } from '../shared/model.js';
import type { VersionSpec } from '../shared/release-plan.js';

const FORMATS = ['text', 'json', 'markdown'] as const;

export const diff: Command = {
  summary:
    'diff [--against DIR]       the semantic change set, baseline → modified (or --as-at DATE, --modification ID; or DIR → this text): --format text|json|markdown',
  help: {
    options: [
      ['--view baseline|modified', 'the base, or every pending modification (default: modified)'],
      ['--as-at YYYY-MM-DD', 'the version in force on that day (the implementation day included)'],
      ['--modification ID', 'the base plus that modification alone'],
      ['--against DIR', 'compare another version of the legal text (its modified view) with this one'],
      ['--format text|json|markdown', 'how to print the change set (default: text)'],
      ['--exit-code', 'exit 1 when there are changes, 0 when there are none (like git diff --exit-code)'],
    ],
    examples: [
      ['secc diff', 'what the redline changes, baseline → modified'],
      ['secc diff --modification MP162 --format markdown', 'one modification as a PR comment'],
      ['secc diff --against ../sec-rules-main/sec-text --exit-code', 'did this branch change any rule?'],
    ],
    exit: 'Exit codes: 0 printed (with --exit-code: no changes), 1 the text does not compile (with --exit-code: also changes), 2 could not run.',
  },
  async run(context) {
    const { options, io } = context;
    const format = options.format ?? 'text';
    if (!(FORMATS as readonly string[]).includes(format)) {
      io.stderr.write(`secc diff: --format must be one of ${FORMATS.join(', ')}, got \`${format}\`\n`);
      return EXIT.cannotRun;
    }
    const result = await compileText(context, { emit: false });
    if (!result.ok || !result.ruleSets || !result.changeSet) {
      io.stderr.write(reportText(result.files, { quiet: true }));
      io.stderr.write('secc diff: the legal text does not compile; fix the errors above first.\n');
      return EXIT.findings;
    }
    const textDir = displayDir(options.text, io.cwd);
    const { baseline } = result.ruleSets;
    const spec = versionSpec(options);
    const compiled = selectedVersion(result, spec, (text) => io.stderr.write(text));
    if (!compiled) return EXIT.findings;
    const modified = compiled.ruleSet;
    let changeSet = spec.kind === 'modified' ? result.changeSet : versionChangeSet(baseline, compiled, spec);
    // The rule set the change set starts from: the words of a line (`for all Users`) compare against it.
    let from = baseline;
    if (options.against !== undefined) {
      // Two versions of the redline (e.g. an earlier draft and this one): the other's modified view → this one's.
      const other = await compileDirectory(options.against, io.cwd, { emit: false, schemas: result.context.schemas });
      if (!other.ok || !other.ruleSets) {
        io.stderr.write(reportText(other.files, { quiet: true }));
        io.stderr.write(`secc diff: the legal text in ${options.against} does not compile; fix the errors above first.\n`);
        return EXIT.findings;
      }
      const sides = { from: `${displayDir(options.against, io.cwd)} (modified)`, to: `${textDir} (modified)` };
      changeSet = diffRuleSets(other.ruleSets.modified, modified, sides);
      from = other.ruleSets.modified;
    }
    if (format === 'json') {
      io.stdout.write(changeSetJson(changeSet));
      return changesExit(changeSet, options.exitCode);
    }
    const words = changeWords(
      { baseline: from, modified },
      result.parsed.map((parsed) => ({
        name: parsed.doc.name,
        get tree() {
          return parsed.tree;
        },
      })),
    );
    if (format === 'text') {
      io.stdout.write(formatChangeSetText(changeSet, { textDir, words }));
      return changesExit(changeSet, options.exitCode);
    }
    // The intent check is about the redline (baseline → modified), not about two versions of it.
    const intents =
      options.against === undefined
        ? checkIntents(
            changeSet,
            baseline,
            modified,
            pendingManifests(await loadManifests(options.text, io.cwd, undefined, result.context.schemas), result.plan.consolidated),
            { textDir },
          )
        : undefined;
    io.stdout.write(formatChangeSetMarkdown(changeSet, { status: intents ? intentStatus(intents) : undefined, words }));
    return changesExit(changeSet, options.exitCode);
  },
};

/** `--exit-code`: 1 when there are changes, like `git diff --exit-code`; otherwise printing is success. */
function changesExit(changeSet: { changes: readonly unknown[] }, exitCode: boolean | undefined): number {
  return exitCode === true && changeSet.changes.length > 0 ? EXIT.findings : EXIT.clean;
}

/** The base → a version: `--modification ID` lists exactly that modification's changes, `--as-at` what is in force by then. */
function versionChangeSet(baseline: RuleSet, compiled: CompiledVersion, spec: VersionSpec) {
  const changeSet = diffRuleSets(baseline, compiled.ruleSet, { from: 'baseline', to: compiled.version.label });
  return spec.kind === 'modification' ? { ...changeSet, modifications: [spec.id] } : changeSet;
}

/** One line for the top of a PR comment or review page. */
export function intentStatus(intents: ReturnType<typeof checkIntents>): string | undefined {
  if (intents.manifests.length === 0) return undefined;
  const problems = intents.unintended.length + intents.missing.length;
  const names = intents.manifests.join(', ');
  if (problems === 0 && !intents.files.some((file) => file.messages.some((message) => message.fatal))) {
    return `✅ **Intent check passed**: every change is intended by ${names}, and every intended change is made.`;
  }
  return `❌ **Intent check failed** (${names}): ${intents.unintended.length} unintended change(s), ${intents.missing.length} intended change(s) not made. Run \`secc check\` for the places.`;
}
