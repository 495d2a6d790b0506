/**
 * The facts of a document, cached: `secc check` after editing one document re-parses that
 * document only. Stored under `<root>/.secc-cache/` (git-ignored), one entry per document path
 * (see cache-entry.ts), keyed by sha256 of the cache format, the compiler's own hash, the
 * document's name and its exact text; an entry whose key does not match is never served, so a
 * stale entry cannot survive an edit or a compiler change. A hit re-creates the diagnostics
 * extraction reported on the document's vfile.
 *
 * The tree is read only if someone asks for it (lint, reports): from its JSON (some thirty times
 * cheaper than parsing the Markdown), else parsed again by the driver's `reparse`, into a scratch
 * vfile so its diagnostics are not reported twice. Every cache failure (unreadable, corrupt,
 * unwritable) falls back to extracting the document.
 *
 * The same directory caches generated/types.ts keyed by the compiler's hash, so
 * json-schema-to-typescript is only loaded when the schemas changed.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import { VFile } from 'vfile';
import type { DocumentFacts } from './4-extract/document.js';
import { TABLE_KINDS, type TableKind } from './4-extract/tables.js';
import type { SourceDocument } from './1-read/read.js';
import { FORMAT, isEntryShape, readTree, restoreMessage, storeMessage, treeSlot, writeAtomically, type Entry } from './cache-entry.js';
import { compilerHash, sha256 } from './compiler-hash.js';

export { compilerHash } from './compiler-hash.js';
export const CACHE_DIR = '.secc-cache';

/** How an entry's JSON starts (JSON.stringify of an Entry): its format, then its key. */
const OTHER_KEY_HEAD = /^\{"format":\d+,"key":"[0-9a-f]{64}"/;

export interface CacheStats {
  hits: number;
  misses: number;
  /** Entries that existed but could not be used (corrupt, wrong shape). */
  rejected: number;
  /** Entries that could not be written (read-only directory and the like). */
  writeErrors: number;
}

export interface DocumentCacheOptions {
  /** The cache directory, e.g. `<root>/.secc-cache`. */
  dir: string;
  /** Overrides the compiler hash (tests). */
  compilerHash?: string;
  /** The table kinds whose facts an entry must hold. */
  kinds?: readonly TableKind[];
  /**
   * Keep entries (and trees once read) in memory too, for a long-lived process (the language
   * server): an unchanged document is then served without touching the disk, and its tree is the
   * same object from one compilation to the next (so what is derived from it can be kept too).
   */
  memory?: boolean;
}

interface Remembered {
  key: string;
  entry: Entry;
  tree?: Root;
  /** Not on disk yet: written when the same text is looked up again (so not on every keystroke). */
  unwritten?: boolean;
}

/** A document's facts and its tree (which a cached document reads only when asked). */
export interface ExtractedDocument {
  facts: DocumentFacts;
  readonly tree: Root | undefined;
}

interface Lookup {
  /** The text the key was computed from. */
  text: string;
  key: string;
  slot: string;
  entry: Entry | undefined;
}

export class DocumentCache {
  readonly stats: CacheStats = { hits: 0, misses: 0, rejected: 0, writeErrors: 0 };
  private readonly dir: string;
  private readonly hash: string;
  private readonly kinds: readonly TableKind[];
  private readonly prepared = new Map<SourceDocument, Lookup>();
  private readonly memory: Map<string, Remembered> | undefined;
  /** In memory too: each document's last text and key (comparing a text costs far less than hashing it again). */
  private readonly keys: Map<string, { text: string; key: string }> | undefined;

  constructor(options: DocumentCacheOptions) {
    this.memory = options.memory ? new Map() : undefined;
    this.keys = options.memory ? new Map() : undefined;
    this.dir = path.join(options.dir, 'extract');
    this.hash = options.compilerHash ?? compilerHash();
    this.kinds = options.kinds ?? TABLE_KINDS;
  }

  /** Looks the documents up; true when one of them must be extracted (so the parser is needed). */
  prepare(documents: readonly SourceDocument[]): boolean {
    let misses = false;
    for (const doc of documents) {
      if (!doc.readable) {
        misses = true;
        continue;
      }
      const lookup = this.lookup(doc);
      this.prepared.set(doc, lookup);
      if (!lookup.entry) misses = true;
    }
    return misses;
  }

  /**
   * The facts of a document: from the cache when its text and the compiler are unchanged, else
   * from `extract` (and stored). `reparse` re-creates a cached document's tree if its JSON is gone.
   */
  facts<T extends ExtractedDocument>(
    doc: SourceDocument,
    extract: () => T,
    reparse: (file: VFile) => Root | undefined,
  ): T | ExtractedDocument {
    if (!doc.readable) return extract();
    const prepared = this.prepared.get(doc);
    this.prepared.delete(doc);
    const { key, slot, entry } = prepared?.text === String(doc.file.value) ? prepared : this.lookup(doc);
    if (entry) {
      this.stats.hits++;
      for (const message of entry.messages) restoreMessage(doc.file, message);
      return this.withLazyTree(doc, entry.facts, slot, key, reparse);
    }
    this.stats.misses++;
    const before = doc.file.messages.length;
    const extracted = extract();
    const messages = doc.file.messages.slice(before).map(storeMessage);
    const stored: Entry = { format: FORMAT, key, facts: extracted.facts, messages };
    // A long-lived process holds the entry and the tree: writing megabytes of JSON on every
    // keystroke cost more than parsing the edit. The entry is written once its text is seen
    // again; a later process that asks for this document's tree parses it once.
    if (this.memory) {
      this.memory.set(slot, { key, entry: stored, unwritten: true, ...(extracted.tree ? { tree: extracted.tree } : {}) });
      return extracted;
    }
    this.write(slot, JSON.stringify(stored));
    const treeText = extracted.tree ? treeJson(extracted.tree) : undefined;
    if (treeText === undefined) return extracted;
    this.write(treeSlot(slot), `${key}\n${treeText}`);
    // Hand back a tree read again on demand (JSON, far cheaper than Markdown): holding every
    // document's tree and projections through link and generate made a 50,000-row corpus spend
    // its time collecting garbage. Projections are then made on demand too (the driver's).
    return this.withLazyTree(doc, extracted.facts, slot, key, reparse);
  }

  private keyOf(doc: SourceDocument, text: string): string {
    const known = this.keys?.get(doc.name);
    if (known?.text === text) return known.key;
    const key = sha256(String(FORMAT), this.hash, doc.name, text);
    this.keys?.set(doc.name, { text, key });
    return key;
  }

  private lookup(doc: SourceDocument): Lookup {
    const text = String(doc.file.value);
    const key = this.keyOf(doc, text);
    const slot = path.join(this.dir, `${sha256(doc.file.path || doc.name).slice(0, 32)}.json`);
    const remembered = this.memory?.get(slot);
    if (remembered?.key === key) {
      if (remembered.unwritten) this.write(slot, JSON.stringify(remembered.entry));
      remembered.unwritten = false;
      return { text, key, slot, entry: remembered.entry };
    }
    const entry = this.read(slot, key);
    if (entry) this.memory?.set(slot, { key, entry });
    return { text, key, slot, entry };
  }

  private withLazyTree(
    doc: SourceDocument,
    facts: DocumentFacts,
    slot: string,
    key: string,
    reparse: (file: VFile) => Root | undefined,
  ): ExtractedDocument {
    let tree: Root | undefined;
    let loaded = false;
    const file = treeSlot(slot);
    const remembered = this.memory?.get(slot);
    const load = (): Root | undefined => {
      if (remembered?.key === key && remembered.tree) return remembered.tree;
      tree = readTree(file, key);
      if (!tree) {
        tree = reparse(new VFile({ path: doc.file.path, cwd: doc.file.cwd, value: doc.file.value }));
        if (tree) this.write(file, `${key}\n${JSON.stringify(tree)}`);
      }
      if (remembered?.key === key && tree) remembered.tree = tree;
      return tree;
    };
    return {
      facts,
      get tree(): Root | undefined {
        if (!loaded) {
          loaded = true;
          tree = load();
        }
        return tree;
      },
    };
  }

  private read(slot: string, key: string): Entry | undefined {
    let raw: string;
    try {
      raw = readFileSync(slot, 'utf8');
    } catch {
      return undefined;
    }
    // A well-formed entry of another text (the document before an edit): not worth parsing megabytes to learn it.
    const head = raw.slice(0, 200);
    if (OTHER_KEY_HEAD.test(head) && !head.includes(key)) return undefined;
    try {
      const entry = JSON.parse(raw) as Entry;
      if (entry.key !== key || entry.format !== FORMAT) return undefined;
      if (!isEntryShape(entry, this.kinds)) throw new Error('bad shape');
      return entry;
    } catch {
      this.stats.rejected++;
      return undefined;
    }
  }

  private write(slot: string, content: string): void {
    if (!writeAtomically(slot, content)) this.stats.writeErrors++;
  }
}

/** generated/types.ts from the cache when the schemas and compiler are unchanged; else generated (and stored). */
export function cachedTypes(dir: string, generate: () => Promise<string>, hash = compilerHash()): () => Promise<string> {
  return async () => {
    const file = path.join(dir, `types-${hash.slice(0, 32)}.ts`);
    try {
      const text = readFileSync(file, 'utf8');
      const [header, ...rest] = text.split('\n');
      if (header === `// ${hash}`) return rest.join('\n');
    } catch {
      // not cached yet
    }
    const text = await generate();
    if (writeAtomically(file, `// ${hash}\n${text}`)) {
      for (const old of readdirSync(dir))
        if (/^types-[0-9a-f]{32}\.ts$/.test(old) && old !== path.basename(file)) rmSync(path.join(dir, old), { force: true });
    }
    return text;
  };
}

/** A tree as JSON, or undefined when it is too large for one string (then it is not cached). */
function treeJson(tree: Root): string | undefined {
  try {
    return JSON.stringify(tree);
  } catch {
    return undefined;
  }
}
