/**
 * Quick fixes from findings, on buffers in memory: a fix replaces exactly the text the finding
 * found, at its place, and nothing is offered where that text is not there, where `expected` is a
 * whole vocabulary, or where the fix is a review to be done (a stale fingerprint).
 */
import { describe, expect, it } from 'vitest';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { quickFixes } from '../src/lsp/code-actions.js';

const TEXT = ['| SR | A |', '|---|---|', '| 4.6.1 | 24 hours |', 'Subject to clause AB2.3, the DCC shall.'].join('\n');
const document = TextDocument.create('file:///x/sec-text/appendix-ab.md', 'markdown', 1, TEXT);

function finding(line: number, start: number, end: number, data: unknown, code = 'trt-unknown-duration'): Diagnostic {
  return {
    range: { start: { line, character: start }, end: { line, character: end } },
    message: 'm',
    code,
    severity: DiagnosticSeverity.Error,
    data,
  };
}

const edits = (diagnostic: Diagnostic) =>
  quickFixes(document, [diagnostic]).map((action) => ({
    title: action.title,
    preferred: action.isPreferred,
    edit: action.edit?.changes?.[document.uri],
  }));

describe('quick fixes', () => {
  it('replace the found text at the finding’s range with the one expected value, preferred', () => {
    expect(edits(finding(2, 10, 18, { actual: '24 hours', expected: ['24 hrs'] }))).toEqual([
      {
        title: 'Replace `24 hours` with `24 hrs`',
        preferred: true,
        edit: [{ range: { start: { line: 2, character: 10 }, end: { line: 2, character: 18 } }, newText: '24 hrs' }],
      },
    ]);
  });

  it('find the text on the finding’s line when the finding is a point, and offer each of a few choices, none preferred', () => {
    const actions = edits(finding(3, 0, 0, { actual: 'clause AB2.3', expected: ['clause AB2.1', 'clause AB2.2'] }, 'xref-unresolved'));
    expect(actions.map((action) => [action.title, action.preferred, action.edit?.[0]?.range])).toEqual([
      ['Replace `clause AB2.3` with `clause AB2.1`', false, { start: { line: 3, character: 11 }, end: { line: 3, character: 23 } }],
      ['Replace `clause AB2.3` with `clause AB2.2`', false, { start: { line: 3, character: 11 }, end: { line: 3, character: 23 } }],
    ]);
  });

  it('offer nothing when the found text is not at the place (the buffer moved on), when there is no `actual`, or for a vocabulary', () => {
    expect(edits(finding(1, 0, 9, { actual: '24 hours', expected: ['24 hrs'] }))).toEqual([]);
    expect(edits(finding(2, 10, 18, { expected: ['24 hrs'] }))).toEqual([]);
    expect(edits(finding(2, 10, 18, { actual: '24 hours', expected: ['1 sec', '2 secs', '3 mins', '4 hrs', '5 hrs', '6 hrs'] }))).toEqual(
      [],
    );
    expect(edits(finding(2, 10, 18, 'not an object'))).toEqual([]);
  });

  it('offer nothing for a stale fingerprint: recording a review is not a fix', () => {
    expect(edits(finding(2, 10, 18, { actual: '24 hours', expected: ['24 hrs'] }, 'rule-fingerprint-stale'))).toEqual([]);
  });
});
