/** The command registry: one module per command. Add a command by adding a line here. */
import { build } from './build.js';
import { check } from './check.js';
import { conform } from './conform.js';
import type { Command } from './context.js';
import { diff } from './diff.js';
import { exportCommand } from './export.js';
import { fingerprint } from './fingerprint.js';
import { reportCommand } from './report.js';

export const COMMANDS: Record<string, Command> = {
  build,
  check,
  conform,
  diff,
  export: exportCommand,
  fingerprint,
  report: reportCommand,
};
