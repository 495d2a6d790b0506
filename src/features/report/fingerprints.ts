/**
 * SARIF `partialFingerprints`: the identity of a finding that survives unrelated edits, so that
 * GitHub code scanning keeps one alert open instead of closing it and opening another whenever
 * a line is inserted above it. Built from what the finding is (rule, file, message without its
 * line and column numbers) and the text of the line it points at, never from the line number;
 * equal keys in one file are told apart by their order.
 */
import { createHash } from 'node:crypto';
import type { Finding } from './findings.js';

export const FINGERPRINT_KEY = 'secRulesFindingHash/v1';

/** `file:12:3`, `line 12`, `lines 12–14`, `at 44:133`: places inside a message move with the text. */
function withoutPlaces(message: string): string {
  return message
    .replace(/:\d+:\d+/g, ':#:#')
    .replace(/\blines? \d+(?:[–-]\d+)?/g, 'line #')
    .replace(/\b\d+:\d+\b/g, '#:#');
}

/** One fingerprint per finding, in the order given; `lineText(file, line)` gives the source line, when known. */
export function fingerprints(findings: readonly Finding[], lineText: (file: string, line: number) => string | undefined): string[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const line = finding.line === undefined ? '' : (lineText(finding.file, finding.line) ?? '').trim();
    const key = [finding.ruleId, finding.file, finding.view ?? '', withoutPlaces(finding.message), line].join('\u0000');
    const occurrence = (seen.get(key) ?? 0) + 1;
    seen.set(key, occurrence);
    return `${createHash('sha256').update(key).digest('hex').slice(0, 32)}:${occurrence}`;
  });
}
