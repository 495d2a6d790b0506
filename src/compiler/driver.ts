/**
 * The driver: the one place that runs the compiler's stages, in order.
 *
 *   read (1) → parse (2) → project (3) → extract (4) → link (5) → validate (6) → emit (7)
 *
 * Reading is the caller's (a directory, or strings in tests); per document, parse → project →
 * extract run in document-driver.ts, through the cache when the context has one (the facts of a
 * document are served by content hash); then link joins the documents per view and the two views
 * into the change set, validate checks the outputs against their schemas, and emit renders them.
 * Pure with respect to the file system apart from the cache: it returns the outputs as a map of
 * path → text; writing them (atomically) or comparing them (drift) is the caller's business.
 */
import { createRequire } from 'node:module';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { hasErrors, mergeAcrossViews } from '../shared/diagnostics.js';
import type { RuleSet } from '../shared/model.js';
import type { InForceFile } from '../shared/in-force.js';
import type { SourceMap } from '../shared/source-map.js';
import { VIEWS, type View } from '../shared/vocabulary.js';
import { EMPTY_PLAN, readPlan, type CorpusPlan } from './1-read/plan.js';
import { readCorpus, type SourceDocument } from './1-read/read.js';
import { projectSafely } from './3-project/project.js';
import type { DocumentFacts } from './4-extract/document.js';
import {
  CHANGE_SET_PATH,
  CHANGE_SET_SCHEMA_REF,
  committedChangeSetJson,
  diffRuleSets,
  type ChangeSet,
  type CommittedChangeSet,
} from './5-link/change-set/diff.js';
import { composed, nestedJson, type ChunkMemo } from './7-emit/chunks.js';
import type { OutputMemos } from './7-emit/memo.js';
import { committedChangeSet } from './5-link/change-set/change.js';
import { checkCites } from './5-link/cites.js';
import { link } from './5-link/link.js';
import { validateOutputs, type CommittedOutputs } from './6-validate/validate.js';
import { emitOutputPieces, inForceEntryJson, inForceJson, OUTPUT_PATHS, outputTexts } from './7-emit/emit.js';
import type { Piece } from './7-emit/chunks.js';
import { inForceOutput } from './5-link/in-force.js';
import type { ExtractedDocument } from './cache.js';
import { createCompileContext, type CompileContext, type CompileContextOptions } from './context.js';
import { phaseTimer } from './timings.js';
import { timeline, type CompiledVersion } from './versions.js';
import { checkConflicts } from './conflicts.js';

export { OUTPUT_PATHS, ruleSetJson } from './7-emit/emit.js';
export { OUTPUT_RULES } from './6-validate/validate.js';

/** One document as compiled: its facts, its tree and its views' trees (read lazily for a cached document). */
export interface ParsedDocument {
  doc: SourceDocument;
  facts: DocumentFacts;
  readonly tree: Root | undefined;
  /** The tree of each view, projected once: extraction read it, lint and the review page reuse it. */
  readonly projections: Readonly<Record<View, Root | undefined>>;
}

export interface CompileResult {
  /** One vfile per document (with its messages), then the plan's files, plus any for outputs that failed validation. */
  files: VFile[];
  parsed: ParsedDocument[];
  ruleSets: Record<View, RuleSet> | undefined;
  /** The baseline → modified change set; undefined when linking reported errors. */
  changeSet: ChangeSet | undefined;
  /** path → content; empty when there were errors or emit was off. */
  outputs: Map<string, string>;
  /** The same outputs as pieces (7-emit/chunks.ts): drift compares them with disk part by part. */
  outputPieces?: ReadonlyMap<string, Piece>;
  /** The interval file and its source map as emitted into `outputs` (objects, so drift compares them without parsing the text). */
  inForce?: { file: InForceFile; map: SourceMap } | undefined;
  ok: boolean;
  /** The context the compilation ran in (schemas, cache, table kinds), for later steps to reuse. */
  context: CompileContext;
  /** The release plan and declared modifications the compilation read. */
  plan: CorpusPlan;
  /** Versions compiled from this result (versions.ts), kept so each is linked once. */
  versions: Map<string, CompiledVersion>;
}

export interface CompileOptions extends CompileContextOptions {
  /** Produce generated/ and rules/ text (off when only rules are needed, e.g. export). */
  emit?: boolean;
  /** The context to compile in; default: one made from the other options. */
  context?: CompileContext;
  /** The caller reads every document's tree (the review page): load the parser up front, so a cached document's tree can be re-created on any Node. */
  trees?: boolean;
  /** The corpus's plan (releases.yaml, modifications/); compileDirectory reads it from the directory. Default: none. */
  plan?: CorpusPlan;
  /** The project root whose rules/releases/ holds the frozen releases compileDirectory reads (default: cwd). */
  root?: string;
}

type DocumentDriver = typeof import('./document-driver.js');

/** The per-document chain, loaded only when a document must be extracted (a warm cache needs no parser). */
async function loadDocumentDriver(): Promise<DocumentDriver> {
  return import('./document-driver.js');
}

/** The per-document chain, synchronously: for a cached document's tree asked for later (require of ESM). */
function requireDocumentDriver(): DocumentDriver {
  try {
    return createRequire(import.meta.url)('./document-driver.js') as DocumentDriver;
  } catch (error) {
    throw new Error(
      `cannot load the parser to re-create the tree of a cached document (${(error as Error).message}); compile with \`trees: true\``,
    );
  }
}

/** The whole chain from stage 1: reads the `*.md` files of `dir` (relative to `cwd`), then compiles them. */
export async function compileDirectory(dir: string, cwd: string, options: CompileOptions = {}): Promise<CompileResult> {
  const context = options.context ?? createCompileContext(options);
  const phase = phaseTimer(context.timings);
  const documents = await readCorpus(dir, cwd);
  const plan = options.plan ?? (await readPlan(dir, cwd, context.schemas, options.root ?? cwd, context.manifestHeads));
  phase('read');
  return compile(documents, { ...options, context, plan });
}

/** Stages 2 to 7 over documents already read (from a directory, or from strings in tests and the benchmark). */
export async function compile(documents: readonly SourceDocument[], options: CompileOptions = {}): Promise<CompileResult> {
  const context = options.context ?? createCompileContext(options);
  const phase = phaseTimer(context.timings);
  context.linking.nextGeneration();
  context.reading.nextGeneration();
  const parsed = await extractAll(documents, context, options.trees === true);
  phase('extract');
  const plan = options.plan ?? EMPTY_PLAN;
  const files = [...documents.map((doc) => doc.file), ...plan.files];
  const fileMap = new Map(documents.map((doc) => [doc.name, doc.file]));
  const facts = parsed.map((entry) => entry.facts);
  checkCites(
    facts,
    fileMap,
    plan.modifications.map((modification) => modification.id),
    plan.consolidated,
  );
  const input = { files: fileMap, modifications: plan.modifications, kinds: context.kinds, memo: context.linking };
  const ruleSets = { baseline: link(facts, 'baseline', input), modified: link(facts, 'modified', input) };
  for (const file of files) mergeAcrossViews(file);
  phase('link');

  const result: CompileResult = {
    files,
    parsed,
    ruleSets,
    changeSet: undefined,
    outputs: new Map(),
    ok: false,
    context,
    plan,
    versions: new Map(),
  };
  if (hasErrors(files)) return result;
  checkConflicts({ ...result, ok: true });
  phase('conflicts');
  if (hasErrors(files)) return result;
  const changeSet = diffRuleSets(ruleSets.baseline, ruleSets.modified, { memo: context.linking.diffs });
  result.changeSet = changeSet;
  phase('change-set');
  const dated = options.emit === false ? undefined : (timeline({ ...result, ok: true }) ?? []);
  phase('timeline');
  const inForce = dated && inForceOutput(plan.releases, dated, ruleSets, context.outputs.inForce);
  phase('in-force');
  const memos = context.outputs;
  const committed = committedOutputs(changeSet, memos);
  const validated = inForce && {
    path: OUTPUT_PATHS.inForce,
    json: () => inForceJson(inForce, memos.chunks),
    mapPath: OUTPUT_PATHS.inForceMap,
    map: inForce.map,
    entries: {
      list: inForce.file.entries,
      text: (entry: object) => inForceEntryJson(entry, memos.chunks).text,
      head: () => JSON.parse(inForceJson({ file: { ...inForce.file, entries: [] } })) as unknown,
    },
  };
  const paths = { ruleSet: OUTPUT_PATHS.inForce, changeSet: OUTPUT_PATHS.changeSet, inForce: validated };
  files.push(...validateOutputs(ruleSets, changeSet, context.schemas, paths, memos.validation, committed));
  phase('validate');
  if (hasErrors(files)) return result;

  if (inForce) {
    result.inForce = { file: inForce.file, map: inForce.map };
    result.outputPieces = await emitOutputPieces(inForce, changeSet, context.generateTypes, memos.chunks, committed);
    result.outputs = outputTexts(result.outputPieces);
    phase('generate');
  }
  result.ok = true;
  return result;
}

/**
 * The change set as written and its source map, committed once per compilation (validation and
 * emit both read them); in a warm context each change's committed form and text are kept with it.
 */
function committedOutputs(changeSet: ChangeSet, memos: OutputMemos): CommittedOutputs {
  const warm = memos.validation.warm;
  const kept = warm ? memos.validation.committedChanges : undefined;
  const { changeSet: committed, map } = committedChangeSet(changeSet, CHANGE_SET_PATH, kept);
  if (!warm) return { json: committedChangeSetJson(committed), map, changeSet: committed };
  const piece = changeSetPiece(committed, memos.chunks);
  return { json: piece.text, piece, map, changeSet: committed };
}

/** committedChangeSetJson's text as a piece: its head, then one part per change kept with its committed object (chunks.ts), as inForcePiece does for entries. */
export function changeSetPiece(committed: CommittedChangeSet, chunks: ChunkMemo): Piece {
  const { changes, ...head } = committed;
  if (Object.keys(committed).at(-1) !== 'changes' || changes.length === 0) return { text: committedChangeSetJson(committed) };
  const top = JSON.stringify({ $schema: CHANGE_SET_SCHEMA_REF, ...head }, null, 2);
  const items = changes.map((change) => chunks.item(change, 'change-set', () => nestedJson(change, 2, false)));
  return composed([`${top.slice(0, -2)},\n  "changes": `, chunks.array('change-set.json', items, 1), '\n}\n']);
}

/** Stages 2–4 for every document, through the cache when there is one. */
async function extractAll(documents: readonly SourceDocument[], context: CompileContext, trees: boolean): Promise<ParsedDocument[]> {
  const { cache } = context;
  const misses = cache ? cache.prepare(documents) : documents.length > 0;
  // From source (tsx, vitest) the parser cannot be required on demand later: load it up front.
  const needsParser = misses || trees || !process.features.require_module || import.meta.url.endsWith('.ts');
  const chain = needsParser ? await loadDocumentDriver() : undefined;
  const driver = (): DocumentDriver => chain ?? requireDocumentDriver();
  return documents.map((doc) => {
    const extract = () => driver().extractDocument(doc, context);
    if (!cache) return parsedDocument(doc, extract(), context);
    const extracted = cache.facts(doc, extract, (file) => driver().reparse(file, context));
    return parsedDocument(doc, extracted, context);
  });
}

/** Projections come with a fresh extraction; a cached document projects its tree on first demand, once per view. */
function parsedDocument(
  doc: SourceDocument,
  extracted: ExtractedDocument & { projections?: Record<View, Root | undefined> },
  context: CompileContext,
): ParsedDocument {
  if (extracted.projections && extracted.tree) context.projections.set(extracted.tree, extracted.projections);
  const projections = extracted.projections ?? lazyProjections(() => extracted.tree, context.projections);
  return {
    doc,
    facts: extracted.facts,
    get tree() {
      return extracted.tree;
    },
    projections,
  };
}

/** A tree's projections, made on first demand; a tree already projected in this context (the same object: a cache kept in memory) is not projected again. */
function lazyProjections(tree: () => Root | undefined, known: CompileContext['projections']): Record<View, Root | undefined> {
  const projections = {} as Record<View, Root | undefined>;
  for (const view of VIEWS) {
    let done = false;
    let value: Root | undefined;
    Object.defineProperty(projections, view, {
      enumerable: true,
      get: () => {
        if (!done) {
          done = true;
          const root = tree();
          const before = root && known.get(root);
          value = before && view in before ? before[view] : root && projectSafely(root, view);
          if (root) known.set(root, { ...before, [view]: value });
        }
        return value;
      },
    });
  }
  return projections;
}
