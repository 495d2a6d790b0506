/**
 * `secc lsp`: the language server. On open, change, save and close it compiles the workspace
 * (open buffers over the files on disk) and publishes every finding `secc check` would print, to
 * every file concerned, so an edit in one document updates the findings shown in another; it
 * clears a file's findings once it has none. Quick fixes come from the findings' `expected`,
 * hovers from the compiled rule sets. Built on vscode-languageserver (unified-language-server
 * lints one document at a time; this compiler needs the whole corpus for every finding).
 */
import path from 'node:path';
import {
  createConnection,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { quickFixes } from './code-actions.js';
import { diagnosticsByUri } from './diagnostics.js';
import { hoverText } from './hover.js';
import { pathOfUri } from './places.js';
import { AnalysisQueue } from './queue.js';
import { Workspace, type Analysis } from './workspace.js';

export interface ServerOptions {
  /** `--root` and `--text` as given, resolved against the client's workspace folder (else `cwd`). */
  root: string;
  text: string;
  cwd: string;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  env?: NodeJS.ProcessEnv;
}

/** Starts the server on the given streams; it runs until the client sends `exit` or closes the input. */
export function startServer(options: ServerOptions): Connection {
  const connection = createConnection(options.input, options.output);
  const documents = new TextDocuments(TextDocument);
  let workspace: Workspace | undefined;
  let published = new Set<string>();

  const queue = new AnalysisQueue(
    async () => {
      if (!workspace) return undefined;
      for (const document of documents.all()) {
        const file = pathOfUri(document.uri);
        if (file) workspace.setBuffer(file, document.getText());
      }
      return workspace.analyse();
    },
    (analysis) => {
      if (!workspace) return;
      published = publish(connection, diagnosticsByUri(analysis.files, workspace.cwd), published);
    },
    (error) => connection.console.error(`secc: cannot compile the legal text: ${error instanceof Error ? error.message : String(error)}`),
  );

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const base = workspaceFolder(params) ?? options.cwd;
    workspace = new Workspace({ root: path.resolve(base, options.root), text: options.text, cwd: base, env: options.env });
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: true },
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        hoverProvider: true,
      },
      serverInfo: { name: 'secc' },
    };
  });
  connection.onInitialized(() => queue.request());
  documents.onDidChangeContent(() => queue.request());
  documents.onDidSave(() => queue.request());
  documents.onDidClose((event) => {
    const file = pathOfUri(event.document.uri);
    if (file) workspace?.closeBuffer(file);
    queue.request();
  });
  connection.onDidChangeWatchedFiles(() => queue.request());

  connection.onCodeAction((params) => {
    const document = documents.get(params.textDocument.uri);
    return document ? quickFixes(document, params.context.diagnostics) : [];
  });
  connection.onHover(async (params) => {
    const analysis: Analysis | undefined = await queue.settled();
    const file = pathOfUri(params.textDocument.uri);
    if (!analysis || !file || !workspace?.isDocument(file)) return null;
    const text = hoverText(analysis, path.basename(file), params.position);
    return text ? { contents: { kind: 'markdown', value: text } } : null;
  });

  documents.listen(connection);
  connection.listen();
  return connection;
}

function workspaceFolder(params: InitializeParams): string | undefined {
  const uri = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
  return uri ? pathOfUri(uri) : (params.rootPath ?? undefined);
}

/** Publishes each file's diagnostics, and an empty list to each file that had some and has none now. */
function publish(connection: Connection, byUri: Map<string, Diagnostic[]>, before: Set<string>): Set<string> {
  for (const [uri, diagnostics] of byUri) void connection.sendDiagnostics({ uri, diagnostics });
  for (const uri of before) if (!byUri.has(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
  return new Set(byUri.keys());
}
