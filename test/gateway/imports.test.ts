/**
 * Dependencies point one way: the gateway (src/gateway/) reads generated/ and its own files,
 * node's built-ins and ajv (for the Registration Data schema) — never the Markdown parser,
 * unified, remark or the compiler. Followed transitively from src/gateway/index.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/project.js';

const ALLOWED_DIRS = [path.join(ROOT, 'src', 'gateway'), path.join(ROOT, 'generated')];
/** The shared modules: the pure projection of compiled rules into tables and the vocabulary (types-only imports). */
const ALLOWED_FILES = [path.join(ROOT, 'src', 'shared', 'table-data.ts'), path.join(ROOT, 'src', 'shared', 'vocabulary.ts')];
const ALLOWED_PACKAGES = ['ajv/dist/2020.js'];

/** Every module specifier of import / export-from / dynamic import() in a TypeScript file. */
function specifiers(code: string): string[] {
  const found: string[] = [];
  const patterns = [/^\s*(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm, /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const pattern of patterns) for (const match of code.matchAll(pattern)) found.push(match[1]!);
  return found;
}

function walk(entry: string): { files: string[]; external: string[]; outside: string[] } {
  const files: string[] = [];
  const external = new Set<string>();
  const outside = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.includes(file)) continue;
    files.push(file);
    for (const specifier of specifiers(readFileSync(file, 'utf8'))) {
      if (!specifier.startsWith('.')) {
        external.add(specifier);
        continue;
      }
      const target = path.resolve(path.dirname(file), specifier).replace(/\.js$/, '.ts');
      if (!ALLOWED_FILES.includes(target) && !ALLOWED_DIRS.some((dir) => target.startsWith(dir + path.sep)))
        outside.add(path.relative(ROOT, target));
      else if (existsSync(target)) queue.push(target);
      else outside.add(`${path.relative(ROOT, target)} (missing)`);
    }
  }
  return { files: files.map((file) => path.relative(ROOT, file)).sort(), external: [...external].sort(), outside: [...outside].sort() };
}

describe('the import graph of src/gateway', () => {
  const graph = walk(path.join(ROOT, 'src', 'gateway', 'index.ts'));

  it('stays inside src/gateway and generated/', () => {
    expect(graph.outside).toEqual([]);
    expect(graph.files).toEqual(
      expect.arrayContaining([
        'src/gateway/authorise.ts',
        'src/gateway/conformance.ts',
        'src/gateway/registration.ts',
        'src/gateway/tables.ts',
        'generated/index.ts',
        'generated/tables.ts',
        'generated/types.ts',
      ]),
    );
  });

  it('uses only node built-ins and ajv from outside', () => {
    const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
    expect(graph.external.filter((name) => !builtins.has(name) && !ALLOWED_PACKAGES.includes(name))).toEqual([]);
    expect(graph.external).not.toContain('unified');
  });

  it('would notice an import of the compiler', () => {
    expect(
      specifiers(`import { compile } from '../compile.js';\nexport { x } from "./x.js";\nconst m = await import('remark-parse');`),
    ).toEqual(['../compile.js', './x.js', 'remark-parse']);
  });
});
