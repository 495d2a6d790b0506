/**
 * Quick fixes from a finding's `expected`: the text it found (`actual`) replaced by what would be
 * accepted (`24 hours` → `24 hrs`, a misspelt reference → the one meant). Offered only where the
 * found text is really at the finding's place in the buffer, so a fix never edits the wrong text;
 * a finding with one expected value gets the preferred fix, one with a short list a fix per value.
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { RULE_BLOCK_RULES } from '../compiler/4-extract/rule-blocks.js';
import type { FindingData } from './diagnostics.js';

/** More choices than this is a vocabulary, not a suggestion: no fixes then. */
const MAX_CHOICES = 5;

/** Findings whose `expected` is not a fix: a stale fingerprint is fixed by reviewing the rule (`secc fingerprint --write` records that). */
const NOT_FIXES = new Set<string>([RULE_BLOCK_RULES.stale]);

export function quickFixes(document: TextDocument, diagnostics: readonly Diagnostic[]): CodeAction[] {
  return diagnostics.flatMap((diagnostic) => fixesFor(document, diagnostic));
}

function fixesFor(document: TextDocument, diagnostic: Diagnostic): CodeAction[] {
  if (NOT_FIXES.has(String(diagnostic.code))) return [];
  const { actual, expected } = findingData(diagnostic.data);
  if (!actual || !expected || expected.length === 0 || expected.length > MAX_CHOICES) return [];
  const range = locate(document, diagnostic.range, actual);
  if (!range) return [];
  return expected
    .filter((value) => value !== actual && !value.includes('\n'))
    .map((value) => ({
      title: `Replace \`${actual}\` with \`${value}\``,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: expected.length === 1,
      edit: { changes: { [document.uri]: [{ range, newText: value }] } },
    }));
}

function findingData(data: unknown): FindingData {
  if (typeof data !== 'object' || data === null) return {};
  const { actual, expected } = data as Record<string, unknown>;
  return {
    actual: typeof actual === 'string' ? actual : undefined,
    expected: Array.isArray(expected) && expected.every((value) => typeof value === 'string') ? expected : undefined,
  };
}

/** The range of `actual` at the finding: the range itself when it holds exactly that text, else its first occurrence from the start of the range to the end of its last line. */
function locate(document: TextDocument, range: Range, actual: string): Range | undefined {
  if (document.getText(range) === actual) return range;
  const from = document.offsetAt(range.start);
  const lineEnd = document.offsetAt({ line: range.end.line + 1, character: 0 });
  const window = document.getText().slice(from, Math.max(lineEnd, from + actual.length));
  const index = window.indexOf(actual);
  if (index === -1) return undefined;
  return { start: document.positionAt(from + index), end: document.positionAt(from + index + actual.length) };
}
