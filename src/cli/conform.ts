import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { report } from '../shared/diagnostics.js';
import {
  checkConformance,
  combineScopes,
  ConfigurationError,
  configurationFormat,
  parseSrList,
  readConfiguration,
  scopeProblems,
  type Configuration,
  type DeclaredScope,
} from '../gateway/conformance.js';
import { tablesFromRuleSets } from '../gateway/tables.js';
import { reportText } from '../features/report/text.js';
import { EXIT, type Command } from './context.js';
import { selectedVersion, versionSpec } from './version.js';
import { compileText, formatFindings } from './shared.js';

/** Rule ids of the conformance findings, one per kind of disagreement. */
export const CONFORM_RULES = {
  missing: 'conform-missing',
  extra: 'conform-extra',
  'out-of-scope': 'conform-out-of-scope',
  'wrong-trt': 'conform-wrong-trt',
  'wrong-eligibility': 'conform-wrong-eligibility',
} as const;

export const conform: Command = {
  summary:
    'conform --impl FILE         check a gateway configuration (CSV or JSON) against the legal text: --view baseline|modified, --as-at DATE or --modification ID; --only-sr 4.8.1,4.8.3 for a partial gateway',
  help: {
    options: [
      ['--impl FILE', 'the gateway configuration (CSV: sr,user_role,smets,mode,trt_seconds,eligible; or the same as JSON)'],
      ['--view baseline|modified', 'the base, or every pending modification (default: modified)'],
      ['--as-at YYYY-MM-DD', 'the version in force on that day (the implementation day included)'],
      ['--modification ID', 'the base plus that modification alone'],
      [
        '--only-sr SR,SR',
        'the Service Requests a partial gateway claims (or in the file: a line `# only-sr: 4.8.1, 4.8.3` above the CSV header, `"only_sr"` beside `"rows"` in JSON)',
      ],
      ['--format text|json|sarif|junit', 'how to print the disagreements (default: text)'],
    ],
    examples: [
      ['secc conform --impl gateway.csv', 'the configuration against the modified text'],
      ['secc conform --impl gateway.json --as-at 2024-06-27', 'against the text in force on a day'],
      ['secc conform --impl mdr-only.csv --only-sr 4.8.1,4.8.3', 'a partial gateway, judged on the SRs it claims'],
    ],
  },
  async run(context) {
    const { options, io } = context;
    const spec = versionSpec(options);
    if (!options.impl) {
      io.stderr.write(
        'secc conform: --impl FILE is required: the gateway configuration table (CSV with header sr,user_role,smets,mode,trt_seconds,eligible, or the same as JSON)\n',
      );
      return EXIT.cannotRun;
    }
    const absolute = path.resolve(io.cwd, options.impl);
    const shown = path.relative(io.cwd, absolute) || absolute;
    let bytes: Uint8Array;
    try {
      bytes = await readFile(absolute);
    } catch (error) {
      io.stderr.write(`secc conform: cannot read ${shown}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
      return EXIT.cannotRun;
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      io.stderr.write(`secc conform: cannot read ${shown}: not UTF-8 text\n`);
      return EXIT.cannotRun;
    }
    const option = scopeOption(options.onlySr);
    if (typeof option === 'string') {
      io.stderr.write(`secc conform: --only-sr: ${option}\n`);
      return EXIT.cannotRun;
    }
    let configuration: Configuration;
    try {
      configuration = readConfiguration(text, configurationFormat(absolute, text));
    } catch (error) {
      if (!(error instanceof ConfigurationError)) throw error;
      for (const problem of error.problems)
        io.stderr.write(`${shown}${problem.line === undefined ? '' : `:${problem.line}`}  error  ${problem.message}\n`);
      io.stderr.write(`secc conform: ${shown} is not a configuration table; nothing was checked.\n`);
      return EXIT.cannotRun;
    }
    const scope = combineScopes(configuration.scope, option);
    if (typeof scope === 'string') {
      io.stderr.write(`secc conform: ${shown}: ${scope}; nothing was checked.\n`);
      return EXIT.cannotRun;
    }

    const compiled = await compileText(context, { emit: false });
    if (!compiled.ok || !compiled.ruleSets) {
      io.stderr.write(reportText(compiled.files, { quiet: true }));
      io.stderr.write('secc conform: the legal text does not compile; nothing was checked.\n');
      return EXIT.cannotRun;
    }
    const version = selectedVersion(compiled, spec, (text) => io.stderr.write(text));
    if (!version) return EXIT.cannotRun;
    // A version's tables stand in both slots: the check reads one view, named for the reader below.
    const view = spec.kind === 'baseline' ? 'baseline' : 'modified';
    const tables = tablesFromRuleSets({ baseline: version.ruleSet, modified: version.ruleSet });
    const unchecked = scopeProblems(scope, view, tables);
    if (unchecked.length > 0) {
      for (const problem of unchecked) io.stderr.write(`${shown}${scope.line === undefined ? '' : `:${scope.line}`}  error  ${problem}\n`);
      io.stderr.write(
        `secc conform: ${shown}: the declared scope cannot be checked against the ${version.version.label} version; nothing was checked.\n`,
      );
      return EXIT.cannotRun;
    }
    const result = checkConformance(configuration.rows, view, tables, scope);

    const file = new VFile({ path: shown, cwd: io.cwd });
    for (const disagreement of result.disagreements) {
      report(file, disagreement.message, {
        ruleId: CONFORM_RULES[disagreement.kind],
        place: disagreement.line === undefined ? undefined : { line: disagreement.line, column: 1 },
        actual: disagreement.actual,
        expected: [disagreement.expected],
        note: `Governed by ${disagreement.basis.place}${disagreement.basis.clause ? ` (${disagreement.basis.clause})` : ''}${disagreement.basis.cell ? `, cell ${disagreement.basis.cell}` : ''}.`,
        view,
      });
    }
    io.stdout.write(formatFindings([file], context, 'conform'));
    const count = result.disagreements.length;
    if ((options.format ?? 'text') === 'text') {
      io.stderr.write(
        `secc conform: ${shown}: ${count === 0 ? 'conforms to' : `${count} disagreement${count === 1 ? '' : 's'} with`} the ${version.version.label} version of the legal text (${result.rows} rows checked against ${result.combinations} combinations${scopeText(scope)}, ${result.available} available).\n`,
      );
    }
    return count === 0 ? EXIT.clean : EXIT.findings;
  },
};

/** `--only-sr 4.8.1,4.8.3` as a scope; a message when it names something that is not an SR reference. */
function scopeOption(value: string | undefined): DeclaredScope | undefined | string {
  if (value === undefined) return undefined;
  const { srs, problems } = parseSrList(value);
  return problems.length > 0 ? `${problems.join('; ')} (expected SR references separated by commas, e.g. 4.8.1,4.8.3)` : { srs };
}

function scopeText(scope: DeclaredScope): string {
  return scope.srs.length === 0 ? '' : ` of the declared scope, SR ${scope.srs.join(', ')}`;
}
