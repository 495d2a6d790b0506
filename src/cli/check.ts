import { runCheckSteps } from '../features/check/steps.js';
import { EXIT, type Command } from './context.js';
import { gateExit } from '../features/lint/exit.js';
import { compileText, formatFindings, projectRoot } from './shared.js';
import { printRunTimings, startRunTimings } from '../compiler/timings.js';

export const check: Command = {
  summary: 'check                      compile in memory, compare with rules/ and generated/, run the checks (the CI gate)',
  async run(context) {
    const { options, io } = context;
    const timings = startRunTimings('check');
    const result = await compileText(context, { timings });
    const files = [...result.files];
    files.push(...(await runCheckSteps({ result, root: projectRoot(context), textDir: options.text, cwd: io.cwd })));
    timings?.mark('compare');
    io.stdout.write(formatFindings(files, context, 'check'));
    timings?.mark('report');
    printRunTimings(timings, io.stderr);
    const exit = gateExit(files, options);
    if (exit === EXIT.clean && (options.format ?? 'text') === 'text')
      io.stderr.write('secc check: the legal text, rules/ and generated/ agree.\n');
    return exit;
  },
};
