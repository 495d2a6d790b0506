/**
 * The parts of a Word document the import reads: the body (paragraphs and tables, in order),
 * the footnotes (with the label our export keeps in a bookmark), style names (to know a
 * heading from another writer's style id) and list formats (ordered or not).
 */
import type { Element } from '@xmldom/xmldom';
import { footnoteLabelOf } from '../footnote-label.js';
import type { BodyItem, Reading, WordCell, WordParagraph, WordRow, WordTable } from './model.js';
import { markOf, mergeSegments, readParagraph } from './runs.js';
import { attr, child, descendants, elements, isW } from './xml.js';

export function readBody(document: Element, reading: Reading): BodyItem[] {
  const body = child(document, 'body');
  const items: BodyItem[] = [];
  const visit = (parent: Element): void => {
    for (const element of elements(parent)) {
      const index = items.length + 1;
      if (isW(element, 'p')) items.push({ type: 'paragraph', paragraph: readParagraph(element, index, reading) });
      else if (isW(element, 'tbl')) items.push({ type: 'table', table: readTable(element, index, reading) });
      else if (isW(element, 'sdt')) visit(child(element, 'sdtContent') ?? element);
      else if (isW(element, 'customXml')) visit(element);
    }
  };
  if (body) visit(body);
  return items;
}

/** `w:<local>` children, looking through content controls and custom XML (`w:sdt`, `w:customXml`) around them. */
function wrapped(parent: Element, local: string): Element[] {
  return elements(parent).flatMap((element) => {
    if (isW(element, local)) return [element];
    if (isW(element, 'sdt')) return wrapped(child(element, 'sdtContent') ?? element, local);
    if (isW(element, 'customXml')) return wrapped(element, local);
    return [];
  });
}

function readTable(table: Element, index: number, reading: Reading): WordTable {
  const rows: WordRow[] = wrapped(table, 'tr').map((tr) => {
    const trPr = child(tr, 'trPr');
    const cells = wrapped(tr, 'tc').map((tc) => readCell(tc, index, reading));
    return { mark: trPr ? markOf(trPr) : undefined, cells };
  });
  return { index, rows };
}

function readCell(tc: Element, index: number, reading: Reading): WordCell {
  const tcPr = child(tc, 'tcPr');
  if (tcPr && (child(tcPr, 'gridSpan') || child(tcPr, 'vMerge') || child(tcPr, 'hMerge'))) {
    reading.notices.push({
      at: index,
      what: 'merged table cells (a Markdown table cell cannot span; the text is kept in one cell)',
      severity: 'warning',
    });
  }
  if (descendants(tc, 'tbl').length > 0) {
    reading.notices.push({ at: index, what: 'a table inside a table cell (its text is kept as the cell text)', severity: 'warning' });
  }
  const paragraphs = descendants(tc, 'p').map((p) => readParagraph(p, index, reading));
  if (paragraphs.filter((paragraph) => paragraph.segments.some((segment) => segment.text.trim() !== '')).length > 1) {
    reading.notices.push({ at: index, what: 'several paragraphs in one table cell (joined into one line)', severity: 'warning' });
  }
  const segments = paragraphs.flatMap((paragraph, position) => [
    ...(position > 0 ? [{ text: ' ', mark: paragraph.mark }] : []),
    ...paragraph.segments,
  ]);
  return { segments: mergeSegments(segments), mark: tcPr ? markOf(tcPr) : undefined };
}

export interface WordFootnote {
  id: string;
  label: string | undefined;
  paragraphs: WordParagraph[];
}

export function readFootnotes(root: Element | undefined, reading: Reading): Map<string, WordFootnote> {
  const notes = new Map<string, WordFootnote>();
  if (!root) return notes;
  for (const footnote of elements(root, 'footnote')) {
    const type = attr(footnote, 'type');
    if (type === 'separator' || type === 'continuationSeparator' || type === 'continuationNotice') continue;
    const id = attr(footnote, 'id') ?? '';
    const paragraphs = elements(footnote, 'p').map((p) => readParagraph(p, `footnote ${id}`, reading));
    const label = paragraphs
      .flatMap((paragraph) => paragraph.bookmarks)
      .map(footnoteLabelOf)
      .find((found) => found !== undefined);
    notes.set(id, { id, label, paragraphs });
  }
  return notes;
}

/** What the import needs of a paragraph style, following `w:basedOn` to the style it inherits from. */
export interface StyleFacts {
  /** Heading depth (1–6) from a `heading N` / `Title` name or an outline level, if a heading style. */
  headingDepth: number | undefined;
  /** The list a style numbers its paragraphs with (a lettered-paragraph style, say). */
  numbering: { numId: string; level: number } | undefined;
}

export function readStyles(root: Element | undefined): (styleId: string | undefined) => StyleFacts {
  const styles = new Map<string, Element>();
  for (const style of root ? elements(root, 'style') : []) styles.set(attr(style, 'styleId') ?? '', style);
  const facts = (id: string | undefined, seen: Set<string>): StyleFacts => {
    const style = id === undefined ? undefined : styles.get(id);
    if (!style || seen.has(id ?? '')) return { headingDepth: undefined, numbering: undefined };
    seen.add(id ?? '');
    const inherited = facts(attr(child(style, 'basedOn'), 'val'), seen);
    const name = (attr(child(style, 'name'), 'val') ?? '').toLowerCase();
    const heading = /^heading\s*([1-6])$/.exec(name);
    const pPr = child(style, 'pPr');
    const outline = attr(pPr && child(pPr, 'outlineLvl'), 'val');
    const numPr = pPr && child(pPr, 'numPr');
    const numId = attr(numPr && child(numPr, 'numId'), 'val');
    return {
      headingDepth: heading
        ? Number(heading[1])
        : name === 'title'
          ? 1
          : outline !== undefined && Number(outline) < 6
            ? Number(outline) + 1
            : inherited.headingDepth,
      numbering: numId && numId !== '0' ? { numId, level: Number(attr(numPr && child(numPr, 'ilvl'), 'val') ?? '0') } : inherited.numbering,
    };
  };
  return (styleId) => facts(styleId, new Set());
}

export interface ListLevel {
  /** `bullet`, `none`, `decimal`, `lowerLetter`, `lowerRoman`, … (ST_NumberFormat). */
  format: string;
  /** The marker pattern, e.g. `(%1)`. */
  text: string;
}

/** (numId, level) → the list level's number format and marker pattern, from numbering.xml. */
export function readListLevels(root: Element | undefined): (numId: string, level: number) => ListLevel | undefined {
  if (!root) return () => undefined;
  const abstract = new Map<string, Element>();
  for (const definition of elements(root, 'abstractNum')) abstract.set(attr(definition, 'abstractNumId') ?? '', definition);
  const concrete = new Map<string, string>();
  for (const num of elements(root, 'num')) concrete.set(attr(num, 'numId') ?? '', attr(child(num, 'abstractNumId'), 'val') ?? '');
  return (numId, level) => {
    const definition = abstract.get(concrete.get(numId) ?? '');
    const lvl = definition && elements(definition, 'lvl').find((candidate) => attr(candidate, 'ilvl') === String(level));
    if (!lvl) return undefined;
    return { format: attr(child(lvl, 'numFmt'), 'val') ?? 'decimal', text: attr(child(lvl, 'lvlText'), 'val') ?? '' };
  };
}

/** Style names our export gives (and pandoc's code styles), by the id the import looks for. */
const KNOWN_STYLES: Record<string, string> = {
  'secc code': 'SeccCode',
  'secc code block': 'SeccCodeBlock',
  'secc rule block': 'SeccRule',
  'secc rule caption': 'SeccRuleCaption',
  'secc annex heading': 'SeccAnnexHeading',
  'verbatim char': 'VerbatimChar',
  'source code': 'SourceCode',
};

/** Style id → our id for it, for styles whose name is one of ours (LibreOffice writes `SECCCode` for `SeccCode`). */
export function readStyleAliases(root: Element | undefined): (id: string | undefined) => string | undefined {
  const aliases = new Map<string, string>();
  for (const style of root ? elements(root, 'style') : []) {
    const known = KNOWN_STYLES[(attr(child(style, 'name'), 'val') ?? '').toLowerCase()];
    const id = attr(style, 'styleId');
    if (known && id) aliases.set(id, known);
  }
  return (id) => (id === undefined ? undefined : (aliases.get(id) ?? id));
}
