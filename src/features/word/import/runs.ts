/**
 * A Word paragraph's runs → segments of text, each with its tracked change. `w:ins` / `w:del`
 * (and moved text, read as a deletion and an insertion) set the change of the runs inside;
 * what Markdown cannot hold (comments, images, formatting) becomes a notice, never a silent loss.
 */
import type { Element } from '@xmldom/xmldom';
import { attr, child, elements, isW } from './xml.js';
import type { Mark, Reading, Segment, WordParagraph } from './model.js';
import { sameMark } from './model.js';

/** Character styles read as inline code: ours, and pandoc's. */
const CODE_STYLES = new Set(['SeccCode', 'VerbatimChar']);
/** Containers whose runs are read as if they were the paragraph's own. */
const TRANSPARENT = new Set(['hyperlink', 'smartTag', 'sdt', 'sdtContent', 'fldSimple', 'customXml', 'dir', 'bdo']);
/** Markup with nothing to carry. */
const IGNORED = new Set([
  'pPr',
  'bookmarkEnd',
  'commentRangeStart',
  'commentRangeEnd',
  'proofErr',
  'permStart',
  'permEnd',
  'sdtPr',
  'sdtEndPr',
  'rPr',
  'lastRenderedPageBreak',
  'footnoteRef',
  'annotationRef',
  'fldChar',
  'instrText',
  'delInstrText',
]);
const IMAGES = new Set(['drawing', 'pict', 'object']);

export interface RunContext extends Reading {
  at: number | string;
  /** Code paragraphs keep line breaks and tabs. */
  code: boolean;
}

export function readParagraph(p: Element, index: number | string, reading: Reading, code = false): WordParagraph {
  const pPr = child(p, 'pPr');
  const style = reading.styleId(attr(pPr && child(pPr, 'pStyle'), 'val'));
  const numPr = pPr ? child(pPr, 'numPr') : undefined;
  const numId = attr(numPr && child(numPr, 'numId'), 'val');
  const level = Number(attr(numPr && child(numPr, 'ilvl'), 'val') ?? '0');
  const markProps = pPr ? child(pPr, 'rPr') : undefined;
  const context: RunContext = { ...reading, at: index, code: code || isCodeStyle(style) };
  if (pPr && child(pPr, 'pPrChange')) note(context, 'a formatting-only change to the paragraph (left out)');
  const bookmarks: string[] = [];
  const segments = readInline(p, undefined, context, bookmarks);
  const outline = attr(pPr && child(pPr, 'outlineLvl'), 'val');
  return {
    index,
    style,
    outlineLevel: outline === undefined ? undefined : Number(outline),
    numbering: numId && numId !== '0' ? { numId, level: Number.isFinite(level) ? level : 0 } : undefined,
    mark: markProps ? markOf(markProps) : undefined,
    segments: mergeSegments(segments),
    bookmarks,
  };
}

export function isCodeStyle(style: string | undefined): boolean {
  return style === 'SeccCodeBlock' || style === 'SeccRule' || style === 'SourceCode';
}

/** The tracked change recorded on a properties element (`w:ins`/`w:del`, `w:cellIns`/`w:cellDel`). */
export function markOf(properties: Element): Mark | undefined {
  for (const element of elements(properties)) {
    if (isW(element, 'ins') || isW(element, 'cellIns'))
      return { kind: 'insertion', author: attr(element, 'author') ?? '', date: attr(element, 'date') };
    if (isW(element, 'del') || isW(element, 'cellDel'))
      return { kind: 'deletion', author: attr(element, 'author') ?? '', date: attr(element, 'date') };
  }
  return undefined;
}

function readInline(parent: Element, mark: Mark | undefined, context: RunContext, bookmarks: string[]): Segment[] {
  const out: Segment[] = [];
  for (const element of elements(parent)) {
    if (!isWordElement(element)) continue;
    const local = element.localName ?? '';
    if (local === 'r') out.push(...readRun(element, mark, context));
    else if (local === 'ins' || local === 'del') {
      const change = changeOf(element, local);
      // Inserted by one change and deleted by another: in neither version, so in neither text.
      if (mark && mark.kind !== change.kind)
        note(context, 'text both inserted and deleted by tracked changes (left out: it is in neither version)');
      else out.push(...readInline(element, change, context, bookmarks));
    } else if (local === 'moveFrom' || local === 'moveTo') {
      note(context, 'moved text (kept as a deletion where it was and an insertion where it went)');
      out.push(...readInline(element, changeOf(element, local === 'moveTo' ? 'ins' : 'del'), context, bookmarks));
    } else if (TRANSPARENT.has(local)) {
      if (local === 'hyperlink') note(context, 'the target of a hyperlink (its text is kept)');
      out.push(...readInline(element, mark, context, bookmarks));
    } else if (local === 'bookmarkStart') bookmarks.push(attr(element, 'name') ?? '');
    else if (local === 'oMath' || local === 'oMathPara') note(context, 'an equation (left out)');
    else if (!IGNORED.has(local)) note(context, `Word markup \`w:${local}\` (left out)`);
  }
  return out;
}

function isWordElement(element: Element): boolean {
  // Markup-compatibility wrappers and other namespaces (w14, mc) carry no text of the legal document.
  return element.namespaceURI === 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
}

function changeOf(element: Element, kind: 'ins' | 'del'): Mark {
  return { kind: kind === 'ins' ? 'insertion' : 'deletion', author: attr(element, 'author') ?? '', date: attr(element, 'date') };
}

function readRun(run: Element, mark: Mark | undefined, context: RunContext): Segment[] {
  const rPr = child(run, 'rPr');
  const code = CODE_STYLES.has(context.styleId(attr(rPr && child(rPr, 'rStyle'), 'val')) ?? '');
  if (rPr) noteFormatting(rPr, context);
  const out: Segment[] = [];
  const text = (value: string): void => {
    out.push({ text: value, mark, code });
  };
  for (const element of elements(run)) {
    if (!isWordElement(element)) continue;
    const local = element.localName ?? '';
    if (local === 't' || local === 'delText') text(element.textContent ?? '');
    else if (local === 'tab') text(context.code ? '\t' : ' ');
    else if (local === 'br' || local === 'cr') text(context.code ? '\n' : ' ');
    else if (local === 'noBreakHyphen') text('-');
    else if (local === 'softHyphen') continue;
    else if (local === 'footnoteReference') out.push({ text: '', mark, footnote: attr(element, 'id') ?? '' });
    else if (IMAGES.has(local)) note(context, 'an image (left out)');
    else if (local === 'commentReference') note(context, 'a comment (left out)');
    else if (local === 'endnoteReference') note(context, 'an endnote (left out)');
    else if (local === 'sym') note(context, 'a symbol character (left out)');
    else if (!IGNORED.has(local)) note(context, `Word markup \`w:${local}\` (left out)`);
  }
  return out;
}

function noteFormatting(rPr: Element, context: RunContext): void {
  if (child(rPr, 'rPrChange')) note(context, 'a formatting-only change (left out)');
  for (const local of ['b', 'i', 'u', 'strike']) {
    const element = child(rPr, local);
    const value = attr(element, 'val');
    if (element && value !== '0' && value !== 'false' && value !== 'none') {
      note(context, 'bold, italic, underlined or struck-through formatting (the text is kept, the formatting is not)');
      return;
    }
  }
}

function note(context: RunContext, what: string): void {
  if (!context.notices.some((notice) => notice.at === context.at && notice.what === what)) {
    context.notices.push({ at: context.at, what, severity: 'warning' });
  }
}

/** Adjacent segments with the same change and kind as one. */
export function mergeSegments(segments: readonly Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const segment of segments) {
    const last = out[out.length - 1];
    if (last && !last.footnote && !segment.footnote && !!last.code === !!segment.code && sameMark(last.mark, segment.mark)) {
      last.text += segment.text;
    } else out.push({ ...segment });
  }
  return out;
}
