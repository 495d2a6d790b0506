/** Options of the generated benchmark corpus and what it returns. */
import type { PlanTexts } from '../../../src/compiler/1-read/plan.js';
export interface CorpusOptions {
  seed?: number;
  /** Documents in all, at least 4 (Section H, Appendices E and AB, and one more). */
  documents?: number;
  /** Service Requests in Appendix E (and rows in Appendix AB). */
  serviceRequests?: number;
  /** Numbered clauses in each further document. */
  clausesPerDocument?: number;
  /** Give rule blocks their clauses' fingerprints (default true; false leaves a placeholder of the same length). */
  recordReviews?: boolean;
}

export interface Corpus {
  /** File name → text. */
  files: Record<string, string>;
  /** releases.yaml and modifications/*.yaml beside the documents. */
  plan: PlanTexts;
  stats: { documents: number; bytes: number; serviceRequests: number; clauses: number; ruleBlocks: number; redlines: number };
}

export const DEFAULTS: Required<CorpusOptions> = {
  seed: 162,
  documents: 60,
  serviceRequests: 360,
  clausesPerDocument: 36,
  recordReviews: true,
};
