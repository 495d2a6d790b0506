/** Shared by the Word tests: export a corpus, import it back, compile both, compare without positions. */
import type { CorpusPlan } from '../../src/compiler/1-read/plan.js';
import type { CompileResult } from '../../src/compiler/driver.js';
import { diffRuleSets } from '../../src/features/changeset/diff.js';
import { exportDocx } from '../../src/features/word/export/index.js';
import { importDocx } from '../../src/features/word/import/index.js';
import type { ExportOptions } from '../../src/features/word/export/index.js';
import type { RuleSet } from '../../src/shared/model.js';

import { compileStrings as compileProjectStrings } from '../support/project.js';

/** Compiles in memory, rules only (no generated code), against the project's plan or the one given. */
export async function compileStrings(files: Record<string, string>, plan?: CorpusPlan): Promise<CompileResult> {
  return compileProjectStrings(files, false, plan);
}

/** The YAML between the first two `---` lines. */
export function frontMatterOf(text: string): string {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  if (!match?.[1]) throw new Error('no front matter');
  return match[1];
}

export interface RoundTrip {
  before: CompileResult;
  after: CompileResult;
  docx: Map<string, Uint8Array>;
  imported: Record<string, string>;
  /** Import findings, as `file: message` lines. */
  findings: string[];
}

export async function roundTrip(
  files: Record<string, string>,
  options: ExportOptions = { version: 'redline', rules: 'annex' },
  plan?: CorpusPlan,
): Promise<RoundTrip> {
  const before = await compileStrings(files, plan);
  if (!before.ok) throw new Error(`the corpus does not compile: ${before.files.flatMap((file) => file.messages.map(String)).join('\n')}`);
  const docx = await exportDocx(before.parsed, before.plan, options);
  const imported: Record<string, string> = {};
  const findings: string[] = [];
  for (const [name, bytes] of docx) {
    const markdownName = name.replace(/\.docx$/, '.md');
    const result = importDocx(bytes, name, {
      frontMatter: frontMatterOf(files[markdownName] ?? ''),
      authors: new Map(),
      modifications: before.plan.modifications,
      releases: before.plan.releases,
    });
    imported[markdownName] = result.markdown;
    findings.push(...result.file.messages.map((message) => `${name}: ${message.reason}`));
  }
  return { before, after: await compileStrings(imported, plan), docx, imported, findings };
}

/** A rule set without line and column positions (they differ between the files, not the rules). */
export function withoutPositions<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, entry: unknown) => (POSITION_KEYS.has(key) ? undefined : entry))) as T;
}

const POSITION_KEYS = new Set(['line', 'column', 'endLine', 'endColumn']);

export function changeSetOf(result: CompileResult) {
  const sets = result.ruleSets as Record<'baseline' | 'modified', RuleSet>;
  return withoutPositions(diffRuleSets(sets.baseline, sets.modified));
}
