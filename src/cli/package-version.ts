/** `secc --version` and SARIF's `helpUri`: sec-rules' own package.json, found above this module (src/ or dist/src/). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function packageVersion(): string {
  return packageInfo().version;
}

/** sec-rules' own version and homepage (where its docs are published: SARIF's `helpUri`), when it has one. */
export function packageInfo(): { version: string; homepage?: string } {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    const manifest = readJson(path.join(dir, 'package.json'));
    if (manifest?.name === 'sec-rules' && typeof manifest.version === 'string') {
      return { version: manifest.version, ...(typeof manifest.homepage === 'string' ? { homepage: manifest.homepage } : {}) };
    }
    if (path.dirname(dir) === dir) return { version: 'unknown' };
  }
}

function readJson(file: string): { name?: unknown; version?: unknown; homepage?: unknown } | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown; version?: unknown; homepage?: unknown };
  } catch {
    return undefined;
  }
}
