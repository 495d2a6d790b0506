/**
 * The first line where two texts differ, found without splitting them into lines: the first
 * differing character, found block by block (native comparison of slices), then that line of each.
 * The same answer as comparing `a.split('\n')` and `b.split('\n')` line by line
 * (test/drift-lines.test.ts), at a fraction of the cost on a 15 MB generated file.
 */
export interface LineDifference {
  /** 0-based index of the first line that differs. */
  index: number;
  /** That line in each text; undefined past its end. */
  found: string | undefined;
  wanted: string | undefined;
}

const BLOCK = 1 << 14;

/** A text read a line at a time: a string, or an output read through its pieces (piece-drift.ts). */
export interface LineSource {
  readonly length: number;
  /** The offset of the first line break at or after `from`; -1 when there is none. */
  nextBreak(from: number): number;
  slice(start: number, end: number): string;
}

export function stringSource(text: string): LineSource {
  return { length: text.length, nextBreak: (from) => text.indexOf('\n', from), slice: (start, end) => text.slice(start, end) };
}

export function firstDifferentLine(a: string, b: string, linesOfA: (end: number) => number = (end) => countLines(a, end)): LineDifference {
  return differentLineAt(a, stringSource(b), firstDifferentOffset(a, b), linesOfA);
}

/** The first differing line when the first differing character is known to be at `at` (the texts are equal before it). */
export function differentLineAt(
  a: string,
  b: LineSource,
  at: number,
  linesOfA: (end: number) => number = (end) => countLines(a, end),
): LineDifference {
  const source = stringSource(a);
  // lastIndexOf clamps a negative start to 0 (and would find a break at 0): a difference at 0 is on the first line.
  let start = at === 0 ? 0 : a.lastIndexOf('\n', at - 1) + 1;
  let index = linesOfA(start);
  let found = lineAt(source, start);
  let wanted = lineAt(b, start);
  if (found === wanted && found !== undefined) {
    // The difference is where one text ends and the other goes on to its next line.
    const next = source.nextBreak(start) === -1 ? b.nextBreak(start) : source.nextBreak(start);
    start = next + 1;
    index++;
    found = lineAt(source, start);
    wanted = lineAt(b, start);
  }
  return { index, found, wanted };
}

/** The first index where the texts differ (the shorter one's length when it is a prefix of the other). */
export function firstDifferentOffset(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  let block = 0;
  while (block < length && a.slice(block, block + BLOCK) === b.slice(block, block + BLOCK)) block += BLOCK;
  let at = block;
  while (at < length && a.charCodeAt(at) === b.charCodeAt(at)) at++;
  return at;
}

/**
 * How many line breaks come before an offset of `text`, by binary search in the offsets of its
 * breaks, found once: for a text compared again and again (a committed file, per disk state).
 */
export function lineCounter(text: string): (end: number) => number {
  const breaks: number[] = [];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) breaks.push(at);
  return (end) => {
    let low = 0;
    let high = breaks.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((breaks[middle] ?? Infinity) < end) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}

/** How many line breaks come before `end`. */
function countLines(text: string, end: number): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < end; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/** The line starting at `start`; undefined when the text has no line there. */
function lineAt(text: LineSource, start: number): string | undefined {
  if (start > text.length) return undefined;
  if (start === text.length) return start === 0 || text.slice(start - 1, start) === '\n' ? '' : undefined;
  const end = text.nextBreak(start);
  return text.slice(start, end === -1 ? text.length : end);
}
