/**
 * The CLI's conventions (issue 13, part 4): per-command help generated from each command's own
 * declaration, --version, explain, no stack trace on a closed pipe, the project found from a
 * subfolder, diff --exit-code, colour only where it belongs, and `secc manifest init`.
 */
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { COMMANDS, loadCommands } from '../src/cli/index.js';
import { manifestSkeleton, skeletonProblems } from '../src/cli/manifest.js';
import { projectCopy, replaceOnce, ROOT, runCli } from './support/project.js';

const exec = promisify(execFile);

/** The CLI in-process with an environment and a stream that may claim to be a terminal. */
async function runWith(args: string[], cwd: string, env: Record<string, string>, isTTY: boolean) {
  let stdout = '';
  const code = await main(args, {
    cwd,
    env,
    stdout: { write: (text: string) => (stdout += text), isTTY } as { write(text: string): unknown },
    stderr: { write: () => true },
  });
  return { code, stdout };
}

describe('help', () => {
  it('secc <command> --help prints that command’s own usage, options and examples, the same as secc help <command>', async () => {
    const lint = await runCli(['lint', '--help'], ROOT);
    const diff = await runCli(['diff', '--help'], ROOT);
    expect(lint.code).toBe(0);
    expect(lint.stdout).not.toEqual(diff.stdout);
    expect(lint.stdout).toMatch(/^Usage: secc lint \[options\]/);
    expect(lint.stdout).toContain('--format text|pretty|json|sarif|junit');
    expect(lint.stdout).toContain('secc lint --format sarif > lint.sarif');
    expect(diff.stdout).toContain('--exit-code');
    expect(diff.stdout).not.toContain('secc lint --quiet');
    expect((await runCli(['help', 'lint'], ROOT)).stdout).toEqual(lint.stdout);
  });

  it('every command declares examples, and the global help lists every command from the same declarations', async () => {
    const global = await runCli(['--help'], ROOT);
    const commands = await loadCommands();
    expect(commands).toHaveLength(Object.keys(COMMANDS).length);
    for (const [name, command] of Object.entries(COMMANDS)) {
      const loaded = typeof command === 'function' ? await command() : command;
      expect(loaded.help.examples.length, name).toBeGreaterThan(0);
      expect(
        loaded.help.examples.some(([line]) => line.startsWith(`secc ${name}`) || line.includes(`&& secc ${name}`)),
        name,
      ).toBe(true);
      expect(global.stdout).toContain(loaded.summary);
    }
  });

  it('every option a command’s help names is one secc accepts', async () => {
    for (const [name, entry] of Object.entries(COMMANDS)) {
      const command = typeof entry === 'function' ? await entry() : entry;
      for (const [flag] of command.help.options) {
        const [option = '', value] = flag.split(' ');
        const run = await runCli([name, option, ...(value ? ['x'] : []), '--help'], ROOT);
        expect(run.stderr, `${name} ${flag}`).toBe('');
        expect(run.code, `${name} ${flag}`).toBe(0);
      }
    }
  });

  it('an unknown command in secc help is a usage error (exit 2)', async () => {
    const run = await runCli(['help', 'frobnicate'], ROOT);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown command `frobnicate`');
  });
});

describe('--version and explain', () => {
  it('secc --version prints the version of package.json', async () => {
    const { version } = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const run = await runCli(['--version'], ROOT);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`secc ${version}\n`);
  });

  it('secc explain drift prints the rule’s severity, summary and doc', async () => {
    const run = await runCli(['explain', 'drift'], ROOT);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^drift \(error\)\n\nrules\/ and generated\/ are what the legal text compiles to/);
    expect(run.stdout).toContain('run `secc build`');
  });

  it('secc explain prints a rule’s examples, and suggests the id meant for a typo (exit 2)', async () => {
    const run = await runCli(['explain', 'xref-unresolved'], ROOT);
    expect(run.stdout).toContain('Examples (edits of the MP162 corpus');
    expect(run.stdout).toContain('in section-h.md: `in accordance with Section H3.13.');
    const typo = await runCli(['explain', 'dirft'], ROOT);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe('secc explain: there is no rule `dirft`; did you mean `drift`?\n');
  });
});

describe('a closed pipe', () => {
  it('secc fingerprint | head -1 prints one line and no stack trace, 20 runs out of 20', { timeout: 600_000 }, async () => {
    const bin = path.join(ROOT, 'bin', 'secc.js');
    for (let run = 0; run < 20; run++) {
      const { stdout, stderr } = await exec('sh', ['-c', `node '${bin}' fingerprint | head -1`], { cwd: ROOT });
      expect(stdout.split('\n').filter(Boolean), `run ${run}`).toHaveLength(1);
      expect(stderr, `run ${run}`).toBe('');
    }
  });
});

describe('in a copy of the project', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ dir, cleanup } = await projectCopy());
    await writeFile(path.join(dir, 'package.json'), '{ "name": "a-sec-project", "private": true }\n');
  });
  afterAll(async () => cleanup());

  it('secc check inside sec-text/ finds the project above it', async () => {
    const run = await runCli(['check'], path.join(dir, 'sec-text', 'modifications'));
    expect(run.stderr).toContain('secc check: the legal text, rules/ and generated/ agree.');
    expect(run.code).toBe(0);
  });

  it('findings found from a subfolder are printed relative to it', async () => {
    const file = path.join(dir, 'sec-text', 'appendix-ab.md');
    const before = await readFile(file, 'utf8');
    await writeFile(file, replaceOnce(before, '| 4.6.1 | 24 hrs |', '| 4.6.1 | 24 hours |'));
    try {
      const run = await runCli(['lint'], path.join(dir, 'sec-text'));
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/^appendix-ab\.md:\d+:\d+ {2}error {2}Unexpected Target Response Time `24 hours`/m);
    } finally {
      await writeFile(file, before);
    }
  });

  it('secc diff --exit-code: 1 when there are changes, 0 when there are none; without it, 0', async () => {
    expect((await runCli(['diff', '--exit-code'], dir)).code).toBe(1);
    expect((await runCli(['diff'], dir)).code).toBe(0);
    expect((await runCli(['diff', '--view', 'baseline', '--exit-code', '--format', 'json'], dir)).code).toBe(0);
  });

  it('colour: on a terminal; off when piped or with NO_COLOR; forced with FORCE_COLOR', async () => {
    const file = path.join(dir, 'sec-text', 'appendix-ab.md');
    const before = await readFile(file, 'utf8');
    await writeFile(file, replaceOnce(before, '| 4.6.1 | 24 hrs |', '| 4.6.1 | 24 hours |'));
    try {
      const red = '\u001b[31merror\u001b[39m';
      expect((await runWith(['lint'], dir, {}, true)).stdout).toContain(red);
      expect((await runWith(['lint'], dir, {}, false)).stdout).not.toContain('\u001b');
      expect((await runWith(['lint'], dir, { NO_COLOR: '1' }, true)).stdout).not.toContain('\u001b');
      expect((await runWith(['lint'], dir, { FORCE_COLOR: '1' }, false)).stdout).toContain(red);
      expect((await runWith(['lint'], dir, { FORCE_COLOR: '0' }, true)).stdout).not.toContain('\u001b');
      // Machine formats never carry colour.
      expect((await runWith(['lint', '--format', 'json'], dir, { FORCE_COLOR: '1' }, true)).stdout).not.toContain('\u001b');
    } finally {
      await writeFile(file, before);
    }
  });

  it('intent-unintended prints the manifest line that intends the change; pasted into the manifest, the finding goes', async () => {
    const table = path.join(dir, 'sec-text', 'appendix-ab.md');
    const manifest = path.join(dir, 'sec-text', 'modifications', 'MP162.yaml');
    const [tableBefore, manifestBefore] = await Promise.all([readFile(table, 'utf8'), readFile(manifest, 'utf8')]);
    await writeFile(
      table,
      replaceOnce(
        tableBefore,
        '| 4.6.1 | 24 hrs | 30 secs |',
        '| 4.6.1 | 24 hrs | <del cite="MP162">30 secs</del><ins cite="MP162">60 secs</ins> |',
      ),
    );
    try {
      const first = await runCli(['check'], dir);
      const lines = [
        ...first.stdout.matchAll(
          /add to an intent's changes in sec-text\/modifications\/MP162\.yaml: (- \{.*\})(?: \(\d+ findings at this place.*\))? {2}intent-unintended$/gm,
        ),
      ].map((match) => match[1] ?? '');
      // One cell, two roles: one finding, the roles as a YAML list.
      expect(lines).toHaveLength(1);
      expect(lines[0]).toBe(
        "- { kind: trt, action: changed, sr: '4.6.1', role: [gas-supplier, import-supplier], smets: 2, mode: on-demand, from: 30 secs, to: 60 secs }",
      );
      await writeFile(manifest, `${manifestBefore.trimEnd()}\n${lines.map((line) => `      ${line}`).join('\n')}\n`);
      const second = await runCli(['check'], dir);
      expect(second.stdout).not.toMatch(/intent-unintended|manifest-invalid|manifest-yaml/);
    } finally {
      await writeFile(table, tableBefore);
      await writeFile(manifest, manifestBefore);
    }
  });

  it('secc manifest init writes a skeleton that fits the manifest schema, and never overwrites', async () => {
    const run = await runCli(['manifest', 'init', 'MP200', 'Faster', 'daily', 'reads'], dir);
    expect(run.code).toBe(0);
    const written = await readFile(path.join(dir, 'sec-text', 'modifications', 'MP200.yaml'), 'utf8');
    expect(skeletonProblems(written)).toEqual([]);
    expect((parse(written) as { title: string }).title).toBe('Faster daily reads');
    const again = await runCli(['manifest', 'init', 'MP200'], dir);
    expect(again.code).toBe(2);
    expect(await readFile(path.join(dir, 'sec-text', 'modifications', 'MP200.yaml'), 'utf8')).toBe(written);
    expect((await runCli(['manifest', 'init', 'mp-200'], dir)).code).toBe(2);
    // The schema check can fail: a skeleton with a bad id does not fit.
    expect(skeletonProblems(manifestSkeleton('mp200')).length).toBeGreaterThan(0);
  });
});
