/**
 * Class 7 of issue 11, "all or nothing, even when killed": `secc build` is killed (SIGKILL, by
 * Debian's strace fault injection) at each rename it makes, in turn; after the next run of any
 * command, rules/ and generated/ are byte for byte all old (kill at or before the commit rename)
 * or all new (after it), with no stray file anywhere in the project. A full disk (ENOSPC injected
 * on the write, open or fsync of each staged file, and a real small tmpfs when `mount` is
 * permitted) gives exit 2, a message naming the output, and nothing left behind.
 * Runs the built CLI (dist/) as separate processes.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRANSACTION_DIR } from '../src/compiler/7-emit/write.js';
import { expectNoCrash } from './support/no-crash.js';
import { replaceOnce, ROOT, snapshot } from './support/project.js';

const BIN = path.join(ROOT, 'bin', 'secc.js');
const STRACE = ['/usr/bin/strace', '/bin/strace'].find((candidate) => existsSync(candidate));
const BUILT = existsSync(path.join(ROOT, 'dist', 'src', 'cli.js'));
if (!STRACE)
  console.warn('\n*** kill-safe-write.test.ts: SKIPPING the kill and ENOSPC tests: strace is not installed (.ci/run installs it) ***\n');
if (!BUILT) console.warn('\n*** kill-safe-write.test.ts: SKIPPING: dist/ is missing (npm test builds it first) ***\n');

let work: string;
/** A project whose text was edited after its cache was warmed: a build rewrites several outputs and creates one. */
let template: string;
let before: Map<string, string>;
let after: Map<string, string>;
/** The renames a build makes, in order (the same in every run: they are synchronous). */
let renames: string[];

function secc(args: string[], cwd: string, strace: string[] = []) {
  const command = strace.length > 0 ? STRACE! : process.execPath;
  const argv = strace.length > 0 ? [...strace, process.execPath, BIN, ...args] : [BIN, ...args];
  const run = spawnSync(command, argv, { cwd, encoding: 'utf8' });
  return { code: run.status, signal: run.signal, output: `${run.stdout}${run.stderr}` };
}

async function copyOf(source: string, name: string): Promise<string> {
  const dir = path.join(work, name);
  await rm(dir, { recursive: true, force: true });
  await cp(source, dir, { recursive: true });
  return dir;
}

/** Every entry of the project, relative, folders included: for "no stray files". */
async function listing(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .filter((name) => !name.startsWith('.secc-cache'))
    .sort();
}

/** A one-cell edit of the base, then recorded as a correction (an unrecorded one is refused before anything is written). */
async function correctOneCell(dir: string): Promise<void> {
  const ab = path.join(dir, 'sec-text', 'appendix-ab.md');
  await writeFile(ab, replaceOnce(await readFile(ab, 'utf8'), '| 4.8.1 | 24 hrs | 5,600 secs |', '| 4.8.1 | 24 hrs | 5,500 secs |'));
  const why = ['--by', 'Kill test', '--why', 'a one-cell correction', '--date', '2024-01-10'];
  const freeze = secc(['freeze', '--correct', ...why], dir);
  expect(freeze.code, freeze.output).toBe(0);
}

beforeAll(async () => {
  if (!STRACE || !BUILT) return;
  work = await mkdtemp(path.join(tmpdir(), 'sec-rules-kill-'));
  template = path.join(work, 'template');
  for (const folder of ['sec-text', 'rules', 'generated'])
    await cp(path.join(ROOT, folder), path.join(template, folder), { recursive: true });
  expect(secc(['check'], template).code).toBe(0); // warms .secc-cache, so runs differ only by the edit
  await correctOneCell(template);
  await rm(path.join(template, 'generated', 'index.ts'));
  before = await snapshot(template);
  const dry = await copyOf(template, 'dry');
  const log = path.join(work, 'dry.log');
  const run = secc(['build'], dry, ['-f', '-qq', '-o', log, '-e', 'trace=rename']);
  expect(run.code, run.output).toBe(0);
  after = await snapshot(dry);
  renames = (await readFile(log, 'utf8')).split('\n').filter((line) => line.includes('rename('));
}, 120_000);
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe.skipIf(!STRACE || !BUILT)('SIGKILL at every rename of a build (strace -e inject=rename:signal=SIGKILL:when=N)', () => {
  it('the build renames each changed output once, after one commit rename of the journal', () => {
    const outputs = renames.filter((line) => line.includes(`${TRANSACTION_DIR}/new/`));
    expect(outputs).toHaveLength(4); // in-force.json, tables.ts, index.ts (new), change-set (a same-length retype moves no position: the source maps stay)
    expect(renames.findIndex((line) => line.includes('journal.json'))).toBe(renames.indexOf(outputs[0]!) - 1);
    expect(after).not.toEqual(before);
  });

  it('after a kill at any rename and the next command, rules/ and generated/ are all old or all new, with no stray files', async () => {
    const commit = renames.findIndex((line) => line.includes('journal.json')) + 1;
    const expectedListing = await listing(template);
    for (let n = 1; n <= renames.length; n++) {
      const dir = await copyOf(template, `kill-${n}`);
      const killed = secc(['build'], dir, [
        '-f',
        '-qq',
        '-o',
        '/dev/null',
        '-e',
        'trace=rename',
        '-e',
        `inject=rename:signal=SIGKILL:when=${n}`,
      ]);
      expect(killed.signal === 'SIGKILL' || killed.code === 137, `rename ${n}: ${killed.output}`).toBe(true);
      const next = secc(['check'], dir);
      expectNoCrash(next.output);
      const state = await snapshot(dir);
      if (n <= commit) {
        expect(state, `kill at rename ${n} (before or at the commit): all old`).toEqual(before);
        expect(next.code).toBe(1); // the edited text now drifts from the old outputs
      } else {
        expect(state, `kill at rename ${n} (after the commit): all new`).toEqual(after);
        expect(next.code, next.output).toBe(0);
        expect(next.output).toMatch(/an interrupted build was completed/);
      }
      expect(existsSync(path.join(dir, TRANSACTION_DIR))).toBe(false);
      const stray = n <= commit ? expectedListing : [...expectedListing, path.join('generated', 'index.ts')].sort();
      expect(await listing(dir), `rename ${n}: no stray files`).toEqual(stray);
      await rm(dir, { recursive: true, force: true });
    }
  }, 300_000);

  it('a kill while the next run completes the switch is completed by the run after it', async () => {
    const commit = renames.findIndex((line) => line.includes('journal.json')) + 1;
    const dir = await copyOf(template, 'kill-twice');
    secc(['build'], dir, ['-f', '-qq', '-o', '/dev/null', '-e', 'trace=rename', '-e', `inject=rename:signal=SIGKILL:when=${commit + 2}`]);
    const second = secc(['check'], dir, [
      '-f',
      '-qq',
      '-o',
      '/dev/null',
      '-e',
      'trace=rename',
      '-e',
      'inject=rename:signal=SIGKILL:when=1',
    ]);
    expect(second.signal === 'SIGKILL' || second.code === 137).toBe(true);
    const third = secc(['build'], dir);
    expect(third.code, third.output).toBe(0);
    expect(await snapshot(dir)).toEqual(after);
    expect(existsSync(path.join(dir, TRANSACTION_DIR))).toBe(false);
  }, 120_000);
});

describe.skipIf(!STRACE || !BUILT)('a full disk (ENOSPC injected by strace on the staged files)', () => {
  const STAGED = ['rules/in-force.json', 'generated/tables.ts', 'generated/index.ts', 'rules/change-set.json'];
  const FAULTS: Array<[string, string]> = [
    ['write', 'trace=write,pwrite64,writev,pwritev'],
    ['open', 'trace=openat'],
    ['fsync', 'trace=fsync,fdatasync'],
  ];
  for (const [label, trace] of FAULTS) {
    it(`ENOSPC on the ${label} of each staged output: exit 2 naming it, outputs untouched, nothing left behind`, async () => {
      for (const output of [...STAGED, 'journal.json']) {
        const dir = await copyOf(template, `enospc-${label}`);
        const staged =
          output === 'journal.json' ? path.join(dir, TRANSACTION_DIR, 'journal.json.next') : path.join(dir, TRANSACTION_DIR, 'new', output);
        const syscalls = trace.slice('trace='.length);
        const run = secc(['build'], dir, [
          '-f',
          '-qq',
          '-o',
          '/dev/null',
          '-P',
          staged,
          '-e',
          trace,
          '-e',
          `inject=${syscalls}:error=ENOSPC`,
        ]);
        expectNoCrash(run.output);
        expect(run.code, `${label} ${output}: ${run.output}`).toBe(2);
        const named = output === 'journal.json' ? path.join(dir, TRANSACTION_DIR, 'journal.json') : path.join(dir, output);
        expect(run.output).toContain(`secc: cannot write ${named}: ENOSPC; nothing was written`);
        expect(await snapshot(dir), `${label} ${output}`).toEqual(before);
        expect(await listing(dir)).toEqual(await listing(template));
      }
    }, 300_000);
  }
});

/** A real small file system, when this machine lets the test mount one (root in a container often may). */
function mountTmpfs(target: string, size: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', target], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(!BUILT)('a full disk (a small tmpfs)', () => {
  it('a build that does not fit: exit 2 naming the path, outputs untouched, nothing left behind (SKIPS LOUDLY when mount is not permitted)', async (context) => {
    const mountPoint = await mkdtemp(path.join(tmpdir(), 'sec-rules-tmpfs-'));
    if (!mountTmpfs(mountPoint, '16m')) {
      console.warn(
        '\n*** kill-safe-write.test.ts: SKIPPING the tmpfs ENOSPC test: `mount -t tmpfs` is not permitted here (the strace ENOSPC tests above still run) ***\n',
      );
      await rm(mountPoint, { recursive: true, force: true });
      context.skip();
      return;
    }
    try {
      const dir = path.join(mountPoint, 'project');
      await mkdir(dir);
      for (const folder of ['sec-text', 'rules', 'generated'])
        await cp(path.join(ROOT, folder), path.join(dir, folder), { recursive: true });
      await correctOneCell(dir);
      const old = await snapshot(dir);
      const entries = await listing(dir);
      // Leave about 64 KiB free: less than the outputs a build stages.
      const free = Number(execFileSync('df', ['--output=avail', '-B1', mountPoint], { encoding: 'utf8' }).split('\n')[1]);
      await writeFile(path.join(mountPoint, 'filler'), Buffer.alloc(Math.max(0, free - 64 * 1024)));
      const run = spawnSync(process.execPath, [BIN, 'build', '--root', dir], { cwd: dir, encoding: 'utf8', env: { ...process.env } });
      const output = `${run.stdout}${run.stderr}`;
      expectNoCrash(output);
      expect(run.status, output).toBe(2);
      expect(output).toMatch(
        new RegExp(`secc: cannot \\w+ ${dir.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}/\\S+: ENOSPC; nothing was written`),
      );
      expect(await snapshot(dir)).toEqual(old);
      expect((await listing(dir)).filter((name) => !name.startsWith('.secc-cache'))).toEqual(entries);
    } finally {
      execFileSync('umount', [mountPoint], { stdio: 'ignore' });
      await rm(mountPoint, { recursive: true, force: true });
    }
  }, 120_000);
});
