/**
 * `secc lsp` driven over stdio as an editor would: the findings of `secc check` appear in the
 * buffer being edited, positioned, with a quick fix from the finding's `expected`; an edit in
 * Appendix E shows its consequence in Appendix AB (cross-document); unsaved buffers win over
 * the files on disk; hovers show the compiled meaning of a cell with the release it is in force from.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CodeActionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  HoverRequest,
  InitializeRequest,
  InitializedNotification,
  type CodeAction,
  type Diagnostic,
  type MarkupContent,
} from 'vscode-languageserver-protocol/node';
import { startLsp, type LspClient } from './support/lsp-client.js';
import { projectCopy } from './support/project.js';

const AB = 'sec-text/appendix-ab.md';
const E = 'sec-text/appendix-e.md';

let copy: Awaited<ReturnType<typeof projectCopy>>;
let client: LspClient;
let abText: string;
let eText: string;

/** The 0-based position of the `occurrence`-th `needle` on the line that starts with `linePrefix`. */
function find(text: string, linePrefix: string, needle: string, occurrence = 1): { line: number; character: number } {
  const lines = text.split('\n');
  const line = lines.findIndex((candidate) => candidate.startsWith(linePrefix));
  if (line === -1) throw new Error(`no line starts with ${linePrefix}`);
  let character = -1;
  for (let seen = 0; seen < occurrence; seen++) character = (lines[line] ?? '').indexOf(needle, character + 1);
  if (character === -1) throw new Error(`no ${needle} on ${linePrefix}`);
  return { line, character };
}

/** The 0-based position of the text of the `index`-th cell (0: the SR) of the table row that starts with `linePrefix`. */
function cellOf(text: string, linePrefix: string, index: number): { line: number; character: number; text: string } {
  const lines = text.split('\n');
  const line = lines.findIndex((candidate) => candidate.startsWith(linePrefix));
  const row = lines[line] ?? '';
  let bar = -1;
  for (let seen = 0; seen <= index; seen++) bar = row.indexOf('|', bar + 1);
  const end = row.indexOf('|', bar + 1);
  const raw = row.slice(bar + 1, end);
  return { line, character: bar + 1 + raw.search(/\S/), text: raw.trim() };
}

const withRule = (rule: string) => (diagnostics: Diagnostic[]) => diagnostics.some((diagnostic) => diagnostic.code === rule);

async function change(uri: string, version: number, at: { line: number; character: number }, length: number, text: string) {
  const range = { start: at, end: { line: at.line, character: at.character + length } };
  await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version },
    contentChanges: [{ range, text }],
  });
}

beforeAll(async () => {
  copy = await projectCopy();
  abText = await readFile(path.join(copy.dir, AB), 'utf8');
  eText = await readFile(path.join(copy.dir, E), 'utf8');
  client = startLsp(copy.dir);
  const init = await client.connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: client.uri('.'),
    capabilities: {},
    workspaceFolders: null,
  });
  expect(init.capabilities.hoverProvider).toBe(true);
  await client.connection.sendNotification(InitializedNotification.type, {});
});

afterAll(async () => {
  if (client?.child.exitCode === null) client.child.kill();
  await copy?.cleanup();
});

describe('secc lsp over stdio', () => {
  const cell = () => find(abText, '| 4.6.1 |', '24 hrs');

  it('publishes a positioned finding for an unsaved edit, with a quick fix to the accepted spelling', async () => {
    const uri = client.uri(AB);
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'markdown', version: 1, text: abText },
    });
    const published = client.diagnosticsWhen(uri, withRule('trt-unknown-duration'));
    await change(uri, 2, cell(), '24 hrs'.length, '24 hours');
    const diagnostics = await published;
    const finding = diagnostics.find((diagnostic) => diagnostic.code === 'trt-unknown-duration');
    expect(finding?.range).toEqual({ start: cell(), end: { line: cell().line, character: cell().character + '24 hours'.length } });
    expect(finding?.message).toMatch(
      /^Unexpected Target Response Time `24 hours` for SR 4\.6\.1, Eligible User Roles \/ SMETS2 \/ Scheduled: .*did you mean `24 hrs`\?/,
    );
    expect(finding?.severity).toBe(1);
    // The file on disk is untouched: the finding came from the buffer.
    expect(await readFile(path.join(copy.dir, AB), 'utf8')).toBe(abText);

    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: finding!.range,
      context: { diagnostics: [finding!] },
    })) as CodeAction[];
    expect(actions).toEqual([
      expect.objectContaining({
        title: 'Replace `24 hours` with `24 hrs`',
        kind: 'quickfix',
        isPreferred: true,
        edit: { changes: { [uri]: [{ range: finding!.range, newText: '24 hrs' }] } },
      }),
    ]);
  });

  it('clears the finding when the edit is undone', async () => {
    const uri = client.uri(AB);
    const cleared = client.diagnosticsWhen(uri, (diagnostics) => !withRule('trt-unknown-duration')(diagnostics));
    await change(uri, 3, cell(), '24 hours'.length, '24 hrs');
    expect((await cleared).map((diagnostic) => diagnostic.code)).not.toContain('trt-unknown-duration');
  });

  it('shows a change to a flag in Appendix E as the findings it causes in Appendix AB', async () => {
    const uri = client.uri(E);
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'markdown', version: 1, text: eText },
    });
    // SR 4.6.1's DCC Scheduled flag (the seventh column after the SR) from Yes to No.
    const flag = cellOf(eText, '| 4.6.1 |', 6);
    expect(flag.text).toBe('Yes');
    const inAb = client.diagnosticsWhen(client.uri(AB), withRule('dcc-scheduled-trt'));
    await change(uri, 2, flag, 3, 'No');
    const diagnostics = (await inAb).filter((diagnostic) => diagnostic.code === 'dcc-scheduled-trt');
    expect(diagnostics.length).toBeGreaterThan(0);
    for (const diagnostic of diagnostics) {
      expect(diagnostic.range.start.line).toBe(cell().line);
      expect(diagnostic.message).toMatch(/Appendix E does not mark SR 4\.6\.1 DCC Scheduled/);
    }
    const undone = client.diagnosticsWhen(client.uri(AB), (list) => !withRule('dcc-scheduled-trt')(list));
    await change(uri, 3, flag, 2, 'Yes');
    await undone;
  });

  it('hovers on a TRT cell with its SR, User Role, seconds and the release it is in force from', async () => {
    const mdr = find(abText, '| 4.6.1 |', '24 hrs', 3);
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: client.uri(AB) }, position: mdr });
    const text = (hover?.contents as MarkupContent).value;
    expect(text).toContain('SR 4.6.1, User Role Meter Data Retriever, SMETS2, Scheduled: Target Response Time 86400 s (`24 hrs`)');
    expect(text).toMatch(/\*\*In force from 2024-06-27 \(June 2024 SEC Release: MP162\)\*\*/);
    expect(text).toMatch(/\*\*The base \(before any release\)\*\*[^*]*- not in force/);
  });

  it('hovers on a rule block with the compiled rule', async () => {
    const block = find(abText, 'kind: trt-scope', 'trt-scope');
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: client.uri(AB) }, position: block });
    expect((hover?.contents as MarkupContent).value).toContain(
      'Rule `AB1.3.trt-scope` (trt-scope) of clause AB1.3: serviceRequests: ["4.1.1"',
    );
  });

  it('shuts down and exits cleanly', async () => {
    expect(await client.close()).toBe(0);
  });
});
