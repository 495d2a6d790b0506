/** Locating the package's own files (schemas) from source (src/) or compiled code (dist/src/). */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

export function packageRoot(): string {
  if (root) return root;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json')) || !existsSync(path.join(dir, 'rules', 'schema'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('Cannot find the sec-rules package root (package.json with rules/schema/)');
    dir = parent;
  }
  root = dir;
  return dir;
}
