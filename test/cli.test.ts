/** `secc export`: the flat tables gateway teams and spreadsheets read. */
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './support/project.js';
import { EXISTING_ELIGIBILITY, REPORT_COLUMNS, REPORT_TRT_TABLE } from './support/report-facts.js';
import { compareSrRefs } from '../src/compiler/4-extract/text.js';

const csv = async (args: string[]): Promise<string[][]> => {
  const run = await runCli(args, ROOT);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return run.stdout
    .trimEnd()
    .split('\n')
    .map((line) => line.split(','));
};

describe('secc export trt', () => {
  it('has the exact header and one sorted row per (SR, eligible role, SMETS generation, mode)', async () => {
    const [header, ...rows] = await csv(['export', 'trt', '--view', 'modified', '--format', 'csv']);
    expect(header).toEqual(['sr', 'user_role', 'smets', 'mode', 'trt_seconds']);
    const sorted = [...rows].sort(
      (a, b) =>
        compareSrRefs(a[0]!, b[0]!) ||
        (a[1]! < b[1]! ? -1 : a[1]! > b[1]! ? 1 : 0) ||
        Number(a[2]) - Number(b[2]) ||
        (a[3]! < b[3]! ? -1 : 1),
    );
    expect(rows).toEqual(sorted);
    const expected = Object.entries(EXISTING_ELIGIBILITY).flatMap(([sr, roles]) => [...roles, 'mdr'].map((role) => [sr, role]));
    expect(rows).toHaveLength(expected.length * 4);
    expect(rows.every((row) => ['1', '2'].includes(row[2]!) && ['scheduled', 'on-demand'].includes(row[3]!))).toBe(true);
  });

  it('equals the report table for every role in the modified view', async () => {
    const [, ...rows] = await csv(['export', 'trt', '--view', 'modified']);
    const value = (text: string): string =>
      text === 'N/A' ? '' : String(Number(text.replace(/,| secs| hrs/g, '')) * (text.endsWith('hrs') ? 3600 : 1));
    for (const [sr, cells] of Object.entries(REPORT_TRT_TABLE)) {
      REPORT_COLUMNS.forEach(([sender, smets, mode], index) => {
        for (const role of sender === 'mdr' ? ['mdr'] : EXISTING_ELIGIBILITY[sr]!) {
          const row = rows.find(
            (candidate) => candidate[0] === sr && candidate[1] === role && candidate[2] === String(smets) && candidate[3] === mode,
          );
          expect(row?.[4], `${sr} ${role} ${smets} ${mode}`).toBe(value(cells[index]!));
        }
      });
    }
  });

  it('has no MDR rows in the baseline view', async () => {
    const [, ...rows] = await csv(['export', 'trt', '--view', 'baseline']);
    expect(rows.some((row) => row[1] === 'mdr')).toBe(false);
    expect(rows.find((row) => row.join(',').startsWith('8.2,other-user,1,on-demand'))).toEqual([
      '8.2',
      'other-user',
      '1',
      'on-demand',
      '16',
    ]);
  });

  it('prints JSON with the same fields', async () => {
    const run = await runCli(['export', 'trt', '--view', 'baseline', '--format', 'json'], ROOT);
    const rows = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
    expect(rows[0]).toEqual({ sr: '4.1.1', user_role: 'electricity-distributor', smets: 1, mode: 'on-demand', trt_seconds: 16 });
    expect(rows.find((row) => row.sr === '4.2' && row.mode === 'scheduled')!.trt_seconds).toBeNull();
  });
});

describe('secc export eligibility', () => {
  it('lists the eligible pairs, MDR for exactly the 11 SRs in modified and none in baseline', async () => {
    const [header, ...modified] = await csv(['export', 'eligibility', '--view', 'modified']);
    const [, ...baseline] = await csv(['export', 'eligibility', '--view', 'baseline']);
    expect(header).toEqual(['sr', 'user_role']);
    expect(modified.filter((row) => row[1] === 'mdr').map((row) => row[0])).toEqual(Object.keys(EXISTING_ELIGIBILITY));
    expect(baseline.some((row) => row[1] === 'mdr')).toBe(false);
    expect(modified.filter((row) => row[1] !== 'mdr')).toEqual(baseline);
  });
});

describe('usage errors exit 2', () => {
  it.each([
    [['export', 'rules']],
    [['export', 'tables', '--view', 'baseline']],
    [['export', 'vectors', '--format', 'csv']],
    [['export', 'trt', '--view', 'draft']],
    [['export', 'trt', '--format', 'xlsx']],
    [['nonsense']],
    [[]],
  ])('secc %j', async (args) => {
    const run = await runCli(args, ROOT);
    expect(run.code).toBe(2);
    expect(run.stderr.length).toBeGreaterThan(0);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
