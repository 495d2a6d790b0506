/**
 * What a reader sees of each change without hovering, added to a document's rendered (hast) tree:
 * a changed cell's before → after and the modification that made it; `Inserted by MP162` on block
 * redlines, on inserted columns and rows, and beside redlines in the prose; each table in a
 * scrolling box (sticky header row and first column) with links to the columns a redline inserts.
 */
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Change } from '../changeset/diff.js';
import { footnoteKey, type FootnoteMap } from './footnotes.js';
import { el, text } from './hast.js';
import type { AnchorMap } from './locate.js';
import { trtValue, type Words } from './words.js';

/** What every document of the page shares: where changes are, footnote numbers, the words, attribution. */
export interface PageContext {
  anchors: AnchorMap;
  notes: FootnoteMap;
  words: Words;
  /** change id → the modifications that make it. */
  madeBy: ReadonlyMap<string, readonly string[]>;
}

type Parent = HastRoot | Element;

export function decorate(hast: HastRoot, document: string, changes: readonly Change[], page: PageContext): void {
  const byId = new Map(changes.map((change) => [change.id, change]));
  visit(hast, (node, parent, inTable) => {
    const classes = classesOf(node);
    if ((node.tagName === 'td' || node.tagName === 'th') && typeof node.properties.dataChanges === 'string') {
      const cellChanges = node.properties.dataChanges.split(' ').flatMap((id) => byId.get(id) ?? []);
      node.children.push(...cellBadge(cellChanges, document, page));
    }
    if ((node.tagName === 'ins' || node.tagName === 'del') && classes.includes('redline-block')) {
      // A block of footnotes only is empty here (they are listed at the end, marked there).
      if (node.children.some((child) => child.type === 'element')) node.children.unshift(redlineLabel(node, 'block'));
    } else if ((node.tagName === 'ins' || node.tagName === 'del') && !inTable && !continuedBy(node, parent)) {
      parent.children.splice(parent.children.indexOf(node) + 1, 0, redlineLabel(node, 'inline'));
    }
    if (node.tagName === 'tr') labelInsertedRow(node);
    if (node.tagName === 'th') node.properties.scope = 'col';
  });
  wrapTables(hast);
}

function visit(node: Parent, act: (node: Element, parent: Parent, inTable: boolean) => void, inTable = false): void {
  for (const child of [...node.children]) {
    if (child.type !== 'element') continue;
    act(child, node, inTable);
    visit(child, act, inTable || child.tagName === 'table');
  }
}

function classesOf(node: Element): string[] {
  const value = node.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
}

/** A redline followed by the other kind with the same cite (deleted, then inserted) is labelled once, after both. */
function continuedBy(node: Element, parent: Parent): boolean {
  const next = parent.children[parent.children.indexOf(node) + 1];
  return next?.type === 'element' && (next.tagName === 'ins' || next.tagName === 'del') && next.properties.cite === node.properties.cite;
}

function redlineLabel(node: Element, where: 'block' | 'inline' | 'column' | 'row'): Element {
  const cite = typeof node.properties.cite === 'string' ? node.properties.cite : undefined;
  if (where === 'inline')
    return el('span', { className: ['redline-by', 'inline'] }, [text(cite ?? (node.tagName === 'ins' ? 'inserted' : 'deleted'))]);
  const verb = node.tagName === 'ins' ? 'Inserted' : 'Deleted';
  const what = where === 'column' ? 'Column ' : where === 'row' ? 'Row ' : '';
  return el('span', { className: ['redline-by', where] }, [text(`${what}${what ? verb.toLowerCase() : verb}${cite ? ` by ${cite}` : ''}`)]);
}

/** The first redline inside a cell (its cite names the modification). */
function redlineIn(node: Element): Element | undefined {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'ins' || child.tagName === 'del') return child;
    const inner = redlineIn(child);
    if (inner) return inner;
  }
  return undefined;
}

/** A changed or removed value: before → after in the cell's own spelling, footnotes by number, and who made it. */
function cellBadge(changes: readonly Change[], document: string, page: PageContext): Element[] {
  const shown = changes.filter((change) => change.action !== 'added');
  if (shown.length === 0) return [];
  const seen = new Set<string>();
  const badges: Element[] = [];
  for (const change of shown) {
    const parts = badgeParts(change, document, page);
    const key = JSON.stringify(parts.map((part) => (part.type === 'text' ? part.value : part.type === 'element' ? part.tagName : '')));
    if (seen.has(key)) continue;
    seen.add(key);
    const madeBy = page.madeBy.get(change.id) ?? [];
    badges.push(
      el('span', { className: ['change-badge'] }, [
        ...parts,
        ...(madeBy.length > 0 ? [text(' '), el('span', { className: ['made-by'] }, [text(madeBy.join(', '))])] : []),
      ]),
    );
  }
  return badges;
}

function badgeParts(change: Change, document: string, page: PageContext): ElementContent[] {
  if (change.kind !== 'trt') return [text(`${change.from ?? ''} → ${change.action === 'removed' ? 'removed' : (change.to ?? '')}`)];
  const before = trtValue(change, 'before');
  const after = change.action === 'removed' ? { text: 'removed', notes: [] } : trtValue(change, 'after');
  const notes = (labels: readonly string[]) => labels.map((label) => footnoteSup(document, label, page.notes));
  return [text(before.text), ...notes(before.notes), text(' → '), text(after.text), ...notes(after.notes)];
}

/** A footnote reference as the text shows it: its number, linked to the footnote. */
export function footnoteSup(document: string, label: string, notes: FootnoteMap): Element {
  const note = notes.get(footnoteKey(document, label));
  if (!note) return el('sup', { className: ['footnote-ref'] }, [text('(footnote)')]);
  return el('sup', { className: ['footnote-ref'] }, [
    el('a', { href: `#${note.id}`, ariaLabel: `footnote ${note.number}` }, [text(note.number)]),
  ]);
}

/** A row whose every cell a redline inserts (or deletes) says so in its first cell. */
function labelInsertedRow(row: Element): void {
  const cells = row.children.filter((child): child is Element => child.type === 'element');
  const first = cells[0];
  if (!first || cells.length < 2) return;
  for (const kind of ['cell-inserted', 'cell-deleted']) {
    if (!cells.every((cell) => classesOf(cell).includes(kind))) continue;
    const redline = redlineIn(first);
    if (first.tagName === 'th') continue;
    if (redline) first.children.push(redlineLabel(redline, 'row'));
  }
}

/**
 * Each table in a box that scrolls both ways (header row and first column stay in view); a table
 * with columns a redline inserts gets, above it, a link to each such column, and its header a label.
 */
function wrapTables(node: Parent): void {
  node.children = node.children.map((child) => {
    if (child.type !== 'element') return child;
    if (child.tagName !== 'table') {
      wrapTables(child);
      return child;
    }
    const inserted = insertedColumns(child);
    const box = el('div', { className: ['table-scroll'], tabIndex: 0, role: 'region', ariaLabel: 'Table (scrolls sideways)' }, [child]);
    if (inserted.length === 0) return box;
    const links = inserted.flatMap((cell, index) => [
      ...(index > 0 ? [text(' · ')] : []),
      el('a', { href: `#${String(cell.properties.id)}` }, [text(cellText(cell))]),
    ]);
    const lead = `${inserted.length === 1 ? 'Column' : 'Columns'} inserted by the redline (scroll right, or go to): `;
    const nav = el('p', { className: ['inserted-columns'] }, [text(lead), ...links]);
    return el('div', { className: ['table-block'] }, [nav, box]);
  }) as typeof node.children;
}

/** Header cells wholly inserted by a redline: each gets a visible label and a class its column's cells share. */
function insertedColumns(table: Element): Element[] {
  const header = findFirst(table, 'tr');
  if (!header) return [];
  const cells = header.children.filter((child): child is Element => child.type === 'element');
  const inserted = cells.filter((cell) => classesOf(cell).includes('cell-inserted'));
  for (const cell of inserted) {
    const redline = redlineIn(cell);
    if (redline) cell.children.push(redlineLabel(redline, 'column'));
  }
  return inserted;
}

function findFirst(node: Element, tagName: string): Element | undefined {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === tagName) return child;
    const inner = findFirst(child, tagName);
    if (inner) return inner;
  }
  return undefined;
}

function cellText(node: Element | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element' || classesOf(node).includes('redline-by')) return '';
  return node.children.map(cellText).join('');
}
