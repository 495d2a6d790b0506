/**
 * Stage 3, project. Takes: a redlined tree (stage 2) and a view. Returns: the tree of that view.
 * - baseline: the text before the modification (insertions dropped, deletions kept);
 * - modified: the text after it (deletions dropped, insertions kept).
 * Table columns whose header cell is wholly removed in a view are dropped from every row, and
 * rows whose cells are all wholly removed are dropped. Nodes keep their source positions.
 * Pure: returns a new tree and leaves the input as it was.
 */
import type { Nodes, Parent, Root, RootContent, Table, TableCell, TableRow } from 'mdast';
import type { View } from '../../shared/vocabulary.js';
import { isRedline } from '../2-parse/redline/types.js';

/** Re-exported for `sec-rules/redline`: the views a redlined tree projects to. */
export { VIEWS } from '../../shared/vocabulary.js';

export function project(tree: Root, view: View): Root {
  return projectParent(tree, view) as Root;
}

/** A view of a tree, or undefined when it is too deep to project (the parser has reported such a tree). */
export function projectSafely(tree: Root, view: View): Root | undefined {
  try {
    return project(tree, view);
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

/** The redline type a view removes. */
export function removedIn(view: View): 'insertion' | 'deletion' {
  return view === 'baseline' ? 'insertion' : 'deletion';
}

function projectNodes(nodes: readonly RootContent[], view: View): RootContent[] {
  const out: RootContent[] = [];
  for (const node of nodes) {
    if (isRedline(node)) {
      if (node.type !== removedIn(view)) out.push(...projectNodes(node.children, view));
      continue;
    }
    if (node.type === 'table') {
      out.push(projectTable(node, view));
      continue;
    }
    out.push('children' in node ? (projectParent(node, view) as RootContent) : node);
  }
  return out;
}

function projectParent<T extends Parent>(node: T, view: View): T {
  return { ...node, children: projectNodes(node.children as RootContent[], view) };
}

function projectTable(table: Table, view: View): Table {
  const header = table.children[0];
  const keepColumn = header ? header.children.map((cell) => !isWhollyRemoved(cell, view)) : [];
  const rows: TableRow[] = [];
  table.children.forEach((row, rowIndex) => {
    if (rowIndex > 0 && isRowRemoved(row, view)) return;
    const cells = row.children.filter((_, column) => keepColumn[column] ?? true);
    rows.push({ ...row, children: cells.map((cell) => projectParent(cell, view)) });
  });
  const align = table.align ? table.align.filter((_, column) => keepColumn[column] ?? true) : table.align;
  return { ...table, align, children: rows };
}

/** A cell whose only content is redlines that this view removes (at least one). */
export function isWhollyRemoved(cell: TableCell, view: View): boolean {
  return isWhollyRedlined(cell, removedIn(view));
}

export function isWhollyRedlined(cell: TableCell, type: 'insertion' | 'deletion'): boolean {
  let seen = false;
  for (const child of cell.children as Nodes[]) {
    if (child.type === 'text' && child.value.trim() === '') continue;
    if (child.type !== type) return false;
    seen = true;
  }
  return seen;
}

function isRowRemoved(row: TableRow, view: View): boolean {
  let removed = false;
  for (const cell of row.children) {
    if (cell.children.length === 0 || isBlank(cell)) continue;
    if (!isWhollyRemoved(cell, view)) return false;
    removed = true;
  }
  return removed;
}

function isBlank(cell: TableCell): boolean {
  return (cell.children as Nodes[]).every((child) => child.type === 'text' && child.value.trim() === '');
}
