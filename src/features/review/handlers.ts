/** mdast-util-to-hast handlers for the nodes the review page shows its own way: redlines, front matter, raw HTML. */
import type { Element, Properties } from 'hast';
import type { Parents, RootContent } from 'mdast';
import type { State } from 'mdast-util-to-hast';
import type { Redline } from '../../compiler/2-parse/redline/types.js';
import { el, text } from './hast.js';

export function redlineHandler(tagName: 'ins' | 'del') {
  return (state: State, node: Redline): Element => {
    const block = node.children.some((child) => !isPhrasing(child));
    const properties: Properties = { className: [block ? 'redline-block' : 'redline', node.syntax === 'gfm' ? 'gfm' : 'html'] };
    if (node.cite) properties.cite = node.cite;
    if (node.datetime) properties.dateTime = node.datetime;
    if (node.cite) properties.title = `${tagName === 'ins' ? 'Inserted' : 'Deleted'} by ${node.cite}`;
    const result: Element = { type: 'element', tagName, properties, children: block ? state.wrap(state.all(node), true) : state.all(node) };
    state.patch(node, result);
    return result;
  };
}

export function frontMatterHandler(_state: State, node: { value: string }): Element {
  return el('details', { className: ['front-matter'] }, [
    el('summary', {}, [text('Front matter')]),
    el('pre', {}, [el('code', {}, [text(node.value)])]),
  ]);
}

/** Raw HTML in the text is shown as what it is, escaped, never interpreted: a reviewer sees every character. */
export function rawHtmlHandler(_state: State, node: { value: string }, parent: Parents | undefined): Element {
  const code = el('code', { className: ['raw-html'], title: 'Raw HTML in the text (shown, not interpreted)' }, [text(node.value)]);
  return parent === undefined ||
    parent.type === 'root' ||
    parent.type === 'insertion' ||
    parent.type === 'deletion' ||
    parent.type === 'blockquote' ||
    parent.type === 'listItem'
    ? el('pre', { className: ['raw-html'] }, [code])
    : code;
}

function isPhrasing(node: RootContent): boolean {
  return [
    'text',
    'emphasis',
    'strong',
    'inlineCode',
    'link',
    'linkReference',
    'break',
    'html',
    'delete',
    'footnoteReference',
    'image',
    'imageReference',
    'insertion',
    'deletion',
  ].includes(node.type);
}
