/**
 * Random redlined documents for property tests: paragraphs of plain text, insertions, deletions,
 * GFM strikes and replacements, headings, and block insertions and deletions, each with the text
 * its baseline and modified views must read.
 */
import fc from 'fast-check';
import { normalise } from '../../src/compiler/4-extract/text.js';

const word = fc.constantFrom('the', 'User', 'shall', 'send', 'SR', '4.2', 'DCC', 'schedule', 'data', 'MDR', 'within', '24', 'hrs');
export const words = fc.array(word, { minLength: 1, maxLength: 5 }).map((list) => list.join(' '));

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

export const redlinedDocument = fc.array(block, { minLength: 1, maxLength: 8 }).map((blocks) => ({
  markdown: `${blocks.map((b) => b.markdown).join('\n\n')}\n`,
  baseline: normalise(blocks.map((b) => b.baseline).join(' ')),
  modified: normalise(blocks.map((b) => b.modified).join(' ')),
  redlined: blocks.some((b) => b.redlined),
}));
