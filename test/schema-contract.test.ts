/**
 * Class 10 of issue 11, "the schemas are part of the contract": rules/schemas.lock.json records
 * the reviewed fingerprint of every schema. Changing a schema (an `integer` made `number`, a
 * `required` dropped, a pattern relaxed, a schema added, even whitespace) fails `secc check`
 * with `schema-changed` on the schema file and makes `secc build` write nothing — before and
 * after a build — until `secc fingerprint --write` records the review; and `npm test` fails
 * while the committed lock and the schemas differ (the first test here).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SCHEMA_LOCK_PATH, schemaFingerprints, schemaLockJson } from '../src/compiler/7-emit/schema-lock.js';
import { expectNoCrash } from './support/no-crash.js';
import { ROOT, snapshot } from './support/project.js';

const BUILT = existsSync(path.join(ROOT, 'dist', 'src', 'cli.js'));

/** A copy of the package with its own schemas: text, outputs, schemas, compiled CLI; node_modules linked. */
async function packageCopy(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'sec-rules-schema-'));
  for (const entry of ['package.json', 'bin', 'dist', 'sec-text', 'rules', 'generated'])
    await cp(path.join(ROOT, entry), path.join(dir, entry), { recursive: true });
  await symlink(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

function secc(args: string[], cwd: string) {
  const run = spawnSync(process.execPath, [path.join(cwd, 'bin', 'secc.js'), ...args], { cwd, encoding: 'utf8' });
  return { code: run.status, output: `${run.stdout}${run.stderr}`, stdout: run.stdout };
}

const LOOSENINGS: Array<[string, string, (text: string) => string]> = [
  ['an integer made number', 'rule-set.schema.json', (text) => text.replace('"integer"', '"number"')],
  [
    'a required field dropped',
    'common.schema.json',
    (text) => text.replace('"required": ["file", "line", "column", "endLine", "endColumn"]', '"required": ["file"]'),
  ],
  ['a pattern relaxed', 'front-matter.schema.json', (text) => text.replace('"pattern": "^[A-Z]{1,2}$"', '"pattern": "^.*$"')],
  ['only whitespace', 'clause-rule.schema.json', (text) => `${text}\n`],
  ['a new schema', 'extra.schema.json', () => '{ "$id": "https://sec-rules.local/schema/extra.schema.json", "type": "object" }\n'],
];

let copies: string[] = [];
afterEach(async () => {
  for (const dir of copies) await rm(dir, { recursive: true, force: true });
  copies = [];
});

describe('the committed lock file', () => {
  it('records exactly the schemas in rules/schema/ as they are now (the gate npm test runs)', async () => {
    expect(await readFile(path.join(ROOT, SCHEMA_LOCK_PATH), 'utf8')).toBe(schemaLockJson());
  });

  it('a changed schema gives a different lock (so the test above fails)', () => {
    const now = schemaFingerprints();
    const changed = { ...now, 'rule-set.schema.json': `sha256:${'0'.repeat(64)}` };
    expect(schemaLockJson(changed)).not.toBe(schemaLockJson(now));
  });
});

describe.skipIf(!BUILT)(
  'secc check and secc build fail on a schema change until secc fingerprint --write records its review (needs dist/)',
  () => {
    for (const [label, name, edit] of LOOSENINGS) {
      it(`${label} (${name}): schema-changed at rules/schema/${name}:1:1 from check and build (twice), clean after the review is recorded and a build`, async () => {
        const dir = await packageCopy();
        copies.push(dir);
        const schema = path.join(dir, 'rules', 'schema', name);
        const before = existsSync(schema) ? readFileSync(schema, 'utf8') : '';
        const after = edit(before);
        expect(after).not.toBe(before);
        await writeFile(schema, after);
        const pattern = new RegExp(
          `^rules/schema/${name.replace(/\./g, '\\.')}:1:1 +error +Unexpected schema change.*schema-changed$`,
          'm',
        );
        const outputs = await snapshot(dir);
        for (let attempt = 0; attempt < 2; attempt++) {
          const check = secc(['check'], dir);
          expectNoCrash(check.output);
          expect(check.code, check.output).toBe(1);
          expect(check.stdout).toMatch(pattern);
          const build = secc(['build'], dir);
          expectNoCrash(build.output);
          expect(build.code, build.output).toBe(1);
          expect(build.output).toMatch(pattern);
          expect(build.output).toContain('nothing written');
          expect(await snapshot(dir)).toEqual(outputs);
        }
        const review = secc(['fingerprint', '--write'], dir);
        expect(review.output).toContain('recorded review: the schemas in rules/schema/');
        const rebuilt = secc(['build'], dir);
        expect(rebuilt.code, rebuilt.output).toBe(0);
        const again = secc(['check'], dir);
        expect(again.code, again.output).toBe(0);
      }, 60_000);
    }
  },
);

describe.skipIf(!BUILT)('a root without a lock (needs dist/)', () => {
  it('a deleted lock fails check; the first build of a root records the schemas it was built with', async () => {
    const dir = await packageCopy();
    copies.push(dir);
    await rm(path.join(dir, 'rules', 'schemas.lock.json'));
    const check = secc(['check'], dir);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/^rules\/schemas\.lock\.json:1:1 +error +Missing rules\/schemas\.lock\.json.*schema-changed$/m);
    const build = secc(['build'], dir);
    expect(build.code, build.output).toBe(0);
    expect(await readFile(path.join(dir, 'rules', 'schemas.lock.json'), 'utf8')).toBe(
      await readFile(path.join(ROOT, 'rules', 'schemas.lock.json'), 'utf8'),
    );
    expect(secc(['check'], dir).code).toBe(0);
  }, 60_000);
});
