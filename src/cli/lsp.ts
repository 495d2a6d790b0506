import { startServer } from '../lsp/server.js';
import type { Command } from './context.js';

/** The protocol owns stdin and stdout; the server ends the process on `exit` or when stdin closes. */
export const lsp: Command = {
  summary: 'lsp                        the language server over stdio: live findings, quick fixes and hovers in an editor',
  run({ options, io }) {
    startServer({ root: options.root, text: options.text, cwd: io.cwd, input: process.stdin, output: process.stdout });
    return new Promise<number>(() => undefined);
  },
};
