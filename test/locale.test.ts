/**
 * Class 4 of issue 11, "the same bytes on every machine": a build under Danish collation and a
 * far-off time zone gives byte-identical rules/ and generated/ to a build under British English
 * and UTC, and `secc check` run in the other locale finds no drift. The corpus gets a document
 * named `appendix-aa.md` (Danish sorts `aa` as `å`, after `z`) and a clause with a letter suffix
 * `AA`, so any locale-dependent ordering would show. Runs the built CLI as separate processes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectCopy, ROOT, snapshot } from './support/project.js';

const BIN = path.join(ROOT, 'bin', 'secc.js');
const BUILT = existsSync(path.join(ROOT, 'dist', 'src', 'cli.js'));

const APPENDIX_AA = `---
document: SEC Appendix AA
id: AA
title: Locale fixture
---

# Locale fixture

## AA1 Ordering

### AA1.1 First

The DCC shall keep this clause.

### AA1.1A Inserted

The DCC shall also keep this one, numbered with a letter suffix.

### AA1.2 Zebra

Text with æ, ø, å and aa, which Danish orders after z.
`;

const LOCALES = {
  danish: { LANG: 'da_DK.UTF-8', LC_ALL: 'da_DK.UTF-8', TZ: 'Pacific/Chatham' },
  british: { LANG: 'en_GB.UTF-8', LC_ALL: 'en_GB.UTF-8', TZ: 'UTC' },
  turkish: { LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8', TZ: 'America/St_Johns' },
};

function secc(args: string[], cwd: string, env: Record<string, string>) {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env, SECC_DEBUG: '' } });
  return { code: run.status, output: `${run.stdout}${run.stderr}`, stdout: run.stdout };
}

let projects: Record<keyof typeof LOCALES, { dir: string; cleanup(): Promise<void> }>;

beforeAll(async () => {
  projects = { danish: await projectCopy(), british: await projectCopy(), turkish: await projectCopy() };
  for (const project of Object.values(projects)) await writeFile(path.join(project.dir, 'sec-text', 'appendix-aa.md'), APPENDIX_AA);
});
afterAll(async () => {
  for (const project of Object.values(projects)) await project.cleanup();
});

describe.skipIf(!BUILT)('locale and time zone never change the output (needs dist/: npm test builds it first)', () => {
  it('Node reports a different default locale under each LANG (the test can fail)', () => {
    const locales = Object.values(LOCALES).map(
      (env) =>
        spawnSync(
          process.execPath,
          [
            '-e',
            'process.stdout.write(new Intl.Collator().resolvedOptions().locale + " " + ["aa","z"].sort(new Intl.Collator().compare).join(","))',
          ],
          {
            encoding: 'utf8',
            env: { ...process.env, ...env },
          },
        ).stdout,
    );
    expect(locales[0]).toBe('da-DK z,aa');
    expect(locales[1]).toBe('en-GB aa,z');
  });

  it('builds under da_DK, en_GB and tr_TR (three time zones) give the same bytes; check in another locale agrees', async () => {
    for (const [name, env] of Object.entries(LOCALES)) {
      const dir = projects[name as keyof typeof LOCALES].dir;
      // The fixture is added to the base without a redline: a recorded correction, as a drafter would make.
      const correction = ['freeze', '--correct', '--by', 'Locale test', '--why', 'a fixture document', '--date', '2024-01-10'];
      const freeze = secc(correction, dir, env);
      expect(freeze.code, freeze.output).toBe(0);
      const build = secc(['build'], dir, env);
      expect(build.code, build.output).toBe(0);
    }
    const danish = await snapshot(projects.danish.dir);
    expect(danish.get('rules/in-force.json')).toContain('appendix-aa.md');
    expect(await snapshot(projects.british.dir)).toEqual(danish);
    expect(await snapshot(projects.turkish.dir)).toEqual(danish);
    const check = secc(['check'], projects.danish.dir, LOCALES.british);
    expect(check.code, check.output).toBe(0);
    const back = secc(['check'], projects.british.dir, LOCALES.danish);
    expect(back.code, back.output).toBe(0);
  }, 120_000);

  it('findings, the change set and exports print the same bytes in every locale', () => {
    for (const args of [
      ['lint', '--format', 'json'],
      ['diff', '--format', 'text'],
      ['diff', '--format', 'markdown'],
      ['export', 'trt'],
      ['fingerprint'],
    ]) {
      const printed = Object.entries(LOCALES).map(([name, env]) => secc(args, projects[name as keyof typeof LOCALES].dir, env).stdout);
      expect(printed[1], args.join(' ')).toBe(printed[0]);
      expect(printed[2], args.join(' ')).toBe(printed[0]);
    }
  }, 120_000);
});
