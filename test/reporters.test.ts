/**
 * Reporters: JSON (documented shape), SARIF 2.1.0 (validated against the SARIF JSON Schema with
 * ajv), JUnit (well-formed counts), and --quiet. Findings come from a real lint run on an edited
 * MP162 corpus with errors, warnings, end positions and related places.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { VFile } from 'vfile';
import { lint, ruleMetadata } from '../src/features/lint/index.js';
import { REPORTERS } from '../src/features/report/index.js';
import { reportJson } from '../src/features/report/json.js';
import { reportJunit } from '../src/features/report/junit.js';
import { reportSarif } from '../src/features/report/sarif.js';
import { compileStrings, replaceOnce, textDocuments } from './support/project.js';
import { sarifValidator } from './support/sarif.js';

let files: VFile[];

beforeAll(async () => {
  const documents = await textDocuments();
  // Errors with a related place (E flag vs AB cells), a dangling reference, a warning (GFM strike).
  documents['appendix-e.md'] = replaceOnce(
    documents['appendix-e.md']!,
    '<del cite="MP162">No</del><ins cite="MP162">Yes[^e-fn4]</ins>',
    'No',
  );
  documents['appendix-e.md'] = replaceOnce(documents['appendix-e.md']!, '[^e-fn4]: Before', 'Before');
  documents['section-h.md'] = replaceOnce(
    documents['section-h.md']!,
    'may read the schedules that it has created',
    'may read the ~~old~~ schedules that it has created <& "quoted">',
  );
  documents['section-h.md'] = replaceOnce(
    documents['section-h.md']!,
    'rejects a Service Request under this Section H4,',
    'rejects a Service Request under this Section H5,',
  );
  const result = await compileStrings(documents, false);
  lint(result);
  files = result.files;
});

describe('SARIF 2.1.0', () => {
  it('validates against the SARIF 2.1.0 schema, with end positions and related locations', () => {
    const log = JSON.parse(reportSarif(files, { command: 'lint', rules: ruleMetadata() }));
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const results = log.runs[0].results as Array<{
      ruleId: string;
      level: string;
      ruleIndex: number;
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }>;
      relatedLocations?: unknown[];
    }>;
    const rules = log.runs[0].tool.driver.rules as Array<{ id: string; fullDescription?: { text: string } }>;
    const scheduled = results.filter((result) => result.ruleId === 'dcc-scheduled-trt');
    expect(scheduled.length).toBe(4);
    for (const result of scheduled) {
      expect(result.level).toBe('error');
      expect(rules[result.ruleIndex]!.id).toBe('dcc-scheduled-trt');
      expect(result.locations[0]!.physicalLocation.artifactLocation.uri).toBe('sec-text/appendix-ab.md');
      expect(result.locations[0]!.physicalLocation.region.endColumn).toBeGreaterThan(
        result.locations[0]!.physicalLocation.region.startColumn!,
      );
      expect(result.relatedLocations).toHaveLength(1);
    }
    expect(results.some((result) => result.ruleId === 'redline-unattributed' && result.level === 'warning')).toBe(true);
    expect(rules.find((rule) => rule.id === 'trt-coverage')!.fullDescription!.text).toMatch(/Appendix AB/);
  });

  it('a clean run is a valid SARIF log with no results', () => {
    const clean = files.map((file) => Object.assign(Object.create(Object.getPrototypeOf(file)), file, { messages: [] }) as VFile);
    const log = JSON.parse(reportSarif(clean, {}));
    expect(sarifValidator()(log)).toBe(true);
    expect(log.runs[0].results).toEqual([]);
  });

  it('the validator rejects a broken log (the oracle can fail)', () => {
    const log = JSON.parse(reportSarif(files, {}));
    log.runs[0].results[0].level = 'fatal';
    expect(sarifValidator()(log)).toBe(false);
  });
});

describe('JSON', () => {
  it('has the documented shape: version, tool, command, summary, findings with places and views', () => {
    const report = JSON.parse(reportJson(files, { command: 'lint' }));
    expect(Object.keys(report)).toEqual(['version', 'tool', 'command', 'summary', 'findings']);
    expect(report.version).toBe(1);
    expect(report.summary.errors).toBe(report.findings.filter((finding: { severity: string }) => finding.severity === 'error').length);
    const finding = report.findings.find((entry: { ruleId: string }) => entry.ruleId === 'dcc-scheduled-trt');
    expect(Object.keys(finding)).toEqual(
      expect.arrayContaining([
        'file',
        'line',
        'column',
        'endLine',
        'endColumn',
        'severity',
        'ruleId',
        'message',
        'view',
        'actual',
        'expected',
        'related',
      ]),
    );
    expect(finding.related[0]).toMatchObject({ file: 'sec-text/appendix-e.md' });
    expect(finding.expected).toEqual(['N/A']);
    expect(report.findings.find((entry: { ruleId: string }) => entry.ruleId === 'xref-unresolved')).toMatchObject({
      file: 'sec-text/section-h.md',
      severity: 'error',
    });
  });

  it('--quiet keeps errors only', () => {
    const report = JSON.parse(reportJson(files, { quiet: true }));
    expect(report.findings.length).toBeGreaterThan(0);
    expect(report.findings.every((finding: { severity: string }) => finding.severity === 'error')).toBe(true);
    expect(report.summary.warnings).toBeGreaterThan(0);
  });
});

describe('JUnit', () => {
  it('one suite per file, one failed case per error, warnings as passing cases; text is escaped', () => {
    const xml = reportJunit(files, { command: 'lint' });
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="secc lint"')).toBe(true);
    const errors = files.flatMap((file) => file.messages.filter((message) => message.fatal === true)).length;
    expect(xml.match(/<failure /g)?.length).toBe(errors);
    expect(Number(/<testsuites [^>]*failures="(\d+)"/.exec(xml)![1])).toBe(errors);
    expect(xml.match(/<testsuite /g)?.length).toBe(new Set(files.map((file) => file.path)).size);
    expect(xml).toContain('<system-out>warning: ');
    expect(xml).not.toMatch(/<[^/?a-z]/);
    expect(reportJunit(files, { quiet: true })).not.toContain('<system-out>');
  });
});

describe('registry', () => {
  it('offers text, json, sarif and junit', () => {
    expect(Object.keys(REPORTERS)).toEqual(expect.arrayContaining(['text', 'json', 'sarif', 'junit']));
  });
});
