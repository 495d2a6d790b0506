/** Finding the mdast node a change or a finding points at, by line and column, and naming it as an anchor. */
import type { Nodes, Parents, Root, RootContent } from 'mdast';

/** The id of the element that shows a change: a cell, a heading, a rule block, a footnote. */
export type AnchorMap = Map<string, string>;

/** Block and cell types a change or finding can point at (deepest wins). */
const ANCHORABLE = new Set(['tableCell', 'heading', 'code', 'paragraph', 'listItem', 'tableRow', 'table', 'blockquote']);

/** The deepest anchorable node whose span holds the point. */
export function locator(tree: Root): (line: number, column: number) => Nodes | undefined {
  return (line, column) => {
    let found: Nodes | undefined;
    const visit = (node: Nodes): void => {
      if (!contains(node, line, column)) return;
      if (ANCHORABLE.has(node.type)) found = node;
      if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
    };
    visit(tree);
    return found;
  };
}

function contains(node: Nodes, line: number, column: number): boolean {
  const position = node.position;
  if (!position) return node.type === 'root';
  const { start, end } = position;
  if (line < start.line || line > end.line) return false;
  if (line === start.line && column < start.column) return false;
  if (line === end.line && column > end.column) return false;
  return true;
}

/** The block at the top level (or directly inside a top-level block redline) that holds a line. */
export function topBlock(tree: Root, line: number): RootContent | undefined {
  return tree.children.find((node) => node.position && node.position.start.line <= line && line <= node.position.end.line);
}

export function anchorId(prefix: string, node: Nodes): string {
  const start = node.position?.start;
  return start ? `${prefix}-${start.line}-${start.column}` : `${prefix}-node`;
}

export function walk(node: Nodes | Parents, visit: (node: Nodes) => void): void {
  visit(node as Nodes);
  if ('children' in node) for (const child of node.children as Nodes[]) walk(child, visit);
}
