/**
 * The source documents the facts are traced to (`../shared/sources/`, beside the project), read
 * when present. When one is absent the fact tests that need it skip, and this module says so on
 * stderr, naming every comparison that was not made; with SECC_REQUIRE_SOURCES=1 (set by .ci/run)
 * an absent source is a failure instead.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SOURCES_DIR } from './project.js';

export { SOURCES_DIR };

/** The sources the tests read, by the name the skip messages use. */
export const SOURCE_FILES = {
  report: '004_71969c9932ff1e40.txt',
  workingGroup: '001_42320f1f22bdc60a.txt',
  matrix: 'duis-request-matrix.json',
} as const;

export type SourceName = keyof typeof SOURCE_FILES;

export const REQUIRE_SOURCES = process.env.SECC_REQUIRE_SOURCES === '1';

/** The text of a source, or undefined when it is not beside the project. */
export function readSource(name: SourceName): string | undefined {
  const file = path.join(SOURCES_DIR, SOURCE_FILES[name]);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/** Says loudly, once per suite, which comparisons were not made because their source is absent. */
export function announceSkipped(suite: string, skipped: ReadonlyArray<{ source: SourceName; check: string }>): void {
  const missing = skipped.filter(({ source }) => readSource(source) === undefined);
  if (missing.length === 0) return;
  const lines = missing.map(({ source, check }) => `  - NOT CHECKED: ${check} (needs ${path.join(SOURCES_DIR, SOURCE_FILES[source])})`);
  process.stderr.write(`\n*** ${suite}: source documents absent, ${missing.length} comparison(s) SKIPPED ***\n${lines.join('\n')}\n\n`);
}

/** Whitespace-normalised, so a quote matches across the line breaks of the text extraction. */
export function normalise(text: string): string {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}
