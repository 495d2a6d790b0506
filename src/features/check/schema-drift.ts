/**
 * The schemas are part of the contract: rules/schemas.lock.json (committed, reviewed) records
 * the fingerprint of every rules/schema/*.schema.json. A schema that differs from its recorded
 * review — loosened, tightened, added or removed — is `schema-changed` on the schema file, in
 * `secc check` and in `secc build` (which then writes nothing), until `secc fingerprint --write`
 * records the review. A build never records it by itself.
 */
import path from 'node:path';
import { VFile } from 'vfile';
import { report } from '../../shared/diagnostics.js';
import { SCHEMA_LOCK_PATH, schemaFingerprints, type SchemaLock } from '../../compiler/7-emit/schema-lock.js';
import { readIfExists } from '../../compiler/7-emit/write.js';

export const SCHEMA_DRIFT_RULE = 'schema-changed';

const RECORD = 'review the change, then record it with `secc fingerprint --write`';

/** Findings for every schema that differs from the review recorded under `root`. */
export async function checkSchemaContract(root: string): Promise<VFile[]> {
  const actual = await readIfExists(path.join(root, SCHEMA_LOCK_PATH));
  if (actual === undefined) {
    const file = new VFile({ path: SCHEMA_LOCK_PATH });
    report(file, `Missing ${SCHEMA_LOCK_PATH}, expected the recorded review of the schemas in rules/schema/; ${RECORD}`, {
      ruleId: SCHEMA_DRIFT_RULE,
      place: { line: 1, column: 1 },
    });
    return [file];
  }
  let recorded: Record<string, string> = {};
  try {
    recorded = (JSON.parse(actual) as SchemaLock).schemas ?? {};
  } catch {
    // A lock file that is not JSON records nothing: every schema reads as unreviewed.
  }
  const now = schemaFingerprints();
  const files: VFile[] = [];
  for (const name of new Set([...Object.keys(now), ...Object.keys(recorded)])) {
    if (now[name] === recorded[name]) continue;
    const file = new VFile({ path: path.posix.join('rules', 'schema', name) });
    const change =
      recorded[name] === undefined
        ? 'is new since the schemas were last reviewed'
        : now[name] === undefined
          ? 'was removed since the schemas were last reviewed'
          : `changed since it was last reviewed (${SCHEMA_LOCK_PATH} records ${recorded[name].slice(0, 19)}…, the file is now ${(now[name] ?? '').slice(0, 19)}…)`;
    report(file, `Unexpected schema change: ${name} ${change}; a schema is part of the contract, so ${RECORD}`, {
      ruleId: SCHEMA_DRIFT_RULE,
      place: { line: 1, column: 1 },
    });
    files.push(file);
  }
  return files;
}
