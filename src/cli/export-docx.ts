/** `secc export docx --out DIR [--view redline|baseline|modified] [--rules omit|annex]`. */
import path from 'node:path';
import { compileDirectory } from '../compiler/driver.js';
import { writeOutputsAtomically } from '../compiler/7-emit/write.js';
import { reportText } from '../features/report/text.js';
import { exportDocx } from '../features/word/export/index.js';
import { WORD_VERSIONS } from '../features/word/version.js';
import { EXIT, type CommandContext } from './context.js';

export async function exportDocxCommand(context: CommandContext): Promise<number> {
  const { options, io } = context;
  const version = WORD_VERSIONS.find((name) => name === (options.view ?? 'redline'));
  const rules = options.rules ?? 'omit';
  if (!options.out) return refuse(io, 'expected --out DIR, the folder to write one .docx per document to');
  if (!version) return refuse(io, `--view must be ${WORD_VERSIONS.join(', ')}, got \`${options.view ?? ''}\``);
  if (rules !== 'omit' && rules !== 'annex') return refuse(io, `--rules must be omit or annex, got \`${rules}\``);
  // Every tree is needed, so no cache: the text must compile before it leaves as Word.
  const result = await compileDirectory(options.text, io.cwd, { emit: false, trees: true });
  if (!result.ok) {
    io.stderr.write(reportText(result.files, { quiet: true }));
    io.stderr.write('secc export docx: nothing written; fix the errors above and export again.\n');
    return EXIT.findings;
  }
  const outputs = await exportDocx(result.parsed, result.plan, { version, rules });
  const warnings = reportText(result.files, { quiet: false });
  if (result.files.some((file) => file.messages.length > 0)) io.stderr.write(warnings);
  const out = path.resolve(io.cwd, options.out);
  await writeOutputsAtomically(out, outputs);
  const shown = path.relative(io.cwd, out) || '.';
  for (const [name, bytes] of outputs) io.stdout.write(`${path.join(shown, name)}  ${bytes.length} bytes\n`);
  return EXIT.clean;
}

function refuse(io: CommandContext['io'], message: string): number {
  io.stderr.write(`secc export docx: ${message}\n`);
  return EXIT.cannotRun;
}
