import { startServer } from '../lsp/server.js';
import type { Command } from './context.js';

/** The protocol owns stdin and stdout; the server ends the process on `exit` or when stdin closes. */
export const lsp: Command = {
  summary: 'lsp                        the language server over stdio: live findings, quick fixes and hovers in an editor',
  help: {
    options: [
      ['--text DIR', 'the legal text the server checks (default: sec-text)'],
      ['--root DIR', 'where rules/ and generated/ live (default: the project root)'],
    ],
    examples: [
      ['secc lsp', 'started by the editor, which speaks JSON-RPC on stdin and stdout (see the README for VS Code, Neovim, Emacs)'],
    ],
  },
  run({ options, io }) {
    startServer({ root: options.root, text: options.text, cwd: io.cwd, input: process.stdin, output: process.stdout });
    return new Promise<number>(() => undefined);
  },
};
