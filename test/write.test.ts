/** Outputs are written whole: a failure part-way leaves every earlier output as it was. */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeOutputsAtomically } from '../src/compiler/7-emit/write.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sec-rules-write-'));
  await mkdir(path.join(dir, 'rules'));
  await writeFile(path.join(dir, 'rules', 'a.json'), 'old a');
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

describe('writeOutputsAtomically', () => {
  it('writes changed files and reports them, leaving no temporaries', async () => {
    const changed = await writeOutputsAtomically(
      dir,
      new Map([
        ['rules/a.json', 'new a'],
        ['generated/b.ts', 'new b'],
      ]),
    );
    expect(changed).toEqual(['rules/a.json', 'generated/b.ts']);
    expect(await readFile(path.join(dir, 'rules', 'a.json'), 'utf8')).toBe('new a');
    expect(await readdir(path.join(dir, 'rules'))).toEqual(['a.json']);
  });

  it('skips files whose content is unchanged', async () => {
    expect(await writeOutputsAtomically(dir, new Map([['rules/a.json', 'old a']]))).toEqual([]);
  });

  it('restores earlier outputs when a later rename fails', async () => {
    // A directory where a file should go makes the second rename fail.
    await mkdir(path.join(dir, 'generated', 'b.ts', 'in-the-way'), { recursive: true });
    await expect(
      writeOutputsAtomically(
        dir,
        new Map([
          ['rules/a.json', 'new a'],
          ['generated/b.ts', 'new b'],
        ]),
      ),
    ).rejects.toThrow();
    expect(await readFile(path.join(dir, 'rules', 'a.json'), 'utf8')).toBe('old a');
    expect(await readdir(path.join(dir, 'rules'))).toEqual(['a.json']);
    expect(await readdir(path.join(dir, 'generated'))).toEqual(['b.ts']);
  });
});
