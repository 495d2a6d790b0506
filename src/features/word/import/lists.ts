/**
 * Word list paragraphs → Markdown list items. Word draws the marker from numbering.xml, so a
 * lettered paragraph `(a)` numbered by Word gets its letter written into the text, as the
 * project's convention (`- (a) …`) has it; decimal lists stay Markdown ordered lists, bullets
 * and unmarked lists (our export's lettered paragraphs, whose letters are text) bullet items.
 */
import type { ListLevel } from './body.js';
import type { Block, WordParagraph } from './model.js';

/** Item numbers per list and level, as Word counts them (a shallower item restarts deeper levels). */
export class ListCounters {
  private readonly counts = new Map<string, number[]>();

  next(numId: string, level: number): number[] {
    const counts = this.counts.get(numId) ?? [];
    counts[level] = (counts[level] ?? 0) + 1;
    counts.length = level + 1;
    this.counts.set(numId, counts);
    return counts;
  }
}

export function listItem(
  paragraph: WordParagraph,
  listLevel: (numId: string, level: number) => ListLevel | undefined,
  counters: ListCounters,
): Block {
  const { numId, level } = paragraph.numbering ?? { numId: '', level: 0 };
  const { segments, mark, index: at } = paragraph;
  const format = listLevel(numId, level) ?? { format: 'bullet', text: '' };
  const counts = counters.next(numId, level);
  if (format.format === 'bullet' || format.format === 'none' || format.format === 'decimal') {
    return { kind: 'item', level, ordered: format.format === 'decimal', segments, mark, at };
  }
  const marker = format.text.replace(/%([1-9])/g, (_, n: string) => numberText(counts[Number(n) - 1] ?? 1, format.format));
  const first = segments.find((segment) => segment.text.trim() !== '')?.mark;
  return { kind: 'item', level, ordered: false, segments: [{ text: `${marker} `, mark: first }, ...segments], mark, at };
}

function numberText(value: number, format: string): string {
  switch (format) {
    case 'lowerLetter':
      return letters(value);
    case 'upperLetter':
      return letters(value).toUpperCase();
    case 'lowerRoman':
      return roman(value);
    case 'upperRoman':
      return roman(value).toUpperCase();
    default:
      return String(value);
  }
}

/** Word's letters: a … z, then aa … zz. */
function letters(value: number): string {
  const letter = String.fromCharCode(97 + ((value - 1) % 26));
  return letter.repeat(Math.floor((value - 1) / 26) + 1);
}

function roman(value: number): string {
  const numerals: Array<[number, string]> = [
    [1000, 'm'],
    [900, 'cm'],
    [500, 'd'],
    [400, 'cd'],
    [100, 'c'],
    [90, 'xc'],
    [50, 'l'],
    [40, 'xl'],
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ];
  let rest = value;
  let out = '';
  for (const [size, numeral] of numerals) {
    while (rest >= size) {
      out += numeral;
      rest -= size;
    }
  }
  return out;
}
