/**
 * One typed registry of rule ids (issue 13, part 5): every id the code can emit is registered once,
 * has exactly one doc, reaches SARIF, and the README's rule tables are generated from it.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { COMPILER_RULES, LINT_RULES, ruleMetadata } from '../src/features/lint/index.js';
import { withRuleTables } from '../src/features/lint/rule-tables.js';
import { report } from '../src/shared/diagnostics.js';
import { isRuleId, RULE_IDS } from '../src/shared/rule-registry.js';
import { ROOT } from './support/project.js';

const DOCS = [...LINT_RULES, ...COMPILER_RULES];

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.ts')).map((entry) => path.join(entry.parentPath, entry.name));
}

/**
 * Every rule id written in src/: the string values of `*_RULE`/`*_RULES` constants, of `ruleId:`
 * properties and of rule docs' `id:` (a rule id is kebab-case, so other strings in those constants,
 * like `omit`, are not mistaken for one).
 */
async function idsInCode(): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const file of await sourceFiles(path.join(ROOT, 'src'))) {
    const text = await readFile(file, 'utf8');
    const constants = [...text.matchAll(/\b[A-Z_]*RULES?\s*=\s*(\{[^}]*\}|'[^']*')/g)].map((match) => match[1] ?? '');
    // `id:` only in rule modules and docs (elsewhere an `id:` is an intent's, a release's…).
    const property = file.includes(`${path.sep}lint${path.sep}`)
      ? /\b(?:ruleId|id):\s*('[a-z]+(?:-[a-z0-9]+)+')/g
      : /\bruleId:\s*('[a-z]+(?:-[a-z0-9]+)+')/g;
    const properties = [...text.matchAll(property)].map((match) => match[1] ?? '');
    for (const chunk of [...constants, ...properties]) {
      // Values only: a quoted key (`'wrong-trt': 'conform-wrong-trt'`) is not an id.
      for (const [, id = ''] of chunk.matchAll(/'([a-z]+(?:-[a-z0-9]+)+)'(?!\s*:)/g)) found.set(id, path.relative(ROOT, file));
    }
  }
  return found;
}

describe('the registry of rule ids', () => {
  it('every id written in the code is registered', async () => {
    const ids = await idsInCode();
    expect(ids.size).toBeGreaterThan(80);
    const unregistered = [...ids].filter(([id]) => !isRuleId(id) && !NOT_RULE_IDS.has(id)).map(([id, file]) => `${id} (${file})`);
    expect(unregistered).toEqual([]);
  });

  it('every registered id has exactly one doc, and every doc a registered id', () => {
    const documented = DOCS.map((rule) => rule.id);
    expect([...documented].sort()).toEqual([...RULE_IDS].sort());
    expect(new Set(documented).size).toBe(documented.length);
  });

  it('every registered id is described to SARIF (summary, doc, help)', () => {
    const metadata = new Map(ruleMetadata().map((rule) => [rule.id, rule]));
    for (const id of RULE_IDS) {
      const rule = metadata.get(id);
      expect(rule?.description.length, id).toBeGreaterThan(40);
      expect(rule?.help, id).toContain(`secc explain ${id}`);
    }
  });

  it('every failing doc example asserts the full message text of each finding', () => {
    for (const rule of DOCS) {
      for (const example of rule.doc.examples) {
        for (const entry of example.expect) expect(entry, `${rule.id}: ${example.title}`).toMatch(/^\S+:\S.* — \S/s);
      }
    }
  });

  it('report() accepts only registered ids (a type error otherwise)', () => {
    const file = new VFile();
    // @ts-expect-error `not-a-rule` is not in src/shared/rule-registry.ts: tsc fails if report() ever accepts it.
    report(file, 'Unexpected thing', { ruleId: 'not-a-rule' });
    expect(file.messages[0]?.ruleId).toBe('not-a-rule');
    expect(isRuleId('not-a-rule')).toBe(false);
  });

  it('the README rule tables are generated from the registry (npm run docs:rules) and up to date', async () => {
    const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
    expect(withRuleTables(readme), 'README.md is stale: run `npm run docs:rules`').toBe(readme);
    for (const id of RULE_IDS) expect(readme).toContain(`<a id="rule-${id}"></a>\`${id}\``);
  });

  it('the staleness check can fail: an edited table is regenerated', async () => {
    const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
    const edited = readme.replace('`drift` | error |', '`drift` | warning |');
    expect(edited).not.toBe(readme);
    expect(withRuleTables(edited)).toBe(readme);
  });
});

/** Kebab-case strings in rule constants that are not rule ids (none today). */
const NOT_RULE_IDS = new Set<string>([]);
