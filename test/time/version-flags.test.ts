/**
 * Every command that takes `--view` takes `--as-at` and `--modification` (issue 10 part 2): lint,
 * report and export docx beside export, diff and conform. The same refusals as export (exit 2):
 * a day that does not exist, an undeclared modification, two versions at once; a TBC release in
 * the chosen version is a warning; a day before a consolidated base has no text to read.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUndatedRelease, projectCopy, replaceOnce, runCli } from '../support/project.js';

let project: { dir: string; cleanup(): Promise<void> };
beforeEach(async () => {
  project = await projectCopy();
});
afterEach(async () => project.cleanup());

const secc = (args: string[]) => runCli(args, project.dir);
const out = () => path.join(project.dir, 'out');

const COMMANDS: Array<[string, string[]]> = [
  ['export trt', ['export', 'trt']],
  ['lint', ['lint']],
  ['report', ['report', '--out', 'out']],
  ['export docx', ['export', 'docx', '--out', 'out']],
];

describe('the same refusals on every command that reads a version (exit 2, nothing written)', () => {
  for (const [name, command] of COMMANDS) {
    it(name, async () => {
      const cases: Array<[string[], RegExp]> = [
        [['--as-at', '2024-02-30'], /--as-at must be a day that exists, as YYYY-MM-DD, got `2024-02-30`/],
        [['--modification', 'MP999'], /--modification MP999 is not declared in modifications\/ \(declared: MP162\)/],
        [['--as-at', '2024-06-27', '--modification', 'MP162'], /give at most one of --view, --as-at and --modification/],
        [['--view', 'baseline', '--as-at', '2024-06-27'], /give at most one of --view, --as-at and --modification/],
      ];
      for (const [flags, message] of cases) {
        const run = await secc([...command, ...flags]);
        expect(run.code, `${name} ${flags.join(' ')}: ${run.stderr}`).toBe(2);
        expect(run.stderr).toMatch(message);
        expect(run.stderr).not.toMatch(/\n\s+at /);
        expect(await readdir(out()).catch(() => [])).toEqual([]);
      }
    });
  }
});

describe('secc lint on one version', () => {
  beforeEach(async () => {
    // An inserted clause numbered out of order: a finding in the text with MP162, not before it.
    const file = path.join(project.dir, 'sec-text', 'section-h.md');
    let text = await readFile(file, 'utf8');
    text = replaceOnce(text, '### H3.13A Scheduled retrieval of MHHS data', '### H3.12A Scheduled retrieval of MHHS data');
    text = replaceOnce(text, 'clause: H3.13A\n', 'clause: H3.12A\n');
    await writeFile(file, text);
    expect((await secc(['fingerprint', '--write'])).code).toBe(0); // the moved clause's rule block, reviewed
  });
  const clauseOrder = (stdout: string) => stdout.split('\n').filter((line) => line.includes('clause-order'));

  it('reads both views by default, one with --view, and the version named by --as-at or --modification', async () => {
    const both = clauseOrder((await secc(['lint'])).stdout);
    expect(both).toHaveLength(1);
    expect(both[0]).toMatch(/^sec-text\/section-h\.md:\d+:1 .*\[modified\]/);
    expect(clauseOrder((await secc(['lint', '--view', 'baseline'])).stdout)).toEqual([]);
    expect(clauseOrder((await secc(['lint', '--view', 'modified'])).stdout)).toEqual(both);
    expect(clauseOrder((await secc(['lint', '--as-at', '2024-06-26'])).stdout)).toEqual([]);
    const june27 = clauseOrder((await secc(['lint', '--as-at', '2024-06-27'])).stdout);
    expect(june27).toHaveLength(1);
    expect(june27[0]).toContain('(in as-at 2024-06-27)');
    expect(june27[0]).not.toContain('[modified]');
    const alone = clauseOrder((await secc(['lint', '--modification', 'MP162'])).stdout);
    expect(alone[0]).toContain('(in MP162)');
    expect((await secc(['lint', '--as-at', '2024-06-26'])).code).toBe(0);
    expect((await secc(['lint', '--as-at', '2024-06-27'])).code).toBe(1);
  });
});

describe('a TBC release in the chosen version is a warning', () => {
  it('on lint, report and export docx with --modification of an undated modification', async () => {
    await addUndatedRelease(project.dir);
    for (const [name, command] of COMMANDS) {
      const run = await secc([...command, '--modification', 'MP300']);
      expect(run.stderr, name).toContain('warning: release next-release has no date yet (TBC); it takes part in MP300');
      expect(run.code, `${name}: ${run.stderr}`).not.toBe(2);
    }
  });
});

describe('report and export docx on a version', () => {
  it('report --modification MP162 shows its change set and judges it against its manifest; --as-at 2024-06-26 shows none', async () => {
    const alone = await secc(['report', '--out', 'out', '--modification', 'MP162']);
    expect(alone.code, alone.stderr).toBe(0);
    const page = await readFile(path.join(out(), 'index.html'), 'utf8');
    expect(page).toContain('<title>Review: MP162</title>');
    expect(alone.stdout).toMatch(/\((\d+) changes, 0 findings\)/);
    expect(Number(/\((\d+) changes/.exec(alone.stdout)?.[1])).toBeGreaterThan(50);
    const before = await secc(['report', '--out', 'out', '--as-at', '2024-06-26']);
    expect(before.code).toBe(0);
    expect(before.stdout).toContain('(0 changes,');
  });

  it('export docx --as-at writes the clean text of that day', async () => {
    const run = await secc(['export', 'docx', '--out', 'out', '--as-at', '2024-06-26']);
    expect(run.code, run.stderr).toBe(0);
    expect((await readdir(out())).sort()).toEqual(['appendix-ab.docx', 'appendix-e.docx', 'section-g.docx', 'section-h.docx']);
  });

  it('after consolidation, a day before the base has no text: lint, report and export docx refuse (exit 2); export answers from the frozen rules', async () => {
    expect((await secc(['consolidate', '--through', '2024-06-27'])).code).toBe(0);
    for (const [name, command] of COMMANDS.slice(1)) {
      const run = await secc([...command, '--as-at', '2024-06-26']);
      expect(run.code, name).toBe(2);
      expect(run.stderr).toMatch(
        /is consolidated into a later base; only its rules are frozen \(rules\/releases\/2024-02-sec-release\.rules\.json/,
      );
    }
    const trt = await secc(['export', 'trt', '--as-at', '2024-06-26']);
    expect(trt.code).toBe(0);
    expect(trt.stdout).toContain('8.2,other-user,1,on-demand,16');
  });
});
