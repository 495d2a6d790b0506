/**
 * Recording a review: after a drafter has checked that a rule block still says what its clause
 * says, `secc fingerprint --write` stores the clause's current fingerprint in the block.
 * It refuses when one unredlined block would need two fingerprints (its clause text differs
 * between the views): such a block must itself be redlined, old block deleted, new one inserted.
 */
import type { VFile } from 'vfile';
import { RULE_BLOCK_RULES } from '../../compiler/4-extract/rule-blocks.js';

export interface FingerprintUpdate {
  file: VFile;
  line: number;
  from: string;
  to: string;
}

export interface FingerprintPlan {
  updates: FingerprintUpdate[];
  /** Blocks that need a redline rather than a new fingerprint. */
  conflicts: Array<{ file: VFile; line: number; fingerprints: string[] }>;
}

export function planFingerprintUpdates(files: readonly VFile[]): FingerprintPlan {
  const plan: FingerprintPlan = { updates: [], conflicts: [] };
  for (const file of files) {
    const wanted = new Map<number, Set<string>>();
    const blockEnd = new Map<number, number>();
    for (const message of file.messages) {
      if (message.ruleId !== RULE_BLOCK_RULES.stale || !message.expected?.[0] || message.line === undefined) continue;
      const set = wanted.get(message.line) ?? new Set<string>();
      set.add(message.expected[0]);
      wanted.set(message.line, set);
      blockEnd.set(message.line, message.place && 'end' in message.place ? message.place.end.line : message.line);
    }
    const lines = String(file.value).split('\n');
    for (const [start, fingerprints] of wanted) {
      if (fingerprints.size > 1) {
        plan.conflicts.push({ file, line: start, fingerprints: [...fingerprints] });
        continue;
      }
      const [to] = fingerprints;
      if (to === undefined) continue;
      const end = blockEnd.get(start) ?? start;
      const found = lines
        .slice(start - 1, end)
        .map((line, offset) => ({ line: start + offset, match: /^(\s*fingerprint:\s*)(\S*)(.*)$/.exec(line) }))
        .find((entry) => entry.match);
      if (found?.match) plan.updates.push({ file, line: found.line, from: found.match[2] ?? '', to });
    }
  }
  return plan;
}

/** The file's text with the updates applied (line ends preserved). */
export function applyFingerprintUpdates(text: string, updates: readonly FingerprintUpdate[]): string {
  const lines = text.split('\n');
  for (const update of updates) {
    const index = update.line - 1;
    const line = lines[index];
    if (line !== undefined) lines[index] = line.replace(/^(\s*fingerprint:\s*)(\S*)/, `$1${update.to}`);
  }
  return lines.join('\n');
}
