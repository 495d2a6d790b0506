/**
 * The conformance harness and `secc conform`: the legal text's own configuration conforms, the
 * authorisation module conforms, and deliberate errors are each reported once with the cell.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as generated from '../../generated/index.js';
import {
  checkConformance,
  combinations,
  ConfigurationError,
  configurationFromAuthorise,
  parseConfiguration,
  referenceConfiguration,
  type ConfigurationRow,
} from '../../src/gateway/index.js';
import { ROOT, runCli } from '../support/project.js';

let dir: string;
let exportedCsv: string;
let exportedJson: Array<Record<string, unknown>>;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sec-rules-conform-'));
  const csv = await runCli(['export', 'trt', '--format', 'csv'], ROOT);
  expect(csv.code).toBe(0);
  exportedCsv = csv.stdout;
  const json = await runCli(['export', 'trt', '--format', 'json'], ROOT);
  exportedJson = JSON.parse(json.stdout) as Array<Record<string, unknown>>;
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** `secc export trt` plus the `eligible` column: every exported row is an eligible role's. */
const withEligible = (csv: string): string =>
  csv
    .trimEnd()
    .split('\n')
    .map((line, index) => `${line},${index === 0 ? 'eligible' : 'true'}`)
    .join('\n') + '\n';

async function conform(name: string, content: string, ...args: string[]) {
  const file = path.join(dir, name);
  await writeFile(file, content);
  return runCli(['conform', '--impl', file, ...args], ROOT);
}

describe('the combinations the legal text defines', () => {
  it('are every SR of the TRT table x User Role x SMETS generation x mode of each view', () => {
    for (const view of ['baseline', 'modified'] as const) {
      const all = combinations(view);
      expect(all).toHaveLength(generated.TRT_SR_REFS.length * generated.USER_ROLES[view].length * 2 * 2);
      expect(new Set(all.map((combination) => combination.sr))).toEqual(new Set(generated.TRT_SR_REFS));
      for (const combination of all) {
        expect(combination.eligible).toBe(generated.isEligible({ view, sr: combination.sr as never, role: combination.role as never }));
        const cell = generated.trtFor({
          view,
          sr: combination.sr as never,
          role: combination.role as never,
          smets: combination.smets as 1,
          mode: combination.mode as 'scheduled',
        });
        expect(combination.trtSeconds).toBe(combination.eligible ? cell!.seconds : null);
        if (combination.eligible) expect(combination.trtBasis?.position).toBe(cell!.source);
      }
    }
    expect(combinations('modified')).toHaveLength(11 * 8 * 4);
    expect(combinations('baseline')).toHaveLength(11 * 7 * 4);
  });
});

describe('the project own authorisation module passes the harness', () => {
  for (const view of ['baseline', 'modified'] as const) {
    it(`in the ${view} view`, () => {
      const rows = configurationFromAuthorise(view);
      expect(rows).toHaveLength(combinations(view).length);
      expect(rows.filter((row) => row.trt_seconds !== null).length).toBeGreaterThan(100);
      expect(checkConformance(rows, view).disagreements).toEqual([]);
    });
  }

  it('and the harness would catch it if one decision went wrong', () => {
    const rows = configurationFromAuthorise('modified').map((row) =>
      row.sr === '4.1.1' && row.user_role === 'mdr' && row.smets === 2 && row.mode === 'on-demand' ? { ...row, trt_seconds: 86400 } : row,
    );
    const result = checkConformance(rows, 'modified');
    expect(result.disagreements.map((entry) => [entry.kind, entry.sr, entry.role, entry.smets, entry.mode])).toEqual([
      ['wrong-trt', '4.1.1', 'mdr', 2, 'on-demand'],
    ]);
  });
});

describe('checkConformance', () => {
  it('finds nothing in the reference configuration, with or without the ineligible rows', () => {
    for (const view of ['baseline', 'modified'] as const) {
      expect(checkConformance(referenceConfiguration(view), view).disagreements).toEqual([]);
      expect(checkConformance(referenceConfiguration(view, undefined, { includeIneligible: true }), view).disagreements).toEqual([]);
    }
  });

  it('reports each kind of disagreement once, naming the governing cell', () => {
    const rows: ConfigurationRow[] = referenceConfiguration('modified')
      .filter((row) => !(row.sr === '4.8.1' && row.user_role === 'mdr' && row.smets === 2 && row.mode === 'scheduled'))
      .map((row) =>
        row.sr === '8.2' && row.user_role === 'import-supplier' && row.smets === 1 && row.mode === 'on-demand'
          ? { ...row, trt_seconds: 16 }
          : row,
      );
    rows.push({ sr: '4.8.1', user_role: 'registered-supplier-agent', smets: 2, mode: 'on-demand', trt_seconds: 5600, eligible: true });
    rows.push({ sr: '9.9', user_role: 'mdr', smets: 2, mode: 'on-demand', trt_seconds: 30, eligible: true });
    rows.push({ sr: '4.8.1', user_role: 'gas-supplier', smets: 2, mode: 'on-demand', trt_seconds: null, eligible: false });
    const result = checkConformance(rows, 'modified');
    const byKind = Object.fromEntries(result.disagreements.map((entry) => [entry.kind, entry]));
    expect(result.disagreements.map((entry) => entry.kind).sort()).toEqual([
      'extra',
      'missing',
      'wrong-eligibility',
      'wrong-eligibility',
      'wrong-trt',
    ]);
    expect(byKind['wrong-trt']!.basis.position).toBe(
      generated.trtFor({ view: 'modified', sr: '8.2', role: 'import-supplier', smets: 1, mode: 'on-demand' })!.source,
    );
    expect(byKind['wrong-trt']!.message).toMatch(
      /^Unexpected trt_seconds 16 for SR 8\.2 \/ Import Supplier \/ SMETS1 \/ On-Demand, expected 30 \(30 secs\) \(appendix-ab\.md:\d+:\d+, AB2\.1\)$/,
    );
    expect(byKind.missing!.basis.position).toBe(
      generated.trtFor({ view: 'modified', sr: '4.8.1', role: 'mdr', smets: 2, mode: 'scheduled' })!.source,
    );
    expect(byKind.extra!.message).toContain('SR 9.9 is not in Appendix E');
    const eligibility = result.disagreements.filter((entry) => entry.kind === 'wrong-eligibility');
    expect(eligibility.map((entry) => entry.basis.position)).toEqual([
      generated.eligibilityFor({ view: 'modified', sr: '4.8.1', role: 'registered-supplier-agent' })!.source,
      generated.eligibilityFor({ view: 'modified', sr: '4.8.1', role: 'gas-supplier' })!.source,
    ]);
  });

  it('treats the MDR role as extra in the baseline view, citing the row MP162 inserts', () => {
    const result = checkConformance(
      [
        { sr: '4.8.1', user_role: 'mdr', smets: 2, mode: 'scheduled', trt_seconds: 86400, eligible: true },
        ...referenceConfiguration('baseline'),
      ],
      'baseline',
    );
    expect(result.disagreements).toHaveLength(1);
    expect(result.disagreements[0]).toMatchObject({
      kind: 'extra',
      basis: { clause: 'H1.1', position: generated.USER_ROLES.modified.find((role) => role.id === 'mdr')!.source },
    });
  });
});

describe('reading configuration files', () => {
  it('reads CSV by header name, in any column order, with quoted fields and CRLF', () => {
    const rows = parseConfiguration(
      'eligible,trt_seconds,mode,smets,user_role,sr\r\n"true",30,on-demand,1,import-supplier,"8.2"\r\nno,,scheduled,2,registered-supplier-agent,4.8.1\r\n',
      'csv',
    );
    expect(rows).toEqual([
      { sr: '8.2', user_role: 'import-supplier', smets: 1, mode: 'on-demand', trt_seconds: 30, eligible: true, line: 2 },
      { sr: '4.8.1', user_role: 'registered-supplier-agent', smets: 2, mode: 'scheduled', trt_seconds: null, eligible: false, line: 3 },
    ]);
  });

  it('rejects malformed tables with the line and the column', () => {
    const problems = (text: string, format: 'csv' | 'json' = 'csv'): string => {
      try {
        parseConfiguration(text, format);
        return '';
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigurationError);
        return (error as Error).message;
      }
    };
    expect(problems('sr,user_role,smets,mode,trt_secs\n')).toBe(
      'line 1: Unexpected header: missing columns trt_seconds, eligible; unknown column trt_secs, expected sr,user_role,smets,mode,trt_seconds,eligible',
    );
    expect(problems('sr,user_role,smets,mode,trt_seconds,eligible\n8.2,mdr,1,on-demand,3O,true\n')).toBe(
      'line 2: trt_seconds: expected a whole number of seconds, or an empty field for N/A, got "3O"',
    );
    expect(problems('sr,user_role,smets,mode,trt_seconds,eligible\n8.2,mdr,1,on-demand,30\n')).toBe('line 2: 5 fields, expected 6');
    expect(problems('sr,user_role,smets,mode,trt_seconds,eligible\n8.2,mdr,1,on-demand,30,true\n8.2,mdr,1,on-demand,16,true\n')).toBe(
      'line 3: the combination SR 8.2 / mdr / SMETS1 / on-demand is already given on line 2',
    );
    expect(problems('')).toBe('empty file, expected a CSV header sr,user_role,smets,mode,trt_seconds,eligible');
    expect(problems('{"rows": []}', 'json')).toBe(
      'Unexpected object, expected a JSON array of rows {sr, user_role, smets, mode, trt_seconds, eligible}',
    );
    expect(
      problems('[\n  {"sr": "8.2", "user_role": "mdr", "smets": 1, "mode": "on-demand", "trt_seconds": 30, "eligible": "yes"}\n]', 'json'),
    ).toBe('line 2: row 0: eligible: expected true or false (a JSON boolean), got "yes"');
  });
});

describe('secc conform', () => {
  it('exits 0 for the configuration exported from the legal text (CSV and JSON), in each view', async () => {
    const csv = await conform('reference.csv', withEligible(exportedCsv));
    expect(csv.code, csv.stdout + csv.stderr).toBe(0);
    expect(csv.stdout).toBe('');
    expect(csv.stderr).toMatch(
      /conforms to the modified version of the legal text \(232 rows checked against 352 combinations, 147 available\)/,
    );
    const json = await conform(
      'reference.json',
      JSON.stringify(
        exportedJson.map((row) => ({ ...row, eligible: true })),
        null,
        2,
      ),
    );
    expect(json.code, json.stdout + json.stderr).toBe(0);
    const baseline = await runCli(['export', 'trt', '--format', 'csv', '--view', 'baseline'], ROOT);
    const base = await conform('baseline.csv', withEligible(baseline.stdout), '--view', 'baseline');
    expect(base.code, base.stdout).toBe(0);
  });

  it('reports exactly three disagreements for three deliberate errors, each with its cell, and exits 1', async () => {
    const lines = withEligible(exportedCsv).split('\n');
    const edit = (prefix: string, change: (line: string) => string | undefined): void => {
      const index = lines.findIndex((line) => line.startsWith(prefix));
      expect(index, prefix).toBeGreaterThan(0);
      const changed = change(lines[index]!);
      if (changed === undefined) lines.splice(index, 1);
      else lines[index] = changed;
    };
    edit('8.2,import-supplier,1,on-demand,', () => '8.2,import-supplier,1,on-demand,16,true'); // wrong TRT (the pre-MP162 value)
    edit('4.8.1,mdr,2,scheduled,', () => undefined); // missing combination
    edit('4.2,export-supplier,2,on-demand,', (line) => line.replace(/true$/, 'false')); // wrong eligibility
    const run = await conform('three-errors.csv', lines.join('\n'));
    expect(run.code).toBe(1);
    const findings = run.stdout.split('\n').filter((line) => line.includes('  error  '));
    expect(findings).toHaveLength(3);
    expect(findings.join('\n')).toMatch(
      /three-errors\.csv:\d+:1 {2}error {2}Unexpected trt_seconds 16 for SR 8\.2 \/ Import Supplier \/ SMETS1 \/ On-Demand, expected 30 \(30 secs\) \(appendix-ab\.md:\d+:\d+, AB2\.1\) \[modified\] {2}conform-wrong-trt/,
    );
    expect(findings.join('\n')).toMatch(
      /three-errors\.csv {2}error {2}Missing row for SR 4\.8\.1 \/ Meter Data Retriever \/ SMETS2 \/ Scheduled, expected eligible true and trt_seconds 86400 \(24 hrs\) \(appendix-ab\.md:\d+:\d+, AB2\.1\) \[modified\] {2}conform-missing/,
    );
    expect(findings.join('\n')).toMatch(
      /three-errors\.csv:\d+:1 {2}error {2}Unexpected eligible false for SR 4\.2 \/ Export Supplier \/ SMETS2 \/ On-Demand, expected true: .*\(appendix-e\.md:\d+:\d+, E2\.1\) \[modified\] {2}conform-wrong-eligibility/,
    );
    expect(run.stderr).toContain('3 disagreements with the modified version');
  });

  it('exits 2 when the file is unreadable or malformed, or the option is missing', async () => {
    const missing = await runCli(['conform', '--impl', path.join(dir, 'no-such-file.csv')], ROOT);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*no-such-file\.csv: ENOENT/);
    const bad = await conform('bad-header.csv', 'sr,role\n8.2,mdr\n');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/bad-header\.csv:1 {2}error {2}Unexpected header/);
    await writeFile(path.join(dir, 'latin1.csv'), Buffer.from([0x73, 0x72, 0x2c, 0xff, 0xfe, 0x0a]));
    const latin1 = await runCli(['conform', '--impl', path.join(dir, 'latin1.csv')], ROOT);
    expect(latin1.code).toBe(2);
    expect(latin1.stderr).toMatch(/cannot read .*latin1\.csv: not UTF-8 text/);
    expect((await runCli(['conform'], ROOT)).code).toBe(2);
    expect((await runCli(['conform', '--impl', path.join(dir, 'reference.csv'), '--view', 'future'], ROOT)).code).toBe(2);
  });
});
