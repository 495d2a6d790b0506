/**
 * A per-document cache of extraction results, so that `secc check` after editing one document
 * re-parses that document only. Stored under `<root>/.secc-cache/` (git-ignored), one entry per
 * document path, holding:
 *
 * - the key: sha256 of the cache format, the compiler's own hash (its code, the schemas, the
 *   locked dependency versions), the document's name and its exact text. An entry whose key does
 *   not match is never served, so a stale entry cannot survive an edit or a compiler change;
 * - the document's facts (serialisable by design, see extract/document.ts) and the diagnostics
 *   extraction reported (reason, ruleId, place, fatal, view, actual, expected, note, url), which
 *   are re-created on the document's vfile on a hit.
 *
 * The mdast tree is stored beside the entry (`<slot>.tree.json`, first line the key) and read only
 * if someone asks for it (lint, reports): reading JSON is some thirty times cheaper than parsing
 * the Markdown. If it is missing or corrupt, the text is parsed again, into a scratch vfile so its
 * diagnostics are not reported twice.
 * Every cache failure (unreadable, corrupt, unwritable) falls back to extracting the document.
 *
 * The same directory caches generated/types.ts keyed by the schemas' (and compiler's) hash, so
 * json-schema-to-typescript is only loaded when the schemas changed.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Root } from 'mdast';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { VIEWS, type View } from '../shared/vocabulary.js';
import { createRequire } from 'node:module';
import type { DocumentFacts, ParsedDocument } from './4-extract/document.js';
import { generateTypes } from './7-emit/types.js';
import { packageRoot } from '../shared/paths.js';
import type { SourceDocument } from './1-read/read.js';
import { schemaDir, usePrecompiledValidators } from './6-validate/schemas.js';

export const CACHE_DIR = '.secc-cache';
/** Bump when the entry layout changes. */
const FORMAT = 1;

interface CachedMessage {
  reason: string;
  ruleId?: string;
  source?: string;
  place?: unknown;
  fatal?: boolean | null;
  view?: View;
  actual?: string;
  expected?: string[];
  note?: string;
  url?: string;
}

interface Entry {
  format: number;
  key: string;
  facts: DocumentFacts;
  messages: CachedMessage[];
}

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
  /** Overrides extraction (tests). */
  extract?: (doc: SourceDocument) => ParsedDocument;
}

const sha256 = (...parts: Array<string | Uint8Array>): string => {
  const hash = createHash('sha256');
  for (const part of parts) {
    hash.update(part);
    hash.update('\0');
  }
  return hash.digest('hex');
};

let compilerHashMemo: string | undefined;

/**
 * The compiler's own hash: every file of its code (dist/src when compiled, src under tsx), the
 * schemas in rules/schema/ and package-lock.json (dependency versions). Computed once per process.
 */
export function compilerHash(): string {
  if (compilerHashMemo) return compilerHashMemo;
  const hash = createHash('sha256');
  const codeDir = path.dirname(fileURLToPath(import.meta.url));
  const add = (file: string, label: string): void => {
    hash.update(`${label}\0`);
    hash.update(readFileSync(file));
    hash.update('\0');
  };
  for (const file of listFiles(codeDir)) add(file, path.relative(codeDir, file));
  for (const file of listFiles(schemaDir())) add(file, `schema/${path.basename(file)}`);
  const lock = path.join(packageRoot(), 'package-lock.json');
  if (existsSync(lock)) add(lock, 'package-lock.json');
  compilerHashMemo = hash.digest('hex');
  return compilerHashMemo;
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full));
    else if (/\.(js|ts|json)$/.test(entry.name)) out.push(full);
  }
  return out;
}

/** Extraction through the cache; `extract` is what `CompileOptions.extract` takes. */
export class DocumentCache {
  readonly stats: CacheStats = { hits: 0, misses: 0, rejected: 0, writeErrors: 0 };
  private readonly dir: string;
  private readonly hash: string;
  private fallback: ((doc: SourceDocument) => ParsedDocument) | undefined;
  private readonly prepared = new Map<SourceDocument, { key: string; slot: string; entry: Entry | undefined }>();

  constructor(options: DocumentCacheOptions) {
    this.dir = path.join(options.dir, 'extract');
    this.hash = options.compilerHash ?? compilerHash();
    this.fallback = options.extract;
  }

  /**
   * Looks the documents up, and loads the parser only if one of them is not cached (or if this
   * Node cannot load it later, on demand, for a tree). Call before compiling.
   */
  async prepare(documents: readonly SourceDocument[]): Promise<void> {
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
    // From source (tsx, vitest) the parser cannot be required on demand: load it up front.
    if (misses || !process.features.require_module || import.meta.url.endsWith('.ts')) {
      this.fallback ??= (await import('./4-extract/document.js')).extractDocument;
      parser ??= await import('./2-parse/parse.js');
    }
  }

  private lookup(doc: SourceDocument): { key: string; slot: string; entry: Entry | undefined } {
    const key = sha256(String(FORMAT), this.hash, doc.name, String(doc.file.value));
    const slot = path.join(this.dir, `${sha256(doc.file.path || doc.name).slice(0, 32)}.json`);
    return { key, slot, entry: this.read(slot, key) };
  }

  private extractFresh(doc: SourceDocument): ParsedDocument {
    if (!this.fallback) throw new Error('DocumentCache.prepare() must be awaited before extracting a document that is not cached');
    return this.fallback(doc);
  }

  readonly extract = (doc: SourceDocument): ParsedDocument => {
    if (!doc.readable) return this.extractFresh(doc);
    let lookup = this.prepared.get(doc);
    this.prepared.delete(doc);
    if (!lookup || lookup.key !== sha256(String(FORMAT), this.hash, doc.name, String(doc.file.value))) lookup = this.lookup(doc);
    const { key, slot, entry } = lookup;
    if (entry) {
      this.stats.hits++;
      for (const message of entry.messages) restoreMessage(doc.file, message);
      return this.withLazyTree(doc, entry.facts, treeSlot(slot), key);
    }
    this.stats.misses++;
    const before = doc.file.messages.length;
    const parsed = this.extractFresh(doc);
    const messages = doc.file.messages.slice(before).map(storeMessage);
    this.write(slot, JSON.stringify({ format: FORMAT, key, facts: parsed.facts, messages } satisfies Entry));
    if (parsed.tree) this.write(treeSlot(slot), `${key}\n${JSON.stringify(parsed.tree)}`);
    return parsed;
  };

  /**
   * A ParsedDocument whose tree is read on first access: from the cached tree (JSON is far cheaper
   * to read than Markdown is to parse), else parsed again into a scratch vfile (no duplicate
   * diagnostics) and stored for next time.
   */
  private withLazyTree(doc: SourceDocument, facts: DocumentFacts, file: string, key: string): ParsedDocument {
    let tree: Root | undefined;
    let loaded = false;
    const result = { doc, facts } as ParsedDocument;
    Object.defineProperty(result, 'tree', {
      enumerable: true,
      get: (): Root | undefined => {
        if (loaded) return tree;
        loaded = true;
        tree = readTree(file, key);
        if (!tree) {
          tree = loadParser().parseDocument(scratchCopy(doc.file));
          if (tree) this.write(file, `${key}\n${JSON.stringify(tree)}`);
        }
        return tree;
      },
    });
    return result;
  }

  private read(slot: string, key: string): Entry | undefined {
    let raw: string;
    try {
      raw = readFileSync(slot, 'utf8');
    } catch {
      return undefined;
    }
    try {
      const entry = JSON.parse(raw) as Entry;
      if (entry.key !== key || entry.format !== FORMAT) return undefined;
      if (!isEntryShape(entry)) throw new Error('bad shape');
      return entry;
    } catch {
      this.stats.rejected++;
      return undefined;
    }
  }

  private write(slot: string, content: string): void {
    const temporary = `${slot}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      mkdirSync(path.dirname(slot), { recursive: true });
      writeFileSync(temporary, content);
      renameSync(temporary, slot);
    } catch {
      this.stats.writeErrors++;
      rmSync(temporary, { force: true });
    }
  }
}

function isEntryShape(entry: Entry): boolean {
  const facts = entry.facts as Partial<DocumentFacts> | undefined;
  if (!facts || typeof facts !== 'object' || typeof facts.name !== 'string' || !Array.isArray(facts.modifications)) return false;
  for (const view of VIEWS) {
    const v = facts.views?.[view];
    if (!v) return false;
    for (const list of [v.clauses, v.clauseRules, v.footnotes, v.roleRows, v.serviceRows, v.trtRows, v.trtColumns])
      if (!Array.isArray(list)) return false;
  }
  return Array.isArray(entry.messages) && entry.messages.every((message) => typeof message?.reason === 'string');
}

function storeMessage(message: VFileMessage): CachedMessage {
  const out: CachedMessage = { reason: message.reason };
  if (message.ruleId) out.ruleId = message.ruleId;
  if (message.source) out.source = message.source;
  if (message.place) out.place = message.place;
  out.fatal = message.fatal ?? null;
  if (message.view !== undefined) out.view = message.view;
  if (message.actual !== undefined) out.actual = message.actual;
  if (message.expected !== undefined) out.expected = message.expected;
  if (message.note !== undefined) out.note = message.note;
  if (message.url !== undefined) out.url = message.url;
  return out;
}

function restoreMessage(file: VFile, stored: CachedMessage): void {
  const message = file.message(stored.reason, {
    place: stored.place as VFileMessage['place'],
    ruleId: stored.ruleId,
    source: stored.source,
  });
  message.fatal = stored.fatal === null ? undefined : stored.fatal;
  if (stored.view !== undefined) message.view = stored.view;
  if (stored.actual !== undefined) message.actual = stored.actual;
  if (stored.expected !== undefined) message.expected = stored.expected;
  if (stored.note !== undefined) message.note = stored.note;
  if (stored.url !== undefined) message.url = stored.url;
}

const treeSlot = (slot: string): string => slot.replace(/\.json$/, '.tree.json');

/** The cached tree if its first line is the document's key and the rest parses as a root. */
function readTree(file: string, key: string): Root | undefined {
  try {
    const text = readFileSync(file, 'utf8');
    const newline = text.indexOf('\n');
    if (newline === -1 || text.slice(0, newline) !== key) return undefined;
    const tree = JSON.parse(text.slice(newline + 1)) as Root;
    return tree?.type === 'root' && Array.isArray(tree.children) ? tree : undefined;
  } catch {
    return undefined;
  }
}

let parser: typeof import('./2-parse/parse.js') | undefined;

/** The parser module: loaded by prepare() when needed, else on first demand for a tree (require of ESM). */
function loadParser(): typeof import('./2-parse/parse.js') {
  if (!parser) {
    try {
      parser = createRequire(import.meta.url)('./parse.js') as typeof import('./2-parse/parse.js');
    } catch (error) {
      throw new Error(
        `cannot load the parser to re-create the tree of a cached document (${(error as Error).message}); await preloadParser() from src/cache.ts first`,
      );
    }
  }
  return parser;
}

/** Loads the parser, so that trees of cached documents can be read synchronously. */
export async function preloadParser(): Promise<void> {
  parser ??= await import('./2-parse/parse.js');
}

function scratchCopy(file: VFile): VFile {
  return new VFile({ path: file.path, cwd: file.cwd, value: file.value });
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
    const temporary = `${file}.${process.pid}.tmp`;
    try {
      mkdirSync(dir, { recursive: true });
      writeFileSync(temporary, `// ${hash}\n${text}`);
      renameSync(temporary, file);
      for (const old of readdirSync(dir))
        if (/^types-[0-9a-f]{32}\.ts$/.test(old) && old !== path.basename(file)) rmSync(path.join(dir, old), { force: true });
    } catch {
      rmSync(temporary, { force: true });
    }
    return text;
  };
}

/**
 * The caching options `compileText` passes to `compile()` for a project root: per-document
 * extraction and generated/types.ts through `<root>/.secc-cache/`. `SECC_CACHE=0` (or `off`)
 * turns the cache off.
 */
export function cachingOptions(
  root: string,
  env: NodeJS.ProcessEnv = process.env,
): { extract?: (doc: SourceDocument) => ParsedDocument; generateTypes?: () => Promise<string>; cache?: DocumentCache } {
  if (env.SECC_CACHE === '0' || env.SECC_CACHE === 'off') return {};
  const dir = path.join(root, CACHE_DIR);
  const cache = new DocumentCache({ dir });
  usePrecompiledValidators(dir, compilerHash());
  return { cache, extract: cache.extract, generateTypes: cachedTypes(dir, generateTypes) };
}
