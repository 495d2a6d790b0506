/**
 * A flood of one finding (100,000 unclosed `<ins>`) helps nobody and costs time and memory in
 * every reporter. Per document and rule, the first MAX_PER_RULE findings (by place) are listed;
 * the rest become one finding of the same rule, at the first one left out, that says how many.
 */
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { report, severityOf, type Severity } from './diagnostics.js';
import { registeredId } from './rule-registry.js';
import { compareMessages, groupThousands } from './order.js';

export const MAX_PER_RULE = 100;

/** Copies of the files with each rule's findings capped; files under the cap are returned as they are. */
export function capFindings(files: readonly VFile[], limit = MAX_PER_RULE): VFile[] {
  return files.map((file) => capFile(file, limit));
}

/** The count messages this module made: never capped again (so capping twice changes nothing). */
const SUMMARIES = new WeakSet<VFileMessage>();

function capFile(file: VFile, limit: number): VFile {
  const byRule = new Map<string, VFileMessage[]>();
  for (const message of file.messages) {
    if (SUMMARIES.has(message)) continue;
    const key = message.ruleId ?? '';
    const list = byRule.get(key);
    if (list) list.push(message);
    else byRule.set(key, [message]);
  }
  if ([...byRule.values()].every((list) => list.length <= limit)) return file;
  const copy = new VFile({ path: file.path, cwd: file.cwd, value: file.value });
  copy.messages.push(...file.messages.filter((message) => SUMMARIES.has(message)));
  for (const [ruleId, list] of byRule) {
    if (list.length <= limit) {
      copy.messages.push(...list);
      continue;
    }
    const sorted = [...list].sort(compareMessages);
    copy.messages.push(...sorted.slice(0, limit));
    const rest = sorted.slice(limit);
    const first = rest[0];
    const summary = report(
      copy,
      `${groupThousands(rest.length)} more \`${ruleId}\` findings in this document are not listed (the first ${limit} are); fix those and run again to see the rest`,
      { ruleId: registeredId(ruleId), place: first?.place ?? undefined, severity: worst(rest) },
    );
    SUMMARIES.add(summary);
  }
  return copy;
}

function worst(messages: readonly VFileMessage[]): Severity {
  const severities = new Set(messages.map(severityOf));
  return severities.has('error') ? 'error' : severities.has('warning') ? 'warning' : 'info';
}
