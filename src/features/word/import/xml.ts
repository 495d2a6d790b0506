/**
 * Parsing a part's XML with @xmldom/xmldom, refusing what a Word document never contains: a
 * DTD (`<!DOCTYPE`) or entity declaration, the carrier of external-entity and billion-laughs
 * attacks. Helpers walk WordprocessingML elements by namespace and local name.
 */
import { DOMParser, type Element } from '@xmldom/xmldom';
import { BadWordFile } from './package.js';

export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export function parseXml(xml: string, name: string, part: string): Element {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    throw new BadWordFile(`${name}: ${part} declares a DTD or an XML entity, which a Word document never does; it was not read`);
  }
  let problem: string | undefined;
  let root: Element | null = null;
  try {
    const parser = new DOMParser({
      onError: (level, message) => {
        if (level === 'warning') return;
        problem ??= message.split('\n')[0];
        throw new Error(problem);
      },
    });
    root = parser.parseFromString(xml, 'text/xml').documentElement;
  } catch (error) {
    problem ??= (error as Error).message.split('\n')[0];
  }
  if (problem || !root) throw new BadWordFile(`${name}: ${part} is not well-formed XML (${problem ?? 'no root element'})`);
  return root;
}

/** Element children, optionally only those `w:<local>`. */
export function elements(parent: Element, local?: string): Element[] {
  const found: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType !== 1) continue;
    const element = node as Element;
    if (local === undefined || (element.namespaceURI === W && element.localName === local)) found.push(element);
  }
  return found;
}

export function child(parent: Element, local: string): Element | undefined {
  return elements(parent, local)[0];
}

/** `w:<local>` anywhere below `parent`. */
export function descendants(parent: Element, local: string): Element[] {
  return Array.from(parent.getElementsByTagNameNS(W, local));
}

export function attr(element: Element | undefined, local: string): string | undefined {
  return element?.hasAttributeNS(W, local) ? (element.getAttributeNS(W, local) ?? undefined) : undefined;
}

export function isW(element: Element, local: string): boolean {
  return element.namespaceURI === W && element.localName === local;
}
