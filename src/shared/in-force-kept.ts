/**
 * What a fold of the interval file keeps for the next one (InForceMemo.fold; in-force-fold.ts
 * makes and reads it): types only, so that the memo can hold it without importing the fold.
 */
import type { HeldSnapshot } from './in-force-held.js';
import type { PositionRecord, SourceMapPositions } from './in-force-positions.js';
import type { InForceEntry, InForceFile } from './in-force.js';
import type { RuleSet } from './model.js';

/** An address's part of the file and of the map. */
export interface AddressFold {
  entries: InForceEntry[];
  records: PositionRecord[];
}

/** A view or date read back in a fold (in-force-read.ts), offered to the next fold. */
export interface KeptRead {
  ruleSet: RuleSet;
  order: readonly string[];
  snapshot: HeldSnapshot;
  /** Each address's index in its section, made on the first read patched from this one. */
  slots?: Map<string, number>;
}

/** What a fold keeps for the next (InForceMemo.fold). */
export interface KeptFold {
  /** The boundaries and which modifications apply where; another signature folds every address again. */
  signature: string | undefined;
  snapshots: HeldSnapshot[];
  byAddress: Map<string, AddressFold>;
  order: string[];
  file: InForceFile;
  positions: SourceMapPositions;
  reads: Map<string, KeptRead>;
}
