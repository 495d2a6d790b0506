/**
 * INC-G: what the per-document reading (projection and extraction) and the intent check keep
 * between compilations in one compile context, so that after an edit only what it reached is done
 * again. One object on the context (context.ts), each part owned by the module that uses it.
 */
import { ProjectionMemo } from './3-project/block-memo.js';
import { ExtractionMemo } from './4-extract/extraction-memo.js';

export class ReadingMemos {
  /** Each view's and version's projection of a document, per top-level block (3-project/block-memo.ts); long-lived contexts only. */
  readonly blocks: ProjectionMemo | undefined;
  /** Tables read, and block texts found, per projected node (4-extract/extraction-memo.ts); long-lived contexts only. */
  readonly extraction: ExtractionMemo | undefined;

  /** `perBlock`: a long-lived context (a one-shot build reads each document once and would only pay for keeping blocks). */
  constructor(options: { perBlock?: boolean } = {}) {
    this.blocks = options.perBlock ? new ProjectionMemo() : undefined;
    this.extraction = options.perBlock ? new ExtractionMemo() : undefined;
  }

  private readonly named = new Map<string, Map<string, unknown>>();

  /** A new compilation starts: what the last two did not use is dropped. */
  nextGeneration(): void {
    this.blocks?.nextGeneration();
    this.extraction?.nextGeneration();
  }

  /** A map kept by a later step under a name (the intent check's patterns per modification), one entry per key. */
  kept<V>(name: string): Map<string, V> {
    let map = this.named.get(name);
    if (!map) this.named.set(name, (map = new Map()));
    return map as Map<string, V>;
  }
}
