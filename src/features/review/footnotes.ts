/**
 * Footnotes as a reader sees them: the number mdast-util-to-hast gives each reference in a
 * document (read back from the rendered tree, so the change list and the badges quote the number
 * the text shows), footnotes inserted or deleted by a redline shown as such in the footnote list,
 * and the footnote heading's id made unique per document.
 */
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Nodes, Root } from 'mdast';
import { el } from './hast.js';

/** `document|label` → the footnote's number as the page shows it and the id of its definition. */
export type FootnoteMap = Map<string, { number: string; id: string }>;

export function footnoteKey(document: string, label: string): string {
  return `${document}|${label.toLowerCase()}`;
}

/** The labels of footnote definitions inside an insertion or a deletion, with the redline's cite. */
export function redlinedFootnotes(tree: Root): Map<string, { tagName: 'ins' | 'del'; cite: string | undefined }> {
  const found = new Map<string, { tagName: 'ins' | 'del'; cite: string | undefined }>();
  const visit = (node: Nodes, inside: { tagName: 'ins' | 'del'; cite: string | undefined } | undefined): void => {
    const type = node.type as string;
    let here = inside;
    if (type === 'insertion' || type === 'deletion')
      here = { tagName: type === 'insertion' ? 'ins' : 'del', cite: (node as { cite?: string }).cite };
    if (node.type === 'footnoteDefinition' && here) found.set(node.identifier.toLowerCase(), here);
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child, here);
  };
  visit(tree, undefined);
  return found;
}

/** Records each reference's number, marks redlined definitions, and gives the heading a unique id. */
export function finishFootnotes(hast: HastRoot, document: string, prefix: string, notes: FootnoteMap, tree: Root): void {
  const redlined = redlinedFootnotes(tree);
  const labelId = `${prefix}-footnote-label`;
  const visit = (node: HastRoot | HastRoot['children'][number]): void => {
    if (node.type === 'element') {
      const properties = node.properties;
      if (properties.dataFootnoteRef !== undefined && typeof properties.href === 'string') {
        const id = properties.href.slice(1);
        const label = decodeURIComponent(id.slice(`${prefix}-fn-`.length));
        const number = node.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
        if (!notes.has(footnoteKey(document, label))) notes.set(footnoteKey(document, label), { number, id });
        properties.ariaDescribedBy = [labelId];
      }
      if (properties.id === 'footnote-label') properties.id = labelId;
      if (node.tagName === 'li' && typeof properties.id === 'string' && properties.id.startsWith(`${prefix}-fn-`)) {
        markRedlined(node, redlined.get(decodeURIComponent(properties.id.slice(`${prefix}-fn-`.length))));
      }
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(hast);
}

/** The footnote's content in the redline's element; decorate.ts then labels it like any block redline. */
function markRedlined(item: Element, redline: { tagName: 'ins' | 'del'; cite: string | undefined } | undefined): void {
  if (!redline) return;
  item.children = [
    el(
      redline.tagName,
      { className: ['redline-block'], ...(redline.cite ? { cite: redline.cite } : {}) },
      item.children as ElementContent[],
    ),
  ];
}
