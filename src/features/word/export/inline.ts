/**
 * Phrasing content → Word runs. Text inside an inline redline becomes a tracked insertion or
 * deletion (`w:ins` / `w:del`) attributed to the modification; a block redline passes its
 * change down, so every run of an inserted clause is tracked too.
 */
import { DeletedTextRun, FootnoteReference, FootnoteReferenceRun, InsertedTextRun, TextRun, type ParagraphChild } from 'docx';
import type { PhrasingContent, RootContent } from 'mdast';
import { isRedline, type Redline } from '../../../compiler/2-parse/redline/types.js';
import type { Change, ChangeIds } from './changes.js';

/** Character style of inline code (a User Role identifier in backticks, for instance). */
export const CODE_STYLE = 'SeccCode';

interface Format {
  bold?: boolean;
  italics?: boolean;
  style?: string;
}

export interface InlineContext {
  ids: ChangeIds;
  /** The footnote number of a label, assigned in order of first reference. */
  footnote(label: string): number;
  /** Reports something Word cannot carry (a link target, raw HTML, an image). */
  warn(node: RootContent, what: string): void;
}

export function runsOf(nodes: readonly RootContent[], context: InlineContext, change?: Change, format: Format = {}): ParagraphChild[] {
  return nodes.flatMap((node) => runsOfNode(node, context, change, format));
}

/** Characters XML 1.0 cannot hold (C0 controls but tab and line ends, lone surrogates, U+FFFE/F). */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function runsOfNode(node: RootContent, context: InlineContext, change: Change | undefined, format: Format): ParagraphChild[] {
  if ((node.type === 'text' || node.type === 'inlineCode') && new RegExp(NOT_XML.source).test(node.value)) {
    context.warn(node, 'control characters (each is written as U+FFFD)');
  }
  if (isRedline(node)) {
    warnDatetime(node, context);
    return runsOf(node.children, context, change ?? context.ids.changeOf(node), format);
  }
  switch (node.type) {
    case 'text':
      return [textRun(node.value.replace(/\s*\n\s*/g, ' '), context, change, format)];
    case 'inlineCode':
      return [textRun(node.value, context, change, { ...format, style: CODE_STYLE })];
    case 'strong':
      return runsOf(node.children, context, change, { ...format, bold: true });
    case 'emphasis':
      return runsOf(node.children, context, change, { ...format, italics: true });
    case 'break':
      return [textRun(' ', context, change, format)];
    case 'footnoteReference':
      return [footnoteRun(context.footnote(node.identifier), context, change)];
    case 'link':
    case 'linkReference':
      context.warn(node, 'a link target (its text is kept)');
      return runsOf(node.children as PhrasingContent[], context, change, format);
    default:
      context.warn(node, `${describe(node)}`);
      return [];
  }
}

function describe(node: RootContent): string {
  if (node.type === 'html') return `raw HTML \`${node.value.slice(0, 40)}\` (left out)`;
  if (node.type === 'image' || node.type === 'imageReference') return 'an image (left out)';
  return `a \`${node.type}\` node (left out)`;
}

function textRun(text: string, context: InlineContext, change: Change | undefined, format: Format & { break?: number }): ParagraphChild {
  text = text.replace(NOT_XML, '\uFFFD');
  if (!change) return new TextRun({ text, ...format });
  const attributes = context.ids.attributes(change);
  return change.kind === 'insertion'
    ? new InsertedTextRun({ text, ...format, ...attributes })
    : new DeletedTextRun({ text, ...format, ...attributes });
}

/** Lines of code as runs separated by line breaks (`w:br`), tracked like any other run. */
export function lineRuns(lines: readonly string[], context: InlineContext, change: Change | undefined): ParagraphChild[] {
  return lines.map((line, index) => textRun(line, context, change, { break: index > 0 ? 1 : 0 }));
}

function footnoteRun(number: number, context: InlineContext, change: Change | undefined): ParagraphChild {
  if (!change) return new FootnoteReferenceRun(number);
  const options = { style: 'FootnoteReference', children: [new FootnoteReference(number)], ...context.ids.attributes(change) };
  return change.kind === 'insertion' ? new InsertedTextRun(options) : new DeletedTextRun(options);
}

/** Word dates a change by its modification (`changeDate`); a redline's own `datetime` does not travel. */
export function warnDatetime(node: Redline, context: InlineContext): void {
  if (node.datetime !== undefined)
    context.warn(node, `the \`datetime\` of a redline (\`${node.datetime}\`; Word dates the change by its modification)`);
}
