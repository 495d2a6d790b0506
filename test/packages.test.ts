/**
 * The packages as a consumer gets them: `npm pack` tarballs (not folder links) installed into fresh
 * temporary projects. The tables package must install with no other runtime package, run from a
 * plain ES module and type-check under `strict`; the compiler package must start `npx secc`.
 *
 * Slow (two packs, two installs). The tables tarball installs `--offline`: it has no dependencies.
 * The compiler tarball's dependencies come from npm's cache (`--prefer-offline`), which `npm ci`
 * fills; where the cache lacks one, npm fetches it from the registry, which CI can reach.
 * npm is run with `--ignore-scripts`: the tarballs hold what `npm test` compiled just before.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './support/project.js';

const run = promisify(execFile);
const NPM_FLAGS = ['--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'];
const TSC = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

let work: string;
let tablesTarball: string;
let compilerTarball: string;

async function npm(args: string[], cwd: string): Promise<string> {
  const { stdout } = await run('npm', [...args, ...NPM_FLAGS], { cwd, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

async function freshProject(name: string): Promise<string> {
  const dir = path.join(work, name);
  await run('mkdir', ['-p', dir]);
  await writeFile(path.join(dir, 'package.json'), JSON.stringify({ name, private: true, type: 'module' }, null, 2));
  return dir;
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'sec-rules-packages-'));
  const packs = path.join(work, 'packs');
  await run('mkdir', ['-p', packs]);
  await npm(['pack', '--pack-destination', packs, '--workspace', '@sec-rules/tables'], ROOT);
  await npm(['pack', '--pack-destination', packs], ROOT);
  const names = await readdir(packs);
  tablesTarball = path.join(
    packs,
    names.find((name) => name.startsWith('sec-rules-tables-'))!,
  );
  compilerTarball = path.join(
    packs,
    names.find((name) => /^sec-rules-\d/.test(name))!,
  );
}, 180_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('@sec-rules/tables, installed from its tarball', () => {
  let project: string;

  beforeAll(async () => {
    project = await freshProject('tables-consumer');
    await npm(['install', '--offline', tablesTarball], project);
  }, 120_000);

  it('is versioned with the SEC release and brings no other runtime package', async () => {
    expect(path.basename(tablesTarball)).toBe('sec-rules-tables-2024.6.27.tgz');
    const tree = JSON.parse(await npm(['ls', '--omit=dev', '--all', '--json'], project)) as {
      dependencies: Record<string, { version: string; dependencies?: unknown }>;
    };
    expect(Object.keys(tree.dependencies)).toEqual(['@sec-rules/tables']);
    expect(tree.dependencies['@sec-rules/tables']!.dependencies).toBeUndefined();
    const installed = await readdir(path.join(project, 'node_modules'));
    expect(installed.filter((name) => !name.startsWith('.'))).toEqual(['@sec-rules']);
  });

  it('answers the guards, isEligible, hasTrts and trtFor from a plain ES module in Node', async () => {
    await writeFile(
      path.join(project, 'check.mjs'),
      `import { isEligible, hasTrts, trtFor, SR_REFS, isSrRef, isRoleId, isSmets, isMode } from '@sec-rules/tables';
const guards = [isSrRef('4.8.1'), isSrRef('9.9'), isSrRef(4.8), isRoleId('mdr'), isRoleId('MDR'), isSmets(2), isSmets('2'), isMode('on-demand'), isMode('On-Demand')];
const lines = [
  guards.map(Number).join(''),
  SR_REFS.length,
  isEligible({ sr: '1.1.1', role: 'import-supplier', view: 'baseline' }),
  isEligible({ sr: '4.8.1', role: 'mdr', view: 'baseline' }),
  isEligible({ sr: '4.8.1', role: 'mdr', view: 'modified' }),
  hasTrts('1.1.1'),
  trtFor({ sr: '8.2', role: 'other-user', smets: 1, mode: 'on-demand', view: 'baseline' }).seconds,
  trtFor({ sr: '8.2', role: 'other-user', smets: 1, mode: 'on-demand', view: 'modified' }).seconds,
];
console.log(lines.join(' '));
`,
    );
    const { stdout } = await run(process.execPath, ['check.mjs'], { cwd: project });
    expect(stdout.trim()).toBe('100101010 129 true false true false 16 30');
  });

  it('type-checks a TypeScript strict consumer, and rejects a TRT lookup for an SR without TRTs', async () => {
    await writeFile(
      path.join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { strict: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', noEmit: true, types: [] },
        files: ['consumer.ts'],
      }),
    );
    await writeFile(
      path.join(project, 'consumer.ts'),
      `import { hasTrts, isEligible, isMode, isRoleId, isSmets, isSrRef, trtFor, trtSeconds, type SrRef, type TrtCell } from '@sec-rules/tables';
/** A request field off the wire narrowed by the guards, with no cast. */
export function fromWire(wire: { sr: string; role: string; smets: unknown; mode: string }): number | null | undefined {
  const { sr, role, smets, mode } = wire;
  if (!isSrRef(sr) || !isRoleId(role) || !isSmets(smets) || !isMode(mode) || !hasTrts(sr)) return undefined;
  return trtSeconds({ sr, role, smets, mode, at: '2024-06-27' });
}
// @ts-expect-error: a wire string is not a RoleId until a guard says so
export const unguarded = isEligible({ sr: '4.8.1', role: String('mdr'), view: 'modified' });
export const eligible: boolean = isEligible({ sr: '6.23', role: 'gas-supplier', view: 'modified' });
export const cell: TrtCell | undefined = trtFor({ sr: '4.8.1', role: 'mdr', smets: 2, mode: 'scheduled', view: 'modified' });
export function seconds(sr: SrRef): number | null | undefined {
  return hasTrts(sr) ? trtSeconds({ sr, role: 'import-supplier', smets: 1, mode: 'on-demand', view: 'modified' }) : undefined;
}
// @ts-expect-error: SR 1.1.1 has no Target Response Times in the corpus
export const outside = trtFor({ sr: '1.1.1', role: 'import-supplier', smets: 2, mode: 'on-demand', view: 'baseline' });
// @ts-expect-error: SR 9.9 does not exist
export const unknown = isEligible({ sr: '9.9', role: 'mdr', view: 'modified' });
`,
    );
    const result = await run(process.execPath, [TSC, '-p', 'tsconfig.json'], { cwd: project }).catch((error: { stdout: string }) => error);
    expect(result.stdout).toBe('');
  });
});

describe('sec-rules (the compiler), installed from its tarball', () => {
  it('starts `npx secc --help`, resolves sec-rules/generated, and builds and checks a copy of sec-text/', async () => {
    const project = await freshProject('compiler-consumer');
    await npm(['install', '--prefer-offline', compilerTarball], project);
    const help = await run('npx', ['--no-install', 'secc', '--help'], { cwd: project });
    expect(help.stdout).toMatch(/^Usage: secc <command>/);
    expect(help.stdout).toMatch(/^ {2}build +compile sec-text/m);
    const { stdout } = await run(
      process.execPath,
      ['--input-type=module', '-e', "import { SR_REFS } from 'sec-rules/generated'; console.log(SR_REFS.length);"],
      { cwd: project },
    );
    expect(stdout.trim()).toBe('129');
    // The installed compiler builds and checks a copy of the legal text on its own.
    await cp(path.join(ROOT, 'sec-text'), path.join(project, 'sec-text'), { recursive: true });
    const build = await run('npx', ['--no-install', 'secc', 'build'], { cwd: project });
    expect(build.stdout + build.stderr).toMatch(/secc build: wrote/);
    const check = await run('npx', ['--no-install', 'secc', 'check'], { cwd: project });
    expect(check.stdout + check.stderr).toMatch(/secc check: the legal text, rules\/ and generated\/ agree/);
    expect(await readFile(path.join(project, 'generated', 'tables.ts'), 'utf8')).toBe(
      await readFile(path.join(ROOT, 'generated', 'tables.ts'), 'utf8'),
    );
  }, 300_000);
});
