/**
 * The compiler's own hash, the key every cache entry carries: every file of its code (src/compiler
 * and src/shared, or their dist/ copies), the schemas in rules/schema/ and package-lock.json
 * (dependency versions). Computed once per call site that asks; cheap enough for once per run.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRoot } from '../shared/paths.js';
import { schemaDir } from '../shared/schemas.js';
import { compareText } from '../shared/order.js';

export const sha256 = (...parts: Array<string | Uint8Array>): string => {
  const hash = createHash('sha256');
  for (const part of parts) {
    hash.update(part);
    hash.update('\0');
  }
  return hash.digest('hex');
};

export function compilerHash(): string {
  const hash = createHash('sha256');
  const codeDir = path.dirname(fileURLToPath(import.meta.url));
  const sharedDir = path.join(codeDir, '..', 'shared');
  const add = (file: string, label: string): void => {
    hash.update(`${label}\0`);
    hash.update(readFileSync(file));
    hash.update('\0');
  };
  for (const file of listFiles(codeDir)) add(file, path.relative(codeDir, file));
  for (const file of listFiles(sharedDir)) add(file, `shared/${path.relative(sharedDir, file)}`);
  for (const file of listFiles(schemaDir())) add(file, `schema/${path.basename(file)}`);
  const lock = path.join(packageRoot(), 'package-lock.json');
  if (existsSync(lock)) add(lock, 'package-lock.json');
  return hash.digest('hex');
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => compareText(a.name, b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full));
    else if (/\.(js|ts|json)$/.test(entry.name)) out.push(full);
  }
  return out;
}
