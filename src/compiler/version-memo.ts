/**
 * The facts of a document in a version that accepts only some of its redlines, kept between
 * compilations in one compile context (a language server, a watch, the several versions one
 * `secc check` links: the timeline's releases, the conflict check's and the intent check's
 * modifications). Keyed by the document's exact text and by which of its cited modifications the
 * version accepts, so a document whose text did not change is never projected and extracted
 * again for a version it was already read in; the edited document is. The findings that the
 * projection had and neither named view had are kept too, to be reported again.
 */
import type { Root } from 'mdast';
import type { DocumentFacts, ViewFacts } from './4-extract/document.js';

/** A finding of the version's projection, as re-reported on the document (without the version's label). */
export interface VersionMessage {
  reason: string;
  ruleId: string;
  line: number;
  column: number;
  fatal: boolean;
}

export interface VersionFactsEntry {
  facts: ViewFacts;
  messages: VersionMessage[];
  /** The projected tree (lint reads it for a version that accepts only some of a document's redlines). */
  projected: Root;
}

export class VersionFactsMemo {
  /** Per document name: the text the entries were read from (and the facts object read from it), and an entry per acceptance. */
  private readonly documents = new Map<string, { text: string; facts: object; entries: Map<string, VersionFactsEntry> }>();
  private readonly cites = new WeakMap<DocumentFacts, Array<string | undefined>>();
  readonly stats = { hits: 0, misses: 0 };

  /** `facts`: the document's facts, read from `text` (the same object: the same text, known without comparing it). */
  get(name: string, text: string, acceptance: string, facts: object): VersionFactsEntry | undefined {
    const document = this.documents.get(name);
    const entry = document && (document.facts === facts || document.text === text) ? document.entries.get(acceptance) : undefined;
    if (entry) this.stats.hits++;
    else this.stats.misses++;
    return entry;
  }

  /** Stores an entry; a new text of the document drops the entries of its old text. */
  set(name: string, text: string, acceptance: string, entry: VersionFactsEntry, facts: object): void {
    let document = this.documents.get(name);
    if (document?.facts !== facts && document?.text !== text) {
      document = { text, facts, entries: new Map() };
      this.documents.set(name, document);
    }
    document.entries.set(acceptance, entry);
  }

  /** The modifications a document's redlines cite (undefined: an uncited redline), each once, kept per facts object. */
  citedBy(document: DocumentFacts): Array<string | undefined> {
    let cited = this.cites.get(document);
    if (!cited) {
      cited = [...new Set(document.cites.map((cite) => cite.modification))];
      this.cites.set(document, cited);
    }
    return cited;
  }
}
