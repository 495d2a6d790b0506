/**
 * Copies and moves of mdast trees for the incremental parse: the tree a parse returns is kept
 * (the next edit is spliced into it), so the redline plugin, which rewrites the tree in place,
 * gets a copy; the nodes after an edit are moved in place (the kept tree they came from is
 * given up for the new one, so nothing else sees them move).
 */
import type { Nodes } from 'mdast';

/** How far the nodes after an edit move. */
export interface Shift {
  lines: number;
  offsets: number;
}

export const NO_SHIFT: Shift = { lines: 0, offsets: 0 };

/** A deep copy of a node, every position moved by `shift` (columns stay: edits are whole lines). */
export function copyNode<T extends Nodes>(node: T, shift: Shift = NO_SHIFT): T {
  const copy: Record<string, unknown> = {};
  const source = node as unknown as Record<string, unknown>;
  for (const key in source) {
    const value = source[key];
    if (key === 'children') {
      const children = value as Nodes[];
      const copied: Nodes[] = new Array(children.length);
      for (let index = 0; index < children.length; index++) copied[index] = copyNode(children[index] as Nodes, shift);
      copy.children = copied;
    } else if (key === 'position') copy.position = value === undefined ? undefined : movePosition(value as Position, shift);
    else copy[key] = typeof value === 'object' && value !== null ? copyValue(value) : value;
  }
  return copy as unknown as T;
}

/** Moves a node and its descendants by `shift`, in place. */
export function shiftNode(node: Nodes, shift: Shift): void {
  const position = node.position;
  if (position) {
    position.start.line += shift.lines;
    position.end.line += shift.lines;
    if (position.start.offset !== undefined) position.start.offset += shift.offsets;
    if (position.end.offset !== undefined) position.end.offset += shift.offsets;
  }
  if ('children' in node) for (const child of node.children as Nodes[]) shiftNode(child, shift);
}

type Position = NonNullable<Nodes['position']>;
type Point = Position['start'];

function movePosition(position: Position, shift: Shift): Position {
  return { start: movePoint(position.start, shift), end: movePoint(position.end, shift) };
}

function movePoint(point: Point, shift: Shift): Point {
  const moved: Point = { line: point.line + shift.lines, column: point.column };
  if (point.offset !== undefined) moved.offset = point.offset + shift.offsets;
  return moved;
}

/** Plain data (a table's `align`, a node's `data`): copied so no two trees share anything mutable. */
function copyValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyValue);
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) copy[key] = copyValue(inner);
    return copy;
  }
  return value;
}
