/**
 * Class 9 of issue 11, "output hygiene": control characters, terminal escape sequences and
 * bidirectional overrides that reach the legal text (an SR name, a clause title, a file name)
 * are shown escaped (`\u001b`) in every text output — findings, `secc diff`, `secc fingerprint`,
 * `secc build`'s messages — and never printed raw; machine formats keep valid JSON.
 */
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeControls, escapeLine } from '../src/shared/escape.js';
import { projectCopy, readText, replaceOnce, runCli } from './support/project.js';
import { expectNoCrash } from './support/no-crash.js';

// eslint-disable-next-line no-control-regex -- what must never reach a terminal raw
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const ESC = '\u001b[2J\u001b[31m';

let project: { dir: string; cleanup(): Promise<void> };
beforeAll(async () => {
  project = await projectCopy();
});
afterAll(async () => project.cleanup());

describe('escaping', () => {
  it('escapes C0, DEL, C1 and bidi controls as \\uXXXX; keeps line feeds and tabs in multi-line text', () => {
    expect(escapeLine(`a${ESC}b\u009b1m\u202ec\nd\te`)).toBe('a\\u001b[2J\\u001b[31mb\\u009b1m\\u202ec\\u000ad\\u0009e');
    expect(escapeControls(`a\u001bb\nc\td\u2066`)).toBe('a\\u001bb\nc\td\\u2066');
    expect(escapeControls(escapeControls(`x${ESC}`))).toBe(escapeControls(`x${ESC}`));
  });
});

describe('legal text with escape sequences, through the CLI', () => {
  it('an SR name redlined to hold ESC, 8-bit CSI and a bidi override: diff, fingerprint, check, lint and build print them escaped', async () => {
    const e = path.join(project.dir, 'sec-text', 'appendix-e.md');
    const renamed = `<del cite="MP162">Read Inventory</del><ins cite="MP162">Read ${ESC}Inventory\u202e\u009b2J</ins>`;
    await writeFile(e, replaceOnce(await readText('appendix-e.md'), '| Read Inventory |', `| ${renamed} |`));
    for (const args of [['diff'], ['diff', '--format', 'markdown'], ['fingerprint'], ['check'], ['lint'], ['build']]) {
      const run = await runCli(args, project.dir);
      expectNoCrash(run.stdout + run.stderr);
      expect(run.stdout + run.stderr, args.join(' ')).not.toMatch(RAW);
    }
    const diff = await runCli(['diff'], project.dir);
    expect(diff.stdout).toContain('\\u001b[2J');
    const json = await runCli(['diff', '--format', 'json'], project.dir);
    expect(() => JSON.parse(json.stdout)).not.toThrow();
    expect(JSON.stringify(JSON.parse(json.stdout))).toContain('\\u001b[2J');
  });

  it('a file name with an escape sequence is printed escaped', async () => {
    const name = `evil${ESC}.md`;
    await writeFile(path.join(project.dir, 'sec-text', name), '# no front matter\n');
    try {
      for (const args of [['check'], ['lint'], ['build'], ['lint', '--format', 'pretty']]) {
        const run = await runCli(args, project.dir);
        expectNoCrash(run.stdout + run.stderr);
        expect(run.stdout + run.stderr, args.join(' ')).not.toMatch(RAW);
        expect(run.stdout + run.stderr, args.join(' ')).toContain('evil\\u001b[2J\\u001b[31m.md');
      }
    } finally {
      await rm(path.join(project.dir, 'sec-text', name));
    }
  });
});
