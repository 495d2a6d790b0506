/**
 * Word files the exporter did not write: pandoc's (from a hand-written pandoc redline of
 * Appendix AB) and one built here with the `docx` package directly (another author name, Word's
 * own lettered numbering, paragraph marks untracked). Each imports into a document that compiles
 * with the expected change set. An unmapped author is an error finding; what Markdown cannot
 * carry is a warning naming the paragraph.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  HeadingLevel,
  type ICommentsOptions,
  ImageRun,
  InsertedTextRun,
  LevelFormat,
  Packer,
  Paragraph,
  TextRun,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDocx } from '../../src/features/word/export/index.js';
import { importDocx } from '../../src/features/word/import/index.js';
import { projectPlan, runCli, TEXT_DIR, textDocuments } from '../support/project.js';
import type { CorpusPlan } from '../../src/compiler/1-read/plan.js';
import { changeSetOf, compileStrings, frontMatterOf, withoutPositions } from './support.js';
import { hasTool } from './tools.js';

const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'appendix-ab.pandoc.md');
const MP162 = { id: 'MP162', title: 'SEC changes required to deliver MHHS', implementationDate: '2024-06-27' };
const SECTION_X = `document: SEC Section X\nid: X\ntitle: Test Provisions\n`;
const change = (id: number, author = 'Jane Drafter') => ({ id, author, date: '2024-06-27T00:00:00Z' });

let dir: string;
let corpus: Record<string, string>;
/** The project's declared modifications and releases, which an import is given. */
let plan: Pick<CorpusPlan, 'modifications' | 'releases'>;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'secc-word-writers-'));
  corpus = await textDocuments();
  const { modifications, releases } = await projectPlan();
  plan = { modifications, releases };
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Section X, built with `docx` as any other program would: runs tracked, paragraph marks not. */
function sectionX(extra: Paragraph[] = [], comments?: ICommentsOptions): Document {
  return new Document({
    ...(comments ? { comments } : {}),
    numbering: {
      config: [
        {
          reference: 'letters',
          levels: [{ level: 0, format: LevelFormat.LOWER_LETTER, text: '(%1)', alignment: AlignmentType.LEFT }],
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Test Provisions')] }),
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('X1 General')] }),
          new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun('X1.1 Notices')] }),
          new Paragraph({
            children: [
              new TextRun('A notice shall be given within '),
              new DeletedTextRun({ text: 'five', ...change(1) }),
              new InsertedTextRun({ text: 'ten', ...change(2) }),
              new TextRun(' Working Days, either:'),
            ],
          }),
          new Paragraph({ numbering: { reference: 'letters', level: 0 }, children: [new TextRun('in writing; or')] }),
          new Paragraph({
            numbering: { reference: 'letters', level: 0 },
            children: [new InsertedTextRun({ text: 'by email.', ...change(3) })],
          }),
          new Paragraph({
            heading: HeadingLevel.HEADING_3,
            children: [new InsertedTextRun({ text: 'X1.2 Notices by MDR Users', ...change(4) })],
          }),
          new Paragraph({ children: [new InsertedTextRun({ text: 'An MDR User shall give notices to the DCC.', ...change(5) })] }),
          ...extra,
        ],
      },
    ],
  });
}

async function importSectionX(document: Document, authors: string[] = ['--author', 'Jane Drafter=MP162']) {
  const file = path.join(dir, `x-${Math.random().toString(36).slice(2)}.docx`);
  await writeFile(file, await Packer.toBuffer(document));
  await writeFile(path.join(dir, 'x.yaml'), SECTION_X);
  const out = path.join(dir, 'section-x.md');
  await rm(out, { force: true });
  const run = await runCli(['import', 'docx', file, '--front-matter', 'x.yaml', '--out', out, '--text', TEXT_DIR, ...authors], dir);
  return { ...run, out, written: existsSync(out) };
}

describe('a Word document made by pandoc', () => {
  it.skipIf(!hasTool('pandoc'))('imports Appendix AB into a text with the MP162 change set (footnotes renumbered by pandoc)', async () => {
    const docx = path.join(dir, 'pandoc-ab.docx');
    execFileSync('pandoc', ['-f', 'markdown-smart', '-t', 'docx', '-o', docx, FIXTURE]);
    const result = importDocx(new Uint8Array(readFileSync(docx)), 'pandoc-ab.docx', {
      frontMatter: frontMatterOf(corpus['appendix-ab.md'] ?? ''),
      ...plan,
      authors: new Map(),
    });
    expect(result.file.messages.map(String)).toEqual([]);
    const before = await compileStrings(corpus);
    const after = await compileStrings({ ...corpus, 'appendix-ab.md': result.markdown });
    expect(after.files.flatMap((file) => file.messages.map(String))).toEqual([]);
    // pandoc numbers footnotes itself; the two notes come back as ab-fn1 and ab-fn2.
    const renamed = (value: unknown) => JSON.parse(JSON.stringify(value).replaceAll('ab-fn4', 'ab-fn1').replaceAll('ab-fn5', 'ab-fn2'));
    expect(changeSetOf(after)).toEqual(renamed(changeSetOf(before)));
    expect(withoutPositions(after.ruleSets?.baseline)).toEqual(renamed(withoutPositions(before.ruleSets?.baseline)));
    expect(withoutPositions(after.ruleSets?.modified)).toEqual(renamed(withoutPositions(before.ruleSets?.modified)));
  });
});

describe('the exported documents saved again by LibreOffice', () => {
  it.skipIf(!hasTool('soffice'))(
    'import to the same rules and change set (LibreOffice renames our styles and bookmarks and drops some tracking; the import reads through it)',
    async () => {
      const before = await compileStrings(corpus);
      const exported = await exportDocx(before.parsed, before.plan, { version: 'redline', rules: 'annex' });
      const files: string[] = [];
      for (const [name, bytes] of exported) {
        files.push(path.join(dir, 'ours', name));
        await mkdir(path.join(dir, 'ours'), { recursive: true });
        await writeFile(path.join(dir, 'ours', name), bytes);
      }
      const profile = `-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`;
      const resaved = path.join(dir, 'libreoffice');
      execFileSync('soffice', [profile, '--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', resaved, ...files], {
        stdio: 'pipe',
      });
      const imported: Record<string, string> = {};
      for (const name of exported.keys()) {
        const markdownName = name.replace(/\.docx$/, '.md');
        const bytes = new Uint8Array(readFileSync(path.join(resaved, name)));
        imported[markdownName] = importDocx(bytes, name, {
          frontMatter: frontMatterOf(corpus[markdownName] ?? ''),
          ...plan,
          authors: new Map(),
        }).markdown;
      }
      const after = await compileStrings(imported);
      expect(after.files.flatMap((file) => file.messages.filter((message) => message.fatal).map(String))).toEqual([]);
      expect(withoutPositions(after.ruleSets)).toEqual(withoutPositions(before.ruleSets));
      expect(changeSetOf(after)).toEqual(changeSetOf(before));
    },
    120_000,
  );
});

describe('an exported document edited in Word by a drafter', () => {
  it("imports with the drafter's new tracked change beside MP162's, and compiles with one more change", async () => {
    const before = await compileStrings(corpus);
    const exported =
      (await exportDocx(before.parsed, before.plan, { version: 'redline', rules: 'annex' })).get('appendix-ab.docx') ?? new Uint8Array();
    // What Word writes when Jane retypes SR 4.8.1's SMETS2 On-Demand time with Track Changes on.
    const parts = unzipSync(exported);
    const xml = strFromU8(parts['word/document.xml'] ?? new Uint8Array());
    const cell = '<w:r><w:t xml:space="preserve">5,600 secs</w:t></w:r>';
    expect(xml.split(cell)).toHaveLength(2);
    const edit =
      '<w:del w:id="900" w:author="Jane Drafter" w:date="2024-03-01T10:00:00Z"><w:r><w:delText>5,600 secs</w:delText></w:r></w:del>' +
      '<w:ins w:id="901" w:author="Jane Drafter" w:date="2024-03-01T10:00:00Z"><w:r><w:t>5,700 secs</w:t></w:r></w:ins>';
    parts['word/document.xml'] = strToU8(xml.replace(cell, edit));
    const result = importDocx(zipSync(parts), 'appendix-ab.docx', {
      frontMatter: frontMatterOf(corpus['appendix-ab.md'] ?? ''),
      ...plan,
      authors: new Map([['Jane Drafter', 'MP162']]),
    });
    expect(result.file.messages).toEqual([]);
    // Word's date of the edit is not MP162's date, so it travels as the redline's `datetime`.
    expect(result.markdown).toContain(
      '| 4.8.1 | 24 hrs | <del cite="MP162" datetime="2024-03-01T10:00:00Z">5,600 secs</del><ins cite="MP162" datetime="2024-03-01T10:00:00Z">5,700 secs</ins> | 24 hrs |',
    );
    const after = await compileStrings({ ...corpus, 'appendix-ab.md': result.markdown });
    const old = new Set(changeSetOf(before).changes.map((entry) => JSON.stringify(entry)));
    const added = changeSetOf(after).changes.filter((entry) => !old.has(JSON.stringify(entry)));
    // The `Eligible User Roles` cell is one TRT per eligible role (five for SR 4.8.1), and the clause's text changed.
    expect(added.map((entry) => `${entry.kind} ${entry.action} ${entry.summary}`)).toEqual([
      'trt changed TRT SR 4.8.1, electricity-distributor, SMETS2, on-demand: 5,600 s → 95 min',
      'trt changed TRT SR 4.8.1, gas-supplier, SMETS2, on-demand: 5,600 s → 95 min',
      'trt changed TRT SR 4.8.1, gas-transporter, SMETS2, on-demand: 5,600 s → 95 min',
      'trt changed TRT SR 4.8.1, import-supplier, SMETS2, on-demand: 5,600 s → 95 min',
      'trt changed TRT SR 4.8.1, other-user, SMETS2, on-demand: 5,600 s → 95 min',
      'clause changed clause AB2.1 Target Response Time table: text changed',
    ]);
  });
});

describe('a Word document built with the docx package', () => {
  it('imports with the author mapped: a replaced word, an inserted lettered paragraph and an inserted clause', async () => {
    const run = await importSectionX(sectionX());
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const markdown = readFileSync(run.out, 'utf8');
    expect(markdown).toContain(
      'A notice shall be given within <del cite="MP162">five</del><ins cite="MP162">ten</ins> Working Days, either:',
    );
    expect(markdown).toContain('- (a) in writing; or\n\n<ins cite="MP162">\n\n- (b) by email.\n\n### X1.2 Notices by MDR Users');
    const before = await compileStrings(corpus);
    const after = await compileStrings({ ...corpus, 'section-x.md': markdown });
    expect(after.files.flatMap((file) => file.messages.filter((message) => message.fatal).map(String))).toEqual([]);
    const added = changeSetOf(after).changes.filter(
      (entry) => !changeSetOf(before).changes.some((old) => JSON.stringify(old) === JSON.stringify(entry)),
    );
    expect(added.map((entry) => `${entry.kind} ${entry.action} ${'clause' in entry ? entry.clause : ''}`)).toEqual([
      'clause changed X1.1',
      'clause added X1.2',
    ]);
  });

  it('refuses an author mapped to no modification: exit 1, the author and paragraph named, nothing written', async () => {
    const run = await importSectionX(sectionX(), []);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'Paragraph 4 (clause X1.1, "A notice shall be given within ten Worki…"): a tracked deletion by `Jane Drafter`',
    );
    expect(run.stderr).toContain('word-import-unknown-author');
    expect(run.written).toBe(false);
  });

  it('refuses an author mapped to a modification sec-text/modifications/ does not declare: exit 2, nothing written', async () => {
    const run = await importSectionX(sectionX(), ['--author', 'Jane Drafter=MP999']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'secc: --author maps `Jane Drafter` to MP999, which sec-text/modifications/ does not declare (it declares MP162)\n',
    );
    expect(run.written).toBe(false);
  });

  it('warns, naming the paragraph, about comments, images, moved text and formatting-only changes', async () => {
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    const extra = [
      new Paragraph({
        children: [
          new CommentRangeStart(0),
          new TextRun('Commented text.'),
          new CommentRangeEnd(0),
          new TextRun({ children: [new CommentReference(0)] }),
        ],
      }),
      new Paragraph({
        children: [new TextRun('A picture: '), new ImageRun({ type: 'png', data: png, transformation: { width: 1, height: 1 } })],
      }),
      new Paragraph({ children: [new TextRun({ text: 'Now bold.', bold: true, revision: { ...change(9), bold: false } })] }),
      new Paragraph({ children: [new TextRun('MOVED-HERE')] }),
      new Paragraph({ children: [new TextRun('Kept, '), new TextRun('NESTED-HERE')] }),
    ];
    const comments = { children: [{ id: 0, author: 'Reviewer', children: [new Paragraph('Why?')] }] };
    const moved = withMovedText(new Uint8Array(await Packer.toBuffer(sectionX(extra, comments))));
    const result = importDocx(new Uint8Array(moved), 'warnings.docx', {
      frontMatter: SECTION_X,
      modifications: [MP162],
      authors: new Map([['Jane Drafter', 'MP162']]),
    });
    const warnings = result.file.messages.map((message) => message.reason);
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Paragraph 9 \(clause X1\.2, "Commented text\."\): a comment \(left out\)$/),
        expect.stringMatching(/^Paragraph 10 \(clause X1\.2, "A picture:"\): an image \(left out\)$/),
        expect.stringMatching(/^Paragraph 11 \(clause X1\.2, "Now bold\."\): a formatting-only change \(left out\)$/),
        expect.stringMatching(/^Paragraph 12 \(clause X1\.2, "Moved words\."\): moved text/),
        'Paragraph 13 (clause X1.2, "Kept,"): text both inserted and deleted by tracked changes (left out: it is in neither version)',
      ]),
    );
    expect(result.file.messages.every((message) => message.fatal === false)).toBe(true);
    expect(result.markdown).toMatch(/<del cite="MP162">\s*Moved words\.\s*<\/del>/);
    expect(result.markdown).toContain('\nKept,\n');
    expect(result.markdown).not.toContain('ghost');
  });
});

/** Word's own markup for moved text, which the docx package does not write: the `MOVED-HERE` run becomes a move away. */
function withMovedText(docx: Uint8Array): Uint8Array {
  const parts = unzipSync(docx);
  const xml = strFromU8(parts['word/document.xml'] ?? new Uint8Array());
  const run = '<w:r><w:t xml:space="preserve">MOVED-HERE</w:t></w:r>';
  expect(xml).toContain(run);
  const move =
    '<w:moveFrom w:id="90" w:author="Jane Drafter" w:date="2024-06-27T00:00:00Z"><w:r><w:delText>Moved words.</w:delText></w:r></w:moveFrom>';
  const nested = '<w:r><w:t xml:space="preserve">NESTED-HERE</w:t></w:r>';
  expect(xml).toContain(nested);
  const ghost =
    '<w:ins w:id="91" w:author="Jane Drafter" w:date="2024-06-27T00:00:00Z"><w:del w:id="92" w:author="Jane Drafter" w:date="2024-06-27T00:00:00Z"><w:r><w:delText>ghost</w:delText></w:r></w:del></w:ins>';
  parts['word/document.xml'] = strToU8(xml.replace(run, move).replace(nested, ghost));
  return zipSync(parts);
}
