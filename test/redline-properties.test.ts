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

const RUNS = { numRuns: 200, seed: 20240627 };

const word = fc.constantFrom('the', 'User', 'shall', 'send', 'SR', '4.2', 'DCC', 'schedule', 'data', 'MDR', 'within', '24', 'hrs');
const words = fc.array(word, { minLength: 1, maxLength: 5 }).map((list) => list.join(' '));

type Segment = { kind: 'text' | 'ins' | 'del' | 'strike'; text: string } | { kind: 'replace'; from: string; to: string };

const segment: fc.Arbitrary<Segment> = fc.oneof(
  { weight: 3, arbitrary: words.map((text) => ({ kind: 'text' as const, text })) },
  words.map((text) => ({ kind: 'ins' as const, text })),
  words.map((text) => ({ kind: 'del' as const, text })),
  words.map((text) => ({ kind: 'strike' as const, text })),
  fc.tuple(words, words).map(([from, to]) => ({ kind: 'replace' as const, from, to })),
);

/** A paragraph that starts with plain text, as Markdown, with what each view must read. */
const paragraph = fc.tuple(words, fc.array(segment, { maxLength: 6 })).map(([first, rest]) => {
  const segments: Segment[] = [{ kind: 'text', text: first }, ...rest];
  const markdown = segments
    .map((part) => {
      switch (part.kind) {
        case 'text':
          return part.text;
        case 'ins':
          return `<ins cite="MP162">${part.text}</ins>`;
        case 'del':
          return `<del cite="MP162">${part.text}</del>`;
        case 'strike':
          return `~~${part.text}~~`;
        case 'replace':
          return `<del cite="MP162">${part.from}</del><ins cite="MP162">${part.to}</ins>`;
      }
    })
    .join(' ');
  const read = (view: 'baseline' | 'modified'): string =>
    segments
      .map((part) => {
        if (part.kind === 'text') return part.text;
        if (part.kind === 'replace') return view === 'baseline' ? part.from : part.to;
        const kept = part.kind === 'ins' ? view === 'modified' : view === 'baseline';
        return kept ? part.text : '';
      })
      .join(' ');
  return { markdown, baseline: read('baseline'), modified: read('modified'), redlined: rest.some((part) => part.kind !== 'text') };
});

/** Blocks: headings, paragraphs, block insertions and deletions of paragraphs. */
const block = fc.oneof(
  paragraph.map((p) => p),
  fc.tuple(fc.integer({ min: 1, max: 3 }), words).map(([level, text]) => ({
    markdown: `${'#'.repeat(level + 1)} H${level}.1 ${text}`,
    baseline: `H${level}.1 ${text}`,
    modified: `H${level}.1 ${text}`,
    redlined: false,
  })),
  // Block redlines hold plain blocks (redlines do not nest).
  fc.tuple(fc.constantFrom('ins', 'del'), fc.array(words, { minLength: 1, maxLength: 3 })).map(([tag, inner]) => ({
    markdown: `<${tag} cite="MP162">\n\n${inner.join('\n\n')}\n\n</${tag}>`,
    baseline: tag === 'ins' ? '' : inner.join(' '),
    modified: tag === 'del' ? '' : inner.join(' '),
    redlined: true,
  })),
);

const document = fc.array(block, { minLength: 1, maxLength: 8 }).map((blocks) => ({
  markdown: `${blocks.map((b) => b.markdown).join('\n\n')}\n`,
  baseline: normalise(blocks.map((b) => b.baseline).join(' ')),
  modified: normalise(blocks.map((b) => b.modified).join(' ')),
  redlined: blocks.some((b) => b.redlined),
}));

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
