/**
 * Class 3 of issue 11, "the corpus is its own folder": anything in sec-text/ that is not a regular
 * file inside it — a symbolic link (to /etc/passwd, to a credentials file, to a valid document
 * elsewhere or beside it), a FIFO, a folder named `*.md` — is refused with `file-not-regular`
 * at 1:1, without reading it: exit 2 from every command, nothing of its content in any output or
 * in the review page, valid SARIF, and rules/ and generated/ untouched. A hard link is a regular
 * file (a checkout copied with `cp -al` is nothing but hard links) and is read like any other.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cp, link, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../src/features/report/findings.js';
import { expectNoCrash } from './support/no-crash.js';
import { projectCopy, runCli, snapshot, TEXT_DIR } from './support/project.js';
import { sarifValidator } from './support/sarif.js';

const SECRET = 'AKIA-sec-rules-test-secret-7f3e';

let project: { dir: string; cleanup(): Promise<void> };
let outside: string;
let pristine: Map<string, string>;

beforeAll(async () => {
  project = await projectCopy();
  pristine = await snapshot(project.dir);
  outside = await mkdtemp(path.join(tmpdir(), 'sec-rules-outside-'));
  await writeFile(path.join(outside, 'credentials'), `[default]\naws_secret_access_key = ${SECRET}\n`);
  // A valid document that is not part of the corpus: it would compile silently if followed.
  const valid = readFileSync(path.join(TEXT_DIR, 'section-g.md'), 'utf8')
    .replace('id: G', 'id: Q')
    .replaceAll('## G', '## Q')
    .replaceAll('### G', '### Q');
  await writeFile(path.join(outside, 'elsewhere.md'), valid);
});
afterAll(async () => {
  await project.cleanup();
  await rm(outside, { recursive: true, force: true });
});

const COMMANDS: string[][] = [
  ['check', '--format', 'json'],
  ['lint', '--format', 'sarif'],
  ['build'],
  ['diff'],
  ['export', 'trt'],
  ['fingerprint'],
  ['report', '--out', 'review-out'],
];

type Maker = (target: string) => Promise<void>;

const ENTRIES: Array<[string, string, Maker]> = [
  ['a symbolic link to /etc/passwd', 'passwd.md', (target) => symlink('/etc/passwd', target)],
  ['a symbolic link to a credentials file', 'credentials.md', (target) => symlink(path.join(outside, 'credentials'), target)],
  ['a symbolic link to a valid document elsewhere', 'elsewhere.md', (target) => symlink(path.join(outside, 'elsewhere.md'), target)],
  [
    'a symbolic link to a document of the corpus itself',
    'again.md',
    (target) => symlink(path.join(path.dirname(target), 'section-g.md'), target),
  ],
  [
    'a relative symbolic link out of the folder',
    'relative.md',
    (target) => symlink(`../../../../../../../../..${outside}/credentials`, target),
  ],
  ['a dangling symbolic link', 'dangling.md', (target) => symlink(path.join(outside, 'no-such-file'), target)],
  ['a symbolic link to a folder', 'linked-folder.md', (target) => symlink(outside, target)],
  ['a FIFO (which would block a read forever)', 'pipe.md', async (target) => void execFileSync('mkfifo', [target])],
  ['a folder named *.md', 'folder.md', (target) => mkdir(target)],
  [
    'a symbolic link as the manifests folder',
    'modifications',
    async (target) => {
      await rm(target, { recursive: true, force: true });
      await symlink(outside, target);
    },
  ],
  [
    'a symbolic link as a manifest',
    path.join('modifications', 'secret.yaml'),
    (target) => symlink(path.join(outside, 'credentials'), target),
  ],
  [
    'a symbolic link as the release plan',
    'releases.yaml',
    async (target) => {
      await rm(target, { force: true });
      await symlink(path.join(outside, 'credentials'), target);
    },
  ],
];

describe('the corpus is its own folder: entries that are not regular files are refused', () => {
  for (const [label, name, make] of ENTRIES) {
    it(`${label} (${name}): file-not-regular at 1:1, exit 2 from every command, never read`, async () => {
      const target = path.join(project.dir, 'sec-text', name);
      await mkdir(path.dirname(target), { recursive: true });
      await make(target);
      try {
        for (const args of COMMANDS) {
          const run = await runCli(args, project.dir);
          const output = run.stdout + run.stderr;
          expectNoCrash(output);
          expect(run.code, args.join(' ')).toBe(2);
          expect(output, args.join(' ')).not.toContain(SECRET);
          expect(output, args.join(' ')).not.toMatch(/root:x:0:0/);
          if (args[0] === 'check') {
            const findings = (JSON.parse(run.stdout) as { findings: Finding[] }).findings;
            expect(findings.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.ruleId}`)).toContain(
              `sec-text/${name.split(path.sep).join('/')}:1:1 file-not-regular`,
            );
          }
          if (args[0] === 'lint') {
            const log = JSON.parse(run.stdout) as { runs: Array<{ results: Array<{ ruleId: string }> }> };
            expect(sarifValidator()(log)).toBe(true);
            expect(log.runs[0]!.results.map((result) => result.ruleId)).toContain('file-not-regular');
          }
        }
        expect(existsSync(path.join(project.dir, 'review-out', 'index.html'))).toBe(false);
        expect(await snapshot(project.dir)).toEqual(pristine);
      } finally {
        await rm(target, { recursive: true, force: true });
        await rm(path.join(project.dir, 'review-out'), { recursive: true, force: true });
        if (name === 'modifications' || name.startsWith('modifications'))
          await cp(path.join(TEXT_DIR, 'modifications'), path.join(project.dir, 'sec-text', 'modifications'), { recursive: true });
        if (name === 'releases.yaml') await cp(path.join(TEXT_DIR, 'releases.yaml'), target);
      }
    }, 60_000);
  }

  it('a corpus whose documents are hard links (a checkout copied with cp -al, a CI cache) checks clean', async () => {
    const names = (await readdir(path.join(project.dir, 'sec-text'))).filter((name) => name.endsWith('.md'));
    expect(names.length).toBeGreaterThan(0);
    const aside = await mkdtemp(path.join(tmpdir(), 'secc-hardlinks-'));
    try {
      for (const name of names) await link(path.join(project.dir, 'sec-text', name), path.join(aside, name));
      const run = await runCli(['check'], project.dir);
      expect(run.code, run.stdout + run.stderr).toBe(0);
    } finally {
      await rm(aside, { recursive: true, force: true });
    }
  }, 60_000);

  it('the corpus as given (regular files only) still builds clean', async () => {
    expect((await readdir(path.join(project.dir, 'sec-text'))).sort()).toEqual((await readdir(TEXT_DIR)).sort());
    const run = await runCli(['check'], project.dir);
    expect(run.code, run.stdout + run.stderr).toBe(0);
  }, 60_000);
});
