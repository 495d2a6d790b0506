/**
 * Stage 3, project. Takes: a redlined tree (stage 2) and a version (a view, or an accept
 * predicate). Returns: the tree of that version. A version of the text accepts some redlines (by their
 * modification and the document's SEC part) and rejects the rest: an accepted insertion and a
 * rejected deletion are kept, a rejected insertion and an accepted deletion are removed.
 * - baseline: the text before the modifications (accepts none);
 * - modified: the text after them (accepts all);
 * - any other version (as at a date, one modification alone) accepts what it says.
 * Table columns whose header cell is wholly removed in a version are dropped from every row, and
 * rows whose cells are all wholly removed are dropped. Nodes keep their source positions.
 * Pure: returns a new tree and leaves the input as it was.
 */
import type { Nodes, Parent, Root, RootContent, Table, TableCell, TableRow } from 'mdast';
import type { View } from '../../shared/vocabulary.js';
import { isRedline, type Redline } from '../2-parse/redline/types.js';

/** Re-exported for `sec-rules/redline`: the views a redlined tree projects to. */
export { VIEWS } from '../../shared/vocabulary.js';

/** Which redlines a version accepts. */
export type AcceptRedline = (redline: Redline) => boolean;

const ACCEPT: Record<View, AcceptRedline> = { baseline: () => false, modified: () => true };

/** Which redlines a view accepts. */
export function viewAccepts(view: View): AcceptRedline {
  return ACCEPT[view];
}

export function project(tree: Root, view: View): Root {
  return projectVersion(tree, ACCEPT[view]);
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

export function projectVersion(tree: Root, accepts: AcceptRedline): Root {
  return projectParent(tree, accepts) as Root;
}

/** The redline type a view removes. */
export function removedIn(view: View): 'insertion' | 'deletion' {
  return view === 'baseline' ? 'insertion' : 'deletion';
}

/** Does this version remove the redline (with its content)? */
function isRemoved(redline: Redline, accepts: AcceptRedline): boolean {
  return redline.type === 'insertion' ? !accepts(redline) : accepts(redline);
}

function projectNodes(nodes: readonly RootContent[], accepts: AcceptRedline): RootContent[] {
  const out: RootContent[] = [];
  for (const node of nodes) {
    if (isRedline(node)) {
      if (!isRemoved(node, accepts)) out.push(...projectNodes(node.children, accepts));
      continue;
    }
    if (node.type === 'table') {
      out.push(projectTable(node, accepts));
      continue;
    }
    out.push('children' in node ? (projectParent(node, accepts) as RootContent) : node);
  }
  return out;
}

function projectParent<T extends Parent>(node: T, accepts: AcceptRedline): T {
  return { ...node, children: projectNodes(node.children as RootContent[], accepts) };
}

function projectTable(table: Table, accepts: AcceptRedline): Table {
  const header = table.children[0];
  const keepColumn = header ? header.children.map((cell) => !isWhollyRemovedBy(cell, accepts)) : [];
  const rows: TableRow[] = [];
  table.children.forEach((row, rowIndex) => {
    if (rowIndex > 0 && isRowRemoved(row, accepts)) return;
    const cells = row.children.filter((_, column) => keepColumn[column] ?? true);
    rows.push({ ...row, children: cells.map((cell) => projectParent(cell, accepts)) });
  });
  const align = table.align ? table.align.filter((_, column) => keepColumn[column] ?? true) : table.align;
  return { ...table, align, children: rows };
}

/** A cell whose only content is redlines that this view removes (at least one). */
export function isWhollyRemoved(cell: TableCell, view: View): boolean {
  return isWhollyRemovedBy(cell, ACCEPT[view]);
}

function isWhollyRemovedBy(cell: TableCell, accepts: AcceptRedline): boolean {
  let seen = false;
  for (const child of cell.children as Nodes[]) {
    if (child.type === 'text' && child.value.trim() === '') continue;
    if (!isRedline(child) || !isRemoved(child, accepts)) return false;
    seen = true;
  }
  return seen;
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

function isRowRemoved(row: TableRow, accepts: AcceptRedline): boolean {
  let removed = false;
  for (const cell of row.children) {
    if (cell.children.length === 0 || isBlank(cell)) continue;
    if (!isWhollyRemovedBy(cell, accepts)) return false;
    removed = true;
  }
  return removed;
}

function isBlank(cell: TableCell): boolean {
  return (cell.children as Nodes[]).every((child) => child.type === 'text' && child.value.trim() === '');
}
