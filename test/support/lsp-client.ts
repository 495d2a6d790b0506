/**
 * A language client for tests: spawns `node bin/secc.js lsp` in a folder and speaks JSON-RPC to it
 * over stdio (vscode-languageserver-protocol), collecting every publishDiagnostics notification.
 * `diagnosticsWhen` waits for the first notification that satisfies a predicate: no sleeps, the
 * test's own timeout bounds the wait.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { ROOT } from './project.js';

export interface LspClient {
  connection: ProtocolConnection;
  child: ChildProcess;
  uri(relative: string): string;
  /** The next diagnostics published for `uri` (from now on) that satisfy `accept`. */
  diagnosticsWhen(uri: string, accept: (diagnostics: Diagnostic[]) => boolean): Promise<Diagnostic[]>;
  /** Every notification so far, in order. */
  published: PublishDiagnosticsParams[];
  stderr(): string;
  /** shutdown, exit; resolves with the process's exit code. */
  close(): Promise<number | null>;
}

export function startLsp(dir: string, args: string[] = []): LspClient {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'secc.js'), 'lsp', ...args], { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published: PublishDiagnosticsParams[] = [];
  const waiters: Array<{ uri: string; accept: (d: Diagnostic[]) => boolean; resolve: (d: Diagnostic[]) => void }> = [];
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    published.push(params);
    for (const waiter of [...waiters]) {
      if (waiter.uri !== params.uri || !waiter.accept(params.diagnostics)) continue;
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(params.diagnostics);
    }
  });
  connection.listen();
  return {
    connection,
    child,
    published,
    uri: (relative) => pathToFileURL(path.join(dir, relative)).href,
    stderr: () => stderr,
    diagnosticsWhen(uri, accept) {
      return new Promise((resolve) => waiters.push({ uri, accept, resolve }));
    },
    async close() {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      const code = await exited;
      connection.dispose();
      return code;
    },
  };
}
