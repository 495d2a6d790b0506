/**
 * What the outputs keep between compilations in one context (the language server's): the
 * interval file's committed values and read-back entries (shared/in-force-memo.ts), the rendered
 * text of each chunk of the outputs (7-emit/chunks.ts), the validation of each entry
 * (6-validate/memo.ts), and the outputs on disk as last read (7-emit/disk.ts). A one-shot build
 * makes them once and drops them.
 */
import { InForceMemo } from '../../shared/in-force-memo.js';
import { ChunkMemo } from './chunks.js';
import { DiskTexts } from './disk.js';
import { ValidationMemo } from '../6-validate/memo.js';

export class OutputMemos {
  readonly inForce = new InForceMemo();
  /** Chunks of the tables name an entry read back from the interval file by its committed value. */
  readonly chunks = new ChunkMemo((part) => this.inForce.valueOf(part) ?? part);
  readonly validation = new ValidationMemo();
  readonly disk = new DiskTexts();
}
