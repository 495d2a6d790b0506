/**
 * Decision vectors for every language: `secc export vectors` agrees with authorise() by date on
 * every vector, and a small evaluator in Python (standard library only) replays every vector from
 * `secc export tables` alone and agrees on every line; a deliberately wrong evaluator, or one
 * wrong value in its tables, makes the replay fail.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DecisionVectors, GatewayTablesExport } from '../../generated/types.js';
import { authorise, Registry } from '../../src/gateway/index.js';
import { outcome } from '../../src/features/export/vectors.js';
import { Schemas } from '../../src/shared/schemas.js';
import { ROOT, runCli } from '../support/project.js';

const run = promisify(execFile);
const REPLAY = path.join(ROOT, 'test', 'vectors', 'replay.py');

/** Python 3 runs the replay; without it the replay is skipped, loudly (CI installs python3). */
const PYTHON = await run('python3', ['--version']).then(
  () => true,
  () => false,
);
if (!PYTHON) console.warn('SKIPPED: python3 is not installed; the Python replay of the decision vectors did not run');

let dir: string;
let tablesFile: string;
let vectorsFile: string;
let tables: GatewayTablesExport;
let vectors: DecisionVectors;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sec-rules-vectors-'));
  const exportedTables = await runCli(['export', 'tables', '--format', 'json'], ROOT);
  expect(exportedTables.code, exportedTables.stderr).toBe(0);
  const exportedVectors = await runCli(['export', 'vectors', '--format', 'json'], ROOT);
  expect(exportedVectors.code, exportedVectors.stderr).toBe(0);
  tables = JSON.parse(exportedTables.stdout) as GatewayTablesExport;
  vectors = JSON.parse(exportedVectors.stdout) as DecisionVectors;
  tablesFile = path.join(dir, 'tables.json');
  vectorsFile = path.join(dir, 'vectors.json');
  await writeFile(tablesFile, exportedTables.stdout);
  await writeFile(vectorsFile, exportedVectors.stdout);
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

const find = (at: string, sr: string, role: string, smets: number, mode: string) =>
  vectors.vectors.find((v) => v.at === at && v.sr === sr && v.user_role === role && v.smets === smets && v.mode === mode);

describe('secc export vectors and secc export tables', () => {
  it('fit their JSON Schemas', () => {
    const schemas = new Schemas();
    for (const [name, value] of [
      ['decision-vectors.schema.json', vectors],
      ['gateway-tables.schema.json', tables],
    ] as const) {
      const validate = schemas.validator(name);
      expect(validate(value), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    }
  });

  it('cover every SR x User Role x SMETS generation x mode on both sides of every release date', () => {
    const froms = tables.intervals.flatMap((interval) => (interval.from === null ? [] : [interval.from]));
    expect(froms).toEqual(['2024-02-29', '2024-06-27']);
    expect(vectors.dates).toEqual(['2024-02-28', '2024-02-29', '2024-06-26', '2024-06-27']);
    const roles = new Set(Object.values(tables.versions).flatMap((version) => version?.user_roles.map((role) => role.id) ?? []));
    expect(roles.size).toBe(8);
    expect(vectors.vectors).toHaveLength(vectors.dates.length * 129 * roles.size * 2 * 2);
    const keys = new Set(vectors.vectors.map((v) => `${v.at}|${v.sr}|${v.user_role}|${v.smets}|${v.mode}`));
    expect(keys.size).toBe(vectors.vectors.length);
  });

  it('state the decisions of the text, with the TRT and the legal basis by stable address', () => {
    expect(find('2024-06-26', '4.8.1', 'mdr', 2, 'scheduled')).toMatchObject({
      decision: 'rejected',
      rejected_by: ['user-role'],
      trt: null,
      legal_basis: ['clause/H1.1'],
      version: '2024-02-sec-release',
    });
    expect(find('2024-06-27', '4.8.1', 'mdr', 2, 'scheduled')).toMatchObject({
      decision: 'accepted',
      trt: 86400,
      legal_basis: ['user-role/mdr', 'eligibility/4.8.1/mdr', 'service-request/4.8.1', 'trt/4.8.1/mdr/smets2/scheduled'],
      version: '2024-06-sec-release',
    });
    expect(find('2024-06-26', '8.2', 'other-user', 1, 'on-demand')?.trt).toBe(16);
    expect(find('2024-06-27', '8.2', 'other-user', 1, 'on-demand')?.trt).toBe(30);
    expect(find('2024-06-27', '4.1.1', 'mdr', 2, 'on-demand')).toMatchObject({
      decision: 'rejected',
      rejected_by: ['availability'],
      trt: 'not-available',
      legal_basis: ['trt/4.1.1/mdr/smets2/on-demand'],
    });
    expect(find('2024-06-27', '1.1.1', 'import-supplier', 2, 'on-demand')).toMatchObject({
      decision: 'accepted',
      trt: null,
      legal_basis: ['user-role/import-supplier', 'eligibility/1.1.1/import-supplier', 'clause-rule/AB1.3.trt-scope'],
    });
    const counts = { accepted: 0, rejected: 0 };
    for (const vector of vectors.vectors) counts[vector.decision]++;
    expect(counts.accepted).toBeGreaterThan(1000);
    expect(counts.rejected).toBeGreaterThan(counts.accepted);
  });

  it('agree on every vector with authorise() deciding by the execution date from the generated tables', async () => {
    const registry = new Registry({
      mpans: [
        {
          mpan: '1000000000001',
          importSupplier: 'P',
          exportSupplier: 'P',
          devices: [
            { id: 'e1', type: 'ESME', smets: 1 },
            { id: 'e2', type: 'ESME', smets: 2 },
          ],
          mdrAppointments: [{ mdr: 'P', effectiveFrom: '2000-01-01' }],
        },
      ],
    });
    const disagreements: string[] = [];
    for (const vector of vectors.vectors) {
      const decision = await authorise(
        {
          sender: { role: vector.user_role, party: 'P' },
          sr: vector.sr,
          target: { mpan: '1000000000001', deviceType: 'ESME', smets: vector.smets },
          mode: vector.mode,
          executionDate: vector.at,
          scheduleStartDate: vector.at,
        },
        registry,
      );
      const { decision: accepted, rejected_by, trt, legal_basis } = vector;
      const expected = { decision: accepted, rejected_by, trt, legal_basis };
      if (JSON.stringify(outcome(decision)) !== JSON.stringify(expected))
        disagreements.push(`${vector.at} ${vector.sr} ${vector.user_role}`);
      if (decision.inForce?.release?.id !== (vector.version === 'base' ? undefined : vector.version))
        disagreements.push(`${vector.at}: in force ${decision.inForce?.release?.id ?? 'base'}, vector ${vector.version}`);
    }
    expect(disagreements.slice(0, 10)).toEqual([]);
  }, 120_000);
});

describe.skipIf(!PYTHON)('the vectors replayed in Python from the exported tables alone', () => {
  const replay = async (tablesPath: string, env: Record<string, string> = {}) =>
    run('python3', [REPLAY, tablesPath, vectorsFile], { env: { ...process.env, ...env }, maxBuffer: 1 << 24 }).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
    );

  it('agree with TypeScript on every vector', async () => {
    const result = await replay(tablesFile);
    expect(result.stdout).toBe(`replay.py: ${vectors.vectors.length} vectors, ${vectors.vectors.length} agree, 0 disagree\n`);
    expect(result.code).toBe(0);
  });

  for (const mutation of ['ignore-dcc-scheduled', 'na-is-available', 'day-before-release'])
    it(`fail when the evaluator is deliberately wrong (${mutation})`, async () => {
      const result = await replay(tablesFile, { REPLAY_MUTATE: mutation });
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/^vector \d+ \(/m);
      expect(result.stdout).toMatch(/, [1-9]\d* disagree\n$/);
    });

  it('fail when one value of the exported tables is wrong (SR 8.2 SMETS1 On-Demand back at 16 s)', async () => {
    const wrong = structuredClone(tables);
    const version = wrong.versions['2024-06-sec-release'];
    const cell = version?.trt.find(
      (entry) => entry.sr === '8.2' && entry.user_role === 'import-supplier' && entry.smets === 1 && entry.mode === 'on-demand',
    );
    expect(cell?.seconds).toBe(30);
    if (cell) cell.seconds = 16;
    const wrongFile = path.join(dir, 'wrong-tables.json');
    await writeFile(wrongFile, JSON.stringify(wrong));
    const result = await replay(wrongFile);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/vector \d+ \(2024-06-27 SR 8\.2 import-supplier SMETS1 on-demand\): trt: vector 30, replay 16/);
    expect(result.stdout).toMatch(/, 1 disagree\n$/);
  });
});
