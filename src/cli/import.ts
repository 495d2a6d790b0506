/** `secc import docx FILE --front-matter YAML [--author NAME=ID …] [--out PATH]`. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeOutputsAtomically } from '../compiler/7-emit/write.js';
import { reportText } from '../features/report/text.js';
import { hasErrors } from '../shared/diagnostics.js';
import { Schemas } from '../shared/schemas.js';
import { readPlan } from '../compiler/1-read/plan.js';
import { EXIT, type Command, type CommandContext } from './context.js';

export const importCommand: Command = {
  summary:
    'import docx FILE           a Word document with tracked changes → redlined Markdown (--front-matter YAML, --author NAME=ID, --out PATH)',
  help: {
    options: [
      ['--front-matter FILE', 'the YAML front matter (document, id, title) of the imported document'],
      ['--author NAME=ID', "a Word author's tracked changes belong to modification ID (repeatable)"],
      ['--out PATH', 'the .md to write (default: print it)'],
    ],
    examples: [
      [
        'secc import docx mp200.docx --front-matter fm.yaml --author "SECAS=MP200" --out sec-text/appendix-ab.md',
        'a Word redline back into sec-text/',
      ],
    ],
  },
  async run(context) {
    const { options, io, args } = context;
    const [kind, file] = args;
    if (kind !== 'docx' || !file) return refuse(io, 'expected `secc import docx FILE`');
    if (!options.frontMatter)
      return refuse(io, 'expected --front-matter FILE, the YAML front matter (document, id, title) of the imported document');
    const authors = new Map<string, string>();
    for (const pair of options.author ?? []) {
      const at = pair.lastIndexOf('=');
      if (at <= 0 || at === pair.length - 1) return refuse(io, `--author expects NAME=MODIFICATION, got \`${pair}\``);
      authors.set(pair.slice(0, at), pair.slice(at + 1));
    }
    const frontMatter = await readText(options.frontMatter, io.cwd);
    const bytes = await readBinary(file, io.cwd);
    const { importDocx } = await import('../features/word/import/index.js');
    // The modifications a tracked change may belong to, and their dates, come from the corpus plan.
    const plan = await readPlan(options.text ?? 'sec-text', io.cwd, new Schemas());
    const { modifications, releases } = plan;
    const result = importDocx(bytes, file, { frontMatter, frontMatterName: options.frontMatter, authors, modifications, releases });
    if (result.file.messages.length > 0) io.stderr.write(reportText([result.file], { quiet: false }));
    if (hasErrors([result.file])) {
      io.stderr.write('secc import docx: nothing written; map every author with --author NAME=MODIFICATION and import again.\n');
      return EXIT.findings;
    }
    if (!options.out) {
      io.stdout.write(result.markdown);
      return EXIT.clean;
    }
    const out = path.resolve(io.cwd, options.out);
    await writeOutputsAtomically(path.dirname(out), new Map([[path.basename(out), result.markdown]]));
    io.stdout.write(`secc import docx: wrote ${path.relative(io.cwd, out)}\n`);
    return options.frail && result.file.messages.length > 0 ? EXIT.findings : EXIT.clean;
  },
};

async function readText(file: string, cwd: string): Promise<string> {
  return (await readBinaryOrExplain(file, cwd, 'the front matter')).toString('utf8');
}

async function readBinary(file: string, cwd: string): Promise<Uint8Array> {
  return new Uint8Array(await readBinaryOrExplain(file, cwd, 'the Word document'));
}

async function readBinaryOrExplain(file: string, cwd: string, what: string): Promise<Buffer> {
  const { CannotRun } = await import('../compiler/1-read/read.js');
  try {
    return await readFile(path.resolve(cwd, file));
  } catch (error) {
    throw new CannotRun(`cannot read ${what} ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

function refuse(io: CommandContext['io'], message: string): number {
  io.stderr.write(`secc import docx: ${message}\n`);
  return EXIT.cannotRun;
}
