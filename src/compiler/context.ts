/**
 * The compile context: everything a compilation keeps besides its inputs, on one object the
 * caller creates and the driver hands to the stages (ajv's pattern: state on an instance, none in
 * modules). The JSON Schemas with their validators, the document cache, the table kinds, the
 * generator of generated/types.ts, and the timing recorder and parse counters.
 */
import path from 'node:path';
import type { Root } from 'mdast';
import type { View } from '../shared/vocabulary.js';
import type { ParseCounters } from './2-parse/parse.js';
import { ParseMemo } from './2-parse/incremental/memo.js';
import { TABLE_KINDS, type TableKind } from './4-extract/tables.js';
import { generateTypes } from './7-emit/types.js';
import { CACHE_DIR, cachedTypes, DocumentCache } from './cache.js';
import { compilerHash } from './compiler-hash.js';
import { Schemas } from '../shared/schemas.js';
import type { TimingRecorder } from './timings.js';
import { VersionFactsMemo } from './version-memo.js';
import { LinkMemo } from './5-link/link-memo.js';
import { ManifestHeads } from './1-read/plan.js';
import { OutputMemos } from './7-emit/memo.js';
import { StepMemos } from '../shared/step-memos.js';
import { ReadingMemos } from './reading-memos.js';

export interface CompileContext {
  readonly schemas: Schemas;
  /** Per-document extraction results by content hash; none: every document is extracted. */
  readonly cache: DocumentCache | undefined;
  /** The table kinds extraction recognises and linking joins, in linking order. */
  readonly kinds: readonly TableKind[];
  /** Produces generated/types.ts (json-schema-to-typescript, or its cached output). */
  readonly generateTypes: () => Promise<string>;
  /** Called with each phase's wall time in ms (extract, link, validate, generate). */
  readonly timings: TimingRecorder | undefined;
  /** What the parser adds to (documents parsed, ms spent). */
  readonly parse: ParseCounters;
  /** The compiler's own hash (compiler-hash.ts) when caching, for caches beside the document cache. */
  readonly compilerHash: string | undefined;
  /** A document's facts in each version that accepts only some of its redlines, kept while its text is unchanged. */
  readonly versionFacts: VersionFactsMemo;
  /** Each view's projection of a document tree, by the tree object (kept by a cache in memory; projected once). */
  readonly projections: WeakMap<Root, Partial<Record<View, Root | undefined>>>;
  /** INC-A: the parser's last tree of each recently parsed document, so an edit re-parses only what it reached (long-lived contexts only). */
  readonly parses: ParseMemo | undefined;
  /** INC-C: linking and change sets kept between compilations (5-link/link-memo.ts): an edit relinks and rediffs only what it reaches. */
  readonly linking: LinkMemo;
  /** Each modification manifest's id and title while its text is unchanged (the plan is read on every compilation). */
  readonly manifestHeads: ManifestHeads;
  /** What the outputs (in-force, emit, validate, drift) keep between compilations: unchanged entries and chunks are not redone. */
  readonly outputs: OutputMemos;
  /** INC-F: what later steps keep between compilations (lint's per-document findings, features/lint/memo.ts), one instance per kind. */
  readonly steps: StepMemos;
  /** INC-G: projections, extractions and the intent check's patterns kept between compilations (reading-memos.ts). */
  readonly reading: ReadingMemos;
}

export type CompileContextOptions = Partial<CompileContext>;

export function createCompileContext(options: CompileContextOptions = {}): CompileContext {
  return {
    schemas: options.schemas ?? new Schemas(),
    cache: options.cache,
    kinds: options.kinds ?? TABLE_KINDS,
    generateTypes: options.generateTypes ?? generateTypes,
    timings: options.timings,
    parse: options.parse ?? { ms: 0, documents: 0 },
    compilerHash: options.compilerHash,
    versionFacts: options.versionFacts ?? new VersionFactsMemo(),
    projections: options.projections ?? new WeakMap(),
    parses: options.parses,
    linking: options.linking ?? new LinkMemo(),
    manifestHeads: options.manifestHeads ?? new ManifestHeads(),
    outputs: options.outputs ?? new OutputMemos(),
    steps: options.steps ?? new StepMemos(),
    reading: options.reading ?? new ReadingMemos(),
  };
}

/**
 * The context for a project root: per-document facts, generated/types.ts and precompiled
 * validators cached under `<root>/.secc-cache/`. `SECC_CACHE=0` (or `off`) turns the cache off;
 * `memory` keeps it in memory as well (a long-lived process: the language server).
 */
export function projectCompileContext(
  root: string,
  options: CompileContextOptions = {},
  env: NodeJS.ProcessEnv = process.env,
  cache: { memory?: boolean } = {},
): CompileContext {
  const kept = cache.memory ? { parses: new ParseMemo(), reading: new ReadingMemos({ perBlock: true }), ...options } : options;
  if (env.SECC_CACHE === '0' || env.SECC_CACHE === 'off') return createCompileContext(kept);
  const dir = path.join(root, CACHE_DIR);
  const hash = compilerHash();
  const kinds = options.kinds ?? TABLE_KINDS;
  return createCompileContext({
    cache: new DocumentCache({ dir, compilerHash: hash, kinds, memory: cache.memory }),
    schemas: new Schemas({ dir, hash }),
    generateTypes: cachedTypes(dir, generateTypes, hash),
    compilerHash: hash,
    ...kept,
  });
}
