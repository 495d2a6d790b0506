/**
 * Frozen releases: `rules/releases/<release-id>.rules.json` holds the SEC as in force at a
 * release (the base: `<base-id>.rules.json`). They are inputs, never rewritten by `secc build`:
 * when the base of the text (its baseline view) differs from the newest frozen release, the text
 * was edited without a redline, and each changed address is a finding at its place.
 * A deliberate correction of the base is `secc freeze --correct --by NAME --why TEXT --date D`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { diffRuleSets } from '../changeset/diff.js';
import type { CompileResult } from '../../compiler/driver.js';
import { report } from '../../shared/diagnostics.js';
import type { RuleSet } from '../../shared/model.js';
import type { Change } from '../changeset/diff.js';

export { FROZEN_DIR } from '../../compiler/1-read/plan.js';
import { FROZEN_DIR } from '../../compiler/1-read/plan.js';
export const FROZEN_RULES = { unredlined: 'changed-without-redline', unreadable: 'frozen-release-unreadable' } as const;

/** Addresses a frozen release holds the text to: not the documents' lists of the modifications they carry. */
const SKIPPED_KINDS = new Set(['modification', 'document']);

export function frozenPath(root: string, releaseId: string): string {
  return path.join(root, FROZEN_DIR, `${releaseId}.rules.json`);
}

/** The id of the newest frozen release: the base until a release is consolidated. */
export function newestFrozenId(result: CompileResult): string {
  return result.plan.releases?.base.id ?? 'base';
}

export async function readFrozen(root: string, releaseId: string): Promise<RuleSet | undefined> {
  try {
    return JSON.parse(await readFile(frozenPath(root, releaseId), 'utf8')) as RuleSet;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The changes between the newest frozen release and the text's base that are not the documents' own bookkeeping. */
export function unredlinedChanges(frozen: RuleSet, baseline: RuleSet): Change[] {
  return diffRuleSets(frozen, baseline).changes.filter((change) => !SKIPPED_KINDS.has(change.kind));
}

/**
 * One finding per address changed without a redline, on the document at the entry's place.
 * Returns the files that got findings and are not already among the compilation's files.
 */
export async function checkFrozen(result: CompileResult, root: string): Promise<VFile[]> {
  if (!result.ok || !result.ruleSets) return [];
  const releaseId = newestFrozenId(result);
  const shown = path.join(FROZEN_DIR, `${releaseId}.rules.json`);
  let frozen: RuleSet | undefined;
  try {
    frozen = await readFrozen(root, releaseId);
  } catch (error) {
    const file = new VFile({ path: shown });
    report(file, `Cannot read the frozen release: ${(error as Error).message}`, {
      ruleId: FROZEN_RULES.unreadable,
      place: { line: 1, column: 1 },
    });
    return [file];
  }
  if (!frozen) return [];
  const files = new Map(result.parsed.map((parsed) => [parsed.doc.name, parsed.doc.file]));
  const touched = new Set<VFile>();
  for (const change of unredlinedChanges(frozen, result.ruleSets.baseline)) {
    const file = files.get(change.source.file);
    if (!file) continue;
    report(
      file,
      `Unexpected ${change.summary} without a redline at \`${change.id}\` (the base as frozen in ${shown}), expected the edit as a redline citing its modification, or a recorded correction (secc freeze --correct --by NAME --why TEXT --date YYYY-MM-DD)`,
      { ruleId: FROZEN_RULES.unredlined, place: { line: change.source.line, column: change.source.column } },
    );
    touched.add(file);
  }
  return [...touched].filter((file) => !result.files.includes(file));
}
