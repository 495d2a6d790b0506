/** What the import reads out of WordprocessingML, before it becomes Markdown. */

/** A tracked change: `w:ins` / `w:del` (or a row, cell or paragraph mark), and who made it. */
export interface Mark {
  kind: 'insertion' | 'deletion';
  author: string;
  /** `w:date`, when Word recorded one. Not part of a change's identity: one edit's runs may carry several. */
  date?: string | undefined;
}

export interface Segment {
  text: string;
  mark?: Mark | undefined;
  /** Inline code (a character style for code). */
  code?: boolean;
  /** A footnote reference: the Word footnote id. */
  footnote?: string;
}

export interface WordParagraph {
  /** 1-based, counting paragraphs and tables of the body in order (or `footnote N`): how warnings name it. */
  index: number | string;
  style: string | undefined;
  /** `w:outlineLvl` on the paragraph itself (0 = level 1), how some writers mark headings. */
  outlineLevel: number | undefined;
  numbering: { numId: string; level: number } | undefined;
  /** The paragraph mark's tracked change: the whole paragraph was inserted or deleted. */
  mark: Mark | undefined;
  segments: Segment[];
  bookmarks: string[];
}

export interface WordCell {
  segments: Segment[];
  mark: Mark | undefined;
}

export interface WordRow {
  mark: Mark | undefined;
  cells: WordCell[];
}

export interface WordTable {
  index: number;
  rows: WordRow[];
}

/** A block of the Markdown document the import writes. */
export type Block =
  | { kind: 'heading'; depth: number; segments: Segment[]; mark: Mark | undefined; at: number | string }
  | { kind: 'paragraph'; segments: Segment[]; mark: Mark | undefined; at: number | string }
  | { kind: 'item'; level: number; ordered: boolean; segments: Segment[]; mark: Mark | undefined; at: number | string }
  | { kind: 'code'; lang: string; text: string; mark: Mark | undefined; at: number | string }
  | { kind: 'table'; table: WordTable; at: number }
  | { kind: 'footnote'; label: string; segments: Segment[]; mark: Mark | undefined; at: number | string };

export type BodyItem = { type: 'paragraph'; paragraph: WordParagraph } | { type: 'table'; table: WordTable };

/** Something Word says that Markdown cannot (a comment, an image, moved text), at a body item. */
export interface Notice {
  /** The body item's index, or a footnote's `footnote N`. */
  at: number | string;
  what: string;
  severity: 'warning' | 'error';
}

export function sameMark(a: Mark | undefined, b: Mark | undefined): boolean {
  return a?.kind === b?.kind && a?.author === b?.author;
}

export function segmentsText(segments: readonly Segment[]): string {
  return segments.map((segment) => segment.text).join('');
}

/** What every reader of a part needs: where notices go, and style ids as our export names them. */
export interface Reading {
  notices: Notice[];
  /** A style id mapped to ours when its name is one of ours (another writer may rename ids, not names). */
  styleId(id: string | undefined): string | undefined;
}
