/** The redline plugin: pairing <ins>/<del> into nodes, with positions, and its errors. */
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import remarkRedline, { isRedline, project, type Redline } from '../src/redline.js';
import { plainText } from '../src/compiler/4-extract/text.js';

function parse(markdown: string): { tree: Root; file: VFile } {
  const file = new VFile({ path: 'x.md', value: markdown });
  const processor = unified().use(remarkParse).use(remarkGfm, { singleTilde: false }).use(remarkRedline);
  const tree = processor.runSync(processor.parse(file), file);
  return { tree, file };
}

function redlines(tree: Root): Redline[] {
  const out: Redline[] = [];
  const walk = (node: { type: string; children?: unknown[] }): void => {
    if (isRedline(node)) out.push(node as Redline);
    for (const child of (node.children ?? []) as Array<{ type: string; children?: unknown[] }>) walk(child);
  };
  walk(tree);
  return out;
}

const messages = (file: VFile): string[] => file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`);
const text = (tree: Root): string => plainText(tree).trim();

describe('pairing', () => {
  it('pairs an inline insertion in prose, with its cite and the span of both tags', () => {
    const { tree, file } = parse('Some <ins cite="MP162" datetime="2024-06-27">new</ins> text.');
    expect(messages(file)).toEqual([]);
    const [insertion] = redlines(tree);
    expect(insertion).toMatchObject({ type: 'insertion', cite: 'MP162', datetime: '2024-06-27', syntax: 'html' });
    expect(insertion!.position).toEqual({ start: { line: 1, column: 6, offset: 5 }, end: { line: 1, column: 55, offset: 54 } });
  });

  it('pairs a replacement in a GFM table cell', () => {
    const { tree, file } = parse('| a | b |\n|---|---|\n| x | <del cite="MP162">16 secs</del><ins cite="MP162">30 secs</ins> |\n');
    expect(messages(file)).toEqual([]);
    expect(redlines(tree).map((node) => `${node.type}:${plainText(node)}`)).toEqual(['deletion:16 secs', 'insertion:30 secs']);
  });

  it('pairs a block insertion around whole clauses', () => {
    const { tree, file } = parse('# T\n\n<ins cite="MP162">\n\n## X1 New\n\nBody **bold**.\n\n</ins>\n\nAfter.\n');
    expect(messages(file)).toEqual([]);
    const [insertion] = redlines(tree);
    expect(insertion!.children.map((child) => child.type)).toEqual(['heading', 'paragraph']);
  });

  it('reads GFM ~~strike~~ as an unattributed deletion and leaves single tildes alone', () => {
    const { tree } = parse('Keep ~~gone~~ and 20~25.');
    expect(redlines(tree)).toMatchObject([{ type: 'deletion', syntax: 'gfm' }]);
    expect(redlines(tree)[0]!.cite).toBeUndefined();
    expect(text(project(tree, 'modified'))).toBe('Keep  and 20~25.');
  });

  it('leaves other HTML alone', () => {
    const { tree, file } = parse('A <br> and <!-- note --> here.');
    expect(messages(file)).toEqual([]);
    expect(redlines(tree)).toEqual([]);
  });
});

describe('errors, with positions', () => {
  it('an opening tag never closed', () => {
    const { file } = parse('Text <ins cite="MP162">open.');
    expect(messages(file)).toEqual(['1:6 redline-unbalanced']);
    expect(file.messages[0]!.fatal).toBe(true);
  });

  it('a closing tag never opened', () => {
    expect(messages(parse('Text </del> here.').file)).toEqual(['1:6 redline-unbalanced']);
  });

  it('a redline spanning two table cells', () => {
    const { file } = parse('| a | b |\n|---|---|\n| <ins>x | y</ins> |\n');
    expect(messages(file)).toEqual(['3:3 redline-unbalanced', '3:13 redline-unbalanced']);
  });

  it('crossing redlines', () => {
    const { file } = parse('<ins>a <del>b</ins> c</del>');
    expect(messages(file)).toContain('1:8 redline-nested');
    expect(messages(file).some((message) => message.endsWith('redline-crossing'))).toBe(true);
  });

  it('nested redlines, inline and across block and inline', () => {
    expect(messages(parse('<ins>a <del>b</del> c</ins>').file)).toEqual(['1:8 redline-nested']);
    expect(messages(parse('<ins>\n\nPara <del>x</del>.\n\n</ins>\n').file)).toEqual(['3:6 redline-nested']);
  });

  it('a block tag without a blank line after it', () => {
    expect(messages(parse('<ins cite="MP162">\n## X1 Title\n\n</ins>\n').file)).toContain('1:1 redline-block-spacing');
  });

  it('an empty redline is a warning', () => {
    const { file } = parse('a <ins cite="MP162"></ins> b');
    expect(messages(file)).toEqual(['1:3 redline-empty']);
    expect(file.messages[0]!.fatal).toBe(false);
  });
});

describe('projections', () => {
  it('baseline rejects insertions and keeps deletions; modified accepts both', () => {
    const { tree } = parse('TRT <del cite="MP162">16 secs</del><ins cite="MP162">30 secs</ins>.');
    expect(text(project(tree, 'baseline'))).toBe('TRT 16 secs.');
    expect(text(project(tree, 'modified'))).toBe('TRT 30 secs.');
  });

  it('drops a column whose header is wholly inserted, and a row whose cells all are', () => {
    const { tree } = parse(
      '| SR | A | <ins cite="MP162">MDR</ins> |\n|---|---|---|\n| 1 | x | <ins cite="MP162">y</ins> |\n| <ins cite="MP162">2</ins> | <ins cite="MP162">p</ins> | <ins cite="MP162">q</ins> |\n',
    );
    expect(text(project(tree, 'baseline'))).toBe('SR | A\n1 | x');
    expect(text(project(tree, 'modified'))).toBe('SR | A | MDR\n1 | x | y\n2 | p | q');
  });

  it('drops a deleted row in the modified view', () => {
    const { tree } = parse('| SR | A |\n|---|---|\n| <del>1</del> | <del>x</del> |\n| 2 | y |\n');
    expect(text(project(tree, 'baseline'))).toBe('SR | A\n1 | x\n2 | y');
    expect(text(project(tree, 'modified'))).toBe('SR | A\n2 | y');
  });

  it('does not change its input, and projecting twice changes nothing', () => {
    const { tree } = parse('A <ins>b</ins> <del>c</del>\n\n| h | <ins>i</ins> |\n|---|---|\n| 1 | <ins>2</ins> |\n');
    const before = JSON.stringify(tree);
    for (const view of ['baseline', 'modified'] as const) {
      const once = project(tree, view);
      expect(project(once, view)).toEqual(once);
    }
    expect(JSON.stringify(tree)).toBe(before);
  });
});
