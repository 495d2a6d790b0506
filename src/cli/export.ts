import { timeline } from '../compiler/versions.js';
import { gatewayTables } from '../features/export/gateway-tables.js';
import { ELIGIBILITY_HEADER, eligibilityRows, toCsv, TRT_HEADER, trtRows } from '../features/export/tables.js';
import { decisionVectors } from '../features/export/vectors.js';
import { reportText } from '../features/report/text.js';
import { EXIT, type Command, type CommandContext } from './context.js';
import { compileText } from './shared.js';
import { selectedVersion, versionSpec } from './version.js';

export const exportCommand: Command = {
  summary:
    'export trt|eligibility|tables|vectors|docx  print a table (--view baseline|modified, --as-at DATE or --modification ID; --format csv|json), the gateway tables or decision vectors over time (--format json), or write Word documents (docx --out DIR)',
  help: {
    options: [
      ['--view baseline|modified', 'the base, or every pending modification (default: modified)'],
      ['--as-at YYYY-MM-DD', 'the version in force on that day (the implementation day included)'],
      ['--modification ID', 'the base plus that modification alone'],
      ['--format csv|json', 'trt and eligibility: the table format (default: csv); tables and vectors: json'],
      ['--out DIR', 'docx: the folder for the .docx files'],
      ['--rules omit|annex', 'docx: leave rule blocks out (default), or add them as an annex'],
    ],
    examples: [
      ['secc export trt --view baseline', 'the TRT table of the base as CSV'],
      ['secc export eligibility --as-at 2024-06-27 --format json', 'eligibility in force on a day'],
      ['secc export tables --format json > tables.json', 'every version of the gateway tables over time'],
      ['secc export vectors --format json > vectors.json', 'decision vectors on both sides of every release date'],
      ['secc export docx --out word/', 'one Word document per document, changes tracked'],
    ],
  },
  async run(context) {
    const { options, io, args } = context;
    const table = args[0];
    if (table === 'docx') return (await import('./export-docx.js')).exportDocxCommand(context);
    if (table === 'tables' || table === 'vectors') return exportOverTime(context, table);
    if (table !== 'trt' && table !== 'eligibility') {
      io.stderr.write(`secc export: expected \`trt\`, \`eligibility\`, \`tables\`, \`vectors\` or \`docx\`, got \`${table ?? ''}\`\n`);
      return EXIT.cannotRun;
    }
    const spec = versionSpec(options);
    const format = options.format ?? 'csv';
    if (format !== 'csv' && format !== 'json') {
      io.stderr.write(`secc export: --format must be csv or json, got \`${format}\`\n`);
      return EXIT.cannotRun;
    }
    const result = await compileText(context, { emit: false });
    if (!result.ok || !result.ruleSets) {
      io.stderr.write(reportText(result.files, { quiet: true }));
      return EXIT.findings;
    }
    const compiled = selectedVersion(result, spec, (text) => io.stderr.write(text));
    if (!compiled) return EXIT.findings;
    const { ruleSet } = compiled;
    if (table === 'trt') {
      const rows = trtRows(ruleSet);
      io.stdout.write(format === 'csv' ? toCsv(TRT_HEADER, rows) : `${JSON.stringify(rows, null, 2)}\n`);
    } else {
      const rows = eligibilityRows(ruleSet);
      io.stdout.write(format === 'csv' ? toCsv(ELIGIBILITY_HEADER, rows) : `${JSON.stringify(rows, null, 2)}\n`);
    }
    return EXIT.clean;
  },
};

/** `secc export tables|vectors`: every version of the text over time, so no version option applies; JSON only. */
async function exportOverTime(context: CommandContext, what: 'tables' | 'vectors'): Promise<number> {
  const { options, io } = context;
  if (options.view !== undefined || options.asAt !== undefined || options.modification !== undefined) {
    io.stderr.write(`secc export ${what}: covers every version of the text over time; --view, --as-at and --modification do not apply\n`);
    return EXIT.cannotRun;
  }
  if ((options.format ?? 'json') !== 'json') {
    io.stderr.write(`secc export ${what}: --format must be json, got \`${options.format ?? ''}\`\n`);
    return EXIT.cannotRun;
  }
  const result = await compileText(context, { emit: false });
  const intervals = timeline(result);
  if (!intervals) {
    io.stderr.write(reportText(result.files, { quiet: true }));
    return EXIT.findings;
  }
  const value = what === 'tables' ? gatewayTables(intervals) : decisionVectors(intervals);
  io.stdout.write(
    `${JSON.stringify(value, null, what === 'tables' ? 2 : undefined)
      .replace(/\},\{"at"/g, '},\n{"at"')
      .replace('"vectors":[{', '"vectors":[\n{')}\n`,
  );
  return EXIT.clean;
}
