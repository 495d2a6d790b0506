/**
 * The incremental parse (src/compiler/2-parse/incremental/) gives exactly the tree and findings
 * of a whole parse: after random edits of real documents (MP162's and a generated corpus's) —
 * characters, table cells, whole lines, redline tags, fences, lists, definitions, blank lines —
 * the tree parsed from the previous one deep-equals the one parsed from nothing, positions
 * included, and the redline plugin reports the same findings in the same order. The edits an
 * editor makes most (a cell, a row, a sentence) must take the incremental path.
 */
import fc from 'fast-check';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../src/compiler/2-parse/parse.js';
import { ParseMemo } from '../src/compiler/2-parse/incremental/memo.js';
import { editOneCell, generateCorpus } from './bench/corpus.js';
import { textDocuments } from './support/project.js';

/** Parses one text both ways; the memo's tree and findings must be the whole parse's. */
function expectSameParse(memo: ParseMemo, name: string, text: string): void {
  const kept = new VFile({ path: name, value: text });
  const whole = new VFile({ path: name, value: text });
  const incremental = parseDocument(kept, undefined, memo);
  expect(incremental).toStrictEqual(parseDocument(whole));
  const findings = (file: VFile) => file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.reason}`);
  expect(findings(kept)).toEqual(findings(whole));
}

const CELLS = [
  '24 hrs',
  '31 secs',
  '',
  '<ins cite="MP162">N/A</ins>',
  '<del cite="MP170">1 hr</del>',
  'a \\| b',
  '`x|y`',
  '[^ab-n1]',
  '~~old~~',
  '<ins>',
  '</del>',
];
const SNIPPETS = [
  'x',
  ' ',
  '\n',
  '\n\n',
  '|',
  '| a | b |\n',
  '<ins cite="MP162">',
  '</ins>',
  '<del cite="MP170">\n\n',
  '\n\n</del>\n',
  '```\n',
  '~~~',
  '- ',
  '1. ',
  '> ',
  '# ',
  '---\n',
  '===\n',
  '[^n9]: A note.\n',
  '[^ab-n1]',
  '[r]: https://example.org\n',
  '[r]',
  '    ',
  '\t',
  '<!--',
  '-->',
  '<div>\n',
  '\r',
  '\r\n',
  '~~',
];

type Edit =
  | { kind: 'cell'; at: number; cell: number; value: number }
  | { kind: 'insert'; at: number; value: number }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'line'; at: number; op: 'delete' | 'duplicate' | 'blank' | 'replace' | 'indent'; value: number };

const editArbitrary: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('cell' as const), at: fc.nat(), cell: fc.nat(12), value: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), value: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 60 }) }),
  fc.record({
    kind: fc.constant('line' as const),
    at: fc.nat(),
    op: fc.constantFrom('delete' as const, 'duplicate' as const, 'blank' as const, 'replace' as const, 'indent' as const),
    value: fc.nat(),
  }),
);

const pick = <T>(list: readonly T[], index: number): T => list[index % list.length] as T;

function applyEdit(text: string, edit: Edit): string {
  const lines = text.split('\n');
  switch (edit.kind) {
    case 'cell': {
      const rows = lines.flatMap((line, index) => (line.startsWith('|') && !/^\|[\s:|-]+$/.test(line) ? [index] : []));
      if (rows.length === 0) return applyEdit(text, { kind: 'insert', at: edit.at, value: edit.value });
      const row = pick(rows, edit.at);
      const cells = (lines[row] ?? '').split('|');
      const cell = 1 + (edit.cell % Math.max(1, cells.length - 2));
      cells[cell] = ` ${pick(CELLS, edit.value)} `;
      lines[row] = cells.join('|');
      return lines.join('\n');
    }
    case 'insert': {
      const at = edit.at % (text.length + 1);
      return text.slice(0, at) + pick(SNIPPETS, edit.value) + text.slice(at);
    }
    case 'delete': {
      const at = edit.at % (text.length + 1);
      return text.slice(0, at) + text.slice(at + edit.length);
    }
    case 'line': {
      const at = edit.at % lines.length;
      const line = lines[at] ?? '';
      if (edit.op === 'delete') lines.splice(at, 1);
      else if (edit.op === 'duplicate') lines.splice(at, 0, line);
      else if (edit.op === 'blank') lines.splice(at, 0, '');
      else if (edit.op === 'indent') lines[at] = `${' '.repeat(1 + (edit.value % 4))}${line}`;
      else lines[at] = pick(SNIPPETS, edit.value).replace(/\n+$/, '');
      return lines.join('\n');
    }
  }
}

/** Blocks of every kind the guards must tell apart, to make small documents whose every line is near a boundary. */
const BLOCKS = [
  '# A heading',
  'A paragraph with a [^n1] reference and a [r] link.',
  'Two lines\nof one paragraph.',
  '| SR | TRT |\n|---|---|\n| 1.1 | 30 secs |\n| 1.2 | <ins cite="MP162">24 hrs</ins> |',
  '- (a) an item\n- (b) another item',
  '1. first',
  '> a quote',
  '```rule\nid: AB1.1\n```',
  '    indented code',
  '<ins cite="MP162">',
  '</ins>',
  '<del cite="MP170">',
  '</del>',
  '[^n1]: A footnote.',
  '[r]: https://example.org',
  '---',
  '<!-- a comment -->',
  'A setext heading\n===',
  '- an item\n\n  its second paragraph',
  '[^n2]: A note\n\n    continued',
  '<div>\nraw\n</div>',
  '~~struck~~ and <ins cite="MP162">inserted</ins> text',
  '<ins cite="MP162">Trailing text on the tag line',
];

const smallDocument = fc
  .array(fc.nat(BLOCKS.length - 1), { minLength: 1, maxLength: 12 })
  .map((blocks) => `${blocks.map((index) => BLOCKS[index]).join('\n\n')}\n`);

describe('the incremental parse', () => {
  it('gives the whole parse’s tree and findings after random edits of small documents of every kind of block', () => {
    const memo = new ParseMemo();
    fc.assert(
      fc.property(smallDocument, fc.array(editArbitrary, { minLength: 1, maxLength: 4 }), (original, edits) => {
        let text = original;
        expectSameParse(memo, 'small.md', text);
        for (const edit of edits) {
          text = applyEdit(text, edit);
          expectSameParse(memo, 'small.md', text);
        }
      }),
      { numRuns: 400, seed: 1314 },
    );
    expect(memo.stats.incremental).toBeGreaterThan(0);
  }, 120_000);

  it('gives the whole parse’s tree and findings after random edits of real documents', async () => {
    const generated = generateCorpus({ seed: 11, documents: 4, serviceRequests: 20, clausesPerDocument: 4 }).files;
    const documents = Object.entries({ ...(await textDocuments()), ...generated }).sort(([a], [b]) => a.localeCompare(b));
    const memo = new ParseMemo();
    fc.assert(
      fc.property(fc.nat(), fc.array(editArbitrary, { minLength: 1, maxLength: 4 }), (which, edits) => {
        const [name, original] = pick(documents, which);
        let text = original;
        expectSameParse(memo, name, text);
        for (const edit of edits) {
          text = applyEdit(text, edit);
          expectSameParse(memo, name, text);
        }
      }),
      { numRuns: 60, seed: 1313 },
    );
    // Most edits of these documents are local: the property compared incremental trees, not whole parses twice.
    expect(memo.stats.incremental).toBeGreaterThan(memo.stats.whole);
  }, 240_000);

  it('re-parses only the changed rows, sentences and lines of the edits an editor makes most', async () => {
    const documents = await textDocuments();
    const appendix = documents['appendix-ab.md'] ?? '';
    const row = /^\| \d+\.\d+[^\n]*$/m.exec(appendix)?.[0] ?? '';
    const sentence = /^The [^\n|]+\.$/m.exec(appendix)?.[0] ?? '';
    expect(row).not.toBe('');
    expect(sentence).not.toBe('');
    const edits = [
      editOneCell(appendix),
      appendix.replace(row, `${row}\n${row}`), // a row added
      appendix.replace(row, row.replace(/\| [^|]+ \|$/, '| <del cite="MP162">24 hrs</del> |')), // a redline in a cell
      appendix.replace('clause: AB1.3', 'clause: AB1.4'), // a rule block's YAML
      appendix.replace(sentence, `${sentence} More words.`),
      appendix.replace(sentence, `${sentence}\n\nA new paragraph.`),
    ];
    for (const edited of edits) {
      const memo = new ParseMemo();
      expectSameParse(memo, 'appendix-ab.md', appendix);
      expectSameParse(memo, 'appendix-ab.md', edited);
      expect(memo.stats).toEqual({ incremental: 1, whole: 1 });
    }
  });

  it('parses the whole text again when an edit can reach past its blocks', async () => {
    const appendix = (await textDocuments())['appendix-ab.md'] ?? '';
    const sentence = /^The [^\n|]+\.$/m.exec(appendix)?.[0] ?? '';
    const edits = [
      appendix.replace(sentence, `\`\`\`\n${sentence}`), // an unclosed fence swallows the rest
      appendix.replace(sentence, `${sentence}\n\n[^ab-new]: A new footnote.`), // a definition changes how references parse
      appendix.replace(sentence, `- ${sentence}`), // a list item
      appendix.replace(sentence, `<!-- ${sentence}`), // an HTML comment runs to its end marker
    ];
    for (const edited of edits) {
      const memo = new ParseMemo();
      expectSameParse(memo, 'appendix-ab.md', appendix);
      expectSameParse(memo, 'appendix-ab.md', edited);
      expect(memo.stats).toEqual({ incremental: 0, whole: 2 });
    }
  });
});
