/**
 * Body items → the blocks of a Markdown document: headings (by style), paragraphs, list items
 * (by numbering), tables, code, and the rule-block annex put back under its clauses. Footnote
 * definitions go right after the block that first references them.
 */
import type { ListLevel, StyleFacts, WordFootnote } from './body.js';
import { listItem, ListCounters } from './lists.js';
import type { Block, BodyItem, Mark, Notice, Segment, WordParagraph } from './model.js';
import { sameMark, segmentsText } from './model.js';
import { isCodeStyle } from './runs.js';

export interface Styles {
  style(styleId: string | undefined): StyleFacts;
  listLevel(numId: string, level: number): ListLevel | undefined;
}

const ANNEX_HEADING = 'SeccAnnexHeading';
const RULE_CAPTION = 'SeccRuleCaption';
const RULE_BLOCK = 'SeccRule';
const RULE_SHAPE = /^id: \S+\n(?:.*\n)*?clause: \S+\n(?:.*\n)*?kind: \S+/;
const CLAUSE = /^\s*([A-Z]{1,2}\d+(?:\.\d+)*[A-Z]?)(?:\s|$)/;

interface RuleBlock {
  clause: string | undefined;
  text: string;
  mark: Mark | undefined;
  at: number | string;
}

export function toBlocks(items: readonly BodyItem[], styles: Styles, notices: Notice[]): Block[] {
  const blocks: Block[] = [];
  const rules: RuleBlock[] = [];
  let annex = false;
  let caption: { clause: string | undefined } | undefined;
  const counters = new ListCounters();
  for (const item of items) {
    if (item.type === 'table') {
      blocks.push({ kind: 'table', table: item.table, at: item.table.index });
      continue;
    }
    const paragraph = item.paragraph;
    if (paragraph.style === ANNEX_HEADING) annex = true;
    else if (paragraph.style === RULE_CAPTION) caption = { clause: /under clause (\S+)/.exec(segmentsText(paragraph.segments))?.[1] };
    else if (paragraph.style === RULE_BLOCK) {
      rules.push({ clause: caption?.clause, text: segmentsText(paragraph.segments), mark: paragraph.mark, at: paragraph.index });
      caption = undefined;
    } else if (annex) {
      notices.push({ at: paragraph.index, what: 'text in the rule-block annex that is not a rule block (left out)', severity: 'warning' });
    } else {
      const block = paragraphBlock(paragraph, styles, counters);
      if (block) blocks.push(block);
    }
  }
  return placeRules(blocks, rules, notices);
}

function paragraphBlock(paragraph: WordParagraph, styles: Styles, counters: ListCounters): Block | undefined {
  const { segments, mark, index: at } = paragraph;
  if (segments.every((segment) => segment.text.trim() === '' && !segment.footnote)) return undefined;
  const style = styles.style(paragraph.style);
  const depth = paragraph.outlineLevel !== undefined && paragraph.outlineLevel < 6 ? paragraph.outlineLevel + 1 : style.headingDepth;
  if (depth !== undefined) return { kind: 'heading', depth, segments, mark, at };
  if (isCodeStyle(paragraph.style)) {
    const text = segmentsText(segments);
    // Other writers drop a fence's language; a code block shaped like a rule block is one (see the README's rule blocks).
    return { kind: 'code', lang: RULE_SHAPE.test(text) ? 'rule' : '', text, mark, at };
  }
  const numbering = paragraph.numbering ?? style.numbering;
  if (numbering) return listItem({ ...paragraph, numbering }, styles.listLevel, counters);
  return { kind: 'paragraph', segments, mark, at };
}

/** Each rule block at the end of its clause (before the next heading), in annex order. */
function placeRules(blocks: Block[], rules: readonly RuleBlock[], notices: Notice[]): Block[] {
  const out = [...blocks];
  for (const rule of rules) {
    // An inserted rule block belongs to a heading that is not deleted (a replaced clause has two), and the other way round.
    const fits = (block: Block): boolean => block.kind === 'heading' && clauseOf(block.segments) === rule.clause;
    const compatible = (block: Block): boolean => !(rule.mark && 'mark' in block && block.mark && block.mark.kind !== rule.mark.kind);
    const preferred = out.findIndex((block) => fits(block) && compatible(block));
    const start = preferred >= 0 ? preferred : out.findIndex(fits);
    if (start < 0) {
      notices.push({
        at: rule.at,
        what: `a rule block for clause ${rule.clause ?? '(none)'}, which the document does not have (left out)`,
        severity: 'warning',
      });
      continue;
    }
    let end = start + 1;
    while (end < out.length && out[end]?.kind !== 'heading') end++;
    // A rule block cannot outlive its clause: untracked under a wholly inserted (deleted) clause, it is inserted (deleted) with it.
    const heading = out[start];
    const mark = rule.mark ?? (heading && heading.kind === 'heading' ? (heading.mark ?? wholeSegmentsMark(heading.segments)) : undefined);
    out.splice(end, 0, { kind: 'code', lang: 'rule', text: rule.text, mark, at: rule.at });
  }
  return out;
}

export function clauseOf(segments: readonly Segment[]): string | undefined {
  return CLAUSE.exec(segmentsText(segments))?.[1];
}

/**
 * Footnote definitions after the block that first references each; a label referenced again
 * (Word gives every reference its own footnote) is defined once. Labels come from our bookmark,
 * or are made from the document id and the order of first reference (`ab-fn1`).
 */
export function placeFootnotes(blocks: readonly Block[], footnotes: Map<string, WordFootnote>, documentId: string): Block[] {
  const labels = new Map<string, string>();
  const byText = new Map<string, string>();
  let made = 0;
  const textOf = (id: string) => JSON.stringify(footnotes.get(id)?.paragraphs.map((paragraph) => segmentsText(paragraph.segments)) ?? id);
  for (const [id, footnote] of footnotes) if (footnote.label !== undefined) byText.set(textOf(id), footnote.label);
  const labelOf = (id: string): string => {
    const known = labels.get(id) ?? footnotes.get(id)?.label;
    // Another writer's footnotes: one with the same text as another is the same note referenced again.
    const label = known ?? byText.get(textOf(id)) ?? `${documentId.toLowerCase()}-fn${++made}`;
    byText.set(textOf(id), byText.get(textOf(id)) ?? label);
    labels.set(id, label);
    return label;
  };
  const relabelled = blocks.map((block) => withLabels(block, labelOf));
  const referenceMarks = new Map<string, Array<Mark | undefined>>();
  for (const block of relabelled) {
    for (const segment of segmentsOf(block)) {
      if (segment.footnote !== undefined)
        referenceMarks.set(segment.footnote, [...(referenceMarks.get(segment.footnote) ?? []), segment.mark]);
    }
  }
  const out: Block[] = [];
  const defined = new Set<string>();
  blocks.forEach((block, index) => {
    out.push(relabelled[index] as Block);
    for (const id of referencedFootnotes(block)) {
      const label = labelOf(id);
      const footnote = footnotes.get(id);
      if (defined.has(label) || !footnote) continue;
      defined.add(label);
      out.push(footnoteBlock(label, footnote, commonMark(referenceMarks.get(label) ?? [])));
    }
  });
  return out;
}

/**
 * A footnote stands or falls with its reference: referenced only from text inserted (deleted) by
 * one author, the note is inserted (deleted) by that author, whatever its own runs say.
 */
function footnoteBlock(label: string, footnote: WordFootnote, referenceMark: Mark | undefined): Block {
  const segments = footnote.paragraphs.flatMap((paragraph, index) => [
    ...(index > 0 ? [{ text: ' ', mark: paragraph.mark }] : []),
    ...paragraph.segments,
  ]);
  const marked = referenceMark ? segments.map((segment) => ({ ...segment, mark: segment.mark ?? referenceMark })) : segments;
  return { kind: 'footnote', label, segments: marked, mark: referenceMark ?? footnote.paragraphs[0]?.mark, at: `footnote ${footnote.id}` };
}

function wholeSegmentsMark(segments: readonly Segment[]): Mark | undefined {
  return commonMark(segments.filter((segment) => segment.text.trim() !== '').map((segment) => segment.mark));
}

function commonMark(marks: ReadonlyArray<Mark | undefined>): Mark | undefined {
  const first = marks[0];
  return first && marks.every((mark) => sameMark(mark, first)) ? first : undefined;
}

function segmentsOf(block: Block): Segment[] {
  if (block.kind === 'table')
    return block.table.rows.flatMap((row) =>
      row.cells.flatMap((cell) => cell.segments.map((segment) => ({ ...segment, mark: segment.mark ?? row.mark ?? cell.mark }))),
    );
  return 'segments' in block ? block.segments : [];
}

function referencedFootnotes(block: Block): string[] {
  const segments =
    block.kind === 'table'
      ? block.table.rows.flatMap((row) => row.cells.flatMap((cell) => cell.segments))
      : 'segments' in block
        ? block.segments
        : [];
  return segments.flatMap((segment) => (segment.footnote !== undefined ? [segment.footnote] : []));
}

/** Footnote references carry their label from here on (in `footnote`). */
function withLabels(block: Block, labelOf: (id: string) => string): Block {
  const relabel = (segments: Segment[]): Segment[] =>
    segments.map((segment) => (segment.footnote !== undefined ? { ...segment, footnote: labelOf(segment.footnote) } : segment));
  if (block.kind === 'table') {
    const rows = block.table.rows.map((row) => ({
      ...row,
      cells: row.cells.map((cell) => ({ ...cell, segments: relabel(cell.segments) })),
    }));
    return { ...block, table: { ...block.table, rows } };
  }
  return 'segments' in block ? { ...block, segments: relabel(block.segments) } : block;
}
