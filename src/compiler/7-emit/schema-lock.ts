/**
 * The schemas are part of the contract: rules/schemas.lock.json records the fingerprint of every
 * rules/schema/*.schema.json that rules/ and generated/ were built against. It is an output like
 * the others, so a schema edited without a rebuild (an `integer` loosened to `number`) is drift:
 * `secc check` and `npm test` fail until `secc build` records the new fingerprint, and that
 * change to the lock file is what reviewers see in the pull request.
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
      'Fingerprints of the schemas in rules/schema/ that rules/ and generated/ were built and reviewed against. Written by `secc build`; `secc check` fails when a schema differs. Review a change here like a change to code.',
    schemas,
  };
  return `${JSON.stringify(lock, null, 2)}\n`;
}
