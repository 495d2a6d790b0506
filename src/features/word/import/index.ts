/**
 * `secc import docx`: a Word document with tracked changes → a redlined `sec-text/` document.
 * Word authors map to modifications (an author that maps to none is an error finding, never a
 * guess); what Markdown cannot carry is a warning naming the paragraph.
 */
import { VFile } from 'vfile';
import { report } from '../../../shared/diagnostics.js';
import type { Modification } from '../../../shared/model.js';
import type { ReleasePlan } from '../../../shared/release-plan.js';
import type { Element } from '@xmldom/xmldom';
import { changeDate, modificationsFor, RULES_LEFT_OUT, UNATTRIBUTED_AUTHOR } from '../version.js';
import { readBody, readFootnotes, readListLevels, readStyleAliases, readStyles } from './body.js';
import { clauseOf, placeFootnotes, toBlocks } from './blocks.js';
import { renderBlocks } from './markdown.js';
import type { BodyItem, Mark, Notice } from './model.js';
import { segmentsText } from './model.js';
import { MAIN_PART, readWordParts } from './package.js';
import { parseXml } from './xml.js';
import { readImportFrontMatter } from './front-matter.js';
import { CannotRun } from '../../../compiler/1-read/read.js';

export { BadWordFile, WORD_LIMITS } from './package.js';

export const IMPORT_RULES = {
  unknownAuthor: 'word-import-unknown-author',
  notCarried: 'word-import-not-carried',
} as const;

export interface ImportOptions {
  /** The YAML front matter to put at the top (document, id, title). */
  frontMatter: string;
  /** The modifications declared in the corpus plan (sec-text/modifications/): the ids a tracked change may belong to. */
  modifications: readonly Modification[];
  /** The release plan, which dates each modification's changes for this document's SEC part. */
  releases?: ReleasePlan;
  /** Where the front matter came from, for its errors (default `--front-matter`). */
  frontMatterName?: string;
  /** Word author → modification id; a declared modification id also maps to itself. */
  authors: ReadonlyMap<string, string>;
}

export interface ImportResult {
  markdown: string;
  /** Findings about the Word file (errors: unknown authors; warnings: what was left out). */
  file: VFile;
}

/** Throws `BadWordFile` when the bytes are not a Word document it can read. */
export function importDocx(bytes: Uint8Array, name: string, options: ImportOptions): ImportResult {
  const front = readImportFrontMatter(options.frontMatter, options.frontMatterName ?? '--front-matter');
  const declared = options.modifications.map((modification) => modification.id);
  for (const [author, id] of options.authors) {
    if (!declared.includes(id)) {
      throw new CannotRun(
        `--author maps \`${author}\` to ${id}, which sec-text/modifications/ does not declare (it declares ${declared.join(', ') || 'none'})`,
      );
    }
  }
  const dated = modificationsFor(front.document, options.modifications, options.releases);
  const parts = readWordParts(bytes, name);
  const xml = (part: string) => {
    const text = parts.get(part);
    return text === undefined ? undefined : parseXml(text, name, part);
  };
  const notices: Notice[] = [];
  const stylesPart = xml('word/styles.xml');
  const reading = { notices, styleId: readStyleAliases(stylesPart) };
  const document = xml(MAIN_PART);
  const items = document ? readBody(document, reading) : [];
  const footnotes = readFootnotes(xml('word/footnotes.xml'), reading);
  const leftOut = ruleBlocksLeftOut(xml('docProps/custom.xml'));
  if (leftOut > 0) {
    notices.push({
      at: 'the document',
      what: `${leftOut} rule block${leftOut === 1 ? ' was' : 's were'} left out when it was exported (export with \`--rules annex\` to carry them); the imported text has none`,
      severity: 'warning',
    });
  }
  if (/<w:comment\b/.test(parts.get('word/comments.xml') ?? ''))
    notices.push({ at: 'the document', what: 'comments (left out)', severity: 'warning' });
  const styles = { style: readStyles(stylesPart), listLevel: readListLevels(xml('word/numbering.xml')) };
  const blocks = placeFootnotes(toBlocks(items, styles, notices), footnotes, front.id);
  const dateOf = (cite: string) => changeDate(dated, cite);
  const body = renderBlocks(blocks, { citeOf: citeResolver(options.authors, declared, notices), dateOf, notices });
  const file = new VFile({ path: name });
  const places = describePlaces(items);
  const unique = notices.filter(
    (notice, index) => notices.findIndex((other) => other.at === notice.at && other.what === notice.what) === index,
  );
  for (const notice of unique) {
    const where = typeof notice.at === 'number' ? (places.get(notice.at) ?? `paragraph ${notice.at}`) : notice.at;
    report(file, `${capitalise(where)}: ${notice.what}`, {
      ruleId: notice.severity === 'error' ? IMPORT_RULES.unknownAuthor : IMPORT_RULES.notCarried,
      severity: notice.severity,
    });
  }
  return { markdown: `---\n${options.frontMatter.trim()}\n---\n\n${body}\n`, file };
}

function citeResolver(authors: ReadonlyMap<string, string>, declared: readonly string[], notices: Notice[]) {
  return (mark: Mark, at: number | string): string | undefined => {
    if (mark.author === UNATTRIBUTED_AUTHOR && mark.kind === 'deletion') return '~~';
    const cite = authors.get(mark.author) ?? (declared.includes(mark.author) ? mark.author : undefined);
    if (cite !== undefined) return cite;
    const what = `a tracked ${mark.kind} by \`${mark.author}\`, whom no modification is mapped to; expected \`--author "${mark.author}=<modification>"\` naming one of ${declared.join(', ') || 'the modifications declared in sec-text/modifications/'}`;
    if (!notices.some((notice) => notice.at === at && notice.what === what)) notices.push({ at, what, severity: 'error' });
    return undefined;
  };
}

/** `paragraph 12 (clause H3.13A, "A User that retrieves…")`, for every body item. */
function describePlaces(items: readonly BodyItem[]): Map<number, string> {
  const places = new Map<number, string>();
  let clause: string | undefined;
  for (const item of items) {
    if (item.type === 'table') {
      places.set(item.table.index, `table at paragraph ${item.table.index}${clause ? ` (clause ${clause})` : ''}`);
      continue;
    }
    const { paragraph } = item;
    if (typeof paragraph.index !== 'number') continue;
    if (/heading|title/i.test(paragraph.style ?? '')) clause = clauseOf(paragraph.segments) ?? clause;
    // The paragraph as it reads after its changes (its deleted text, when that is all it has).
    const kept = paragraph.segments.filter((segment) => segment.mark?.kind !== 'deletion');
    const text = (segmentsText(kept).trim() || segmentsText(paragraph.segments)).trim();
    const words = text.length > 40 ? `${text.slice(0, 40)}…` : text;
    places.set(paragraph.index, `paragraph ${paragraph.index} (${clause ? `clause ${clause}, ` : ''}"${words}")`);
  }
  return places;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The count our export records when it leaves rule blocks out (0 for any other file). */
function ruleBlocksLeftOut(custom: Element | undefined): number {
  const property = custom
    ? Array.from(custom.getElementsByTagName('*')).find((element) => element.getAttribute('name') === RULES_LEFT_OUT)
    : undefined;
  const count = Number(property?.textContent?.trim() ?? '0');
  return Number.isInteger(count) && count > 0 ? count : 0;
}
