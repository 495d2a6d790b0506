/**
 * The drafting rules: every rule's doc examples are executed (so the docs cannot lie), the MP162
 * corpus is clean, and the Done-when scenarios of the lint issue run through the real CLI.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPILER_RULES, lint, LINT_RULES } from '../src/features/lint/index.js';
import type { Finding } from '../src/features/report/findings.js';
import { runExample } from './support/lint-examples.js';
import { compileProject, projectCopy, replaceOnce, ROOT, runCli } from './support/project.js';

const ALL = [...LINT_RULES, ...COMPILER_RULES];

describe('rule registry and docs', () => {
  it('rule ids are unique and stable-looking (kebab-case)', () => {
    const ids = ALL.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
  });

  it('every drafting rule has a doc paragraph, a passing and a failing example', () => {
    for (const rule of LINT_RULES) {
      expect(rule.doc.description.length, rule.id).toBeGreaterThan(120);
      expect(
        rule.doc.examples.some((example) => example.expect.length === 0),
        `${rule.id}: passing example`,
      ).toBe(true);
      expect(
        rule.doc.examples.some((example) => example.expect.length > 0),
        `${rule.id}: failing example`,
      ).toBe(true);
    }
  });

  it('the README lists every rule id', async () => {
    const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
    for (const rule of ALL) expect(readme, rule.id).toContain(`\`${rule.id}\``);
  });
});

describe('rule doc examples', () => {
  for (const rule of ALL) {
    for (const example of rule.doc.examples) {
      it(`${rule.id}: ${example.title}`, async () => {
        const { got, want } = await runExample(example, rule.id);
        expect(got).toEqual(want);
      });
    }
  }
});

describe('the MP162 corpus', () => {
  it('has no lint findings at all, in either view', async () => {
    const result = await compileProject();
    lint(result);
    expect(
      result.files.flatMap((file) =>
        file.messages.map((message) => `${file.path}:${message.line}:${message.column} ${message.ruleId} ${message.reason}`),
      ),
    ).toEqual([]);
  });

  it('tree rules still run when compilation fails; rule-set rules are skipped', async () => {
    const { compileStrings, textDocuments } = await import('./support/project.js');
    const documents = await textDocuments();
    documents['appendix-ab.md'] = replaceOnce(documents['appendix-ab.md']!, '| 5.3 | N/A | 24 hrs |', '| 5.3 | N/A | 24 hours |');
    documents['section-h.md'] = replaceOnce(
      documents['section-h.md']!,
      'in accordance with Section H3.13. The User',
      'in accordance with Section H3.31. The User',
    );
    const result = await compileStrings(documents, false);
    expect(result.ok).toBe(false);
    lint(result);
    const ids = result.files.flatMap((file) => file.messages.map((message) => message.ruleId));
    expect(ids).toContain('trt-unknown-duration');
    expect(ids).toContain('xref-unresolved');
    expect(ids).not.toContain('dcc-scheduled-trt');
  });
});

/** Runs `secc lint --format json` on a temp copy of the project with edits; returns exit and findings. */
async function lintEdited(edits: Array<{ file: string; find: string; replace: string }>, args: string[] = ['lint', '--format', 'json']) {
  const project = await projectCopy();
  try {
    for (const edit of edits) {
      const file = path.join(project.dir, 'sec-text', edit.file);
      await writeFile(file, replaceOnce(await readFile(file, 'utf8'), edit.find, edit.replace));
    }
    const run = await runCli(args, project.dir);
    return { ...run, findings: args.includes('json') ? (JSON.parse(run.stdout) as { findings: Finding[] }).findings : [] };
  } finally {
    await project.cleanup();
  }
}

/** Line and column where `at` first occurs after `before` in a sec-text document. */
async function placeOf(file: string, before: string, at: string): Promise<string> {
  const text = await readFile(path.join(ROOT, 'sec-text', file), 'utf8');
  const index = text.indexOf(at, text.indexOf(before) + before.length);
  const lines = text.slice(0, index).split('\n');
  return `${lines.length}:${lines[lines.length - 1]!.length + 1}`;
}

describe('Done when: SR 4.2 DCC Scheduled in E and Scheduled TRTs in AB must change together (CLI)', () => {
  const abRow =
    '| 4.2 | <del cite="MP162">N/A</del><ins cite="MP162">24 hrs[^ab-fn4]</ins> | 30 secs | <del cite="MP162">N/A</del><ins cite="MP162">24 hrs[^ab-fn4]</ins> |';

  it('E says DCC Scheduled, AB leaves every Scheduled TRT N/A: reported at the E cell, exit 1', async () => {
    const run = await lintEdited([
      {
        file: 'appendix-ab.md',
        find: `${abRow} 16 secs | <ins cite="MP162">24 hrs</ins> | <ins cite="MP162">24 hrs</ins> | <ins cite="MP162">24 hrs</ins> | <ins cite="MP162">24 hrs</ins> |`,
        replace:
          '| 4.2 | N/A | 30 secs | N/A | 16 secs | <ins cite="MP162">N/A</ins> | <ins cite="MP162">24 hrs</ins> | <ins cite="MP162">N/A</ins> | <ins cite="MP162">24 hrs</ins> |',
      },
      { file: 'appendix-ab.md', find: '[^ab-fn4]: Before', replace: 'Before' },
    ]);
    expect(run.code).toBe(1);
    const found = run.findings.filter((finding) => finding.ruleId === 'dcc-scheduled-trt');
    expect(found).toHaveLength(1);
    expect(`${found[0]!.line}:${found[0]!.column}`).toBe(await placeOf('appendix-e.md', '| 4.2 |', 'Yes[^e-fn4]'));
    expect(found[0]!.file).toBe('sec-text/appendix-e.md');
    expect(found[0]!.view).toBe('modified');
    expect(found[0]!.message).toMatch(/SR 4\.2/);
    expect(found[0]!.message).toMatch(/Meter Data Retriever/);
    expect(found[0]!.related[0]!.file).toBe('sec-text/appendix-ab.md');
  });

  it('the reverse: E not DCC Scheduled, AB gives Scheduled TRTs: reported at each AB cell, naming the roles', async () => {
    const run = await lintEdited([
      { file: 'appendix-e.md', find: '<del cite="MP162">No</del><ins cite="MP162">Yes[^e-fn4]</ins>', replace: 'No' },
      { file: 'appendix-e.md', find: '[^e-fn4]: Before', replace: 'Before' },
    ]);
    expect(run.code).toBe(1);
    const found = run.findings.filter((finding) => finding.ruleId === 'dcc-scheduled-trt');
    expect(found.map((finding) => finding.file)).toEqual(Array(4).fill('sec-text/appendix-ab.md'));
    expect(`${found[0]!.line}:${found[0]!.column}`).toBe(await placeOf('appendix-ab.md', '| 4.2 |', '24 hrs[^ab-fn4]'));
    expect(found[0]!.message).toMatch(/SR 4\.2, Export Supplier and Electricity Distributor, SMETS2/);
    expect(found.some((finding) => /Meter Data Retriever, SMETS1/.test(finding.message))).toBe(true);
  });

  it('a User Role eligible in E with no TRT but N/A in AB: trt-coverage at the E cell', async () => {
    const run = await lintEdited([
      {
        file: 'appendix-ab.md',
        find: '| 4.17 | 24 hrs | 30 secs | N/A | N/A | <ins cite="MP162">24 hrs</ins> | <ins cite="MP162">24 hrs</ins> |',
        replace: '| 4.17 | 24 hrs | 30 secs | N/A | N/A | <ins cite="MP162">N/A</ins> | <ins cite="MP162">N/A</ins> |',
      },
    ]);
    expect(run.code).toBe(1);
    const found = run.findings.filter((finding) => finding.ruleId === 'trt-coverage');
    expect(found).toHaveLength(1);
    expect(found[0]!.file).toBe('sec-text/appendix-e.md');
    expect(`${found[0]!.line}:${found[0]!.column}`).toBe(await placeOf('appendix-e.md', '| 4.17 |', 'Yes</ins>'));
    expect(found[0]!.message).toMatch(/Meter Data Retriever and SR 4\.17/);
  });

  it('secc check is the gate: the same contradiction fails it with exit 1, in SARIF too', async () => {
    const run = await lintEdited(
      [
        { file: 'appendix-e.md', find: '<del cite="MP162">No</del><ins cite="MP162">Yes[^e-fn4]</ins>', replace: 'No' },
        { file: 'appendix-e.md', find: '[^e-fn4]: Before', replace: 'Before' },
      ],
      ['check', '--format', 'sarif'],
    );
    expect(run.code).toBe(1);
    const sarif = JSON.parse(run.stdout) as {
      runs: Array<{
        results: Array<{ ruleId: string; level: string }>;
        tool: { driver: { rules: Array<{ id: string; fullDescription?: { text: string } }> } };
      }>;
    };
    expect(sarif.runs[0]!.results.filter((result) => result.ruleId === 'dcc-scheduled-trt' && result.level === 'error')).toHaveLength(4);
    // Rule docs reach SARIF through the reporter options: drafting and compiler rules alike.
    const described = sarif.runs[0]!.tool.driver.rules.filter((rule) => rule.fullDescription).map((rule) => rule.id);
    expect(described).toEqual(expect.arrayContaining(['dcc-scheduled-trt', 'trt-coverage', 'redline-unbalanced', 'drift']));
  });

  it('on the MP162 corpus secc lint and secc check exit 0', async () => {
    expect((await lintEdited([], ['lint'])).code).toBe(0);
    expect((await lintEdited([], ['check'])).code).toBe(0);
  });
});
