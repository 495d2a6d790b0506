import type { Source, Trt } from '../../src/shared/model.js';

/** A TRT entry of the small hand-made rule sets of the time tests: Other User, SMETS1, on demand. */
export function otherUserTrt(sr: string, seconds: number, source: Source): Trt {
  return { sr, role: 'other-user', smets: 1, mode: 'on-demand', seconds, text: `${seconds} secs`, notes: [], source };
}
