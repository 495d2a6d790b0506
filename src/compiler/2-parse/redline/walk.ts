/**
 * A pre-order walk over a tree, as unist-util-visit-parents walks it (a node, then its children
 * as they are after the node was visited, so a visitor may re-pair them) but without building
 * an ancestor list per node: the redline passes run over every document on every parse, and the
 * lists cost more than the passes. Recursive: the depth guard (depth-guard.ts) keeps trees shallow.
 */
import type { Nodes } from 'mdast';

/** Visits every node; a visitor returning `false` skips that node's children. */
export function walk(node: Nodes, visit: (node: Nodes) => boolean | void): void {
  if (visit(node) === false || !('children' in node)) return;
  const children = node.children as Nodes[];
  for (let index = 0; index < children.length; index++) walk(children[index] as Nodes, visit);
}
