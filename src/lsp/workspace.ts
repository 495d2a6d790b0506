/**
 * The project as the editor sees it: the legal text on disk with the open buffers laid over it
 * (an unsaved buffer wins over its file), compiled and checked exactly as `secc check` does, in
 * one compile context kept for the life of the server (its document cache serves every document
 * whose text did not change, so an edit re-parses the edited document only).
 */
import path from 'node:path';
import { VFile } from 'vfile';
import { decodeDocument, readCorpus, type SourceDocument } from '../compiler/1-read/read.js';
import { projectCompileContext, type CompileContext, type CompileContextOptions } from '../compiler/context.js';
import { compile, type CompileResult } from '../compiler/driver.js';
import { readPlan } from '../compiler/1-read/plan.js';
import { timeline, type InForce } from '../compiler/versions.js';
import type { CacheStats } from '../compiler/cache.js';
import { runCheckSteps } from '../features/check/steps.js';
import { compareText } from '../shared/order.js';
import { phaseTimer } from '../compiler/timings.js';

export interface WorkspaceOptions {
  /** Where rules/, generated/ and .secc-cache/ live (absolute). */
  root: string;
  /** The legal text folder, as given (relative to cwd). */
  text: string;
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Timings and parse counters (the benchmark's). */
  context?: Pick<CompileContextOptions, 'timings' | 'parse'>;
}

/** One compilation of the workspace: every finding `secc check` would print, and what hover reads. */
export interface Analysis {
  /** Every file with findings (documents, plan files, outputs), paths relative to cwd. */
  files: VFile[];
  result: CompileResult;
  /** The rule set in force in each interval (undefined when the text does not compile). */
  inForce: InForce[] | undefined;
}

export class Workspace {
  readonly root: string;
  readonly cwd: string;
  readonly textDir: string;
  private readonly text: string;
  private readonly overlays = new Map<string, string>();
  private readonly context: CompileContext;

  constructor(options: WorkspaceOptions) {
    this.root = options.root;
    this.cwd = options.cwd;
    this.text = options.text;
    this.textDir = path.resolve(options.cwd, options.text);
    this.context = projectCompileContext(options.root, options.context ?? {}, options.env, { memory: true });
  }

  /** What the kept results saved: documents served by the cache, version facts reused, documents parsed from their previous tree. */
  get stats(): {
    documents: CacheStats | undefined;
    versionFacts: { hits: number; misses: number };
    parses: { incremental: number; whole: number } | undefined;
  } {
    return { documents: this.context.cache?.stats, versionFacts: this.context.versionFacts.stats, parses: this.context.parses?.stats };
  }

  /** Whether a path is a document of the legal text (a `*.md` directly in the text folder). */
  isDocument(absolute: string): boolean {
    return path.dirname(absolute) === this.textDir && absolute.endsWith('.md');
  }

  /** An open buffer's text, which replaces the file's until the buffer is closed. */
  setBuffer(absolute: string, text: string): void {
    this.overlays.set(absolute, text);
  }

  closeBuffer(absolute: string): void {
    this.overlays.delete(absolute);
  }

  async analyse(): Promise<Analysis> {
    const phase = phaseTimer(this.context.timings);
    const documents = this.overlay(await readCorpus(this.text, this.cwd));
    phase('read');
    const plan = await readPlan(this.text, this.cwd, this.context.schemas, this.cwd, this.context.manifestHeads);
    phase('plan');
    const result = await compile(documents, { context: this.context, plan, emit: true });
    phase('compile');
    const files = [...result.files];
    files.push(...(await runCheckSteps({ result, root: this.root, textDir: this.text, cwd: this.cwd })));
    phase('check');
    return { files, result, inForce: timeline(result) };
  }

  /** The documents read from disk with each open buffer's text in place of its file's. */
  private overlay(read: readonly SourceDocument[]): SourceDocument[] {
    const byPath = new Map(read.map((doc) => [path.resolve(this.cwd, doc.file.path), doc]));
    for (const [absolute, text] of this.overlays) {
      if (!this.isDocument(absolute)) continue;
      const file = new VFile({ path: path.relative(this.cwd, absolute) || absolute, cwd: this.cwd });
      byPath.set(absolute, decodeDocument(path.basename(absolute), file, new TextEncoder().encode(text)));
    }
    return [...byPath.values()].sort((a, b) => compareText(a.name, b.name));
  }
}
