/**
 * The command registry: one line per command. Entries are loaders, so a run loads only its own
 * command's modules (`secc check` does not load what `secc report` renders with); a `Command`
 * object works too, but is loaded at start-up by every command.
 */
import type { Command } from './context.js';

export type CommandEntry = Command | (() => Promise<Command>);

export const COMMANDS: Record<string, CommandEntry> = {
  build: async () => (await import('./build.js')).build,
  check: async () => (await import('./check.js')).check,
  consolidate: async () => (await import('./consolidate.js')).consolidateCommand,
  conform: async () => (await import('./conform.js')).conform,
  diff: async () => (await import('./diff.js')).diff,
  explain: async () => (await import('./explain.js')).explain,
  export: async () => (await import('./export.js')).exportCommand,
  fingerprint: async () => (await import('./fingerprint.js')).fingerprint,
  import: async () => (await import('./import.js')).importCommand,
  freeze: async () => (await import('./freeze.js')).freeze,
  lint: async () => (await import('./lint.js')).lintCommand,
  lsp: async () => (await import('./lsp.js')).lsp,
  manifest: async () => (await import('./manifest.js')).manifestCommand,
  report: async () => (await import('./report.js')).reportCommand,
};

/** The command called `name`, loaded; undefined when there is none. */
export async function loadCommand(name: string): Promise<Command | undefined> {
  const entry = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (entry === undefined) return undefined;
  return typeof entry === 'function' ? entry() : entry;
}

/** Every command, loaded (for the usage text). */
export async function loadCommands(): Promise<Command[]> {
  const entries = Object.values(COMMANDS);
  return Promise.all(entries.map(async (entry) => (typeof entry === 'function' ? entry() : entry)));
}
