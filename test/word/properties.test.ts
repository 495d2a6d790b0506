/**
 * Property tests of the Word round trip below the compiler: any random redlined document (inline
 * and block redlines, GFM strikes, headings) and any text (Markdown punctuation, entities, HTML,
 * list and heading markers, non-ASCII) exports and imports back to the same text in both views.
 */
import fc from 'fast-check';
import type { Root, RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { parseDocument } from '../../src/compiler/2-parse/parse.js';
import { project, VIEWS } from '../../src/compiler/3-project/project.js';
import { normalise, plainText } from '../../src/compiler/4-extract/text.js';
import { wordDocument } from '../../src/features/word/export/document.js';
import { packDocx } from '../../src/features/word/export/package.js';
import { importDocx } from '../../src/features/word/import/index.js';
import { redlinedDocument } from '../support/redline-documents.js';

const MP162 = { id: 'MP162', title: 'SEC changes required to deliver MHHS', implementationDate: '2024-06-27' };
const FRONT = `document: SEC Section H\nid: H\ntitle: T\n`;

async function throughWord(tree: Root): Promise<{ tree: Root; findings: string[] }> {
  const file = new VFile({ path: 'random.md' });
  const document = wordDocument({ tree, file, title: 'T', modifications: [MP162] }, { version: 'redline', rules: 'annex' });
  const result = importDocx(await packDocx(document, 'T'), 'random.docx', {
    frontMatter: FRONT,
    authors: new Map(),
    modifications: [MP162],
  });
  const back = parseDocument(new VFile({ path: 'back.md', value: result.markdown }));
  if (!back) throw new Error(`the imported Markdown does not parse:\n${result.markdown}`);
  return { tree: back, findings: [...file.messages, ...result.file.messages].map(String) };
}

const views = (tree: Root) => VIEWS.map((view) => normalise(plainText(project(tree, view))));

describe('Word round trip properties', () => {
  it('a random redlined document reads the same in both views after export and import', async () => {
    await fc.assert(
      fc.asyncProperty(redlinedDocument, async ({ markdown, baseline, modified }) => {
        const tree = parseDocument(new VFile({ path: 'random.md', value: markdown })) as Root;
        const back = await throughWord(tree);
        expect(back.findings).toEqual([]);
        expect(views(back.tree)).toEqual([baseline, modified]);
      }),
      { numRuns: 100, seed: 20240627 },
    );
  });

  const character = fc.constantFrom(
    ...'ab Z09 .,;:!?*_`~[](){}<>|\\/#+-=&^%$@\'"éß’—'.split(''),
    ' ',
    'amp;',
    '&lt;',
    '1.',
    '- ',
    '> ',
    '```',
    '***',
    '<ins>',
  );
  const text = fc.array(character, { minLength: 1, maxLength: 30 }).map((parts) => parts.join(''));

  it('any text and inline code in a paragraph, a heading or a table cell comes back as the same text', async () => {
    await fc.assert(
      fc.asyncProperty(text, text, text, async (prose, heading, cell) => {
        const tableCell = (value: string) => ({ type: 'tableCell' as const, children: [{ type: 'text' as const, value }] });
        const children: RootContent[] = [
          { type: 'heading', depth: 2, children: [{ type: 'text', value: heading }] },
          { type: 'paragraph', children: [{ type: 'text', value: prose }] },
          {
            type: 'table',
            children: [
              { type: 'tableRow', children: [tableCell('Head')] },
              { type: 'tableRow', children: [tableCell(cell)] },
            ],
          },
        ];
        const tree: Root = { type: 'root', children };
        const back = await throughWord(tree);
        expect(views(back.tree)).toEqual(views(tree));
      }),
      { numRuns: 100, seed: 162 },
    );
  });
});
