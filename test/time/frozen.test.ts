/**
 * Frozen releases: rules/releases/base.rules.json holds the base the redlines are drafted
 * against. An edit of the base text without a redline fails `secc build` (writing nothing) and
 * `secc check`, one finding per changed address at its place; a correction is recorded.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { projectCopy, replaceOnce, runCli } from '../support/project.js';

let project: { dir: string; cleanup(): Promise<void> };
beforeEach(async () => {
  project = await projectCopy();
});
afterEach(async () => project.cleanup());

async function snapshot(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const folder of ['rules', 'generated']) {
    for (const entry of await readdir(path.join(project.dir, folder), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const file = path.join(entry.parentPath, entry.name);
      out.set(path.relative(project.dir, file), await readFile(file, 'utf8'));
    }
  }
  return out;
}

const ab = () => path.join(project.dir, 'sec-text', 'appendix-ab.md');

describe('frozen releases', () => {
  it('the base is frozen in rules/releases/base.rules.json, equal to the baseline view', async () => {
    const frozen = JSON.parse(await readFile(path.join(project.dir, 'rules', 'releases', 'base.rules.json'), 'utf8')) as { trt: unknown[] };
    expect(frozen.trt.length).toBeGreaterThan(0);
    expect((await runCli(['check'], project.dir)).code).toBe(0);
  });

  it('retyping a TRT cell without a redline (5,600 secs → 5,700 secs): build exits 1 with a finding at the cell, rules/ and generated/ untouched', async () => {
    const text = replaceOnce(await readFile(ab(), 'utf8'), '| 4.8.1 | 24 hrs | 5,600 secs |', '| 4.8.1 | 24 hrs | 5,700 secs |');
    await writeFile(ab(), text);
    const before = await snapshot();
    const line = text.split('\n').findIndex((row) => row.startsWith('| 4.8.1 |')) + 1;
    const column = text.split('\n')[line - 1]!.indexOf('5,700') + 1;
    const build = await runCli(['build'], project.dir);
    expect(build.code).toBe(1);
    // At the cell: its line, and a column within the cell that holds 5,700 secs.
    const at = new RegExp(
      `sec-text/appendix-ab\\.md:${line}:(\\d+)  error  Unexpected TRT SR 4\\.8\\.1, \\[[a-z, -]*other-user\\], SMETS2, on-demand`,
    ).exec(build.stderr);
    expect(at, build.stderr).not.toBeNull();
    expect(Number(at?.[1])).toBeGreaterThan(column - 4);
    expect(Number(at?.[1])).toBeLessThanOrEqual(column);
    expect(build.stderr).toMatch(
      /without a redline at `trt\/4\.8\.1\/\[[a-z-]+(, [a-z-]+)+\]\/smets2\/on-demand` \(the base as frozen in rules\/releases\/base\.rules\.json\).*changed-without-redline/,
    );
    expect(await snapshot()).toEqual(before);
    const check = await runCli(['check'], project.dir);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('changed-without-redline');
  });

  it('the same edit as a redline of a declared modification builds', async () => {
    await writeFile(
      ab(),
      replaceOnce(
        await readFile(ab(), 'utf8'),
        '| 4.8.1 | 24 hrs | 5,600 secs |',
        '| 4.8.1 | 24 hrs | <del cite="MP162">5,600 secs</del><ins cite="MP162">5,700 secs</ins> |',
      ),
    );
    const build = await runCli(['build'], project.dir);
    expect(build.stderr).not.toContain('changed-without-redline');
    expect(build.code).toBe(0);
  });

  it('a correction of the base must say who, why and when, and is logged with the addresses it changes', async () => {
    await writeFile(ab(), replaceOnce(await readFile(ab(), 'utf8'), '| 4.8.1 | 24 hrs | 5,600 secs |', '| 4.8.1 | 24 hrs | 5,700 secs |'));
    expect((await runCli(['freeze'], project.dir)).code).toBe(2);
    expect((await runCli(['freeze', '--correct', '--by', 'A Drafter', '--why', 'Typo'], project.dir)).code).toBe(2);
    expect((await runCli(['freeze', '--correct', '--by', 'A Drafter', '--why', 'Typo', '--date', '2024-02-30'], project.dir)).code).toBe(2);
    const run = await runCli(['freeze', '--correct', '--by', 'A Drafter', '--why', 'Typo', '--date', '2024-07-01'], project.dir);
    expect(run.code, run.stderr).toBe(0);
    const log = JSON.parse(await readFile(path.join(project.dir, 'rules', 'releases', 'corrections.json'), 'utf8')) as Array<
      Record<string, unknown>
    >;
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ release: 'base', by: 'A Drafter', why: 'Typo', date: '2024-07-01' });
    expect(log[0]?.changes).toContain('trt/4.8.1/other-user/smets2/on-demand');
    expect((await runCli(['build'], project.dir)).code).toBe(0);
    expect((await runCli(['check'], project.dir)).code).toBe(0);
  });

  it('an edit of the frozen file itself is caught by secc check', async () => {
    const file = path.join(project.dir, 'rules', 'releases', 'base.rules.json');
    await writeFile(
      file,
      (await readFile(file, 'utf8')).replace('"text": "5,600 secs"', '"text": "5,650 secs"').replace('"seconds": 5600', '"seconds": 5650'),
    );
    const check = await runCli(['check'], project.dir);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('changed-without-redline');
  });
});
