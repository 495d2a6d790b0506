/**
 * Lines of a text, and the lines an edit changed: what the incremental parse (reparse.ts) reads
 * instead of offsets. Lines are 1-based, as in mdast positions; a line ends before its `\n`
 * (a `\r` before it stays part of the line, as the parser's columns count it).
 */

export class LineIndex {
  /** Offset where each line starts; starts[0] is line 1. */
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) this.starts.push(index + 1);
  }

  get count(): number {
    return this.starts.length;
  }

  /** Offset of the first character of a line. */
  start(line: number): number {
    return this.starts[line - 1] ?? this.text.length;
  }

  /** Offset just after a line's last character (its `\n`, or the end of the text). */
  end(line: number): number {
    const next = this.starts[line];
    return next === undefined ? this.text.length : next - 1;
  }

  line(line: number): string {
    return this.text.slice(this.start(line), this.end(line));
  }

  /** The line an offset is on (the end of the text is on the last line). */
  lineOf(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  }

  isBlank(line: number): boolean {
    return /^[ \t]*\r?$/.test(this.line(line));
  }
}

/** The lines an edit touched: the same first line in both texts, and each text's last one. */
export interface ChangedLines {
  first: number;
  oldLast: number;
  newLast: number;
  /** Lines after the change move by this many lines and by `offsets` characters. */
  lines: number;
  offsets: number;
}

/** The changed lines between two texts (common prefix and suffix); undefined when they are equal. */
export function changedLines(before: LineIndex, after: LineIndex): ChangedLines | undefined {
  const old = before.text;
  const next = after.text;
  if (old === next) return undefined;
  const shorter = Math.min(old.length, next.length);
  let prefix = 0;
  while (prefix < shorter && old.charCodeAt(prefix) === next.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && old.charCodeAt(old.length - 1 - suffix) === next.charCodeAt(next.length - 1 - suffix)) suffix++;
  const first = before.lineOf(prefix);
  const oldLast = before.lineOf(old.length - suffix);
  const newLast = after.lineOf(next.length - suffix);
  return { first, oldLast, newLast, lines: newLast - oldLast, offsets: next.length - old.length };
}
