/**
 * The parser's trees kept between compilations in one long-lived compile context (the language
 * server): per document, the text last parsed and the parser's tree of it, so the next text of
 * that document is parsed incrementally (reparse.ts). Only the most recently parsed documents are
 * kept (an editor edits a few at a time; every tree held costs memory).
 */
import type { Root } from 'mdast';
import { parsedText, reparse, type ParsedText } from './reparse.js';

export const KEPT_DOCUMENTS = 8;

export class ParseMemo {
  private readonly documents = new Map<string, ParsedText>();
  /** Parses done from a previous tree, and whole ones. */
  readonly stats = { incremental: 0, whole: 0 };

  /**
   * The parser's tree of a document's text: from its previous tree when the edit allows it, else
   * `whole(text)`. The tree returned is kept for the next edit: the caller must not change it.
   */
  parse(key: string, text: string, whole: (text: string) => Root, piece: (text: string) => Root): Root {
    const previous = this.documents.get(key);
    let parsed = previous && reparse(previous, text, piece);
    if (parsed) this.stats.incremental++;
    else {
      parsed = parsedText(text, whole(text));
      this.stats.whole++;
    }
    this.documents.delete(key);
    this.documents.set(key, parsed);
    for (const oldest of this.documents.keys()) {
      if (this.documents.size <= KEPT_DOCUMENTS) break;
      this.documents.delete(oldest);
    }
    return parsed.tree;
  }
}
