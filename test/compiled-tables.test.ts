/**
 * `secc check` fails when the compiled JavaScript that consumers import (dist/generated/ and
 * packages/tables/dist/) no longer holds the tables the text compiles to, or when the tables
 * package is not versioned with the text's SEC release.
 */
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { projectCopy, replaceOnce, ROOT, runCli } from './support/project.js';

let copy: { dir: string; cleanup(): Promise<void> };

beforeEach(async () => {
  copy = await projectCopy();
  for (const folder of ['dist/generated', 'packages/tables/dist'])
    await cp(path.join(ROOT, folder), path.join(copy.dir, folder), { recursive: true });
  await cp(path.join(ROOT, 'packages/tables/package.json'), path.join(copy.dir, 'packages/tables/package.json'));
});
afterEach(() => copy.cleanup());

const check = () => runCli(['check', '--root', copy.dir, '--text', path.join(copy.dir, 'sec-text')], copy.dir);

describe('the compiled tables against the text', () => {
  it('agree as built by npm test', async () => {
    const result = await check();
    expect(result.stdout + result.stderr).not.toMatch(/compiled-tables-stale|tables-package-version/);
    expect(result.code).toBe(0);
  });

  it('are stale after `secc build` alone: both compiled copies are named, exit 1', async () => {
    const file = path.join(copy.dir, 'sec-text', 'appendix-ab.md');
    // A redlined change (an edit of the base without one would fail the build against the frozen base).
    await writeFile(
      file,
      replaceOnce(
        await readFile(file, 'utf8'),
        '| 4.8.1 | 24 hrs | 5,600 secs |',
        '| 4.8.1 | 24 hrs | <del cite="MP162">5,600 secs</del><ins cite="MP162">5,500 secs</ins> |',
      ),
    );
    expect((await runCli(['build', '--root', copy.dir, '--text', path.join(copy.dir, 'sec-text')], copy.dir)).code).toBe(0);
    const result = await check();
    expect(result.code).toBe(1);
    expect(result.stderr + result.stdout).toMatch(
      /dist\/generated\/tables\.js {2}error {2}Unexpected TRT_TABLE in .*compiled-tables-stale/,
    );
    expect(result.stderr + result.stdout).toMatch(
      /packages\/tables\/dist\/tables\.js {2}error {2}Unexpected TRT_TABLE .*compiled-tables-stale/,
    );
  });

  it('need the tables package versioned with the SEC release of the text', async () => {
    const manifest = path.join(copy.dir, 'packages/tables/package.json');
    await writeFile(manifest, (await readFile(manifest, 'utf8')).replace('"version": "2024.6.27"', '"version": "1.0.0"'));
    const result = await check();
    expect(result.code).toBe(1);
    expect(result.stderr + result.stdout).toMatch(
      /Unexpected version 1\.0\.0 of @sec-rules\/tables, expected 2024\.6\.27.*tables-package-version/,
    );
  });
});
