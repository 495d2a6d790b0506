/**
 * A cheap look at the raw text before it is parsed: nesting no legal text needs (block quotes,
 * lists, emphasis or brackets hundreds deep) is reported with its place instead of being handed
 * to the parser, where it would take minutes or exhaust the stack.
 */

/** More nesting openers than this in one run, or more leading indentation, is too deep. */
export const MAX_NESTING = 100;
const MAX_INDENT = 1000;

/** A run of nesting openers (`>`, list bullets, emphasis, brackets), spaces between allowed. */
const OPENERS = new RegExp(`(?:[>*_~\\[(+-][ \\t]*){${MAX_NESTING + 1},}`);
const INDENT = new RegExp(`^[ \\t]{${MAX_INDENT + 1},}`, 'm');

/** Where nesting first gets too deep, or undefined. */
export function tooDeepAt(text: string): { line: number; column: number; offset: number } | undefined {
  const match = OPENERS.exec(text) ?? INDENT.exec(text);
  if (!match) return undefined;
  const before = text.slice(0, match.index);
  const line = before.split('\n').length;
  return { line, column: match.index - (before.lastIndexOf('\n') + 1) + 1, offset: match.index };
}
