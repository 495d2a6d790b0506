/**
 * Independent oracles for `secc export docx` on the MP162 corpus:
 * - pandoc `--track-changes=all` reads each exported file: the inserted and deleted words, per
 *   author, are exactly those of the Markdown redline (footnotes counted at each reference, as
 *   Word gives every reference its own note; rule blocks are not legal text and not exported),
 *   and every change is dated with the modification's implementation date;
 * - LibreOffice converts each file to PDF headless; on the page image of the Appendix AB table
 *   the inserted MDR columns are drawn in the colour LibreOffice gives a tracked insertion, and
 *   a clean (`--view modified`) export has no such colour at all.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Nodes, Root } from 'mdast';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { parseDocument } from '../../src/compiler/2-parse/parse.js';
import { isRedline } from '../../src/compiler/2-parse/redline/types.js';
import { exportDocx } from '../../src/features/word/export/index.js';
import { textDocuments } from '../support/project.js';
import { compileStrings } from './support.js';
import { hasTool } from './tools.js';

let dir: string;
let corpus: Record<string, string>;
let redline: Map<string, Uint8Array>;
let clean: Map<string, Uint8Array>;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'secc-word-oracles-'));
  corpus = await textDocuments();
  const compiled = await compileStrings(corpus);
  redline = await exportDocx(compiled.parsed, compiled.plan, { version: 'redline', rules: 'omit' });
  clean = await exportDocx(compiled.parsed, compiled.plan, { version: 'modified', rules: 'omit' });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** `insertion MP162` → the words inserted by MP162, sorted. */
type Words = Record<string, string[]>;

class Collector {
  private readonly text = new Map<string, string>();
  add(key: string | undefined, value: string): void {
    if (key) this.text.set(key, (this.text.get(key) ?? '') + value);
  }
  /** A block boundary: words on either side stay apart. */
  gap(): void {
    for (const [key, value] of this.text) this.text.set(key, `${value} `);
  }
  words(): Words {
    const out: Words = {};
    for (const [key, value] of [...this.text].sort()) out[key] = value.split(/\s+/).filter(Boolean).sort();
    return out;
  }
}

function markdownWords(markdown: string): Words {
  const tree = parseDocument(new VFile({ path: 'x.md', value: markdown })) as Root;
  const definitions = new Map<string, { node: Nodes; key: string | undefined }>();
  const findDefinitions = (node: Nodes, key: string | undefined): void => {
    if (node.type === 'footnoteDefinition') definitions.set(node.identifier, { node, key });
    else if (isRedline(node)) node.children.forEach((child) => findDefinitions(child, `${node.type} ${node.cite ?? 'unattributed'}`));
    else if ('children' in node) (node.children as Nodes[]).forEach((child) => findDefinitions(child, key));
  };
  findDefinitions(tree, undefined);
  const out = new Collector();
  const walk = (node: Nodes, key: string | undefined): void => {
    if (isRedline(node)) return node.children.forEach((child) => walk(child, `${node.type} ${node.cite ?? 'unattributed'}`));
    if (node.type === 'footnoteDefinition' || (node.type === 'code' && node.lang === 'rule') || node.type === 'yaml') return;
    if (node.type === 'footnoteReference') {
      const definition = definitions.get(node.identifier);
      if (definition) (definition.node as { children: Nodes[] }).children.forEach((child) => walk(child, definition.key));
      return out.gap();
    }
    if (node.type === 'text' || node.type === 'inlineCode') return out.add(key, node.value);
    if ('children' in node) (node.children as Nodes[]).forEach((child) => walk(child, key));
    if (!['text', 'emphasis', 'strong', 'insertion', 'deletion', 'link'].includes(node.type)) out.gap();
  };
  walk(tree, undefined);
  return out.words();
}

interface PandocNode {
  t: string;
  c?: unknown;
}

function pandocWords(json: string, dates: Set<string>): Words {
  const out = new Collector();
  const walk = (value: unknown, key: string | undefined): void => {
    if (Array.isArray(value)) return value.forEach((item) => walk(item, key));
    if (typeof value !== 'object' || value === null || !('t' in value)) return;
    const node = value as PandocNode;
    switch (node.t) {
      case 'Str':
      case 'Code':
        return out.add(key, String(node.t === 'Str' ? node.c : (node.c as unknown[])[1]));
      case 'Space':
      case 'SoftBreak':
      case 'LineBreak':
        return out.add(key, ' ');
      case 'Note':
        walk(node.c, undefined);
        return out.gap();
      case 'Span': {
        const [[, classes, attributes], inlines] = node.c as [[string, string[], Array<[string, string]>], unknown];
        const kind = classes.find((name) => name === 'insertion' || name === 'deletion');
        const attribute = (name: string) => attributes.find(([field]) => field === name)?.[1];
        if (kind) dates.add(attribute('date') ?? '(none)');
        return walk(inlines, kind ? `${kind} ${attribute('author') ?? ''}` : key);
      }
      default:
        walk(node.c, key);
        if (!['Emph', 'Strong', 'Link', 'Quoted'].includes(node.t)) out.gap();
    }
  };
  walk((JSON.parse(json) as { blocks: unknown }).blocks, undefined);
  return out.words();
}

describe('pandoc reads the tracked changes of each exported document', () => {
  it.skipIf(!hasTool('pandoc'))(
    'as the inserted and deleted words of the Markdown redline, per modification, dated 27 June 2024',
    async () => {
      for (const [name, bytes] of redline) {
        const file = path.join(dir, name);
        await writeFile(file, bytes);
        const dates = new Set<string>();
        const json = execFileSync('pandoc', ['--track-changes=all', '-f', 'docx', '-t', 'json', file], { encoding: 'utf8' });
        const expected = markdownWords(corpus[name.replace(/\.docx$/, '.md')] ?? '');
        expect(Object.keys(expected).length, name).toBeGreaterThan(0);
        expect(pandocWords(json, dates), name).toEqual(expected);
        expect([...dates], name).toEqual(['2024-06-27T00:00:00Z']);
      }
    },
  );

  it.skipIf(!hasTool('pandoc'))('and finds none in a clean export of the modified text', async () => {
    for (const [name, bytes] of clean) {
      const file = path.join(dir, `clean-${name}`);
      await writeFile(file, bytes);
      const json = execFileSync('pandoc', ['--track-changes=all', '-f', 'docx', '-t', 'json', file], { encoding: 'utf8' });
      expect(pandocWords(json, new Set()), name).toEqual({});
    }
  });
});

/** Pixels in the colour LibreOffice draws the first author's tracked changes (a dark yellow). */
function trackedPixels(ppm: Buffer, fromX: number): number {
  const [magic, size] = ppm.toString('latin1').split('\n', 2);
  expect(magic).toBe('P6');
  const [width = 0] = (size ?? '').split(' ').map(Number);
  const header = [magic, size, '255', ''].join('\n').length;
  let count = 0;
  for (let offset = header; offset + 2 < ppm.length; offset += 3) {
    const x = ((offset - header) / 3) % width;
    const [r = 0, g = 0, b = 0] = [ppm[offset], ppm[offset + 1], ppm[offset + 2]];
    if (x >= fromX * width && r - b > 90 && g - b > 60 && r > g) count++;
  }
  return count;
}

describe('LibreOffice renders each exported document', () => {
  it.skipIf(!hasTool('soffice') || !hasTool('pdftoppm'))(
    'to PDF, and draws the inserted MDR columns of the Appendix AB table as tracked insertions',
    async () => {
      const files: string[] = [];
      for (const [name, bytes] of [...redline, ...[...clean].map(([name, bytes]) => [`clean-${name}`, bytes] as const)]) {
        files.push(path.join(dir, name));
        await writeFile(path.join(dir, name), bytes);
      }
      const profile = `-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`;
      execFileSync('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', path.join(dir, 'pdf'), ...files], {
        stdio: 'pipe',
      });
      for (const file of files) {
        const pdf = await readFile(path.join(dir, 'pdf', path.basename(file).replace(/\.docx$/, '.pdf')));
        expect(pdf.subarray(0, 5).toString(), file).toBe('%PDF-');
      }
      const page = async (name: string): Promise<Buffer> => {
        const prefix = path.join(dir, name);
        execFileSync('pdftoppm', ['-r', '60', '-f', '1', '-l', '1', path.join(dir, 'pdf', `${name}.pdf`), prefix]);
        return readFile(`${prefix}-1.ppm`);
      };
      // The MDR columns are the right-hand four of nine; the table's left half has no insertion but the SR 4.2 and 8.2 cells.
      // About 5,000 at 60 dpi with LibreOffice 7.4; a clean page has none.
      expect(trackedPixels(await page('appendix-ab'), 0.55)).toBeGreaterThan(1000);
      expect(trackedPixels(await page('clean-appendix-ab'), 0)).toBe(0);
    },
    180_000,
  );
});
