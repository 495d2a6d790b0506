/**
 * Stage 6, validate. Takes: the linked rule sets of both views and their change set (stage 5).
 * Returns: a vfile per output that does not fit its hand-written schema in rules/schema/, with
 * one finding per schema error; none when every output fits.
 */
import { VFile } from 'vfile';
import { report } from '../../shared/diagnostics.js';
import type { RuleSet } from '../../shared/model.js';
import { describeErrors, type Schemas } from '../../shared/schemas.js';
import { sourceMapPath, type SourceMap } from '../../shared/source-map.js';
import { VIEWS, type View } from '../../shared/vocabulary.js';
import { changeSetJson, committedChangeSet, type ChangeSet } from '../5-link/change-set/diff.js';
import { splitsByItems, type ValidationMemo } from './memo.js';

export const OUTPUT_RULES = { invalid: 'output-schema' } as const;

/** Where each output is written, relative to the project root (its findings are reported there). */
export interface ValidatedPaths {
  /** Where the rule sets of both views are written (the interval file holds them). */
  ruleSet: string;
  changeSet: string;
  /** The interval file as it will be written, and its source map (absent when nothing is emitted). */
  inForce?: ValidatedInForce | undefined;
}

export interface ValidatedInForce {
  path: string;
  json: string;
  mapPath: string;
  map: SourceMap;
  /** The file's entries and the text of each as the file writes it: with a memo, only entries not seen to fit are validated. */
  entries?: { list: readonly object[]; text: (entry: object) => string; head: () => unknown };
}

/** The change set's committed JSON and source map, once per change set (validation and emit both need them). */
export interface CommittedOutputs {
  json: string;
  map: SourceMap;
}

export function validateOutputs(
  ruleSets: Record<View, RuleSet>,
  changeSet: ChangeSet,
  schemas: Schemas,
  paths: ValidatedPaths,
  memo?: ValidationMemo,
  committed: CommittedOutputs = { json: changeSetJson(changeSet), map: committedChangeSet(changeSet, paths.changeSet).map },
): VFile[] {
  const files: VFile[] = [];
  for (const view of VIEWS) {
    const validate = schemas.validator('rule-set.schema.json');
    if (validate(ruleSets[view])) continue;
    const output = new VFile({ path: paths.ruleSet });
    for (const line of describeErrors(validate.errors)) {
      report(output, `Compiled rules do not fit rules/schema/rule-set.schema.json: ${line}`, { ruleId: OUTPUT_RULES.invalid, view });
    }
    files.push(output);
  }
  if (!memo?.fits(paths.changeSet, committed.json)) {
    const validate = schemas.validator('change-set.schema.json');
    const fit = validate(JSON.parse(committed.json));
    memo?.remember(paths.changeSet, fit ? committed.json : undefined);
    if (!fit) {
      const output = new VFile({ path: paths.changeSet });
      for (const line of describeErrors(validate.errors)) {
        report(
          output,
          `Unexpected change set that does not fit rules/schema/change-set.schema.json: ${line}, expected the schema to hold`,
          {
            ruleId: OUTPUT_RULES.invalid,
          },
        );
      }
      files.push(output);
    }
  }
  files.push(...mapFits(schemas, committed.map, sourceMapPath(paths.changeSet), memo));
  if (paths.inForce) {
    const { mapPath, map } = paths.inForce;
    files.push(...inForceFits(schemas, paths.inForce, memo), ...mapFits(schemas, map, mapPath, memo));
  }
  if (memo) memo.warm = true;
  return files;
}

/**
 * The interval file against its schema: in a warm context, the file without its entries and each
 * entry not yet seen to fit; else unchanged text fits again; else the whole file (when any entry
 * does not fit, so its findings are the whole validation's, or on the first compilation).
 */
function inForceFits(schemas: Schemas, inForce: ValidatedInForce, memo: ValidationMemo | undefined): VFile[] {
  const { path, json, entries } = inForce;
  const schema = 'in-force.schema.json';
  // Entry by entry first: comparing 7.5 MB of text with the last would cost more than the entries that changed.
  if (memo?.warm && entries && splitsByItems(schemas.validator(schema).schema as Record<string, unknown>, 'entries')) {
    const head = entries.head();
    const item = schemas.validator(`${schema}#/properties/entries/items`);
    const fresh = entries.list.filter((entry) => !memo.fittingEntries.has(entry));
    if (schemas.validator(schema)(head) && fresh.every((entry) => item(JSON.parse(entries.text(entry))))) {
      for (const entry of fresh) memo.fittingEntries.add(entry);
      memo.remember(path, json);
      return [];
    }
  }
  if (memo?.fits(path, json)) return [];
  const found = fits(schemas, schema, JSON.parse(json), path);
  if (found.length === 0 && memo) {
    memo.remember(path, json);
    for (const entry of entries?.list ?? []) memo.fittingEntries.add(entry);
  }
  return found;
}

/** A source map against its schema; one JSON-equal to the map last found to fit there fits again. */
function mapFits(schemas: Schemas, map: SourceMap, path: string, memo: ValidationMemo | undefined): VFile[] {
  if (memo?.fitsValue(path, map)) return [];
  const found = fits(schemas, 'source-map.schema.json', map, path);
  if (found.length === 0) memo?.rememberValue(path, map);
  return found;
}

/** A vfile of findings when an output does not fit its schema; none when it fits. */
function fits(schemas: Schemas, schema: string, value: unknown, path: string): VFile[] {
  const validate = schemas.validator(schema);
  if (validate(value)) return [];
  const output = new VFile({ path });
  for (const line of describeErrors(validate.errors)) {
    report(output, `Unexpected ${path} that does not fit rules/schema/${schema}: ${line}, expected the schema to hold`, {
      ruleId: OUTPUT_RULES.invalid,
    });
  }
  return [output];
}
