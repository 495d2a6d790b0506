/**
 * SARIF for code scanning (issue 13, part 5): partialFingerprints that survive an unrelated line
 * inserted above a finding, help and helpUri per rule, originalUriBaseIds; valid SARIF 2.1.0.
 */
import { describe, expect, it } from 'vitest';
import { lint, ruleMetadata } from '../src/features/lint/index.js';
import { FINGERPRINT_KEY } from '../src/features/report/fingerprints.js';
import { reportSarif } from '../src/features/report/sarif.js';
import { compileStrings, replaceOnce, textDocuments } from './support/project.js';
import { sarifValidator } from './support/sarif.js';

interface SarifResult {
  ruleId: string;
  message: { text: string };
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number } } }>;
  partialFingerprints: Record<string, string>;
}

/** The MP162 corpus with two findings (a bad duration, a dangling reference), optionally with lines inserted above them. */
async function sarifOf(insertAbove: boolean, homepage?: string) {
  const documents = await textDocuments();
  documents['appendix-ab.md'] = replaceOnce(documents['appendix-ab.md'] ?? '', '| 4.6.1 | 24 hrs |', '| 4.6.1 | 24 hours |');
  documents['section-h.md'] = replaceOnce(
    documents['section-h.md'] ?? '',
    'Section H3.13. The User may send',
    'Section H3.31. The User may send',
  );
  if (insertAbove) {
    documents['appendix-ab.md'] = replaceOnce(
      documents['appendix-ab.md'] ?? '',
      '## AB2 Target Response Times\n',
      '## AB2 Target Response Times\n\n\n',
    );
    documents['section-h.md'] = documents['section-h.md']?.replace(/^(---\n[\s\S]*?\n---\n)/, '$1\n\n\n');
  }
  const result = await compileStrings(documents, false);
  lint(result);
  return JSON.parse(reportSarif(result.files, { command: 'lint', rules: ruleMetadata({ homepage }), baseDir: '/work/project' })) as {
    runs: Array<{
      results: SarifResult[];
      originalUriBaseIds: Record<string, { uri?: string }>;
      tool: { driver: { rules: Array<{ id: string; help?: { text: string; markdown?: string }; helpUri?: string }> } };
    }>;
  };
}

describe('SARIF partialFingerprints', () => {
  it('are unchanged after inserting lines above the findings, though the findings moved', async () => {
    const before = (await sarifOf(false)).runs[0]!.results;
    const after = (await sarifOf(true)).runs[0]!.results;
    const pick = (results: SarifResult[], rule: string) => results.filter((result) => result.ruleId === rule);
    for (const rule of ['trt-unknown-duration', 'xref-unresolved']) {
      const [was] = pick(before, rule);
      const [is] = pick(after, rule);
      expect(was, rule).toBeDefined();
      expect(is!.locations[0]!.physicalLocation.region.startLine).toBeGreaterThan(was!.locations[0]!.physicalLocation.region.startLine);
      expect(is!.partialFingerprints[FINGERPRINT_KEY]).toBe(was!.partialFingerprints[FINGERPRINT_KEY]);
    }
    expect(new Set(after.map((result) => result.partialFingerprints[FINGERPRINT_KEY])).size).toBe(after.length);
  });

  it('differ for a different finding at the same place (the fingerprint can fail)', async () => {
    const documents = await textDocuments();
    const one = {
      ...documents,
      'appendix-ab.md': replaceOnce(documents['appendix-ab.md'] ?? '', '| 4.6.1 | 24 hrs |', '| 4.6.1 | 24 hours |'),
    };
    const two = {
      ...documents,
      'appendix-ab.md': replaceOnce(documents['appendix-ab.md'] ?? '', '| 4.6.1 | 24 hrs |', '| 4.6.1 | 25 hours |'),
    };
    const hashes = await Promise.all(
      [one, two].map(async (corpus) => {
        const result = await compileStrings(corpus, false);
        const log = JSON.parse(reportSarif(result.files, {})) as { runs: Array<{ results: SarifResult[] }> };
        return log.runs[0]!.results.find((result) => result.ruleId === 'trt-unknown-duration')!.partialFingerprints[FINGERPRINT_KEY];
      }),
    );
    expect(hashes[0]).not.toBe(hashes[1]);
  });
});

describe('SARIF rules and bases', () => {
  it('validates, with help per rule, helpUri from the homepage, and paths relative to %SRCROOT%', async () => {
    const log = await sarifOf(false, 'https://example.org/sec-rules');
    expect(sarifValidator()(log)).toBe(true);
    const run = log.runs[0]!;
    expect(run.originalUriBaseIds['%SRCROOT%']?.uri).toBe('file:///work/project/');
    for (const result of run.results) expect(result.locations[0]!.physicalLocation.artifactLocation.uriBaseId).toBe('%SRCROOT%');
    const drift = run.tool.driver.rules.find((rule) => rule.id === 'drift');
    expect(drift?.helpUri).toBe('https://example.org/sec-rules#rule-drift');
    expect(drift?.help?.markdown).toContain('**drift** (error)');
    for (const rule of run.tool.driver.rules) expect(rule.help?.text.length, rule.id).toBeGreaterThan(40);
  });

  it('without a homepage there is no helpUri, and the log still validates', async () => {
    const log = await sarifOf(false);
    expect(sarifValidator()(log)).toBe(true);
    expect(log.runs[0]!.tool.driver.rules.some((rule) => rule.helpUri !== undefined)).toBe(false);
  });
});
