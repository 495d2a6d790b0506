import { reportText } from '../features/report/text.js';
import { writeOutputsAtomically } from '../compiler/7-emit/write.js';
import { EXIT, findingsExit, type Command } from './context.js';
import { compileText, projectRoot } from './shared.js';
import { printRunTimings, startRunTimings } from '../compiler/timings.js';

export const build: Command = {
  summary: 'build                      compile sec-text/ into rules/ and generated/ (nothing is written on error)',
  async run(context) {
    const { options, io } = context;
    const timings = startRunTimings('build');
    const result = await compileText(context, { timings });
    io.stderr.write(reportText(result.files, { quiet: options.quiet }));
    if (!result.ok) {
      io.stderr.write('secc build: nothing written; fix the errors above and build again.\n');
      return EXIT.findings;
    }
    const changed = await writeOutputsAtomically(projectRoot(context), result.outputs);
    timings?.mark('write');
    printRunTimings(timings, io.stderr);
    io.stdout.write(
      changed.length === 0 ? 'secc build: rules/ and generated/ are up to date.\n' : `secc build: wrote ${changed.join(', ')}\n`,
    );
    return findingsExit(result.files, options);
  },
};
