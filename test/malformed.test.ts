/**
 * Bad input never crashes and never loses anything. Each malformed document is added to a
 * temporary copy of the project; the real CLI (in process) must report the expected diagnostic
 * at its place, print no stack trace, exit 1 or 2, and leave rules/ and generated/ untouched.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LINT_RULES } from '../src/features/lint/index.js';
import type { Finding } from '../src/features/report/findings.js';
import { compileStrings, projectCopy, ROOT, runCli, textDocuments } from './support/project.js';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'malformed');
const CASES = JSON.parse(readFileSync(path.join(FIXTURES, 'cases.json'), 'utf8')) as Array<{
  file: string;
  ruleId: string;
  line: number;
  column: number;
}>;

const FRONT = '---\ndocument: SEC Section X\nid: X\ntitle: Generated fixture\n---\n\n# Generated fixture\n\n## X1 Fixture\n\n';

/** Every file under rules/ and generated/, path → bytes. */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const folder of ['rules', 'generated']) {
    const walk = async (relative: string): Promise<void> => {
      for (const entry of await readdir(path.join(dir, relative), { withFileTypes: true })) {
        const child = path.join(relative, entry.name);
        if (entry.isDirectory()) await walk(child);
        else
          out.set(
            child,
            createHash('sha256')
              .update(await readFile(path.join(dir, child)))
              .digest('hex')
              .slice(0, 16),
          );
      }
    };
    await walk(folder);
  }
  return out;
}

function noStackTrace(text: string): void {
  expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(text).not.toMatch(/internal error|RangeError|TypeError|Maximum call stack/);
}

let project: { dir: string; cleanup(): Promise<void> };

/** Puts the copy's rules/ and generated/ back as they were (after a build that was allowed to write). */
async function restore(): Promise<void> {
  const { cp, rm } = await import('node:fs/promises');
  for (const folder of ['rules', 'generated']) {
    await rm(path.join(project.dir, folder), { recursive: true, force: true });
    await cp(path.join(project.dir, '.pristine', folder), path.join(project.dir, folder), { recursive: true });
  }
}
let pristine: Map<string, string>;

beforeAll(async () => {
  project = await projectCopy();
  pristine = await snapshot(project.dir);
  const { cp } = await import('node:fs/promises');
  for (const folder of ['rules', 'generated'])
    await cp(path.join(project.dir, folder), path.join(project.dir, '.pristine', folder), { recursive: true });
});
afterAll(async () => project.cleanup());

/** Adds one bad document, runs check (JSON), lint and build, removes it; returns check's findings for it. */
async function runWith(name: string, content: Uint8Array | string | 'directory'): Promise<{ findings: Finding[]; codes: number[] }> {
  const target = path.join(project.dir, 'sec-text', name);
  if (content === 'directory') await mkdir(target);
  else await writeFile(target, content);
  try {
    const check = await runCli(['check', '--format', 'json'], project.dir);
    const lint = await runCli(['lint'], project.dir);
    const build = await runCli(['build'], project.dir);
    for (const run of [check, lint, build]) noStackTrace(run.stdout + run.stderr);
    const report = JSON.parse(check.stdout) as { findings: Finding[] };
    // check and lint never write; a build that fails writes nothing. (A build of text that
    // compiles but breaks a drafting rule writes; the gate, `secc check`, is what fails it.)
    if (build.code === 0) await restore();
    expect(await snapshot(project.dir)).toEqual(pristine);
    return { findings: report.findings.filter((finding) => finding.file.endsWith(`/${name}`)), codes: [check.code, lint.code, build.code] };
  } finally {
    const { rm } = await import('node:fs/promises');
    await rm(target, { recursive: true, force: true });
  }
}

describe('malformed inputs (test/fixtures/malformed)', () => {
  it('has at least 30 distinct fixtures, each with a rule id and a place', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(CASES.map((entry) => entry.file)).size).toBe(CASES.length);
    for (const entry of CASES) expect(existsSync(path.join(FIXTURES, entry.file)), entry.file).toBe(true);
  });

  for (const entry of CASES) {
    it(`${entry.file}: ${entry.ruleId} at ${entry.line}:${entry.column}`, async () => {
      const { findings, codes } = await runWith(entry.file, readFileSync(path.join(FIXTURES, entry.file)));
      expect(findings.map((finding) => `${finding.ruleId}@${finding.line}:${finding.column}`)).toContain(
        `${entry.ruleId}@${entry.line}:${entry.column}`,
      );
      for (const code of codes.slice(0, 2)) expect([1, 2]).toContain(code);
      // Only a drafting rule's finding lets the text build; anything the compiler finds stops the build.
      if (codes[2] === 0) expect(LINT_RULES.map((rule) => rule.id)).toContain(entry.ruleId);
      else expect([1, 2]).toContain(codes[2]);
    });
  }

  it('a 20 MB document: file-too-large at 1:1, nothing parsed', async () => {
    const text = FRONT + 'A User shall send the request in accordance with Section H3.13.\n\n'.repeat(Math.ceil((20 * 1024 * 1024) / 60));
    expect(text.length).toBeGreaterThan(20 * 1024 * 1024);
    const { findings, codes } = await runWith('huge.md', text);
    expect(findings.map((finding) => `${finding.ruleId}@${finding.line}:${finding.column}`)).toEqual(['file-too-large@1:1']);
    expect(codes).toEqual([1, 1, 1]);
  });

  it('block quotes nested 10,000 deep: document-too-deep at the line', async () => {
    const { findings, codes } = await runWith('deep-quotes.md', `${FRONT}${'>'.repeat(10_000)} deep\n`);
    expect(findings.map((finding) => `${finding.ruleId}@${finding.line}:${finding.column}`)).toEqual(['document-too-deep@11:1']);
    expect(codes).toEqual([1, 1, 1]);
  });

  it('lists nested 10,000 deep: document-too-deep at the line', async () => {
    const { findings } = await runWith('deep-lists.md', `${FRONT}Text.\n\n${'- '.repeat(10_000)}deep\n`);
    expect(findings.map((finding) => `${finding.ruleId}@${finding.line}:${finding.column}`)).toEqual(['document-too-deep@13:1']);
  });

  it('emphasis and links nested 10,000 deep, mid-line: document-too-deep at the column', async () => {
    const { findings } = await runWith('deep-inline.md', `${FRONT}Text ${'*['.repeat(5_000)}x${']*'.repeat(5_000)}\n`);
    expect(findings.map((finding) => `${finding.ruleId}@${finding.line}:${finding.column}`)).toEqual(['document-too-deep@11:6']);
  });

  it('an *.md that is a folder: file-not-regular, exit 2 from check, lint and build', async () => {
    const { findings, codes } = await runWith('unreadable.md', 'directory');
    expect(findings.map((finding) => finding.ruleId)).toEqual(['file-not-regular']);
    expect(codes).toEqual([2, 2, 2]);
  });

  it('a missing text directory and a bad option: exit 2, no stack trace', async () => {
    for (const args of [
      ['check', '--text', 'no-such-dir'],
      ['lint', '--format', 'yaml'],
      ['check', '--no-such-option'],
    ]) {
      const run = await runCli(args, project.dir);
      expect(run.code, args.join(' ')).toBe(2);
      noStackTrace(run.stderr);
      expect(run.stderr).toMatch(/^secc/);
    }
  });

  it.skipIf(!existsSync(path.join(ROOT, 'dist', 'src', 'cli.js')))(
    'the built binary: deep and binary input, no stack trace, exit 1',
    async () => {
      await writeFile(path.join(project.dir, 'sec-text', 'deep.md'), `${FRONT}${'>'.repeat(10_000)} deep\n`);
      await writeFile(path.join(project.dir, 'sec-text', 'binary.md'), readFileSync(path.join(FIXTURES, 'binary.md')));
      try {
        const run = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'secc.js'), 'check'], { cwd: project.dir, encoding: 'utf8' });
        expect(run.status).toBe(1);
        noStackTrace(run.stdout + run.stderr);
        expect(run.stdout).toMatch(/deep\.md:11:1 +error .*document-too-deep/);
        expect(run.stdout).toMatch(/binary\.md:3:1 +error .*file-binary/);
        expect(await snapshot(project.dir)).toEqual(pristine);
      } finally {
        const { rm } = await import('node:fs/promises');
        await rm(path.join(project.dir, 'sec-text', 'deep.md'));
        await rm(path.join(project.dir, 'sec-text', 'binary.md'));
      }
    },
  );
});

describe('byte-order mark and CRLF line ends compile like the plain file', () => {
  it('every document, with a BOM, with CRLF, and with both, gives the same rules and no findings', async () => {
    const plain = await textDocuments();
    const reference = await compileStrings(plain, false);
    expect(reference.ok).toBe(true);
    const variants: Record<string, (text: string) => string> = {
      bom: (text) => `\uFEFF${text}`,
      crlf: (text) => text.replaceAll('\n', '\r\n'),
      'bom+crlf': (text) => `\uFEFF${text.replaceAll('\n', '\r\n')}`,
    };
    for (const [label, variant] of Object.entries(variants)) {
      const documents = Object.fromEntries(Object.entries(plain).map(([name, text]) => [name, variant(text)]));
      const result = await compileStrings(documents, false);
      const { lint } = await import('../src/features/lint/index.js');
      lint(result);
      expect(
        result.files.flatMap((file) => file.messages.map(String)),
        label,
      ).toEqual([]);
      expect(result.ruleSets, label).toEqual(reference.ruleSets);
    }
  });
});
