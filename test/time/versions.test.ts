/**
 * Versions on the command line: `--as-at` and `--modification` beside `--view` (export, diff,
 * conform). Before the June 2024 SEC Release the text is the base; on its day, MP162 is in force.
 */
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/project.js';

describe('versions of the MP162 text', () => {
  for (const table of ['trt', 'eligibility']) {
    it(`export ${table}: as at 2024-06-26 is the baseline byte for byte, as at 2024-06-27 the modified text`, async () => {
      const [baseline, before, modified, on, alone] = await Promise.all(
        [
          ['--view', 'baseline'],
          ['--as-at', '2024-06-26'],
          ['--view', 'modified'],
          ['--as-at', '2024-06-27'],
          ['--modification', 'MP162'],
        ].map((args) => runCli(['export', table, ...args, '--format', 'csv'], ROOT)),
      );
      for (const run of [baseline, before, modified, on, alone]) expect(run?.code).toBe(0);
      expect(before?.stdout).toBe(baseline?.stdout);
      expect(on?.stdout).toBe(modified?.stdout);
      expect(alone?.stdout).toBe(modified?.stdout);
      expect(before?.stdout).not.toBe(on?.stdout);
    });
  }

  it('SR 8.2 SMETS1 On-Demand for an Other User: 16 secs the day before, 30 secs on the day', async () => {
    const row = (csv: string) => csv.split('\n').find((line) => /^8\.2,other-user,1,on-demand,/.test(line));
    const before = await runCli(['export', 'trt', '--as-at', '2024-06-26'], ROOT);
    const on = await runCli(['export', 'trt', '--as-at', '2024-06-27'], ROOT);
    expect(row(before.stdout)).toMatch(/,16$/);
    expect(row(on.stdout)).toMatch(/,30$/);
  });

  it('diff --modification MP162 and --as-at on the day list the MP162 change set; the day before lists nothing', async () => {
    const whole = JSON.parse((await runCli(['diff', '--format', 'json'], ROOT)).stdout) as { changes: unknown[] };
    const alone = JSON.parse((await runCli(['diff', '--modification', 'MP162', '--format', 'json'], ROOT)).stdout) as {
      to: string;
      modifications: string[];
      changes: unknown[];
    };
    const before = JSON.parse((await runCli(['diff', '--as-at', '2024-06-26', '--format', 'json'], ROOT)).stdout) as { changes: unknown[] };
    expect(alone.to).toBe('MP162');
    expect(alone.modifications).toEqual(['MP162']);
    expect(alone.changes).toEqual(whole.changes);
    expect(whole.changes.length).toBeGreaterThan(0);
    expect(before.changes).toEqual([]);
  });

  it('exit 2 with a clear message: a day that does not exist, a malformed date, an undeclared modification, two versions at once', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['export', 'trt', '--as-at', '2024-02-30'], /--as-at must be a day that exists, as YYYY-MM-DD, got `2024-02-30`/],
      [['diff', '--as-at', '27/06/2024'], /--as-at must be a day that exists/],
      [['export', 'eligibility', '--modification', 'MP999'], /--modification MP999 is not declared in modifications\/ \(declared: MP162\)/],
      [['export', 'trt', '--view', 'baseline', '--as-at', '2024-06-27'], /at most one of --view, --as-at and --modification/],
      [['export', 'trt', '--view', 'later'], /--view must be baseline or modified, got `later`/],
    ];
    for (const [args, message] of cases) {
      const run = await runCli(args, ROOT);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
