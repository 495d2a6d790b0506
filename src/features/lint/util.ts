/** Small helpers the drafting rules share: places, role lookups, text scanning. */
import type { Nodes, Root } from 'mdast';
import type { Position } from 'unist';
import type { View } from '../../shared/vocabulary.js';
import type { Source } from '../../shared/model.js';
import type { LintDocument } from './types.js';

/** The span a compiled entry came from. */
export function placeOf(source: Source): Position {
  return { start: { line: source.line, column: source.column }, end: { line: source.endLine, column: source.endColumn } };
}

export { where, modeLabel as modeName } from '../../shared/vocabulary.js';

/** Natural-language list: `a`, `a and b`, `a, b and c`. */
export function listing(items: readonly string[], conjunction = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

export { roleIndex, type RoleIndex } from './role-index.js';

export interface TextHit {
  /** The text node's value. */
  value: string;
  /** Where each character of `value` starts in the file, when the node's source equals its value. */
  pointAt(offset: number): Position['start'] | undefined;
  position: Position | undefined;
  /** The node opens a heading (its text starts with the heading's own clause number). */
  headingStart: boolean;
}

/**
 * Every prose text node of a projected tree (not code, html, front matter or rule blocks), with a
 * way to turn an offset in the node's value into a file position. Iterative: deep trees are fine.
 */
export function proseTexts(tree: Root, file: { value: unknown }): TextHit[] {
  // A projected tree is never changed once made, and is the same object while its document's text
  // is (a language server's kept cache): its prose is walked once, by every rule that reads it.
  let hits = walked.get(tree);
  if (!hits) {
    hits = walkProse(tree, file);
    walked.set(tree, hits);
  }
  return hits;
}

const walked = new WeakMap<Root, TextHit[]>();

function walkProse(tree: Root, file: { value: unknown }): TextHit[] {
  const source = typeof file.value === 'string' ? file.value : String(file.value ?? '');
  const hits: TextHit[] = [];
  // Two stacks side by side (node, opens its heading): no object per node visited.
  const nodes: Nodes[] = [tree];
  const opening: boolean[] = [false];
  for (let node = nodes.pop(); node !== undefined; node = nodes.pop()) {
    const headingStart = opening.pop() ?? false;
    if (node.type === 'text') {
      hits.push(new ProseHit(node.value, node.position, headingStart, source));
      continue;
    }
    if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'html' || node.type === 'yaml') continue;
    if ('children' in node) {
      for (let index = node.children.length - 1; index >= 0; index--) {
        nodes.push(node.children[index] as Nodes);
        opening.push(node.type === 'heading' && index === 0);
      }
    }
  }
  return hits;
}

/** A text node of the prose; whether its source equals its value is asked only when a rule reports in it. */
class ProseHit implements TextHit {
  private exact: boolean | undefined;

  constructor(
    readonly value: string,
    readonly position: Position | undefined,
    readonly headingStart: boolean,
    private readonly source: string,
  ) {}

  pointAt(offset: number): Position['start'] | undefined {
    const start = this.position?.start;
    this.exact ??=
      start?.offset !== undefined &&
      this.position?.end.offset !== undefined &&
      this.source.slice(start.offset, this.position.end.offset) === this.value;
    return this.exact && start ? advance(start, this.value.slice(0, offset)) : undefined;
  }
}

function advance(start: Position['start'], text: string): Position['start'] {
  let { line, column } = start;
  for (const character of text) {
    if (character === '\n') {
      line++;
      column = 1;
    } else column += character.length;
  }
  return { line, column };
}

/** The span of a match in a text node, or the node itself when exact places are not known. */
export function matchPlace(hit: TextHit, index: number, length: number): Position | undefined {
  const start = hit.pointAt(index);
  const end = hit.pointAt(index + length);
  return start && end ? { start, end } : hit.position;
}

/** Every document's view facts for one projection. */
export function viewFacts(documents: readonly LintDocument[], view: View) {
  return documents.map((document) => ({ document, facts: document.facts.views[view] }));
}
