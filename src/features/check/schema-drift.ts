/**
 * Drift of rules/schemas.lock.json, said in reviewers' words: which schema changed (or was added
 * or removed) since the outputs were built, reported on the schema file itself.
 */
import path from 'node:path';
import { VFile } from 'vfile';
import { report } from '../../shared/diagnostics.js';
import type { SchemaLock } from '../../compiler/7-emit/schema-lock.js';

export const SCHEMA_DRIFT_RULE = 'schema-changed';

export function describeSchemaDrift(lockPath: string, actual: string, expected: string): VFile[] {
  const now = (JSON.parse(expected) as SchemaLock).schemas;
  let recorded: Record<string, string> = {};
  try {
    recorded = (JSON.parse(actual) as SchemaLock).schemas ?? {};
  } catch {
    // A lock file that is not JSON records nothing: every schema reads as unreviewed.
  }
  const files: VFile[] = [];
  const schemaFolder = path.posix.join(path.posix.dirname(lockPath), 'schema');
  for (const name of new Set([...Object.keys(now), ...Object.keys(recorded)])) {
    if (now[name] === recorded[name]) continue;
    const file = new VFile({ path: path.posix.join(schemaFolder, name) });
    const change =
      recorded[name] === undefined
        ? 'is new since rules/ and generated/ were built'
        : now[name] === undefined
          ? 'was removed since rules/ and generated/ were built'
          : `changed since rules/ and generated/ were built (${lockPath} records ${recorded[name].slice(0, 19)}…, the file is now ${now[name].slice(0, 19)}…)`;
    report(
      file,
      `Unexpected schema change: ${name} ${change}; a schema is part of the contract, so review the change, then run \`secc build\` to record it in ${lockPath}`,
      { ruleId: SCHEMA_DRIFT_RULE, place: { line: 1, column: 1 } },
    );
    files.push(file);
  }
  return files;
}
