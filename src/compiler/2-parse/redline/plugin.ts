/**
 * remark plugin: pairs `<ins>`/`<del>` html tags among siblings into `insertion`/`deletion`
 * nodes, turns GFM `~~strike~~` into an unattributed `deletion`, and reports unbalanced,
 * crossing and nested redlines with their positions.
 *
 * Usage: unified().use(remarkParse).use(remarkGfm, {singleTilde: false}).use(remarkRedline)
 */
import type { Html, Nodes, Parent, Root, RootContent } from 'mdast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { report } from '../../../shared/diagnostics.js';
import { readTag, type OpenTag, type RedlineTag } from './tags.js';
import { reportConventionBreaches } from './conventions.js';
import { isRedline, type Deletion, type Insertion, type Redline } from './types.js';
import { walk } from './walk.js';

export const RULE = {
  unbalanced: 'redline-unbalanced',
  crossing: 'redline-crossing',
  nested: 'redline-nested',
  blockSpacing: 'redline-block-spacing',
  empty: 'redline-empty',
} as const;

interface OpenEntry {
  tag: OpenTag;
  index: number;
}

const remarkRedline: Plugin<[], Root> = function () {
  return (tree, file) => {
    pairRedlines(tree, file);
  };
};

export default remarkRedline;

/** Pairs redline tags in place, everywhere in the tree. Exported for use without unified. */
export function pairRedlines(tree: Root, file: VFile): void {
  walk(tree, (node) => {
    if (node.type === 'delete') {
      // GFM strikethrough: already a parent with positions; make it a deletion.
      const deletion = node as unknown as Deletion;
      deletion.type = 'deletion';
      deletion.syntax = 'gfm';
    }
    if ('children' in node) pairChildren(node as Parent, file);
  });
  reportNesting(tree, file);
  reportEmpty(tree, file);
  reportConventionBreaches(tree, file);
}

/** The siblings as paired so far, the tags still open, and whether anything could not be paired. */
interface Pairing {
  parent: Parent;
  file: VFile;
  result: RootContent[];
  stack: Array<OpenEntry & { at: number }>;
  failed: boolean;
}

function pairChildren(parent: Parent, file: VFile): void {
  const children = parent.children as RootContent[];
  if (!children.some((child) => child.type === 'html' && readTag(child.value))) return;
  const pairing: Pairing = { parent, file, result: [], stack: [], failed: false };
  children.forEach((child, index) => {
    const tag = child.type === 'html' ? readTag(child.value) : undefined;
    if (!tag) pairing.result.push(child);
    else if (tag.trailing.trim() !== '') reportTrailingText(pairing, tag, child as Html, index);
    else if (tag.kind === 'open') openTag(pairing, tag, child as Html, index);
    else closeTag(pairing, tag, child as Html);
  });
  reportUnclosed(pairing, children);
  // On any error leave this parent as written: the build stops anyway, and lint sees the raw tags.
  if (!pairing.failed) parent.children = pairing.result as Parent['children'];
}

/**
 * A block tag with text after it (a missing blank line): reported, then paired all the same, so
 * the rest of the document projects as the drafter meant and this one slip does not turn into
 * findings about the baseline text, roles or references (the text after the tag is not read).
 */
function reportTrailingText(pairing: Pairing, tag: RedlineTag, html: Html, index: number): void {
  report(
    pairing.file,
    `Unexpected text after \`<${tag.kind === 'close' ? '/' : ''}${tag.tag}>\` in the same block, expected the tag alone on its line followed by a blank line`,
    {
      ruleId: RULE.blockSpacing,
      place: html.position,
      actual: html.value.split('\n', 2).join('⏎'),
      note: 'A redline around whole blocks needs its opening and closing tags alone on their lines, with a blank line after the opening tag and before the closing tag; otherwise the Markdown between them is not read.',
    },
  );
  if (tag.kind === 'open') openTag(pairing, tag, html, index);
  else closeTag(pairing, tag, html);
}

function openTag(pairing: Pairing, tag: OpenTag, html: Html, index: number): void {
  const outer = pairing.stack[pairing.stack.length - 1];
  if (outer) {
    report(pairing.file, `Unexpected \`<${tag.tag}>\` inside an open \`<${outer.tag.tag}>\`, expected redlines not to be nested`, {
      ruleId: RULE.nested,
      place: html.position,
    });
    pairing.failed = true;
  }
  pairing.stack.push({ tag, index, at: pairing.result.length });
  pairing.result.push(html);
}

function closeTag(pairing: Pairing, tag: RedlineTag, html: Html): void {
  const { file, result, stack } = pairing;
  const top = stack[stack.length - 1];
  if (!top) {
    report(
      file,
      `Unexpected \`</${tag.tag}>\` with no \`<${tag.tag}>\` before it in the same ${describe(pairing.parent)}, expected an opening tag first`,
      {
        ruleId: RULE.unbalanced,
        place: html.position,
        note: 'An inline redline opens and closes inside one paragraph, heading or table cell; a block redline needs blank lines around its content.',
      },
    );
    pairing.failed = true;
    result.push(html);
    return;
  }
  stack.pop();
  if (top.tag.tag !== tag.tag) {
    report(
      file,
      `Unexpected \`</${tag.tag}>\` while \`<${top.tag.tag}>\` is open, expected \`</${top.tag.tag}>\`: redlines must not cross`,
      {
        ruleId: RULE.crossing,
        place: html.position,
      },
    );
    pairing.failed = true;
    result.push(html);
    return;
  }
  const open = result[top.at] as Html;
  const inner = result.splice(top.at + 1);
  result.pop(); // the opening tag
  result.push(makeRedline(top.tag, open, html, inner));
}

function reportUnclosed(pairing: Pairing, children: readonly RootContent[]): void {
  for (const entry of pairing.stack) {
    const open = children[entry.index] as Html;
    report(
      pairing.file,
      `Unexpected \`<${entry.tag.tag}>\` that is never closed in the same ${describe(pairing.parent)}, expected \`</${entry.tag.tag}>\``,
      {
        ruleId: RULE.unbalanced,
        place: open.position,
        note: pairing.parent.type === 'tableCell' ? 'A redline in a table must open and close inside one cell.' : undefined,
      },
    );
    pairing.failed = true;
  }
}

function makeRedline(tag: OpenTag, open: Html, close: Html, children: RootContent[]): Redline {
  const node: Insertion | Deletion = {
    type: tag.tag === 'ins' ? 'insertion' : 'deletion',
    syntax: 'html',
    children,
  } as Insertion | Deletion;
  if (tag.cite !== undefined) node.cite = tag.cite;
  if (tag.datetime !== undefined) node.datetime = tag.datetime;
  if (open.position && close.position) node.position = { start: open.position.start, end: close.position.end };
  return node;
}

function describe(parent: Parent): string {
  switch (parent.type) {
    case 'tableCell':
      return 'table cell';
    case 'paragraph':
      return 'paragraph';
    case 'heading':
      return 'heading';
    case 'root':
      return 'document';
    default:
      return parent.type;
  }
}

function reportNesting(tree: Root, file: VFile): void {
  const outers: Redline[] = [];
  const visit = (node: Nodes): void => {
    const redline = isRedline(node) ? node : undefined;
    const outer = outers[0];
    if (redline && outer) {
      report(file, `Unexpected ${redline.type} inside ${article(outer.type)} ${outer.type}, expected redlines not to be nested`, {
        ruleId: RULE.nested,
        place: redline.position,
      });
      return;
    }
    if (redline) outers.push(redline);
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
    if (redline) outers.pop();
  };
  visit(tree);
}

function reportEmpty(tree: Root, file: VFile): void {
  walk(tree, (node) => {
    if (!isRedline(node)) return;
    const empty = node.children.every((child) => child.type === 'text' && child.value.trim() === '');
    if (empty) {
      report(file, `Unexpected empty ${node.type}, expected some ${node.type === 'insertion' ? 'inserted' : 'deleted'} text`, {
        ruleId: RULE.empty,
        place: node.position,
        severity: 'warning',
      });
    }
  });
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a';
}
