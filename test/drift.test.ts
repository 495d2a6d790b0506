/**
 * The divergence test: the committed rules/ and generated/ must be exactly what sec-text/
 * compiles to. Any edit to the legal text without a rebuild, or any hand edit of an output,
 * fails here, naming the document and the first differing rule.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkDrift } from '../src/features/check/drift.js';
import { compileProject, projectCopy, replaceOnce, ROOT, runCli } from './support/project.js';

describe('committed outputs follow from the legal text', () => {
  it('rules/ and generated/ equal an in-memory compile of sec-text/, byte for byte', async () => {
    const result = await compileProject();
    expect(result.ok).toBe(true);
    const drift = await checkDrift(result.outputs, { root: ROOT, textDir: 'sec-text' });
    // Fails with e.g. "rules/in-force.json is out of date with sec-text/appendix-ab.md:40:5: TRT SR 8.2 ..."
    expect(drift.flatMap((file) => file.messages.map(String))).toEqual([]);
  });

  it('compiles deterministically: same input, same bytes', async () => {
    const [first, second] = [await compileProject(), await compileProject()];
    expect([...first.outputs.entries()]).toEqual([...second.outputs.entries()]);
  });
});

describe('drift is caught and named', () => {
  let project: { dir: string; cleanup(): Promise<void> };
  beforeEach(async () => {
    project = await projectCopy();
  });
  afterEach(async () => project.cleanup());

  const edit = async (name: string, from: string | RegExp, to: string): Promise<void> => {
    const file = path.join(project.dir, 'sec-text', name);
    await writeFile(file, replaceOnce(await readFile(file, 'utf8'), from, to));
  };

  it('starts clean', async () => {
    const run = await runCli(['check'], project.dir);
    expect(run.stdout + run.stderr).not.toMatch(/error/);
    expect(run.code).toBe(0);
  });

  it('a TRT cell changed without a rebuild fails naming the file and the rule; build makes it pass again', async () => {
    await edit('appendix-ab.md', '| 4.8.1 | 24 hrs | 5,600 secs |', '| 4.8.1 | 24 hrs | 5,500 secs |');
    const run = await runCli(['check'], project.dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /rules\/in-force\.json .*sec-text\/appendix-ab\.md:\d+:\d+: TRT SR 4\.8\.1, import-supplier, SMETS2, on-demand \(since the base\) differs: `5,600 secs` in .*, `5,500 secs` in the text/,
    );
    // The base itself changed, without a redline: build refuses until the correction is recorded.
    const refused = await runCli(['build'], project.dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /appendix-ab\.md:\d+:\d+ +error +Unexpected TRT SR 4\.8\.1, \[[a-z, -]*import-supplier[a-z, -]*\], SMETS2, on-demand.* without a redline.*changed-without-redline/,
    );
    const corrected = await runCli(
      ['freeze', '--correct', '--by', 'A Drafter', '--why', 'Test correction', '--date', '2024-07-01'],
      project.dir,
    );
    expect(corrected.code, corrected.stderr).toBe(0);
    expect((await runCli(['build'], project.dir)).code).toBe(0);
    expect((await runCli(['check'], project.dir)).code).toBe(0);
  });

  it('an eligibility mark changed without a rebuild fails naming the eligibility rule', async () => {
    // Appendix E SR 4.6.2 row: Gas Supplier column from No to Yes.
    const file = path.join(project.dir, 'sec-text', 'appendix-e.md');
    const text = await readFile(file, 'utf8');
    const row = text.split('\n').find((line) => line.startsWith('| 4.6.2 |'))!;
    const cells = row.split('|');
    const header = text
      .split('\n')
      .find((line) => line.startsWith('| SR |'))!
      .split('|')
      .map((cell) => cell.trim());
    const gas = header.indexOf('Gas Supplier');
    expect(cells[gas]!.trim()).toBe('No');
    cells[gas] = ' Yes ';
    await writeFile(file, text.replace(row, cells.join('|')));
    const run = await runCli(['check'], project.dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /sec-text\/appendix-e\.md:\d+:\d+: eligibility of gas-supplier for SR 4\.6\.2 \(since the base\) differs: `No` in .*, `Yes` in the text/,
    );
  });

  it('a change to the wording of H3.13A fails on its fingerprint until the rule is re-reviewed', async () => {
    await edit(
      'section-h.md',
      'only to retry a DCC Scheduled Service Request that has failed',
      'to retry a DCC Scheduled Service Request that has failed, or at any other time',
    );
    const run = await runCli(['check'], project.dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /sec-text\/section-h\.md:\d+:\d+ {2}error {2}Rule `H3\.13A\.schedule-first` was reviewed against other text of clause H3\.13A.*rule-fingerprint-stale/,
    );
    // Recording the review (after a drafter has checked the rule) and rebuilding makes it pass.
    expect((await runCli(['fingerprint', '--write'], project.dir)).code).toBe(0);
    expect((await runCli(['build'], project.dir)).code).toBe(0);
    expect((await runCli(['check'], project.dir)).code).toBe(0);
  });

  it('a hand edit of rules/ is drift', async () => {
    const file = path.join(project.dir, 'rules', 'in-force.json');
    await writeFile(file, (await readFile(file, 'utf8')).replace('"text": "5,600 secs"', '"text": "5,601 secs"'));
    const run = await runCli(['check'], project.dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /rules\/in-force\.json:\d+:1 .*sec-text\/appendix-ab\.md:\d+:\d+: TRT SR 4\.8\.1, .*SMETS2, on-demand \(since the base\) differs/,
    );
    expect((await runCli(['build'], project.dir)).code).toBe(0);
    expect((await runCli(['check'], project.dir)).code).toBe(0);
  });

  it('a stale or hand-edited source map is drift, with the first differing line', async () => {
    const file = path.join(project.dir, 'rules', 'in-force.sourcemap.json');
    const text = await readFile(file, 'utf8');
    const [key, position] = /"(trt\/8\.2\/other-user\/smets1\/on-demand@[^"]+)": "([^"]+)"/.exec(text)!.slice(1);
    await writeFile(file, text.replace(`"${key}": "${position}"`, `"${key}": "${position!.replace(/:(\d+):/, ':999:')}"`));
    const run = await runCli(['check'], project.dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/rules\/in-force\.sourcemap\.json:\d+:\d+ .*out of date with the legal text or schemas at line \d+/);
    expect((await runCli(['build'], project.dir)).code).toBe(0);
    expect((await runCli(['check'], project.dir)).code).toBe(0);
  });

  it('a hand edit of generated/ is drift, with the first differing line', async () => {
    const file = path.join(project.dir, 'generated', 'tables.ts');
    await writeFile(file, (await readFile(file, 'utf8')).replace('"seconds": 5600', '"seconds": 5601'));
    const run = await runCli(['check'], project.dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /generated\/tables\.ts:(\d+):27 {2}error {2}generated\/tables\.ts is out of date with the legal text or schemas at line \1: expected `\s*"seconds": 5600,`, found `\s*"seconds": 5601,`.*drift/,
    );
  });

  it('a missing output is drift', async () => {
    await writeFile(path.join(project.dir, 'generated', 'index.ts'), '');
    const run = await runCli(['check'], project.dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/generated\/index\.ts/);
  });
});
