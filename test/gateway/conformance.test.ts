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
  readConfiguration,
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
        if (combination.eligible) expect(combination.trtBasis?.address).toBe(cell!.address);
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
    expect(byKind['wrong-trt']!.basis.address).toBe(
      generated.trtFor({ view: 'modified', sr: '8.2', role: 'import-supplier', smets: 1, mode: 'on-demand' })!.address,
    );
    expect(byKind['wrong-trt']!.message).toMatch(
      /^Unexpected trt_seconds 16 for SR 8\.2 \/ Import Supplier \/ SMETS1 \/ On-Demand, expected 30 \(30 secs\) \(appendix-ab\.md#AB2\.1\[8\.2\]\[Eligible User Roles \/ SMETS1 \/ On-Demand\], AB2\.1\)$/,
    );
    expect(byKind.missing!.basis.address).toBe(
      generated.trtFor({ view: 'modified', sr: '4.8.1', role: 'mdr', smets: 2, mode: 'scheduled' })!.address,
    );
    expect(byKind.extra!.message).toContain('SR 9.9 is not in Appendix E');
    const eligibility = result.disagreements.filter((entry) => entry.kind === 'wrong-eligibility');
    expect(eligibility.map((entry) => entry.basis.address)).toEqual([
      'eligibility/4.8.1/registered-supplier-agent',
      'eligibility/4.8.1/gas-supplier',
    ]);
    expect(eligibility.map((entry) => entry.basis.place)).toEqual([
      generated.eligibilityFor({ view: 'modified', sr: '4.8.1', role: 'registered-supplier-agent' })!.place,
      generated.eligibilityFor({ view: 'modified', sr: '4.8.1', role: 'gas-supplier' })!.place,
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
      basis: { clause: 'H1.1', address: 'user-role/mdr', place: generated.USER_ROLES.modified.find((role) => role.id === 'mdr')!.place },
    });
  });
});

describe('reading configuration files', () => {
  it('reads CSV by header name, in any column order, with quoted fields and CRLF', () => {
    const rows = parseConfiguration(
      'eligible,trt_seconds,mode,smets,user_role,sr\r\n"true",30,on-demand,1,import-supplier,"8.2"\r\nfalse,,scheduled,2,registered-supplier-agent,4.8.1\r\n',
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
    expect(problems('{"row": []}', 'json')).toBe(
      'Unexpected object (rows missing or not an array; unknown member row), expected a JSON array of rows {sr, user_role, smets, mode, trt_seconds, eligible}, or an object {"only_sr": [...], "rows": [...]}',
    );
    expect(problems('"8.2"', 'json')).toMatch(/^Unexpected string, expected a JSON array of rows/);
    expect(
      problems('[\n  {"sr": "8.2", "user_role": "mdr", "smets": 1, "mode": "on-demand", "trt_seconds": 30, "eligible": "yes"}\n]', 'json'),
    ).toBe('line 2: row 0: eligible: expected a JSON boolean, true or false (for "yes" write true), got "yes"');
  });

  it('accepts true and false only, with a hint for the words a spreadsheet writes', () => {
    const header = 'sr,user_role,smets,mode,trt_seconds,eligible\n';
    for (const [word, hint] of [
      ['yes', ' (for "yes" write true)'],
      ['Y', ' (for "Y" write true)'],
      ['TRUE', ' (for "TRUE" write true)'],
      ['1', ' (for "1" write true)'],
      ['no', ' (for "no" write false)'],
      ['False', ' (for "False" write false)'],
      ['maybe', ''],
    ] as const) {
      expect(() => parseConfiguration(`${header}8.2,mdr,1,on-demand,30,${word}\n`, 'csv')).toThrow(
        `line 2: eligible: expected true or false${hint}, got "${word}"`,
      );
    }
    expect(
      parseConfiguration(`${header}8.2,mdr,1,on-demand,30,true\n8.2,mdr,2,on-demand,30,false\n`, 'csv').map((row) => row.eligible),
    ).toEqual([true, false]);
  });

  it('names every malformed row with its line, duplicates included, in line order', () => {
    const text = [
      '# a comment above the header keeps the line numbers',
      'sr,user_role,smets,mode,trt_seconds,eligible',
      '8.2,import-supplier,1,on-demand,30,yes',
      '8.2,import-supplier,2,on-demand,30,true',
      '8.2,import-supplier,2,on-demand,30,true',
      '8.2,import-supplier,two,scheduled,30,true',
      '8.2,export-supplier,1,on-demand',
      '8.2,export-supplier,1,scheduled,3O,true',
      '',
    ].join('\n');
    try {
      readConfiguration(text, 'csv');
      expect.unreachable();
    } catch (error) {
      expect((error as ConfigurationError).problems.map((problem) => problem.line)).toEqual([3, 5, 6, 7, 8]);
    }
  });

  it('reads a JSON configuration as an object with its scope (`only_sr`), naming lines in it', () => {
    const row = (sr: string, extra = '') =>
      `{"sr": "${sr}", "user_role": "mdr", "smets": 2, "mode": "scheduled", "trt_seconds": 86400, "eligible": true${extra}}`;
    const text = (scope: string, rows: string[]) => `{\n  "only_sr": ${scope},\n  "rows": [\n    ${rows.join(',\n    ')}\n  ]\n}\n`;
    const both = readConfiguration(text('["4.8.1", "4.8.3", "4.8.1"]', [row('4.8.1'), row('4.8.3')]), 'json');
    expect(both.scope).toEqual({ srs: ['4.8.1', '4.8.3'], line: 2 });
    expect(both.rows.map((entry) => [entry.sr, entry.line])).toEqual([
      ['4.8.1', 4],
      ['4.8.3', 5],
    ]);
    // A comma-separated string reads as the CSV scope line does; rows first, scope after, works too.
    const after = readConfiguration(`{"rows": [\n${row('4.8.1')}\n],\n"only_sr": "4.8.1, 4.8.3"}`, 'json');
    expect(after.scope).toEqual({ srs: ['4.8.1', '4.8.3'], line: 4 });
    expect(after.rows[0]?.line).toBe(2);
    // Without only_sr, an object has no scope; a value that reads "rows" is not the member.
    const plain = readConfiguration(`{\n"rows": [\n${row('4.8.1').replace('"mdr"', '"rows"')}\n]}`, 'json');
    expect(plain.scope).toBeUndefined();
    expect(plain.rows[0]?.line).toBe(3);
    const problems = (input: string): string[] => {
      try {
        readConfiguration(input, 'json');
        return [];
      } catch (error) {
        return (error as ConfigurationError).problems.map((problem) => `${problem.line ?? '-'}: ${problem.message}`);
      }
    };
    expect(problems(text('["4.8.1", "all"]', [row('4.8.1')]))).toEqual([
      '2: only_sr: `all` is not a Service Request reference such as 4.8.1',
    ]);
    expect(problems(text('[4.8]', [row('4.8.1')]))).toEqual(['2: only_sr: expected SR references such as ["4.8.1", "4.8.3"], got [4.8]']);
    expect(problems(text('"4.8.1"', [row('4.8.1'), row('4.8.3').replace('"eligible": true', '"eligible": "yes"')]))).toEqual([
      '5: row 1: eligible: expected a JSON boolean, true or false (for "yes" write true), got "yes"',
    ]);
    // A repeated member would be dropped by JSON.parse without a word: refused, at the repeat.
    expect(problems(`{\n"rows": [],\n"only_sr": "4.8.1",\n"rows": [\n${row('4.8.1')}\n]}`)).toEqual([
      '4: "rows" given again, expected it once',
    ]);
    expect(problems(`{"only_sr": "4.8.1",\n"only_sr": "4.8.3",\n"rows": []}`)).toEqual(['2: "only_sr" given again, expected it once']);
    // Inside a row too: the first `eligible` would be dropped; a key repeated in another row, or nested, is named by its place.
    expect(problems(text('"4.8.1"', [row('4.8.1'), row('4.8.3', ',\n "eligible": false')]))).toEqual([
      '6: row 1: "eligible" given again, expected it once',
    ]);
    expect(problems(`[\n${row('4.8.1')},\n${row('4.8.3', ', "sr": "4.8.1"')}\n]`)).toEqual([
      '3: row 1: "sr" given again, expected it once',
    ]);
    expect(problems(`{"rows": [], "only_sr": {"a": 1,\n"a": 2}}`)).toEqual(['2: only_sr: "a" given again, expected it once']);
    // The same key in two rows, or a key's name as a value, is no repeat.
    expect(problems(`[\n${row('4.8.1')},\n${row('4.8.3')}\n]`)).toEqual([]);
    expect(problems('{"only_sr": ["4.8.1"], "rows": {}}')).toEqual([
      '-: Unexpected object (rows missing or not an array), expected a JSON array of rows {sr, user_role, smets, mode, trt_seconds, eligible}, or an object {"only_sr": [...], "rows": [...]}',
    ]);
  });

  it('reads a scope line above the header, and refuses a malformed one', () => {
    const header = 'sr,user_role,smets,mode,trt_seconds,eligible\n';
    expect(readConfiguration(`# only-sr: 4.8.1, 4.8.3,4.8.1\n${header}`, 'csv').scope).toEqual({ srs: ['4.8.1', '4.8.3'], line: 1 });
    expect(readConfiguration(`\uFEFF# MDR only\r\n\r\n# only-sr: 4.8.1\r\n${header}`, 'csv').scope).toEqual({ srs: ['4.8.1'], line: 3 });
    expect(readConfiguration(header, 'csv').scope).toBeUndefined();
    expect(() => readConfiguration(`# only-sr 4.8.1\n${header}`, 'csv')).toThrow(
      'line 1: Unexpected scope line, expected `# only-sr: 4.8.1, 4.8.3`',
    );
    expect(() => readConfiguration(`# only-sr: 4.8.1, all\n${header}`, 'csv')).toThrow(
      'line 1: scope line: `all` is not a Service Request reference such as 4.8.1',
    );
    expect(() => readConfiguration(`# only-sr: 4.8.1\n# only-sr: 4.8.3\n${header}`, 'csv')).toThrow(
      'line 2: a second scope line, expected one (the first is on line 1)',
    );
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
      /three-errors\.csv:\d+:1 {2}error {2}Unexpected trt_seconds 16 for SR 8\.2 \/ Import Supplier \/ SMETS1 \/ On-Demand, expected 30 \(30 secs\) \(appendix-ab\.md#AB2\.1\[8\.2\]\[Eligible User Roles \/ SMETS1 \/ On-Demand\], AB2\.1\) \[modified\] {2}conform-wrong-trt/,
    );
    expect(findings.join('\n')).toMatch(
      /three-errors\.csv {2}error {2}Missing row for SR 4\.8\.1 \/ Meter Data Retriever \/ SMETS2 \/ Scheduled, expected eligible true and trt_seconds 86400 \(24 hrs\) \(appendix-ab\.md#AB2\.1\[4\.8\.1\]\[Meter Data Retriever \/ SMETS2 \/ Scheduled\], AB2\.1\) \[modified\] {2}conform-missing/,
    );
    expect(findings.join('\n')).toMatch(
      /three-errors\.csv:\d+:1 {2}error {2}Unexpected eligible false for SR 4\.2 \/ Export Supplier \/ SMETS2 \/ On-Demand, expected true: .*\(appendix-e\.md#E2\.1\[4\.2\]\[Export Supplier\], E2\.1\) \[modified\] {2}conform-wrong-eligibility/,
    );
    expect(run.stderr).toContain('3 disagreements with the modified version');
  });

  it('reports every malformed row of a file with its line, not the first only, and exits 2', async () => {
    const rows = withEligible(exportedCsv).trimEnd().split('\n');
    rows[3] = rows[3]!.replace(/true$/, 'yes');
    rows[10] = rows[10]!.replace(/,[^,]*,true$/, ',soon,true');
    rows[20] = rows[20]!.replace(/,true$/, '');
    const run = await conform('three-malformed.csv', `${rows.join('\n')}\n`);
    expect(run.code).toBe(2);
    const lines = run.stderr.split('\n').filter((line) => line.includes('  error  '));
    expect(lines).toEqual([
      expect.stringMatching(/three-malformed\.csv:4 {2}error {2}eligible: expected true or false \(for "yes" write true\), got "yes"$/),
      expect.stringMatching(/three-malformed\.csv:11 {2}error {2}trt_seconds: expected a whole number of seconds/),
      expect.stringMatching(/three-malformed\.csv:21 {2}error {2}5 fields, expected 6$/),
    ]);
    expect(run.stderr).toContain('is not a configuration table; nothing was checked.');
  });

  it('judges a partial gateway on the SRs it declares, by a scope line or --only-sr, and exits 0 when it has no mistake', async () => {
    const mdrOnly = withEligible(exportedCsv)
      .split('\n')
      .filter((line, index) => index === 0 || /^4\.8\.[13],/.test(line))
      .join('\n');
    const scoped = await conform('scoped.csv', `# our gateway sends MDR reads only\n# only-sr: 4.8.1, 4.8.3\n${mdrOnly}\n`);
    expect(scoped.code, scoped.stdout + scoped.stderr).toBe(0);
    expect(scoped.stderr).toMatch(
      /conforms to the modified version .*\(40 rows checked against 64 combinations of the declared scope, SR 4\.8\.1, 4\.8\.3, 40 available\)/,
    );
    const byOption = await conform('by-option.csv', `${mdrOnly}\n`, '--only-sr', '4.8.3,4.8.1');
    expect(byOption.code, byOption.stdout + byOption.stderr).toBe(0);
    // JSON declares its scope in the file too: `only_sr` beside the rows.
    const mdrRows = exportedJson.filter((row) => /^4\.8\.[13]$/.test(String(row.sr))).map((row) => ({ ...row, eligible: true }));
    const json = await conform('scoped.json', JSON.stringify({ only_sr: ['4.8.1', '4.8.3'], rows: mdrRows }, null, 2));
    expect(json.code, json.stdout + json.stderr).toBe(0);
    expect(json.stderr).toMatch(/40 rows checked against 64 combinations of the declared scope, SR 4\.8\.1, 4\.8\.3/);
    const disagree = await conform('disagree.json', JSON.stringify({ only_sr: '4.8.1', rows: mdrRows }), '--only-sr', '4.8.3');
    expect(disagree.code).toBe(2);
    expect(disagree.stderr).toContain('the file declares the scope 4.8.1 (line 1) but --only-sr says 4.8.3');
    // Without a scope the same file misses every other SR's rows.
    const unscoped = await conform('unscoped.csv', `${mdrOnly}\n`);
    expect(unscoped.code).toBe(1);
    expect(unscoped.stdout).toMatch(/conform-missing/);
    expect(unscoped.stdout).not.toMatch(/SR 4\.8\.[13] \//);
    // A scoped gateway is still judged on what it claims: a wrong TRT inside the scope is found.
    const wrong = await conform(
      'scoped-wrong.csv',
      `${mdrOnly.replace(/^(4\.8\.1,mdr,2,scheduled,)86400/m, '$186401')}\n`,
      '--only-sr',
      '4.8.1,4.8.3',
    );
    expect(wrong.code).toBe(1);
    expect(wrong.stdout.split('\n').filter((line) => line.includes('  error  '))).toEqual([
      expect.stringMatching(
        /Unexpected trt_seconds 86401 for SR 4\.8\.1 \/ Meter Data Retriever \/ SMETS2 \/ Scheduled, expected 86400 .* {2}conform-wrong-trt$/,
      ),
    ]);
  });

  it('reports a row outside the declared scope, and refuses a scope it cannot check', async () => {
    const header = 'sr,user_role,smets,mode,trt_seconds,eligible';
    const rows = withEligible(exportedCsv)
      .split('\n')
      .filter((line) => /^(4\.8\.1|8\.2),/.test(line));
    const outside = await conform('outside.csv', `${header}\n${rows.join('\n')}\n`, '--only-sr', '4.8.1');
    expect(outside.code).toBe(1);
    const findings = outside.stdout.split('\n').filter((line) => line.includes('  error  '));
    expect(findings.length).toBe(rows.filter((row) => row.startsWith('8.2,')).length);
    expect(findings.every((line) => /expected only the SRs of the declared scope \(4\.8\.1\).* {2}conform-out-of-scope$/.test(line))).toBe(
      true,
    );

    const noTrts = await conform('no-trts.csv', `# only-sr: 1.1.1\n${header}\n`);
    expect(noTrts.code).toBe(2);
    expect(noTrts.stderr).toMatch(
      /no-trts\.csv:1 {2}error {2}SR 1\.1\.1 of the declared scope has no Target Response Times in the corpus \(the Appendix AB table, AB1\.3, covers SRs 4\.1\.1, /,
    );
    const unknown = await conform('unknown.csv', `${header}\n`, '--only-sr', '99.9');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/SR 99\.9 of the declared scope is not in Appendix E/);
    const badOption = await conform('bad-option.csv', `${header}\n`, '--only-sr', '4.8.1,,x');
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toContain('--only-sr: an empty entry; `x` is not a Service Request reference such as 4.8.1');
    const disagree = await conform('disagree.csv', `# only-sr: 4.8.1\n${header}\n`, '--only-sr', '4.8.3');
    expect(disagree.code).toBe(2);
    expect(disagree.stderr).toMatch(/the file declares the scope 4\.8\.1 \(line 1\) but --only-sr says 4\.8\.3/);
  });

  it('judges by the version in force on a date (--as-at): MDR rows are extra the day before the June 2024 SEC Release', async () => {
    const mdrRows = withEligible(exportedCsv)
      .split('\n')
      .filter((line, index) => index === 0 || /^4\.8\.1,/.test(line));
    const file = `${mdrRows.join('\n')}\n`;
    const after = await conform('as-at-after.csv', file, '--only-sr', '4.8.1', '--as-at', '2024-06-27');
    expect(after.code, after.stdout + after.stderr).toBe(0);
    const before = await conform('as-at-before.csv', file, '--only-sr', '4.8.1', '--as-at', '2024-06-26');
    expect(before.code).toBe(1);
    const extra = before.stdout.split('\n').filter((line) => line.includes('conform-extra'));
    expect(extra.length).toBe(mdrRows.filter((line) => line.includes(',mdr,')).length);
    expect(extra[0]).toMatch(/the User Role Meter Data Retriever is only in the modified view of Section H1\.1|`mdr` is not a User Role/);
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
