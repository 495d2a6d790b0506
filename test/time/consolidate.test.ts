/**
 * `secc consolidate --through DATE` on a copy of the project: MP162's redlines accepted into
 * sec-text/, the June 2024 SEC Release becomes the base, the February release and the old base
 * its frozen history; then `secc build` and `secc check` pass and every date answers as before
 * (the export, the generated lookups and authorise() compiled against the rebuilt tables).
 * Bad input (no date, a day that does not exist, a day before the base, a TBC release that may
 * fall in range) exits 2 and writes nothing; a frozen file edited afterwards fails `secc check`.
 */
import { cp, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT, addUndatedRelease, projectCopy, runCli } from '../support/project.js';

let project: { dir: string; cleanup(): Promise<void> };
beforeEach(async () => {
  project = await projectCopy();
});
afterEach(async () => project.cleanup());

const secc = (args: string[]) => runCli(args, project.dir);

/** Every file of sec-text/, rules/ and generated/ by path: what a refused consolidation must leave as it was. */
async function snapshot(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const folder of ['sec-text', 'rules', 'generated']) {
    for (const entry of await readdir(path.join(project.dir, folder), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const file = path.join(entry.parentPath, entry.name);
      out.set(path.relative(project.dir, file), await readFile(file, 'utf8'));
    }
  }
  return out;
}

async function documentsText(): Promise<string> {
  const dir = path.join(project.dir, 'sec-text');
  const names = (await readdir(dir)).filter((name) => name.endsWith('.md'));
  return (await Promise.all(names.map((name) => readFile(path.join(dir, name), 'utf8')))).join('\n');
}

const row = (csv: string, key: string) => csv.split('\n').filter((line) => line.startsWith(key));

describe('secc consolidate --through 2024-06-27 (MP162 in force)', () => {
  it('accepts every MP162 redline, moves both releases out of the pending plan, freezes them, and every date answers as before', async () => {
    const before = {
      baseline: (await secc(['export', 'trt', '--view', 'baseline'])).stdout,
      modified: (await secc(['export', 'trt', '--view', 'modified'])).stdout,
      eligibility: (await secc(['export', 'eligibility', '--view', 'baseline'])).stdout,
    };
    const run = await secc(['consolidate', '--through', '2024-06-27']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('the base is now `2024-06-sec-release`');
    expect(await documentsText()).not.toMatch(/<\/?(ins|del)\b|cite=/);
    const plan = await readFile(path.join(project.dir, 'sec-text', 'releases.yaml'), 'utf8');
    expect(plan).toMatch(/base:\n {2}id: 2024-06-sec-release\n {2}title: June 2024 SEC Release\n {2}date: 2024-06-27/);
    expect(plan).toMatch(/consolidated:[\s\S]*- id: base[\s\S]*- id: 2024-02-sec-release/);
    expect(plan).toMatch(/releases: \[\]/);
    const record = JSON.parse(await readFile(path.join(project.dir, 'rules', 'releases', 'index.json'), 'utf8')) as Record<string, string>;
    expect(Object.keys(record).sort()).toEqual(['2024-02-sec-release', '2024-06-sec-release', 'base']);

    const build = await secc(['build']);
    expect(build.code, build.stderr).toBe(0);
    const check = await secc(['check']);
    expect(check.code, check.stdout + check.stderr).toBe(0);

    const june26 = (await secc(['export', 'trt', '--as-at', '2024-06-26'])).stdout;
    expect(row(june26, '8.2,other-user,1,on-demand,')).toEqual(['8.2,other-user,1,on-demand,16']);
    expect(june26).toBe(before.baseline);
    expect((await secc(['export', 'trt', '--as-at', '2024-01-10'])).stdout).toBe(before.baseline);
    expect((await secc(['export', 'trt', '--as-at', '2024-06-27'])).stdout).toBe(before.modified);
    expect((await secc(['export', 'trt', '--view', 'baseline'])).stdout).toBe(before.modified);
    expect((await secc(['export', 'eligibility', '--as-at', '2024-06-26'])).stdout).toBe(before.eligibility);
  });

  it('authorise(), compiled against the rebuilt generated tables, still rejects an MDR request dated 2024-06-26 and accepts it on 2024-06-27', async () => {
    expect((await secc(['consolidate', '--through', '2024-06-27'])).code).toBe(0);
    expect((await secc(['build'])).code).toBe(0);
    // The gateway's sources beside the copy's generated/, so its static imports read the rebuilt tables.
    for (const folder of ['src/gateway', 'src/shared'])
      await cp(path.join(ROOT, folder), path.join(project.dir, folder), { recursive: true });
    await symlink(path.join(ROOT, 'node_modules'), path.join(project.dir, 'node_modules'));
    const gateway = (await import(path.join(project.dir, 'src', 'gateway', 'index.ts'))) as typeof import('../../src/gateway/index.js');
    const tables = (await import(path.join(project.dir, 'generated', 'index.ts'))) as typeof import('../../generated/index.js');
    const registration = {
      mpans: [
        {
          mpan: '2000000000001',
          importSupplier: 'IMP1',
          exportSupplier: 'EXP1',
          devices: [{ id: 'E1', type: 'ESME' as const, smets: 1 as const }],
          mdrAppointments: [{ mdr: 'MDR1', effectiveFrom: '2024-01-01', effectiveTo: '2024-12-31' }],
        },
      ],
    };
    const request = (executionDate: string) => ({
      sender: { role: 'mdr', party: 'MDR1' },
      sr: '8.2',
      target: { mpan: '2000000000001', deviceType: 'ESME' as const, smets: 1 as const },
      mode: 'on-demand' as const,
      executionDate,
    });
    const rejected = await gateway.authorise(request('2024-06-26'), registration);
    expect(rejected.accepted).toBe(false);
    expect(rejected.reasons.filter((reason) => !reason.passed).map((reason) => reason.code)).toEqual(['user-role']);
    expect(rejected.reasons.find((reason) => !reason.passed)?.message).toMatch(/comes into force on 2024-06-27 with MP162/);
    const accepted = await gateway.authorise(request('2024-06-27'), registration);
    expect(accepted.accepted).toBe(true);
    expect(accepted.trtSeconds).toBe(30);
    const query = { sr: '8.2', role: 'other-user', smets: 1, mode: 'on-demand' } as const;
    expect(tables.trtSeconds({ ...query, at: '2024-06-26' })).toBe(16);
    expect(tables.trtSeconds({ ...query, at: '2024-06-27' })).toBe(30);
    expect(tables.isEligible({ sr: '8.2', role: 'mdr', at: '2024-06-26' })).toBe(false);
    expect(tables.isEligible({ sr: '8.2', role: 'mdr', at: '2024-06-27' })).toBe(true);
    expect(tables.IN_FORCE.map((interval) => [interval.from, interval.release?.id ?? null])).toEqual([
      [null, null],
      ['2024-02-29', '2024-02-sec-release'],
      ['2024-06-27', '2024-06-sec-release'],
    ]);
  });

  it('frozen releases are never rewritten by a build, and an edit of one fails secc check', async () => {
    expect((await secc(['consolidate', '--through', '2024-06-27'])).code).toBe(0);
    const frozen = path.join(project.dir, 'rules', 'releases', '2024-02-sec-release.rules.json');
    const text = await readFile(frozen, 'utf8');
    expect((await secc(['build'])).code).toBe(0);
    expect(await readFile(frozen, 'utf8')).toBe(text);
    await writeFile(frozen, text.replace('"seconds": 5600', '"seconds": 5650'));
    const check = await secc(['check']);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(
      /rules\/releases\/2024-02-sec-release\.rules\.json:1:1 +error +Unexpected change of the frozen release.*frozen-release-changed/,
    );
  });
});

describe('the record of frozen releases', () => {
  it('a base frozen before hashes were recorded is recorded by the consolidation (never rewritten), and the record is then complete', async () => {
    const record = path.join(project.dir, 'rules', 'releases', 'index.json');
    const base = path.join(project.dir, 'rules', 'releases', 'base.rules.json');
    const frozenBase = await readFile(base, 'utf8');
    await writeFile(record, '{}\n');
    expect((await secc(['check'])).stdout).toMatch(/base\.rules\.json:1:1 +error .*frozen-release-unrecorded/);
    expect((await secc(['consolidate', '--through', '2024-06-27'])).code).toBe(0);
    expect(await readFile(base, 'utf8')).toBe(frozenBase);
    expect(Object.keys(JSON.parse(await readFile(record, 'utf8')) as object)).toEqual([
      '2024-02-sec-release',
      '2024-06-sec-release',
      'base',
    ]);
    expect((await secc(['build'])).code).toBe(0);
    expect((await secc(['check'])).code).toBe(0);
  });
});

describe('after consolidation', () => {
  it('a redline citing the consolidated modification is refused at its place; its manifest is not judged', async () => {
    expect((await secc(['consolidate', '--through', '2024-06-27'])).code).toBe(0);
    const file = path.join(project.dir, 'sec-text', 'section-g.md');
    const text = await readFile(file, 'utf8');
    const lines = text.split('\n');
    const index = lines.findIndex((line, at) => at > 5 && /^[A-Z]/.test(line));
    lines[index] = `${lines[index]} <ins cite="MP162">Also this.</ins>`;
    await writeFile(file, lines.join('\n'));
    const build = await secc(['build']);
    expect(build.code).toBe(1);
    expect(build.stderr).toMatch(
      new RegExp(
        `sec-text/section-g\\.md:${index + 1}:\\d+ +error +Unexpected \`cite="MP162"\` on a redline, which is consolidated into the base`,
      ),
    );
    await writeFile(file, text);
    const check = await secc(['check']);
    expect(check.stdout + check.stderr).not.toMatch(/intent-|manifest-unknown/);
  });
});

describe('secc consolidate: partial, then the rest', () => {
  it('through 2024-03-01 consolidates the February release only (its Appendix R part is not in this corpus); through 2024-06-27 then the rest', async () => {
    const first = await secc(['consolidate', '--through', '2024-03-01']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('the base is now `2024-02-sec-release`');
    expect(await documentsText()).toContain('cite="MP162"');
    expect((await secc(['build'])).code).toBe(0);
    expect((await secc(['check'])).code).toBe(0);
    expect(row((await secc(['export', 'trt', '--as-at', '2024-06-26'])).stdout, '8.2,other-user,1,on-demand,')).toEqual([
      '8.2,other-user,1,on-demand,16',
    ]);
    const second = await secc(['consolidate', '--through', '2024-06-27']);
    expect(second.code, second.stderr).toBe(0);
    expect(await documentsText()).not.toContain('cite=');
    expect((await secc(['build'])).code).toBe(0);
    const check = await secc(['check']);
    expect(check.code, check.stdout).toBe(0);
    expect(row((await secc(['export', 'trt', '--as-at', '2024-03-01'])).stdout, '8.2,other-user,1,on-demand,')).toEqual([
      '8.2,other-user,1,on-demand,16',
    ]);
  });
});

describe('secc consolidate: bad input exits 2 and writes nothing', () => {
  const cases: Array<[string, string[], RegExp]> = [
    ['no --through', ['consolidate'], /expected --through YYYY-MM-DD/],
    ['a day that does not exist', ['consolidate', '--through', '2024-02-30'], /--through must be a day that exists.*2024-02-30/],
    ['not a date', ['consolidate', '--through', 'June'], /--through must be a day that exists/],
  ];
  for (const [title, args, message] of cases) {
    it(title, async () => {
      const before = await snapshot();
      const run = await secc(args);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(await snapshot()).toEqual(before);
    });
  }

  it('a day before the base', async () => {
    expect((await secc(['consolidate', '--through', '2024-06-27'])).code).toBe(0);
    const before = await snapshot();
    const run = await secc(['consolidate', '--through', '2024-06-26']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--through 2024-06-26 is before the base `2024-06-sec-release` \(in force from 2024-06-27\)/);
    expect(await snapshot()).toEqual(before);
  });

  it('a TBC release that may fall on or before the day', async () => {
    await addUndatedRelease(project.dir);
    const before = await snapshot();
    const run = await secc(['consolidate', '--through', '2024-06-27']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/release `next-release` has no date yet \(TBC\) and may come into force on or before 2024-06-27/);
    expect(await snapshot()).toEqual(before);
    // Before a later dated release, the TBC one cannot be in range.
    expect((await secc(['consolidate', '--through', '2024-03-01'])).code).toBe(0);
  });

  it('nothing in force by the day: exit 0, nothing written', async () => {
    const before = await snapshot();
    const run = await secc(['consolidate', '--through', '2024-01-01']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('nothing to consolidate');
    expect(await snapshot()).toEqual(before);
  });
});
