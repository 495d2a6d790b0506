/** Walking the redlines of a tree as written (iteratively: deep trees are fine). */
import type { Nodes, Parent, Root } from 'mdast';
import { isRedline, type Redline } from '../../../compiler/2-parse/redline/types.js';

export interface RedlineVisit {
  node: Redline;
  parent: Parent;
  index: number;
}

/** The redlines of a tree, walked once per tree in a compile context (several rules read them). */
export function keptRedlines(tree: Root, kept: WeakMap<Root, RedlineVisit[]>): RedlineVisit[] {
  let found = kept.get(tree);
  if (!found) kept.set(tree, (found = redlinesOf(tree)));
  return found;
}

export function redlinesOf(tree: Root): RedlineVisit[] {
  const found: RedlineVisit[] = [];
  const stack: Nodes[] = [tree];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (!('children' in node)) continue;
    const parent = node as Parent;
    parent.children.forEach((child, index) => {
      if (isRedline(child)) found.push({ node: child, parent, index });
    });
    for (let index = parent.children.length - 1; index >= 0; index--) stack.push(parent.children[index] as Nodes);
  }
  return found;
}
