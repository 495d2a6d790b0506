import { lint } from '../features/lint/index.js';
import { EXIT, type Command } from './context.js';
import { compileText, formatFindings } from './shared.js';
import { gateExit } from '../features/lint/exit.js';

export const lintCommand: Command = {
  summary: 'lint                       run the drafting rules and the compiler checks on sec-text/ (--format text|json|sarif|junit)',
  help: {
    options: [['--format text|pretty|json|sarif|junit', 'how to print the findings (default: text)']],
    examples: [
      ['secc lint', 'the drafting rules and the compiler checks'],
      ['secc lint --quiet', 'errors only'],
      ['secc lint --format sarif > lint.sarif', 'for GitHub code scanning'],
      ['secc explain trt-coverage', 'what a rule checks, with examples'],
    ],
  },
  async run(context) {
    const { options, io } = context;
    formatFindings([], context, 'lint'); // an unknown --format stops here (exit 2), before any work
    const result = await compileText(context, { emit: false });
    lint(result);
    io.stdout.write(formatFindings(result.files, context, 'lint'));
    const exit = gateExit(result.files, options);
    if (exit === EXIT.clean && (options.format ?? 'text') === 'text') io.stderr.write('secc lint: no errors in the legal text.\n');
    return exit;
  },
};
