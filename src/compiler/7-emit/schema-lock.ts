/**
 * The schemas are part of the contract: rules/schemas.lock.json records the fingerprint of every
 * rules/schema/*.schema.json as reviewed. It is written only by `secc fingerprint --write` (the
 * recorded review), never by a build; `secc check`, `secc build` and `npm test` compare the
 * schemas with it (src/features/check/schema-drift.ts, test/schema-contract.test.ts).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { compareText } from '../../shared/order.js';
import { schemaDir } from '../../shared/schemas.js';

export const SCHEMA_LOCK_PATH = 'rules/schemas.lock.json';

export interface SchemaLock {
  $comment: string;
  /** Schema file name → `sha256:<hex>` of its text (line ends normalised to LF). */
  schemas: Record<string, string>;
}

export function schemaFingerprints(dir: string = schemaDir()): Record<string, string> {
  const names = readdirSync(dir)
    .filter((name) => name.endsWith('.schema.json'))
    .sort(compareText);
  return Object.fromEntries(
    names.map((name) => {
      const text = readFileSync(path.join(dir, name), 'utf8').replace(/\r\n/g, '\n');
      return [name, `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`];
    }),
  );
}

export function schemaLockJson(schemas: Record<string, string> = schemaFingerprints()): string {
  const lock: SchemaLock = {
    $comment:
      'Fingerprints of the schemas in rules/schema/ as last reviewed. Written by `secc fingerprint --write`, never by a build; `secc check` and `secc build` fail when a schema differs. Review a change here like a change to code.',
    schemas,
  };
  return `${JSON.stringify(lock, null, 2)}\n`;
}
