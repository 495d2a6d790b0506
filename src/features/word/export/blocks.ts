/**
 * Block content → Word paragraphs and tables. Headings keep their clause numbers in their text
 * and become Word headings; lettered paragraphs become list paragraphs; a block redline marks
 * each paragraph's runs and its paragraph mark, which is how Word records an inserted or
 * deleted paragraph. Rule blocks are not legal text: they are collected for the annex.
 */
import { HeadingLevel, Paragraph, type FileChild, type IParagraphOptions } from 'docx';
import type { Heading, List, RootContent } from 'mdast';
import { isRedline } from '../../../compiler/2-parse/redline/types.js';
import { clauseNumberOf } from '../../../compiler/4-extract/outline.js';
import type { Change } from './changes.js';
import { lineRuns, runsOf, warnDatetime, type InlineContext } from './inline.js';
import { tableOf } from './table.js';

export const STYLES = {
  codeBlock: 'SeccCodeBlock',
  ruleBlock: 'SeccRule',
  ruleCaption: 'SeccRuleCaption',
  annexHeading: 'SeccAnnexHeading',
} as const;

export const LISTS = { lettered: 'secc-lettered', bullet: 'secc-bullet', ordered: 'secc-ordered' } as const;

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

/** A rule block, kept for the annex with the clause it sits under and the redline it is in. */
export interface RuleBlock {
  clause: string | undefined;
  value: string;
  change: Change | undefined;
}

export interface BlockContext extends InlineContext {
  rules: RuleBlock[];
  /** The clause of the last heading seen, for rule blocks. */
  clause: string | undefined;
}

export function blocksOf(nodes: readonly RootContent[], context: BlockContext, change?: Change): FileChild[] {
  return nodes.flatMap((node) => blockOf(node, context, change));
}

function blockOf(node: RootContent, context: BlockContext, change: Change | undefined): FileChild[] {
  if (isRedline(node)) {
    warnDatetime(node, context);
    return blocksOf(node.children, context, change ?? context.ids.changeOf(node));
  }
  switch (node.type) {
    case 'heading':
      context.clause = clauseNumberOf(node)?.id;
      return [paragraph({ heading: HEADINGS[node.depth - 1] }, node, context, change)];
    case 'paragraph':
      return [paragraph({}, node, context, change)];
    case 'list':
      return listOf(node, context, change, 0);
    case 'table':
      if (node.align?.some((align) => align !== null)) context.warn(node, 'the column alignment of a table (the table is kept)');
      return [tableOf(node, context, change)];
    case 'code':
      if (node.lang === 'rule') {
        context.rules.push({ clause: context.clause, value: node.value, change });
        return [];
      }
      if (node.lang) context.warn(node, `the language \`${node.lang}\` of a code block (the code is kept)`);
      return [codeParagraph(STYLES.codeBlock, node.value, context, change)];
    case 'blockquote':
      context.warn(node, 'a block quote (its paragraphs are kept, unquoted)');
      return blocksOf(node.children, context, change);
    case 'yaml':
    case 'footnoteDefinition': // written as Word footnotes
      return [];
    default:
      context.warn(
        node,
        node.type === 'html' ? `raw HTML \`${node.value.slice(0, 40)}\` (left out)` : `a \`${node.type}\` block (left out)`,
      );
      return [];
  }
}

/** A paragraph of phrasing content; in a block redline its paragraph mark is tracked too. */
export function paragraph(
  options: IParagraphOptions,
  node: { children: RootContent[] } | Heading,
  context: InlineContext,
  change: Change | undefined,
): Paragraph {
  return new Paragraph({ ...options, ...paragraphMark(context, change), children: runsOf(node.children, context, change) });
}

export function paragraphMark(context: InlineContext, change: Change | undefined): Pick<IParagraphOptions, 'run'> {
  if (!change) return {};
  const attributes = context.ids.attributes(change);
  return { run: change.kind === 'insertion' ? { insertion: attributes } : { deletion: attributes } };
}

function listOf(list: List, context: BlockContext, change: Change | undefined, level: number): FileChild[] {
  const reference = list.ordered ? LISTS.ordered : isLettered(list) ? LISTS.lettered : LISTS.bullet;
  const itemBlock = (block: RootContent, itemChange: Change | undefined): FileChild[] => {
    if (isRedline(block)) return block.children.flatMap((child) => itemBlock(child, itemChange ?? context.ids.changeOf(block)));
    if (block.type === 'list') return listOf(block, context, itemChange, level + 1);
    if (block.type === 'paragraph') return [paragraph({ numbering: { reference, level } }, block, context, itemChange)];
    return blockOf(block, context, itemChange);
  };
  return list.children.flatMap((item) => item.children.flatMap((child) => itemBlock(child, change)));
}

/** `- (a) …`: the letters are the drafter's text, so the Word list adds no marker of its own. */
function isLettered(list: List): boolean {
  const first = list.children[0]?.children[0];
  if (first?.type !== 'paragraph') return false;
  const text = first.children[0];
  return text?.type === 'text' && /^\([a-z]{1,3}|[ivx]+\)/.test(text.value);
}

/** Code (a fenced block, or a rule block in the annex): one paragraph, lines kept as line breaks. */
export function codeParagraph(style: string, value: string, context: InlineContext, change: Change | undefined): Paragraph {
  return new Paragraph({ style, ...paragraphMark(context, change), children: lineRuns(value.split('\n'), context, change) });
}
