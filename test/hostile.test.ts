/**
 * Hostile inputs (issue 11, "nothing silently lost"): each fixture in test/fixtures/hostile is
 * added to (or replaces a document of) a temporary copy of the project, and the real CLI must
 * report the expected rule at its place — through `secc check --format json`, `secc lint
 * --format sarif` (valid SARIF 2.1.0) and `secc lint` (text with no raw control characters) —
 * with no stack trace or internal error, exit 1 or 2 from check, lint and build, and rules/ and
 * generated/ byte-identical afterwards.
 */
import { readFileSync } from 'node:fs';
import { cp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../src/features/report/findings.js';
import { projectCopy, ROOT, runCli, snapshot } from './support/project.js';
import { sarifValidator } from './support/sarif.js';
import { expectNoCrash } from './support/no-crash.js';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'hostile');

interface HostileCase {
  fixture: string;
  /** The class of issue 11 the fixture belongs to. */
  class: number;
  ruleId: string;
  line: number;
  column: number;
  /** A document of sec-text/ the fixture replaces (default: it is added under its own name). */
  replaces?: string;
  /** Exit codes expected from check, lint and build when they must be exact. */
  exits?: [number, number, number];
}

const CASES = JSON.parse(readFileSync(path.join(FIXTURES, 'cases.json'), 'utf8')) as HostileCase[];

// eslint-disable-next-line no-control-regex -- what must never reach a terminal raw
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

let project: { dir: string; cleanup(): Promise<void> };
let pristine: Map<string, string>;

beforeAll(async () => {
  project = await projectCopy();
  pristine = await snapshot(project.dir);
  for (const folder of ['rules', 'generated', 'sec-text'])
    await cp(path.join(project.dir, folder), path.join(project.dir, '.pristine', folder), { recursive: true });
});
afterAll(async () => project.cleanup());

async function restore(folders: string[]): Promise<void> {
  for (const folder of folders) {
    await rm(path.join(project.dir, folder), { recursive: true, force: true });
    await cp(path.join(project.dir, '.pristine', folder), path.join(project.dir, folder), { recursive: true });
  }
}

describe('hostile inputs (test/fixtures/hostile)', () => {
  it('has at least 30 fixtures, each with a class, a rule id and a place, covering classes 1 to 11', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(CASES.map((entry) => entry.fixture)).size).toBe(CASES.length);
    // Classes 3 (the corpus folder), 4 (locale), 7 (kill-safe writes) and 10 (schemas) are not one
    // document each: test/corpus-folder, test/locale, test/kill-safe-write and test/schema-contract hold them.
    expect([...new Set(CASES.map((entry) => entry.class))].sort((a, b) => a - b)).toEqual([1, 2, 5, 6, 8, 9, 11]);
  });

  for (const entry of CASES) {
    it(`class ${entry.class}: ${entry.fixture}: ${entry.ruleId} at ${entry.line}:${entry.column}`, async () => {
      const name = entry.replaces ?? entry.fixture;
      await writeFile(path.join(project.dir, 'sec-text', name), readFileSync(path.join(FIXTURES, entry.fixture)));
      try {
        const check = await runCli(['check', '--format', 'json'], project.dir);
        const sarif = await runCli(['lint', '--format', 'sarif'], project.dir);
        const text = await runCli(['lint'], project.dir);
        const build = await runCli(['build'], project.dir);
        for (const run of [check, sarif, text, build]) expectNoCrash(run.stdout + run.stderr);
        const findings = (JSON.parse(check.stdout) as { findings: Finding[] }).findings;
        const here = findings.filter((finding) => finding.file.endsWith(`/${name}`)).map((f) => `${f.ruleId}@${f.line}:${f.column}`);
        expect(here).toContain(`${entry.ruleId}@${entry.line}:${entry.column}`);
        // The fixture's front matter is valid unless that is the point: no finding hides behind it.
        if (!entry.ruleId.startsWith('front-matter')) expect(here.filter((finding) => finding.startsWith('front-matter'))).toEqual([]);
        const log = JSON.parse(sarif.stdout) as { runs: Array<{ results: Array<{ ruleId: string }> }> };
        const validate = sarifValidator();
        expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
        expect(log.runs[0]!.results.map((result) => result.ruleId)).toContain(entry.ruleId);
        expect(text.stdout).toMatch(new RegExp(`${name.replace(/[.]/g, '\\.')}:${entry.line}:${entry.column} +error .*${entry.ruleId}`));
        expect(text.stdout + text.stderr).not.toMatch(RAW_CONTROL);
        const codes = [check.code, sarif.code, build.code];
        if (entry.exits) expect(codes).toEqual(entry.exits);
        else for (const code of codes) expect([1, 2]).toContain(code);
        expect(await snapshot(project.dir)).toEqual(pristine);
      } finally {
        await restore(['sec-text', 'rules', 'generated']);
      }
    });
  }
});
