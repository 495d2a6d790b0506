/** `secc export docx --out DIR [--view redline|baseline|modified | --as-at DATE | --modification ID] [--rules omit|annex]`. */
import path from 'node:path';
import { CannotRun } from '../compiler/1-read/read.js';
import { compileDirectory, type CompileResult } from '../compiler/driver.js';
import { writeOutputsAtomically } from '../compiler/7-emit/write.js';
import { reportText } from '../features/report/text.js';
import { exportDocx } from '../features/word/export/index.js';
import { cleanVersionOf, WORD_VERSIONS, type WordVersion } from '../features/word/version.js';
import { EXIT, type CommandContext } from './context.js';
import { projectRoot } from './shared.js';
import { requireText, selectedVersion, versionSpec } from './version.js';

export async function exportDocxCommand(context: CommandContext): Promise<number> {
  const { options, io } = context;
  const rules = options.rules ?? 'omit';
  if (!options.out) return refuse(io, 'expected --out DIR, the folder to write one .docx per document to');
  const dated = options.asAt !== undefined || options.modification !== undefined;
  if (dated && options.view !== undefined) throw new CannotRun('give at most one of --view, --as-at and --modification');
  const named = WORD_VERSIONS.find((name) => name === (options.view ?? 'redline'));
  if (!named) return refuse(io, `--view must be ${WORD_VERSIONS.join(', ')}, got \`${options.view ?? ''}\``);
  if (rules !== 'omit' && rules !== 'annex') return refuse(io, `--rules must be omit or annex, got \`${rules}\``);
  const spec = dated ? versionSpec(options) : undefined; // a bad date stops here (exit 2)
  // Every tree is needed, so no cache: the text must compile before it leaves as Word.
  const result = await compileDirectory(options.text, io.cwd, { emit: false, trees: true, root: projectRoot(context) });
  if (!result.ok) {
    io.stderr.write(reportText(result.files, { quiet: true }));
    io.stderr.write('secc export docx: nothing written; fix the errors above and export again.\n');
    return EXIT.findings;
  }
  const compiled = spec && selectedVersion(result, spec, (text) => io.stderr.write(text));
  requireText(compiled, 'secc export docx');
  const outputs = compiled
    ? await exportEach(result, compiled.version, rules)
    : await exportDocx(result.parsed, result.plan, { version: named, rules });
  const warnings = reportText(result.files, { quiet: false });
  if (result.files.some((file) => file.messages.length > 0)) io.stderr.write(warnings);
  const out = path.resolve(io.cwd, options.out);
  await writeOutputsAtomically(out, outputs);
  const shown = path.relative(io.cwd, out) || '.';
  for (const [name, bytes] of outputs) io.stdout.write(`${path.join(shown, name)}  ${bytes.length} bytes\n`);
  return EXIT.clean;
}

/** A version of the plan accepts redlines by each document's SEC part: one clean version per document. */
async function exportEach(
  result: CompileResult,
  version: Parameters<typeof cleanVersionOf>[0],
  rules: 'omit' | 'annex',
): Promise<Map<string, Uint8Array>> {
  const outputs = new Map<string, Uint8Array>();
  for (const parsed of result.parsed) {
    const clean: WordVersion = cleanVersionOf(version, parsed.facts.info?.document ?? parsed.doc.name);
    for (const [name, bytes] of await exportDocx([parsed], result.plan, { version: clean, rules })) outputs.set(name, bytes);
  }
  return outputs;
}

function refuse(io: CommandContext['io'], message: string): number {
  io.stderr.write(`secc export docx: ${message}\n`);
  return EXIT.cannotRun;
}
