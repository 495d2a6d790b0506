/**
 * The gateway bundled and loaded lazily: esbuild puts a small gateway into one file, which runs
 * with node in an empty folder (no node_modules, no rules/schema/ above it) and authorises with
 * Registration Data; and ajv is loaded only when Registration Data is validated.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorise } from '../../src/gateway/index.js';
import { ROOT } from '../support/project.js';

const REGISTRATION = {
  mpans: [
    {
      mpan: '2000000000001',
      importSupplier: 'IMP1',
      devices: [{ id: 'E1', type: 'ESME', smets: 1 }],
      mdrAppointments: [{ mdr: 'MDR1', effectiveFrom: '2024-07-01' }],
    },
  ],
};

/** Requests as they come off the wire: JSON, so nothing is typed. */
const WIRE = [
  {
    sender: { role: 'import-supplier', party: 'IMP1' },
    sr: '8.2',
    target: { mpan: '2000000000001', deviceType: 'ESME', smets: 1 },
    mode: 'on-demand',
    executionDate: '2024-06-26',
  },
  {
    sender: { role: 'import-supplier', party: 'IMP1' },
    sr: '8.2',
    target: { mpan: '2000000000001', deviceType: 'ESME', smets: 1 },
    mode: 'on-demand',
    executionDate: '2024-06-27',
  },
  {
    sender: { role: 'mdr', party: 'MDR1' },
    sr: '4.8.1',
    target: { mpan: '2000000000001', deviceType: 'ESME', smets: 1 },
    mode: 'scheduled',
    executionDate: '2024-07-01',
  },
  {
    sender: { role: 'mdr', party: 'MDR1' },
    sr: '4.8.1',
    target: { mpan: '2000000000001', deviceType: 'ESME', smets: '1' },
    mode: 'later',
    executionDate: '2024-07-01',
  },
];

/** A gateway as a team would write it: guards on the wire strings, then authorise(). */
const GATEWAY = `
import { authorise, isMode, isRoleId, isSmets, isSrRef } from 'sec-rules/gateway';
const [registration, requests] = JSON.parse(process.argv[2]);
const out = [];
for (const request of requests) {
  const guards = [isSrRef(request.sr), isRoleId(request.sender.role), isSmets(request.target.smets), isMode(request.mode)];
  const decision = await authorise(request, registration);
  out.push({ guards, accepted: decision.accepted, trtSeconds: decision.trtSeconds ?? null, failed: decision.reasons.filter((r) => !r.passed).map((r) => r.field ?? r.code) });
}
const bad = await authorise(requests[0], { mpans: [{ mpan: '1', devices: [] }] });
out.push({ badRegistration: bad.reasons.map((r) => r.field) });
process.stdout.write(JSON.stringify(out));
`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sec-rules-bundle-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const summary = async (request: unknown) => {
  const decision = await authorise(request, REGISTRATION);
  return {
    accepted: decision.accepted,
    trtSeconds: decision.trtSeconds ?? null,
    failed: decision.reasons.filter((reason) => !reason.passed).map((reason) => reason.field ?? reason.code),
  };
};

describe('a gateway bundled by esbuild into one file', () => {
  it('runs with node in an empty folder and authorises with Registration Data as the sources do', async () => {
    const entry = path.join(dir, 'gateway.mjs');
    await writeFile(entry, GATEWAY);
    const outfile = path.join(dir, 'out', 'gateway.bundle.mjs');
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile,
      // The package's own sources (TypeScript; esbuild maps ./x.js to ./x.ts), as its exports name them.
      alias: { 'sec-rules/gateway': path.join(ROOT, 'src', 'gateway', 'index.ts') },
      logLevel: 'silent',
      metafile: true,
    });
    const bundled = await readFile(outfile, 'utf8');
    // One file: what it still imports at run time (esbuild's record of the output) is node's own modules only.
    const [output] = Object.values(result.metafile.outputs);
    expect(output?.imports.filter((entry) => !entry.path.startsWith('node:'))).toEqual([]);
    expect(Object.keys(result.metafile.inputs).some((input) => input.includes('node_modules/ajv/'))).toBe(true);
    // The schema travels as data; the bundle reads no file (it runs below where no rules/schema/ is).
    expect(bundled).not.toMatch(/readFileSync|existsSync/);

    const out = execFileSync(process.execPath, [outfile, JSON.stringify([REGISTRATION, WIRE])], {
      cwd: path.dirname(outfile),
      encoding: 'utf8',
    });
    const results = JSON.parse(out) as unknown[];
    const expected = await Promise.all(WIRE.map(summary));
    expect(results.slice(0, WIRE.length).map((result) => ({ ...(result as object), guards: undefined }))).toEqual(
      expected.map((result) => ({ ...result, guards: undefined })),
    );
    expect(results.slice(0, WIRE.length).map((result) => (result as { guards: boolean[] }).guards)).toEqual([
      [true, true, true, true],
      [true, true, true, true],
      [true, true, true, true],
      [true, true, false, false],
    ]);
    // The dates decide: 16 s before the June 2024 SEC Release, 30 s from it; the MDR reads with 24 hrs.
    expect(expected.map((result) => result.trtSeconds)).toEqual([16, 30, 86400, null]);
    expect(expected[3]?.failed).toEqual(['/request/target/smets', '/request/mode']);
    expect(results.at(-1)).toEqual({ badRegistration: ['/registrationData/mpans/0/mpan'] });
  }, 60_000);
});

const DIST_GATEWAY = path.join(ROOT, 'dist', 'src', 'gateway', 'index.js');
const LAZY = `
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const ajvModules = () => Object.keys(require.cache).filter((key) => /[\\\\/]node_modules[\\\\/]ajv[\\\\/]/.test(key)).length;
const [url, registration, request] = JSON.parse(process.argv[2]);
const gateway = await import(url);
const atImport = ajvModules();
const loaded = gateway.authoriseLoaded(request, new gateway.Registry(registration));
const withoutValidation = ajvModules();
const decision = await gateway.authorise(request, registration);
process.stdout.write(JSON.stringify({ atImport, withoutValidation, afterValidation: ajvModules(), accepted: [loaded.accepted, decision.accepted] }));
`;

describe('ajv in the gateway', () => {
  if (!existsSync(DIST_GATEWAY))
    console.warn(
      `SKIPPED: ${DIST_GATEWAY} is not built (npm test and npm run build compile it); the lazy-loading check needs the compiled gateway`,
    );
  it.skipIf(!existsSync(DIST_GATEWAY))('is loaded only when Registration Data is validated, not on import', async () => {
    const script = path.join(dir, 'lazy.mjs');
    await writeFile(script, LAZY);
    const out = execFileSync(process.execPath, [script, JSON.stringify([pathToFileURL(DIST_GATEWAY).href, REGISTRATION, WIRE[2]])], {
      encoding: 'utf8',
    });
    const result = JSON.parse(out) as { atImport: number; withoutValidation: number; afterValidation: number; accepted: boolean[] };
    expect(result.atImport).toBe(0);
    expect(result.withoutValidation).toBe(0);
    expect(result.afterValidation).toBeGreaterThan(10);
    expect(result.accepted).toEqual([true, true]);
  });
});
