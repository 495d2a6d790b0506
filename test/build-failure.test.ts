/**
 * Bad input: `secc build` exits non-zero with file:line:col diagnostics, prints no stack trace,
 * and leaves rules/ and generated/ byte-identical.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { projectCopy, replaceOnce, runCli, snapshot } from './support/project.js';

let project: { dir: string; cleanup(): Promise<void> };
beforeEach(async () => {
  project = await projectCopy();
});
afterEach(async () => project.cleanup());

async function edit(name: string, change: (text: string) => string): Promise<void> {
  const file = path.join(project.dir, 'sec-text', name);
  await writeFile(file, change(await readFile(file, 'utf8')));
}

/** Runs a failing build and checks the contract; returns the report. */
async function failingBuild(): Promise<string> {
  const before = await snapshot(project.dir);
  const run = await runCli(['build'], project.dir);
  expect(run.code).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/); // no stack frames
  expect(run.stderr).toMatch(/nothing written/);
  expect(await snapshot(project.dir)).toEqual(before);
  return run.stderr;
}

describe('secc build on bad input', () => {
  it('an unbalanced redline', async () => {
    await edit('appendix-ab.md', (text) =>
      replaceOnce(text, '<ins cite="MP162">30 secs[^ab-fn5]</ins>', '<ins cite="MP162">30 secs[^ab-fn5]'),
    );
    const report = await failingBuild();
    expect(report).toMatch(
      /sec-text\/appendix-ab\.md:\d+:\d+ {2}error {2}Unexpected `<ins>` that is never closed in the same table cell.*redline-unbalanced/,
    );
  });

  it('an unknown duration, with a suggestion', async () => {
    await edit('appendix-ab.md', (text) => replaceOnce(text, '| 4.6.1 | 24 hrs |', '| 4.6.1 | 24 hours? |'));
    const report = await failingBuild();
    expect(report).toMatch(
      /sec-text\/appendix-ab\.md:(\d+):(\d+) {2}error {2}Unexpected Target Response Time `24 hours\?` for SR 4\.6\.1, Eligible User Roles \/ SMETS2 \/ Scheduled: .*did you mean `24 hrs`\?.*trt-unknown-duration/,
    );
    const text = await readFile(path.join(project.dir, 'sec-text', 'appendix-ab.md'), 'utf8');
    const [, line, column] = /appendix-ab\.md:(\d+):(\d+)/.exec(report)!;
    expect(text.split('\n')[Number(line) - 1]!.slice(Number(column) - 1)).toMatch(/^24 hours\?/);
  });

  it('a ragged table row', async () => {
    await edit('appendix-e.md', (text) => text.replace(/^(\| 4\.6\.2 \|.*?)\| No \|/m, '$1|'));
    const report = await failingBuild();
    expect(report).toMatch(
      /sec-text\/appendix-e\.md:\d+:1 {2}error {2}Unexpected 14 cells in the row for `4\.6\.2`, expected 15 as in the header.*table-ragged-row/,
    );
  });

  it('a duplicate SR reference', async () => {
    await edit('appendix-e.md', (text) => {
      const row = text.split('\n').find((line) => line.startsWith('| 4.17 |'))!;
      return text.replace(row, `${row}\n${row}`);
    });
    const report = await failingBuild();
    expect(report).toMatch(
      /sec-text\/appendix-e\.md:\d+:\d+ {2}error {2}Unexpected second row for SR 4\.17, expected each Service Request once \(first at line \d+\).*sr-duplicate/,
    );
  });

  it('a negative TRT', async () => {
    await edit('appendix-ab.md', (text) => replaceOnce(text, '| 4.6.1 | 24 hrs |', '| 4.6.1 | -24 hrs |'));
    expect(await failingBuild()).toMatch(/cannot be negative.*trt-unknown-duration/);
  });

  it('crossing redlines', async () => {
    await edit('section-h.md', (text) =>
      replaceOnce(text, 'A User that retrieves data', 'A <ins cite="MP162">User <del cite="MP162">that</ins> retrieves</del> data'),
    );
    expect(await failingBuild()).toMatch(/section-h\.md:\d+:\d+ {2}error {2}.*redline-(crossing|nested)/);
  });

  it('a block redline without the blank line after its opening tag', async () => {
    await edit('section-h.md', (text) => replaceOnce(text, '<ins cite="MP162">\n\n### H3.13A', '<ins cite="MP162">\n### H3.13A'));
    expect(await failingBuild()).toMatch(/section-h\.md:\d+:1 {2}error {2}Unexpected text after `<ins>`.*redline-block-spacing/);
  });

  it('a role the User Roles table does not define', async () => {
    await edit('appendix-e.md', (text) => replaceOnce(text, '| Other User |', '| Other Users |'));
    expect(await failingBuild()).toMatch(
      /appendix-e\.md:\d+:\d+ {2}error {2}Unexpected column `Other Users` in the services table, expected a User Role defined.*role-unknown/,
    );
  });

  it('an SR in Appendix AB that Appendix E does not list', async () => {
    await edit('appendix-ab.md', (text) => text.replace(/^\| 5\.3 \|/m, '| 5.4 |'));
    const report = await failingBuild();
    expect(report).toMatch(/appendix-ab\.md:\d+:\d+ {2}error {2}Unexpected Target Response Times for SR 5\.4.*trt-unknown-sr/);
    expect(report).toMatch(/appendix-e\.md:\d+:\d+ {2}error {2}Missing Target Response Times for SR 5\.3.*trt-missing/);
  });

  it('missing front matter', async () => {
    await edit('section-g.md', (text) => text.replace(/^---[\s\S]*?---\n/, ''));
    expect(await failingBuild()).toMatch(/section-g\.md:1:1 {2}error {2}Missing front matter.*front-matter-missing/);
  });

  it('a missing legal text directory is exit 2, not a crash', async () => {
    const run = await runCli(['build', '--text', 'no-such-dir'], project.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot read the legal text directory no-such-dir/);
  });

  it('a --root that is a file is a usage error, not a crash', async () => {
    for (const command of ['build', 'check']) {
      const run = await runCli([command, '--root', 'sec-text/section-h.md'], project.dir);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe('secc: --root sec-text/section-h.md is not a directory\n');
    }
  });

  it('an output folder that cannot be made is exit 2 naming the path, and nothing is written', async () => {
    const before = await snapshot(project.dir);
    const run = await runCli(['report', '--out', 'sec-text/section-h.md/review'], project.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^secc: cannot mkdir .*sec-text\/section-h\.md\/review: ENOTDIR; nothing was written\n$/);
    expect(await snapshot(project.dir)).toEqual(before);
  });

  it('an unknown option is exit 2', async () => {
    const run = await runCli(['build', '--no-such-option'], project.dir);
    expect(run.code).toBe(2);
  });
});
