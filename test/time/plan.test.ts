/**
 * The plan in the pipeline: the driver reads releases.yaml and modifications/*.yaml beside the
 * documents; redlines cite declared modifications; a corpus without redlines needs no plan.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMPTY_PLAN, planFromTexts } from '../../src/compiler/1-read/plan.js';
import { corpusFromStrings } from '../../src/compiler/1-read/read.js';
import { compile } from '../../src/compiler/driver.js';
import { Schemas } from '../../src/shared/schemas.js';
import { compileProject, compileStrings, ROOT, textDocuments } from '../support/project.js';

const schemas = new Schemas();
const manifest = (id: string, title: string) => `modification: ${id}\ntitle: ${title}\nauthority: test\nintents: []\n`;
const findings = (
  files: ReadonlyArray<{
    path: string;
    messages: Array<{ ruleId?: string | null | undefined; line?: number | null | undefined; column?: number | null | undefined }>;
  }>,
) => files.flatMap((file) => file.messages.map((message) => `${file.path}:${message.line}:${message.column} ${message.ruleId}`));

const plainDocument = '---\ndocument: SEC Section X\nid: X\ntitle: X\n---\n\n# X\n\n## X1 Part\n\n### X1.1 Clause\n\nSome text.\n';

describe('the plan beside the documents', () => {
  it('dates each declared modification from releases.yaml and records it in both rule sets', async () => {
    const result = await compileProject();
    expect(result.ok).toBe(true);
    for (const ruleSet of Object.values(result.ruleSets ?? {}))
      expect(ruleSet.modifications).toEqual([
        { id: 'MP162', title: 'SEC changes required to deliver MHHS', implementationDate: '2024-06-27' },
      ]);
    expect(result.ruleSets?.modified.documents.map((document) => [document.file, document.modifications])).toEqual([
      ['appendix-ab.md', ['MP162']],
      ['appendix-e.md', ['MP162']],
      ['section-g.md', ['MP162']],
      ['section-h.md', ['MP162']],
    ]);
  });

  it('a corpus without redlines needs no plan', async () => {
    const result = await compile(corpusFromStrings({ 'section-x.md': plainDocument }), { plan: EMPTY_PLAN, emit: false });
    expect(findings(result.files)).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('a redline citing nothing declared is a compile error at the redline, even with no plan at all', async () => {
    const text = plainDocument.replace('Some text.', 'Some <ins cite="MP999">new</ins> text.');
    const result = await compile(corpusFromStrings({ 'section-x.md': text }), { plan: EMPTY_PLAN, emit: false });
    expect(findings(result.files)).toEqual(['sec-text/section-x.md:13:6 redline-cite-undeclared']);
    expect(result.ok).toBe(false);
  });

  it('an undeclared cite in the MP162 text fails the build at its cell; the outputs are not produced', async () => {
    const documents = await textDocuments();
    const ab = documents['appendix-ab.md'] ?? '';
    documents['appendix-ab.md'] = ab.replace('<ins cite="MP162">30 secs', '<ins cite="MP612">30 secs');
    const result = await compileStrings(documents);
    const line = ab.slice(0, ab.indexOf('<ins cite="MP162">30 secs')).split('\n').length;
    expect(findings(result.files).filter((entry) => entry.endsWith('redline-cite-undeclared'))).toHaveLength(1);
    expect(findings(result.files).find((entry) => entry.endsWith('redline-cite-undeclared'))).toMatch(
      new RegExp(`^sec-text/appendix-ab.md:${line}:\\d+ `),
    );
    expect(result.outputs.size).toBe(0);
  });

  it('a TBC release is a warning in the plan; its modification is still declared, dated TBC', async () => {
    const releases =
      (await readFile(path.join(ROOT, 'sec-text', 'releases.yaml'), 'utf8')) +
      '\n  - id: later\n    title: Later\n    date: TBC\n    implements:\n      - modification: MP999\n';
    const plan = planFromTexts(
      { releases, manifests: { 'MP162.yaml': manifest('MP162', 'MHHS'), 'MP999.yaml': manifest('MP999', 'Later change') } },
      'sec-text',
      schemas,
    );
    expect(plan.modifications.map((modification) => `${modification.id} ${modification.implementationDate}`)).toEqual([
      'MP162 2024-06-27',
      'MP999 TBC',
    ]);
    const warnings = plan.files.flatMap((file) => file.messages).filter((message) => message.fatal === false);
    expect(warnings.map((message) => message.ruleId)).toEqual(['release-date-tbc']);
    expect(plan.files.flatMap((file) => file.messages).filter((message) => message.fatal === true)).toEqual([]);
  });

  it('manifests without a releases.yaml: release-plan-missing; a manifest without its id: modification-manifest-unreadable', () => {
    const plan = planFromTexts(
      { manifests: { 'MP162.yaml': manifest('MP162', 'MHHS'), 'broken.yaml': 'title: [unclosed\n' } },
      'sec-text',
      schemas,
    );
    expect(findings(plan.files)).toEqual([
      `${path.join('sec-text', 'modifications', 'MP162.yaml')}:1:1 release-plan-missing`,
      `${path.join('sec-text', 'modifications', 'broken.yaml')}:1:1 modification-manifest-unreadable`,
    ]);
  });
});
