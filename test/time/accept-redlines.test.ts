/**
 * Accepting redlines into the text (consolidation): the consolidated text, read as the new base,
 * is what the old text said with those modifications in force; what stays pending is unchanged.
 * Examples, then a property over generated documents with two modifications, prose and block
 * redlines, and tables with inserted and deleted cells, rows and columns.
 */
import fc from 'fast-check';
import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { parseDocument } from '../../src/compiler/2-parse/parse.js';
import { projectVersion, type AcceptRedline } from '../../src/compiler/3-project/project.js';
import { normalise, plainText } from '../../src/compiler/4-extract/text.js';
import { acceptRedlines } from '../../src/features/consolidate/accept-redlines.js';

function parse(text: string): { tree: Root; file: VFile } {
  const file = new VFile({ path: 'doc.md', value: text });
  const tree = parseDocument(file);
  if (!tree) throw new Error(`did not parse: ${file.messages.map(String).join('; ')}`);
  return { tree, file };
}

const by =
  (...ids: string[]): AcceptRedline =>
  (redline) =>
    redline.cite !== undefined && ids.includes(redline.cite);
const none: AcceptRedline = () => false;
const all: AcceptRedline = () => true;

/** Each block's plain text, normalised: what the reader reads, whatever the splitting of text nodes. */
function reading(tree: Root): string[] {
  return tree.children.map((block) => normalise(plainText(block))).filter((text) => text !== '');
}

function consolidate(text: string, accepts: AcceptRedline): string {
  return acceptRedlines(text, parse(text).tree, accepts);
}

describe('accepting redlines (examples)', () => {
  it('keeps an accepted insertion without its tags and drops an accepted deletion', () => {
    expect(consolidate('SR 8.2 takes <del cite="MP162">16 secs</del><ins cite="MP162">30 secs</ins> now.\n', by('MP162'))).toBe(
      'SR 8.2 takes 30 secs now.\n',
    );
  });
  it('leaves the redlines of another modification as they were', () => {
    const text = 'A <ins cite="MP162">b</ins> c <del cite="MP999">d</del> e.\n';
    expect(consolidate(text, by('MP162'))).toBe('A b c <del cite="MP999">d</del> e.\n');
    expect(consolidate(text, none)).toBe(text);
  });
  it('accepts block insertions and deletions without leaving a gap', () => {
    const text =
      '# T\n\n<ins cite="MP162">\n\n### H3.13A New\n\nNew text.\n\n</ins>\n\n<del cite="MP162">\n\nOld text.\n\n</del>\n\nLast.\n';
    expect(consolidate(text, by('MP162'))).toBe('# T\n\n### H3.13A New\n\nNew text.\n\nLast.\n');
  });
  it('accepts an inserted column and a deleted row, and drops a deleted column from every row and the delimiter', () => {
    const text = [
      '| SR | Old | Gas | <ins cite="MP162">MDR</ins> |',
      '|---|---|:-:|---|',
      '| 4.2 | <del cite="MP162">x</del> | No | <ins cite="MP162">Yes</ins> |',
      '| <del cite="MP162">9.9</del> | <del cite="MP162">y</del> | <del cite="MP162">No</del> | <del cite="MP162">No</del> |',
      '| 8.2 | <del cite="MP162">z</del> | Yes | <ins cite="MP162">Yes</ins> |',
      '',
    ].join('\n');
    const withOld = text.replace('| Old |', '| <del cite="MP162">Old</del> |');
    expect(consolidate(withOld, by('MP162'))).toBe(
      ['| SR | Gas | MDR |', '|---|:-:|---|', '| 4.2 | No | Yes |', '| 8.2 | Yes | Yes |', ''].join('\n'),
    );
  });
});

// ---- generated documents -------------------------------------------------------------------

const word = fc.constantFrom('the', 'User', 'shall', 'send', 'SR', '4.2', 'DCC', 'schedule', 'MDR', '24', 'hrs');
const words = fc.array(word, { minLength: 1, maxLength: 4 }).map((list) => list.join(' '));
const cite = fc.constantFrom('MP162', 'MP999');
const inline = fc.oneof(
  { weight: 3, arbitrary: words },
  fc.tuple(cite, words).map(([c, w]) => `<ins cite="${c}">${w}</ins>`),
  fc.tuple(cite, words).map(([c, w]) => `<del cite="${c}">${w}</del>`),
  fc.tuple(cite, words, words).map(([c, a, b]) => `<del cite="${c}">${a}</del><ins cite="${c}">${b}</ins>`),
);
const paragraph = fc.tuple(words, fc.array(inline, { maxLength: 5 })).map(([first, rest]) => [first, ...rest].join(' '));
const blockRedline = fc
  .tuple(fc.constantFrom('ins', 'del'), cite, fc.array(words, { minLength: 1, maxLength: 3 }))
  .map(([tag, c, inner]) => `<${tag} cite="${c}">\n\n${inner.join('\n\n')}\n\n</${tag}>`);

type ColumnKind = { kind: 'plain' } | { kind: 'ins' | 'del'; cite: string };
const columnKind: fc.Arbitrary<ColumnKind> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: 'plain' as const }) },
  fc.tuple(fc.constantFrom('ins' as const, 'del' as const), cite).map(([kind, c]) => ({ kind, cite: c })),
);
const cellValue = fc.constantFrom('Yes', 'No', '30 secs', 'N/A', '24 hrs');
const table = fc
  .record({
    columns: fc.array(columnKind, { minLength: 1, maxLength: 4 }),
    rows: fc.array(fc.tuple(columnKind, fc.array(fc.tuple(cellValue, inline), { minLength: 5, maxLength: 5 })), {
      minLength: 1,
      maxLength: 5,
    }),
  })
  .map(({ columns, rows }) => {
    const wrap = (kind: ColumnKind, value: string) =>
      kind.kind === 'plain' ? value : `<${kind.kind} cite="${kind.cite}">${value}</${kind.kind}>`;
    const header = `| SR | ${columns.map((kind, index) => wrap(kind, `C${index}`)).join(' | ')} |`;
    const delimiter = `|---|${columns.map(() => '---').join('|')}|`;
    const body = rows.map(([rowKind, cells], index) => {
      const values = columns.map((kind, column) => {
        const [value, edited] = cells[column] ?? ['Yes', 'x'];
        if (kind.kind !== 'plain') return wrap(kind, value);
        if (rowKind.kind !== 'plain') return wrap(rowKind, value);
        return edited.includes('<') ? edited : value;
      });
      return `| ${wrap(rowKind, `${index + 1}.1`)} | ${values.join(' | ')} |`;
    });
    return [header, delimiter, ...body].join('\n');
  });

const documents = fc
  .array(fc.oneof(paragraph, blockRedline, table), { minLength: 1, maxLength: 6 })
  .map((blocks) => `# Doc\n\n${blocks.join('\n\n')}\n`);

describe('accepting redlines (property over generated documents)', () => {
  let checked = 0;
  let skipped = 0;
  it('the consolidated base reads as the old text with the accepted modification in force; pending redlines are untouched', () => {
    fc.assert(
      fc.property(documents, fc.constantFrom('MP162', 'MP999'), (text, accepted) => {
        const before = parse(text);
        if (before.file.messages.some((m) => m.fatal)) {
          skipped++;
          return;
        } // the generator aims at valid redlines; the rare slip is counted below
        checked++;
        const after = consolidate(text, by(accepted));
        const parsed = parse(after);
        expect(parsed.file.messages.filter((m) => m.fatal).map(String)).toEqual([]);
        expect(reading(projectVersion(parsed.tree, none))).toEqual(reading(projectVersion(before.tree, by(accepted))));
        expect(reading(projectVersion(parsed.tree, all))).toEqual(reading(projectVersion(before.tree, all)));
        expect(after.includes(`cite="${accepted}"`)).toBe(false);
        const other = accepted === 'MP162' ? 'MP999' : 'MP162';
        expect(after.split(`cite="${other}"`).length).toBe(text.split(`cite="${other}"`).length);
      }),
      { numRuns: 300, seed: 20240627 },
    );
    // Most generated documents must be valid redlines, or the property proves little.
    expect(checked).toBeGreaterThan(skipped * 4);
    console.log(`accept-redlines property: ${checked} documents checked, ${skipped} skipped as invalid redlines`);
  });

  it('accepting nothing changes nothing', () => {
    fc.assert(
      fc.property(documents, (text) => {
        expect(consolidate(text, none)).toBe(text);
      }),
      { numRuns: 100, seed: 20240229 },
    );
  });
});
