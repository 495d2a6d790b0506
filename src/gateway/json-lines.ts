/** Where the elements of a JSON array start, so a problem in row n can name its line (JSON.parse keeps no positions). */

/**
 * The line on which each element of a JSON array starts: the top-level array, or the array that
 * begins at index `from` of the text (e.g. an object's `rows` member, see memberValue).
 */
export function elementLines(text: string, from = 0): number[] {
  const lines: number[] = [];
  let line = lineAt(text, from);
  let depth = 0;
  let inString = false;
  let expectElement = false;
  for (let index = from; index < text.length; index++) {
    const char = text.charAt(index);
    if (char === '\n') line++;
    if (inString) {
      if (char === '\\') index++;
      else if (char === '"') inString = false;
      continue;
    }
    if (depth === 1 && expectElement && !/\s/.test(char) && char !== ']') {
      lines.push(line);
      expectElement = false;
    }
    if (char === '"') inString = true;
    else if (char === '[' || char === '{') {
      depth++;
      if (depth === 1) expectElement = true;
    } else if (char === ']' || char === '}') {
      depth--;
      if (depth === 0) break; // the array ended: what follows is not its elements
    } else if (char === ',' && depth === 1) expectElement = true;
  }
  return lines;
}

/** The 1-based line of an index of the text. */
export function lineAt(text: string, index: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < index; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

/**
 * Where the value of a member of the top-level JSON object starts, and the line of its key, so a
 * problem in `{"only_sr": …, "rows": […]}` can name its line. Undefined when the key is not a
 * member of the top-level object (a key inside a nested value does not count). The text is JSON
 * that JSON.parse accepted.
 */
export function memberValue(text: string, key: string): { index: number; line: number } | undefined {
  return memberValues(text, key)[0];
}

/** Every place a key is a member of the top-level object: JSON.parse keeps the last of repeats, silently. */
export function memberValues(text: string, key: string): Array<{ index: number; line: number }> {
  const found: Array<{ index: number; line: number }> = [];
  let depth = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text.charAt(index);
    if (char === '"') {
      const end = stringEnd(text, index);
      const colon = text.indexOf(':', end + 1);
      const isKey = depth === 1 && colon !== -1 && text.slice(end + 1, colon).trim() === '';
      if (isKey && JSON.parse(text.slice(index, end + 1)) === key) {
        let value = colon + 1;
        while (/\s/.test(text.charAt(value))) value++;
        found.push({ index: value, line: lineAt(text, index) });
      }
      index = end;
    } else if (char === '[' || char === '{') depth++;
    else if (char === ']' || char === '}') depth--;
  }
  return found;
}

/** A member given again in the same object, with the line of the repeat and the path of the object holding it. */
export interface RepeatedMember {
  key: string;
  line: number;
  /** Where the object is: [] the top level, [3] the fourth element of a top-level array, ["rows", 3] … */
  path: Array<string | number>;
}

interface Frame {
  kind: 'object' | 'array';
  path: Array<string | number>;
  keys: Set<string>;
  /** Object: whether the next string is a key; the last key read. Array: the element's index. */
  expectKey: boolean;
  key: string;
  index: number;
}

/**
 * Every member given again in the same object, at any depth: JSON.parse keeps the last of repeats
 * and drops the others without a word, so a reader of JSON refuses them. The text is JSON that
 * JSON.parse accepted.
 */
export function repeatedMembers(text: string): RepeatedMember[] {
  const found: RepeatedMember[] = [];
  const stack: Frame[] = [];
  const childPath = (): Array<string | number> => {
    const parent = stack.at(-1);
    if (!parent) return [];
    return [...parent.path, parent.kind === 'object' ? parent.key : parent.index];
  };
  for (let index = 0; index < text.length; index++) {
    const char = text.charAt(index);
    const top = stack.at(-1);
    if (char === '"') {
      const end = stringEnd(text, index);
      if (top?.kind === 'object' && top.expectKey) {
        const key = JSON.parse(text.slice(index, end + 1)) as string;
        if (top.keys.has(key)) found.push({ key, line: lineAt(text, index), path: top.path });
        top.keys.add(key);
        top.key = key;
        top.expectKey = false;
      }
      index = end;
    } else if (char === '{' || char === '[') {
      stack.push({ kind: char === '{' ? 'object' : 'array', path: childPath(), keys: new Set(), expectKey: true, key: '', index: 0 });
    } else if (char === '}' || char === ']') stack.pop();
    else if (char === ',' && top) {
      if (top.kind === 'object') top.expectKey = true;
      else top.index++;
    }
  }
  return found;
}

/** The index of the quote that closes the string opening at `start`. */
function stringEnd(text: string, start: number): number {
  for (let index = start + 1; index < text.length; index++) {
    const char = text.charAt(index);
    if (char === '\\') index++;
    else if (char === '"') return index;
  }
  return text.length - 1;
}
