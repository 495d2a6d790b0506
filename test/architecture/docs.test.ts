/**
 * The documents that describe the code name files that exist: every `src/…`, `test/…`,
 * `rules/…` and `generated/…` path in README.md and ARCHITECTURE.md (globs and placeholders
 * aside), and ARCHITECTURE.md names every stage folder of the compiler. A move that leaves a
 * document behind fails here, not in a new engineer's first hour.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/project.js';

const DOCUMENTS = ['README.md', 'ARCHITECTURE.md'];

/** Paths a document names in code spans or diagrams, without globs (`*`) or placeholders (`<n>`, `{a,b}`). */
function namedPaths(text: string): string[] {
  const found = text.match(/(?<![\w./-])(?:src|test|rules|generated)\/[\w./<>{}*,-]*/g) ?? [];
  return [...new Set(found.map((name) => name.replace(/[.,]+$/, '')))].filter((name) => !/[*<>{}]/.test(name));
}

describe('the documents name files that exist', () => {
  for (const document of DOCUMENTS) {
    it(`every path in ${document} exists`, () => {
      const named = namedPaths(readFileSync(path.join(ROOT, document), 'utf8'));
      expect(named.length).toBeGreaterThan(5);
      expect(named.filter((name) => !existsSync(path.join(ROOT, name)))).toEqual([]);
    });
  }

  it('ARCHITECTURE.md names every stage folder of the compiler, in order', () => {
    const text = readFileSync(path.join(ROOT, 'ARCHITECTURE.md'), 'utf8');
    const stages = readdirSync(path.join(ROOT, 'src', 'compiler'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && /^\d+-/.test(entry.name))
      .map((entry) => entry.name)
      .sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10));
    expect(stages.length).toBeGreaterThanOrEqual(7);
    const places = stages.map((stage) => text.indexOf(`src/compiler/${stage}/`));
    expect(places.filter((place) => place < 0)).toEqual([]);
    expect([...places].sort((a, b) => a - b)).toEqual(places);
  });

  it('finds paths the way a reader sees them (and would notice a stale one)', () => {
    expect(namedPaths('see `src/link.ts`, src/compiler/1-read/ and rules/schema/*.schema.json, `src/x/<stage>.ts`.')).toEqual([
      'src/link.ts',
      'src/compiler/1-read/',
    ]);
  });
});
