/**
 * One redlined document → one Word document (the `docx` package writes it). Footnotes become
 * Word footnotes numbered in order of first reference; each keeps its Markdown label in a
 * hidden bookmark (`_secfn_…`) so an import gives it back. Rule blocks go to an annex or nowhere.
 */
import { Bookmark, Document, Paragraph, TextRun, type FileChild } from 'docx';
import type { FootnoteDefinition, Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { isRedline } from '../../../compiler/2-parse/redline/types.js';
import { report } from '../../../shared/diagnostics.js';
import type { Modification } from '../../../shared/model.js';
import { versionTree, type WordVersion } from '../version.js';
import { blocksOf, codeParagraph, paragraphMark, STYLES, type BlockContext, type RuleBlock } from './blocks.js';
import { runsOf } from './inline.js';
import { ANNEX_TITLE, NUMBERING, STYLE_OPTIONS } from './styles.js';
import { ChangeIds, type Change } from './changes.js';
import { footnoteBookmark } from '../footnote-label.js';
import { RULES_LEFT_OUT } from '../version.js';

export const EXPORT_RULES = { notCarried: 'word-export-not-carried' } as const;

export interface ExportInput {
  tree: Root;
  file: VFile;
  title: string;
  modifications: readonly Modification[];
}

export interface ExportOptions {
  version: WordVersion;
  /** `annex`: the rule blocks after the legal text, each under the clause it belongs to. */
  rules: 'omit' | 'annex';
}

interface Definition {
  node: FootnoteDefinition;
  change: Change | undefined;
}

export function wordDocument(input: ExportInput, options: ExportOptions): Document {
  const tree = versionTree(input.tree, options.version);
  const ids = new ChangeIds(input.modifications);
  const definitions = footnoteDefinitions(tree.children, ids, undefined);
  // Word gives every reference its own footnote: a label referenced twice is written twice.
  const numbers: string[] = [];
  const context: BlockContext = {
    ids,
    rules: [],
    clause: undefined,
    footnote: (label) => numbers.push(label),
    warn: (node, what) =>
      report(input.file, `Word cannot carry ${what}`, {
        ruleId: EXPORT_RULES.notCarried,
        place: node.position,
        severity: 'warning',
      }),
  };
  const body: FileChild[] = blocksOf(tree.children, context);
  if (options.rules === 'annex' && context.rules.length > 0) body.push(...annex(context.rules, context));
  const footnotes: Record<number, { children: Paragraph[] }> = {};
  numbers.forEach((label, index) => {
    const definition = definitions.get(label);
    const repeat = numbers.slice(0, index).filter((other) => other === label).length + 1;
    if (definition)
      footnotes[index + 1] = {
        children: footnoteParagraphs(footnoteBookmark(definition.node.label ?? label, repeat), definition, context),
      };
  });
  for (const [label, definition] of definitions) {
    if (!numbers.includes(label)) context.warn(definition.node, `the footnote \`[^${label}]\`, which nothing references (left out)`);
  }
  // Said in the file, so that an import of it can say what it does not carry back.
  const leftOut = options.rules === 'omit' ? context.rules.length : 0;
  return new Document({
    creator: 'secc',
    customProperties: leftOut > 0 ? [{ name: RULES_LEFT_OUT, value: String(leftOut) }] : [],
    title: input.title,
    features: { trackRevisions: options.version === 'redline' },
    styles: STYLE_OPTIONS,
    numbering: { config: NUMBERING },
    footnotes,
    sections: [{ children: body }],
  });
}

function footnoteDefinitions(nodes: readonly RootContent[], ids: ChangeIds, change: Change | undefined): Map<string, Definition> {
  const found = new Map<string, Definition>();
  for (const node of nodes) {
    if (node.type === 'footnoteDefinition') found.set(node.identifier, { node, change });
    else if (isRedline(node)) {
      for (const [label, definition] of footnoteDefinitions(node.children, ids, change ?? ids.changeOf(node))) found.set(label, definition);
    }
  }
  return found;
}

function footnoteParagraphs(bookmark: string, { node, change }: Definition, context: BlockContext): Paragraph[] {
  const mark = new Bookmark({ id: bookmark, children: [] });
  const paragraphs = node.children.map((block, index) => {
    const content = block.type === 'paragraph' ? block.children : [block];
    return new Paragraph({
      ...paragraphMark(context, change),
      children: [...(index === 0 ? [mark] : []), ...runsOf(content, context, change)],
    });
  });
  return paragraphs.length > 0 ? paragraphs : [new Paragraph({ children: [mark] })];
}

/** The rule blocks after the legal text: a caption naming the clause, then the YAML as written. */
function annex(rules: readonly RuleBlock[], context: BlockContext): Paragraph[] {
  const heading = new Paragraph({ style: STYLES.annexHeading, children: [new TextRun(ANNEX_TITLE)] });
  return [
    heading,
    ...rules.flatMap((rule) => [
      new Paragraph({
        style: STYLES.ruleCaption,
        ...paragraphMark(context, rule.change),
        children: runsOf([{ type: 'text', value: `Rule block under clause ${rule.clause ?? '(none)'}` }], context, rule.change),
      }),
      codeParagraph(STYLES.ruleBlock, rule.value, context, rule.change),
    ]),
  ];
}
