/**
 * Property tests (fast-check) over randomly generated redlined documents: the parser and the
 * projections never throw, a document without redlines projects to itself, projecting twice
 * changes nothing, and baseline and modified differ only inside the redlines.
 */
import fc from 'fast-check';
import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { normalise, plainText } from '../src/compiler/4-extract/text.js';
import { parseDocument } from '../src/compiler/2-parse/parse.js';
import { project, VIEWS } from '../src/compiler/3-project/project.js';
import { redlinedDocument as document, words } from './support/redline-documents.js';

const RUNS = { numRuns: 200, seed: 20240627 };

function parse(markdown: string): { tree: Root | undefined; file: VFile } {
  const file = new VFile({ path: 'random.md', value: markdown });
  return { tree: parseDocument(file), file };
}

/** Anything at all, from pieces that stress the redline plugin and GFM tables. */
const noise = fc
  .array(
    fc.constantFrom(
      '<ins cite="MP162">',
      '</ins>',
      '<del>',
      '</del>',
      '<del cite="X">',
      '~~',
      '|',
      '| --- |',
      '\n',
      '\n\n',
      '# ',
      '> ',
      '- ',
      '* ',
      '`',
      '[^1]',
      'text',
      '4.2',
      ' ',
      '<ins>',
      '\r\n',
      '\uFEFF',
      '```rule\n',
      '```\n',
    ),
    { maxLength: 60 },
  )
  .map((pieces) => pieces.join(''));

describe('redline properties', () => {
  it('the parser and the projections never throw, on anything', () => {
    fc.assert(
      fc.property(noise, (markdown) => {
        const { tree } = parse(markdown);
        if (tree) for (const view of VIEWS) project(tree, view);
      }),
      RUNS,
    );
  });

  it('a document without redlines projects to itself in both views', () => {
    fc.assert(
      fc.property(fc.array(words, { minLength: 1, maxLength: 6 }), (paragraphs) => {
        const { tree, file } = parse(`# T\n\n${paragraphs.join('\n\n')}\n\n| A | B |\n|---|---|\n| ${paragraphs[0]} | x |\n`);
        expect(file.messages).toEqual([]);
        for (const view of VIEWS) expect(project(tree!, view)).toEqual(tree);
      }),
      RUNS,
    );
  });

  it('projecting twice changes nothing', () => {
    fc.assert(
      fc.property(document, ({ markdown }) => {
        const { tree } = parse(markdown);
        for (const view of VIEWS) {
          const once = project(tree!, view);
          expect(project(once, view)).toEqual(once);
        }
      }),
      RUNS,
    );
  });

  it('baseline and modified differ only inside the redlines', () => {
    fc.assert(
      fc.property(document, ({ markdown, baseline, modified }) => {
        const { tree, file } = parse(markdown);
        expect(file.messages.filter((message) => message.fatal).map(String)).toEqual([]);
        expect(normalise(plainText(project(tree!, 'baseline')))).toBe(baseline);
        expect(normalise(plainText(project(tree!, 'modified')))).toBe(modified);
      }),
      RUNS,
    );
  });

  it('projection leaves the redlined tree as it was', () => {
    fc.assert(
      fc.property(document, ({ markdown }) => {
        const { tree } = parse(markdown);
        const before = structuredClone(tree);
        for (const view of VIEWS) project(tree!, view);
        expect(tree).toEqual(before);
      }),
      RUNS,
    );
  });
});
