/** `secc export docx`: what each Word document holds, the same bytes every time, and the command's refusals. */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Root } from 'mdast';
import { VFile } from 'vfile';
import { parseDocument } from '../../src/compiler/2-parse/parse.js';
import { wordDocument } from '../../src/features/word/export/document.js';
import { exportDocx } from '../../src/features/word/export/index.js';
import { importDocx } from '../../src/features/word/import/index.js';
import { projectCopy, replaceOnce, projectPlan, runCli, textDocuments } from '../support/project.js';
import type { CorpusPlan } from '../../src/compiler/1-read/plan.js';
import { compileStrings } from './support.js';

let corpus: Record<string, string>;
/** The project's declared modifications and releases, which an import is given. */
let plan: Pick<CorpusPlan, 'modifications' | 'releases'>;
let out: string;
beforeAll(async () => {
  corpus = await textDocuments();
  const { modifications, releases } = await projectPlan();
  plan = { modifications, releases };
  out = await mkdtemp(path.join(tmpdir(), 'secc-word-export-'));
});
afterAll(() => rm(out, { recursive: true, force: true }));

async function exported(rules: 'omit' | 'annex' = 'omit', version: 'redline' | 'baseline' | 'modified' = 'redline') {
  const compiled = await compileStrings(corpus);
  return exportDocx(compiled.parsed, compiled.plan, { version, rules });
}

function part(docx: Uint8Array | undefined, name: string): string {
  const bytes = unzipSync(docx ?? new Uint8Array())[name];
  if (!bytes) throw new Error(`no ${name}`);
  return strFromU8(bytes);
}

describe('the exported Word documents', () => {
  it('are the same bytes on every run, in any time zone, with no clock in them', async () => {
    const first = await exported('annex');
    const zone = process.env.TZ;
    process.env.TZ = 'Pacific/Kiritimati';
    try {
      const second = await exported('annex');
      expect([...second.keys()]).toEqual([...first.keys()]);
      for (const [name, bytes] of first) expect(Buffer.from(second.get(name) ?? []).equals(Buffer.from(bytes)), name).toBe(true);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
    for (const bytes of first.values()) {
      expect(part(bytes, 'docProps/core.xml')).not.toMatch(/dcterms:(created|modified)/);
      // Every local file header: DOS time 00:00:00, date 1980-01-01.
      const view = Buffer.from(bytes);
      for (let at = view.indexOf('PK\x03\x04'); at >= 0; at = view.indexOf('PK\x03\x04', at + 4)) {
        expect([view.readUInt16LE(at + 10), view.readUInt16LE(at + 12)]).toEqual([0, 0x21]);
      }
    }
  });

  it('carry clause headings with their numbers, tracked rows and cells, footnotes and lettered lists', async () => {
    const docs = await exported();
    const ab = part(docs.get('appendix-ab.docx'), 'word/document.xml');
    expect(ab).toMatch(/<w:pStyle w:val="Heading3"\/><\/w:pPr><w:r><w:t xml:space="preserve">AB2\.1 Target Response Time table</);
    // AB2.2 is an inserted clause: its heading's paragraph mark and text are tracked insertions by MP162.
    expect(ab).toMatch(
      /<w:pStyle w:val="Heading3"\/><w:rPr><w:ins w:id="\d+" w:author="MP162" w:date="2024-06-27T00:00:00Z"\/><\/w:rPr><\/w:pPr><w:ins [^>]*><w:r><w:t xml:space="preserve">AB2\.2 /,
    );
    expect(ab).toMatch(/<w:del [^>]*w:author="MP162"[^>]*><w:r><w:delText xml:space="preserve">16 secs<\/w:delText>/);
    expect(ab.match(/<w:footnoteReference w:id="\d"\/>/g)).toHaveLength(3);
    expect(ab.match(/<w:numPr>/g)).toHaveLength(4);
    const footnotes = part(docs.get('appendix-ab.docx'), 'word/footnotes.xml');
    expect(footnotes).toContain('w:name="_secfn_ab_2d_fn5"');
    expect(footnotes).toContain('The former SMETS1 Target Response Time of 16 seconds');
    // The MDR row of the User Roles table (Section H1.1) is a tracked row insertion.
    const h = part(docs.get('section-h.docx'), 'word/document.xml');
    expect(h).toMatch(
      /<w:trPr><w:ins w:id="\d+" w:author="MP162" w:date="2024-06-27T00:00:00Z"\/><\/w:trPr><w:tc><w:p><w:ins [^>]*><w:r><w:t xml:space="preserve">Meter Data Retriever</,
    );
    expect(part(docs.get('section-h.docx'), 'word/settings.xml')).toContain('<w:trackRevisions/>');
  });

  it('leave rule blocks out, or put them in an annex under their clauses', async () => {
    const omitted = part((await exported('omit')).get('section-h.docx'), 'word/document.xml');
    expect(omitted).not.toContain('H3.13A.schedule-first');
    const annex = part((await exported('annex')).get('section-h.docx'), 'word/document.xml');
    expect(annex).toContain('Annex: rule blocks (not part of the legal text)');
    expect(annex).toContain('Rule block under clause H3.13A');
    expect(annex).toContain('id: H3.13A.schedule-first');
  });

  it('say how many rule blocks they leave out, and an import of them warns that it has none', async () => {
    const omitted = (await exported('omit')).get('section-h.docx') ?? new Uint8Array();
    const front = /^---\n([\s\S]*?)\n---/.exec(corpus['section-h.md'] ?? '')?.[1] ?? '';
    const result = importDocx(omitted, 'section-h.docx', { frontMatter: front, authors: new Map(), ...plan });
    const blocks = (corpus['section-h.md'] ?? '').split('```rule').length - 1;
    expect(blocks).toBeGreaterThan(1);
    expect(result.file.messages.map((message) => message.reason)).toEqual([
      `The document: ${blocks} rule blocks were left out when it was exported (export with \`--rules annex\` to carry them); the imported text has none`,
    ]);
    expect(result.markdown).not.toContain('```rule');
    const annexed = (await exported('annex')).get('section-h.docx') ?? new Uint8Array();
    expect(importDocx(annexed, 'section-h.docx', { frontMatter: front, authors: new Map(), ...plan }).file.messages).toEqual([]);
  });

  it('take any version of the text by the redlines it accepts (how --as-at and --modification plug in)', async () => {
    const { parsed, plan } = await compileStrings(corpus);
    const bytes = async (version: Parameters<typeof exportDocx>[2]['version']) =>
      Buffer.from((await exportDocx(parsed, plan, { version, rules: 'omit' })).get('appendix-ab.docx') ?? []);
    expect((await bytes({ name: 'none accepted', accepts: () => false })).equals(await bytes('baseline'))).toBe(true);
    expect((await bytes({ name: 'all accepted', accepts: () => true })).equals(await bytes('modified'))).toBe(true);
    expect((await bytes({ name: 'all accepted', accepts: () => true })).equals(await bytes('baseline'))).toBe(false);
  });

  it('as a clean baseline or modified text carry no tracked change', async () => {
    for (const version of ['baseline', 'modified'] as const) {
      const ab = part((await exported('omit', version)).get('appendix-ab.docx'), 'word/document.xml');
      expect(ab).not.toMatch(/<w:(ins|del)\b/);
      expect(ab.includes('Meter Data Retriever'), version).toBe(version === 'modified');
      expect(ab.includes('16 secs'), version).toBe(true); // SR 4.1.1 and others keep 16 secs in both
      expect(ab.includes('AB2.2'), version).toBe(version === 'modified');
    }
  });
});

describe('what Word cannot carry', () => {
  it('is a warning at its place in the Markdown, one per thing left out', () => {
    const markdown = [
      '## X1 Heading',
      '',
      'A [link](https://example.org) and ![an image](x.png) and <b>html</b>, a <ins cite="MP162" datetime="2024-01-01">dated</ins> insertion.[^n]',
      '',
      '> A quotation.',
      '',
      '```yaml',
      'a: 1',
      '```',
      '',
      '[^n]: A note.',
      '',
      '[^lonely]: Never referenced.',
      '',
      '| A | B |',
      '|:--|---|',
      '| 1 | 2 |',
      '',
    ].join('\n');
    const file = new VFile({ path: 'x.md', value: markdown });
    const tree = parseDocument(file) as Root;
    wordDocument({ tree, file, title: 'T', modifications: [] }, { version: 'redline', rules: 'omit' });
    const sorted = [...file.messages].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    expect(sorted.map((message) => `${message.line}:${message.column} ${message.reason}`)).toEqual([
      '3:3 Word cannot carry a link target (its text is kept)',
      '3:35 Word cannot carry an image (left out)',
      '3:58 Word cannot carry raw HTML `<b>` (left out)',
      '3:65 Word cannot carry raw HTML `</b>` (left out)',
      '3:73 Word cannot carry the `datetime` of a redline (`2024-01-01`; Word dates the change by its modification)',
      '5:1 Word cannot carry a block quote (its paragraphs are kept, unquoted)',
      '7:1 Word cannot carry the language `yaml` of a code block (the code is kept)',
      '13:1 Word cannot carry the footnote `[^lonely]`, which nothing references (left out)',
      '15:1 Word cannot carry the column alignment of a table (the table is kept)',
    ]);
  });
});

describe('secc export docx', () => {
  it('writes one .docx per document and names them', async () => {
    const target = path.join(out, 'word');
    const run = await runCli(['export', 'docx', '--out', target, '--rules', 'annex'], path.resolve(import.meta.dirname, '..', '..'));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/appendix-ab\.docx {2}\d+ bytes\n/);
    expect((await readdir(target)).sort()).toEqual(['appendix-ab.docx', 'appendix-e.docx', 'section-g.docx', 'section-h.docx']);
  });

  it.each([
    [['export', 'docx'], /expected --out DIR/],
    [['export', 'docx', '--out', 'x', '--view', 'as-at'], /--view must be redline, baseline, modified/],
    [['export', 'docx', '--out', 'x', '--rules', 'inline'], /--rules must be omit or annex/],
    [['import', 'docx', 'x.docx'], /expected --front-matter FILE/],
    [['import', 'docx', 'x.docx', '--front-matter', 'f.yaml', '--author', 'Nobody'], /--author expects NAME=MODIFICATION/],
  ])('refuses %j with exit 2', async (args, message) => {
    const run = await runCli(args, out);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('writes nothing when the text does not compile', async () => {
    const copy = await projectCopy();
    try {
      const { writeFile, readFile } = await import('node:fs/promises');
      const file = path.join(copy.dir, 'sec-text', 'appendix-ab.md');
      await writeFile(file, replaceOnce(await readFile(file, 'utf8'), '| 4.6.1 | 24 hrs |', '| 4.6.1 | 24 hours |'));
      const run = await runCli(['export', 'docx', '--out', 'word'], copy.dir);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('trt-unknown-duration');
      expect(existsSync(path.join(copy.dir, 'word'))).toBe(false);
    } finally {
      await copy.cleanup();
    }
  });
});
