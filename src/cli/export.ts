import { ELIGIBILITY_HEADER, eligibilityRows, toCsv, TRT_HEADER, trtRows } from '../features/export/tables.js';
import { reportText } from '../features/report/text.js';
import { EXIT, type Command } from './context.js';
import { compileText } from './shared.js';
import { selectedVersion, versionSpec } from './version.js';

export const exportCommand: Command = {
  summary:
    'export trt|eligibility|docx print a table (--view baseline|modified, --as-at DATE or --modification ID; --format csv|json), or write Word documents (docx --out DIR)',
  async run(context) {
    const { options, io, args } = context;
    const table = args[0];
    if (table === 'docx') return (await import('./export-docx.js')).exportDocxCommand(context);
    if (table !== 'trt' && table !== 'eligibility') {
      io.stderr.write(`secc export: expected \`trt\`, \`eligibility\` or \`docx\`, got \`${table ?? ''}\`\n`);
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
