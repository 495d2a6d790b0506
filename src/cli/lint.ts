import { lint } from '../features/lint/index.js';
import { keepForVersion } from '../features/lint/version.js';
import { EXIT, type Command } from './context.js';
import { compileText, formatFindings } from './shared.js';
import { gateExit } from '../features/lint/exit.js';
import { chosenVersion, requireText, selectedVersion } from './version.js';
import type { CompileResult } from '../compiler/driver.js';
import { versionOf, type CompiledVersion } from '../compiler/versions.js';
import type { VersionSpec } from '../shared/release-plan.js';

/**
 * A named view needs no compiled version (its findings are the views' own, even when the text does
 * not compile); another version does, and without it lint reads both views and says so.
 */
function lintedVersion(result: CompileResult, spec: VersionSpec, warn: (text: string) => void): CompiledVersion | undefined {
  if ((spec.kind === 'baseline' || spec.kind === 'modified') && result.ruleSets) {
    return { version: versionOf(result, spec), ruleSet: result.ruleSets[spec.kind] };
  }
  if (result.ok) return selectedVersion(result, spec, warn);
  warn(`warning: the text does not compile, so ${versionOf(result, spec).label} cannot be computed; lint reads both views\n`);
  return undefined;
}

export const lintCommand: Command = {
  summary:
    'lint                       run the drafting rules and the compiler checks on sec-text/ (both views, or --view, --as-at DATE, --modification ID; --format text|json|sarif|junit)',
  help: {
    options: [
      ['--format text|pretty|json|sarif|junit', 'how to print the findings (default: text)'],
      ['--view baseline|modified', 'the version: the base, or every pending modification'],
      ['--as-at YYYY-MM-DD', 'the version in force on that day (the implementation day included)'],
      ['--modification ID', 'the base plus that modification alone'],
    ],
    examples: [
      ['secc lint', 'the drafting rules and the compiler checks'],
      ['secc lint --quiet', 'errors only'],
      ['secc lint --as-at 2024-06-27', 'the rules that read one version, on the text in force that day'],
      ['secc lint --format sarif > lint.sarif', 'for GitHub code scanning'],
      ['secc explain trt-coverage', 'what a rule checks, with examples'],
    ],
  },
  async run(context) {
    const { options, io } = context;
    formatFindings([], context, 'lint'); // an unknown --format stops here (exit 2), before any work
    const spec = chosenVersion(options); // so does a bad --view, --as-at or --modification
    const result = await compileText(context, { emit: false });
    const version = spec && lintedVersion(result, spec, (text) => io.stderr.write(text));
    requireText(version, 'secc lint');
    lint(result, { version });
    keepForVersion(result.files, version);
    io.stdout.write(formatFindings(result.files, context, 'lint'));
    const exit = gateExit(result.files, options);
    if (exit === EXIT.clean && (options.format ?? 'text') === 'text') io.stderr.write('secc lint: no errors in the legal text.\n');
    return exit;
  },
};
