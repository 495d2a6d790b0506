/** Clause numbers as sortable keys: H3.13A → [3, 13A]; shared by the clause rules. */
import { compareText } from '../../../shared/order.js';

export interface ClauseKey {
  prefix: string;
  parts: Array<{ number: number; suffix: string }>;
}

const CLAUSE = /^([A-Z]{1,2})(\d+(?:\.\d+)*)([A-Z]?)$/;

export function clauseKey(id: string): ClauseKey | undefined {
  const match = CLAUSE.exec(id);
  if (!match) return undefined;
  const [, prefix = '', dotted = '', suffix = ''] = match;
  const numbers = dotted.split('.').map(Number);
  return { prefix, parts: numbers.map((number, index) => ({ number, suffix: index === numbers.length - 1 ? suffix : '' })) };
}

/** Negative when a comes first. A clause comes before its sub-clauses (H3 < H3.1). */
export function compareClauses(a: ClauseKey, b: ClauseKey): number {
  for (const [index, x] of a.parts.entries()) {
    const y = b.parts[index];
    if (!y) break;
    if (x.number !== y.number) return x.number - y.number;
    if (x.suffix !== y.suffix) return compareText(x.suffix, y.suffix);
  }
  return a.parts.length - b.parts.length;
}

export function hasLetterSuffix(id: string): boolean {
  return /\d[A-Z]$/.test(id);
}

/** H3.13A → H3.13; H3 → undefined. */
export function parentOf(id: string): string | undefined {
  const dot = id.lastIndexOf('.');
  return dot === -1 ? undefined : id.slice(0, dot);
}
