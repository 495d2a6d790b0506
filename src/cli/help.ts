/**
 * Usage texts, all generated from the commands' own declarations (`summary` and `help`) and the
 * global options below: `secc --help` lists every command, `secc help <command>` and
 * `secc <command> --help` print that command's usage, options and examples.
 */
import type { Command } from './context.js';

/** Options every command reads. */
export const GLOBAL_OPTIONS: ReadonlyArray<readonly [string, string]> = [
  ['--text DIR', 'the legal text (default: sec-text, found from any subfolder of the project)'],
  ['--root DIR', 'where rules/ and generated/ live (default: the project root)'],
  ['--quiet', 'errors only'],
  ['--frail', 'warnings fail too (exit 1)'],
  ['-h, --help', 'this help; `secc help <command>` for a command'],
  ['--version', "secc's version"],
];

const EXIT_CODES = 'Exit codes: 0 clean, 1 findings or drift, 2 could not run.';

/** `secc --help`: every command's summary line, the global options. */
export function globalUsage(commands: readonly Command[]): string {
  return `Usage: secc <command> [options]

Commands:
${commands.map((command) => `  ${command.summary}`).join('\n')}
  help COMMAND               a command's usage, options and examples

Options:
${optionLines(GLOBAL_OPTIONS)}

Colour: on a terminal; NO_COLOR=1 turns it off, FORCE_COLOR=1 forces it.
${EXIT_CODES}
`;
}

/** `secc help <name>`: the command's summary, its options, the global options and examples. */
export function commandUsage(command: Command): string {
  const { synopsis, description } = splitSummary(command.summary);
  const sections = [`Usage: secc ${synopsis} [options]`, '', description];
  if (command.help.options.length > 0) sections.push('', 'Options:', optionLines(command.help.options));
  sections.push('', 'Global options:', optionLines(GLOBAL_OPTIONS));
  if (command.help.examples.length > 0) {
    const width = Math.max(...command.help.examples.map(([line]) => line.length)) + 4;
    sections.push('', 'Examples:', ...command.help.examples.map(([line, text]) => `  ${line.padEnd(width)}${text}`));
  }
  sections.push('', command.help.exit ?? EXIT_CODES);
  return `${sections.join('\n')}\n`;
}

function optionLines(options: ReadonlyArray<readonly [string, string]>): string {
  const width = Math.max(...options.map(([flag]) => flag.length)) + 3;
  return options.map(([flag, text]) => `  ${flag.padEnd(width)}${text}`).join('\n');
}

/** A summary is `synopsis   description` (two or more spaces between them). */
function splitSummary(summary: string): { synopsis: string; description: string } {
  const match = /^(.*?\S)\s{2,}(\S.*)$/.exec(summary);
  return match ? { synopsis: match[1] ?? summary, description: match[2] ?? '' } : { synopsis: summary, description: '' };
}
