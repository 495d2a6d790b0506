/**
 * The cites of a document's redlines, with their places: which modifications the document
 * carries (its `DocumentInfo.modifications`) and where each cite is, so that an undeclared cite
 * is reported at its redline. Iterative, so a deep tree is fine.
 */
import type { Nodes, Root } from 'mdast';
import { isRedline } from './redline/types.js';

export interface Cite {
  /** The modification cited; undefined for an unattributed redline (no `cite`, or GFM `~~ ~~`). */
  modification: string | undefined;
  line: number;
  column: number;
}

export function citesOf(tree: Root): Cite[] {
  const cites: Cite[] = [];
  const stack: Nodes[] = [tree];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (isRedline(node)) {
      const start = node.position?.start;
      cites.push({ modification: node.cite === '' ? undefined : node.cite, line: start?.line ?? 1, column: start?.column ?? 1 });
    }
    if ('children' in node) for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index] as Nodes);
  }
  return cites;
}

/** The modifications cited, each once, in order of first appearance (unattributed redlines left out). */
export function citedModifications(cites: readonly Cite[]): string[] {
  return [...new Set(cites.flatMap((cite) => (cite.modification === undefined ? [] : [cite.modification])))];
}
