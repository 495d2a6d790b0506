/**
 * The record of frozen releases: `rules/releases/index.json` holds the sha256 of each frozen file
 * as `secc freeze` or `secc consolidate` wrote it. A frozen file is never rewritten by a build,
 * so `secc check` fails when one no longer has its recorded hash, when one the plan names is
 * missing, or when one exists that the record does not know.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { VFile } from 'vfile';
import { FROZEN_DIR, readOptional } from '../../compiler/1-read/plan.js';
import type { RuleId } from '../../shared/rule-registry.js';
import { report } from '../../shared/diagnostics.js';
import { frozenReleases, type ReleasePlan } from '../../shared/release-plan.js';

export const FROZEN_RECORD = path.join(FROZEN_DIR, 'index.json');

export const FROZEN_RECORD_RULES = {
  changed: 'frozen-release-changed',
  missing: 'frozen-release-missing',
  unrecorded: 'frozen-release-unrecorded',
} as const;

/** Release id → `sha256:<hex>` of its frozen file's bytes. */
export type FrozenRecord = Record<string, string>;

export function frozenHash(text: string): string {
  return `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;
}

export function frozenFile(releaseId: string): string {
  return path.join(FROZEN_DIR, `${releaseId}.rules.json`);
}

export async function readFrozenRecord(root: string): Promise<FrozenRecord> {
  const text = await readOptional(path.join(root, FROZEN_RECORD));
  if (text === undefined) return {};
  const data: unknown = JSON.parse(text);
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new Error(`${FROZEN_RECORD} is not an object of release id → hash`);
  return Object.fromEntries(Object.entries(data).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** The record with these frozen texts' hashes set, as the JSON to write (ids sorted, so the file is stable). */
export function recordJson(record: FrozenRecord, texts: ReadonlyMap<string, string>): string {
  const next: FrozenRecord = { ...record };
  for (const [id, text] of texts) next[id] = frozenHash(text);
  const sorted = Object.fromEntries(
    Object.keys(next)
      .sort()
      .map((id) => [id, next[id]]),
  );
  return `${JSON.stringify(sorted, null, 2)}\n`;
}

/**
 * One finding per frozen file that differs from its record. The base may be not yet frozen (a
 * project before its first `secc freeze`); every release consolidated before it must be.
 */
export async function checkFrozenRecord(plan: ReleasePlan, root: string): Promise<VFile[]> {
  const files: VFile[] = [];
  const finding = (shown: string, reason: string, ruleId: RuleId) => {
    const file = new VFile({ path: shown });
    report(file, reason, { ruleId, place: { line: 1, column: 1 } });
    files.push(file);
  };
  let record: FrozenRecord;
  try {
    record = await readFrozenRecord(root);
  } catch (error) {
    finding(FROZEN_RECORD, `Cannot read the record of frozen releases: ${(error as Error).message}`, FROZEN_RECORD_RULES.changed);
    return files;
  }
  for (const release of frozenReleases(plan)) {
    const shown = frozenFile(release.id);
    const text = await readOptional(path.join(root, shown));
    const recorded = record[release.id];
    if (text === undefined) {
      if (recorded !== undefined || release !== plan.base) {
        finding(
          shown,
          `Missing frozen release ${shown}, expected the rules of \`${release.id}\` as frozen (${FROZEN_RECORD})`,
          FROZEN_RECORD_RULES.missing,
        );
      }
      continue;
    }
    if (recorded === undefined) {
      finding(
        shown,
        `Unexpected frozen release ${shown} that ${FROZEN_RECORD} does not record, expected every frozen file written by \`secc freeze\` or \`secc consolidate\` (which record its hash)`,
        FROZEN_RECORD_RULES.unrecorded,
      );
    } else if (frozenHash(text) !== recorded) {
      finding(
        shown,
        `Unexpected change of the frozen release ${shown} (its hash is no longer the one recorded in ${FROZEN_RECORD}), expected frozen releases never rewritten: restore it, or correct the base with \`secc freeze --correct\``,
        FROZEN_RECORD_RULES.changed,
      );
    }
  }
  return files;
}
