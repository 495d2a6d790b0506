import path from 'node:path';
import { runCheckSteps } from '../features/check/steps.js';
import { watchFolders } from '../features/check/watch.js';
import { projectCompileContext, type CompileContext } from '../compiler/context.js';
import { EXIT, type Command, type CommandContext } from './context.js';
import { gateExit } from '../features/lint/exit.js';
import { compileText, formatFindings, projectRoot } from './shared.js';
import { printRunTimings, startRunTimings } from '../compiler/timings.js';

/** Quiet time after the last change before `--watch` checks again: an editor's save is a burst of events. */
const WATCH_QUIET_MS = 150;

export const check: Command = {
  summary: 'check                      compile in memory, compare with rules/ and generated/, run the checks (the CI gate)',
  help: {
    options: [
      ['--format text|pretty|json|sarif|junit', 'how to print the findings (default: text)'],
      ['--watch', 'check again whenever the legal text (or rules/, generated/) changes, until Ctrl-C'],
    ],
    examples: [
      ['secc check', 'the release gate: text, rules/ and generated/ agree'],
      ['secc check --format sarif > check.sarif', 'findings for GitHub code scanning'],
      ['cd sec-text && secc check', 'works from any folder inside the project'],
      ['secc check --watch', 'for those without an editor: findings again on every save'],
    ],
  },
  async run(context) {
    if (context.options.watch) return watch(context);
    return checkOnce(context);
  },
};

async function checkOnce(context: CommandContext, compileContext?: CompileContext): Promise<number> {
  const { options, io } = context;
  const timings = compileContext ? undefined : startRunTimings('check');
  const result = await compileText(context, { timings, compileContext });
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
}

/**
 * `secc check --watch`: checks, then again whenever sec-text/ (or rules/, generated/: a build in
 * another terminal) changes, until interrupted. A run that cannot run (a folder emptied
 * mid-edit) is reported and the watch goes on. One compile context is kept for the whole watch,
 * as the language server keeps it: its memory holds every document's facts and tree, so a run
 * after an edit reads again only the documents that changed (and says how many).
 */
async function watch(context: CommandContext): Promise<number> {
  const { io, options } = context;
  const root = projectRoot(context);
  const textDir = path.resolve(io.cwd, options.text);
  const kept = projectCompileContext(root, {}, io.env ?? process.env, { memory: true });
  const checkReporting = async (): Promise<number> => {
    const parsedBefore = kept.parse.documents;
    try {
      const exit = await checkOnce(context, kept);
      const parsed = kept.parse.documents - parsedBefore;
      io.stderr.write(`secc check --watch: ${parsed} document${parsed === 1 ? '' : 's'} parsed for this check\n`);
      return exit;
    } catch (error) {
      io.stderr.write(`secc check --watch: ${error instanceof Error ? error.message : String(error)}\n`);
      return EXIT.cannotRun;
    }
  };
  let last = await checkReporting();
  return new Promise<number>((resolve) => {
    const watcher = watchFolders({
      folders: [textDir, path.join(root, 'rules'), path.join(root, 'generated')],
      quietMs: WATCH_QUIET_MS,
      onChange: async (changed) => {
        const names = changed.map((file) => path.relative(io.cwd, file) || '.').slice(0, 3);
        io.stderr.write(`\nsecc check --watch: ${names.join(', ')}${changed.length > 3 ? ', …' : ''} changed; checking again\n`);
        last = await checkReporting();
      },
      onError: (error) => io.stderr.write(`secc check --watch: cannot watch: ${error.message}\n`),
    });
    io.stderr.write(`secc check --watch: watching ${options.text}/ (Ctrl-C to stop)\n`);
    process.once('SIGINT', () => {
      watcher.close();
      resolve(last);
    });
  });
}
