/**
 * The pipeline: read → parse → project → extract → link → validate → generate.
 * Pure with respect to the file system: it returns the outputs as a map of path → text;
 * writing them (atomically) or comparing them (drift) is the caller's business.
 */
import { VFile } from 'vfile';
import { hasErrors, mergeAcrossViews, report } from '../shared/diagnostics.js';
import { VIEWS, type View } from '../shared/vocabulary.js';
import { compileChangeSet } from '../features/changeset/output.js';
import type { ParsedDocument } from './4-extract/document.js';
import { generateIndex, generateTables } from './7-emit/tables.js';
import { generateTypes } from './7-emit/types.js';
import { phaseTimer, type TimingRecorder } from './timings.js';
import { link } from './5-link/link.js';
import type { RuleSet } from '../shared/model.js';
import type { SourceDocument } from './1-read/read.js';
import { describeErrors, validator } from './6-validate/schemas.js';

export const OUTPUT_RULES = { invalid: 'output-schema' } as const;

/** Output paths, relative to the project root. */
export const OUTPUT_PATHS = {
  baseline: 'rules/baseline.rules.json',
  modified: 'rules/modified.rules.json',
  types: 'generated/types.ts',
  tables: 'generated/tables.ts',
  index: 'generated/index.ts',
  changeSet: 'rules/change-set.json',
} as const;

export interface CompileResult {
  /** One vfile per document (with its messages), plus any for outputs that failed validation. */
  files: VFile[];
  parsed: ParsedDocument[];
  ruleSets: Record<View, RuleSet> | undefined;
  /** path → content; empty when there were errors. */
  outputs: Map<string, string>;
  ok: boolean;
}

export interface CompileOptions {
  /** Produce generated/ and rules/ text (off when only rules are needed, e.g. export). */
  emit?: boolean;
  /** Reuse per-document facts (e.g. from a content-hash cache). */
  extract?: (doc: SourceDocument) => ParsedDocument;
  /** Produces generated/types.ts (e.g. from a cache keyed by the schemas' hash); default: json-schema-to-typescript. */
  generateTypes?: () => Promise<string>;
  /** Called with each phase's wall time in ms (extract, link, validate, generate); for `SECC_TIMINGS` and the benchmark. */
  timings?: TimingRecorder;
}

export async function compile(documents: readonly SourceDocument[], options: CompileOptions = {}): Promise<CompileResult> {
  // The parser is loaded only when a document has to be extracted (a warm cache needs none of it).
  const extract = options.extract ?? (await import('./4-extract/document.js')).extractDocument;
  const phase = phaseTimer(options.timings);
  const parsed = documents.map((doc) => extract(doc));
  phase('extract');
  const files = documents.map((doc) => doc.file);
  const fileMap = new Map(documents.map((doc) => [doc.name, doc.file]));
  const facts = parsed.map((entry) => entry.facts);
  const ruleSets = { baseline: link(facts, fileMap, 'baseline'), modified: link(facts, fileMap, 'modified') };
  for (const file of files) mergeAcrossViews(file);
  phase('link');

  const result: CompileResult = { files, parsed, ruleSets, outputs: new Map(), ok: false };
  if (hasErrors(files)) return result;

  for (const view of VIEWS) {
    const validate = validator('rule-set.schema.json');
    if (!validate(ruleSets[view])) {
      const output = new VFile({ path: OUTPUT_PATHS[view] });
      for (const line of describeErrors(validate.errors)) {
        report(output, `Compiled rules do not fit rules/schema/rule-set.schema.json: ${line}`, { ruleId: OUTPUT_RULES.invalid, view });
      }
      files.push(output);
    }
  }
  const changeSet = compileChangeSet(ruleSets, OUTPUT_PATHS.changeSet);
  if (changeSet.file) files.push(changeSet.file);
  phase('validate');
  if (hasErrors(files)) return result;

  if (options.emit !== false) {
    for (const view of VIEWS) result.outputs.set(OUTPUT_PATHS[view], ruleSetJson(ruleSets[view]));
    result.outputs.set(OUTPUT_PATHS.types, await (options.generateTypes ?? generateTypes)());
    result.outputs.set(OUTPUT_PATHS.tables, generateTables(ruleSets));
    result.outputs.set(OUTPUT_PATHS.index, generateIndex());
    result.outputs.set(OUTPUT_PATHS.changeSet, changeSet.json);
    phase('generate');
  }
  result.ok = true;
  return result;
}

export function ruleSetJson(ruleSet: RuleSet): string {
  return `${JSON.stringify({ $schema: './schema/rule-set.schema.json', ...ruleSet }, null, 2)}\n`;
}
