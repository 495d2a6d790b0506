/** Small builders of hast (HTML) nodes: legal text only ever becomes escaped text nodes. */
import type { Element, ElementContent, Properties } from 'hast';

export function el(tagName: string, properties: Properties, children: ElementContent[] = []): Element {
  return { type: 'element', tagName, properties, children };
}

export function text(value: string): { type: 'text'; value: string } {
  return { type: 'text', value };
}

/** A document name as an id: `appendix-ab.md` → `appendix-ab`. */
export function slug(value: string): string {
  return value
    .replace(/\.md$/, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
