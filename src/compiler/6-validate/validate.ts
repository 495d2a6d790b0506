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
import { changeSetJson, committedChangeSet, type ChangeSet, type CommittedChangeSet } from '../5-link/change-set/diff.js';
import { fitsByItems, rememberItems } from './by-items.js';
import { splitsByItems, splitsByMembers, type ValidationMemo } from './memo.js';

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
  /** The file's text, asked for only when it is not validated entry by entry (the emit renders it anyway). */
  json: () => string;
  mapPath: string;
  map: SourceMap;
  /** The file's entries and the text of each as the file writes it: with a memo, only entries not seen to fit are validated. */
  entries?: { list: readonly object[]; text: (entry: object) => string; head: () => unknown };
}

/** The change set's committed JSON and source map, once per change set (validation and emit both need them). */
export interface CommittedOutputs {
  json: string;
  /** The same text as a piece of 7-emit/chunks.ts kept per change (a warm context): drift compares it with disk part by part. */
  piece?: { readonly text: string };
  map: SourceMap;
  /** The change set as committed, each change made from the change at its index: a warm context validates only changes not seen to fit. */
  changeSet?: CommittedChangeSet;
}

const RULE_SET_SCHEMA = 'rule-set.schema.json';
const CHANGE_SET_SCHEMA = 'change-set.schema.json';
const SOURCE_MAP_SCHEMA = 'source-map.schema.json';

export function validateOutputs(
  ruleSets: Record<View, RuleSet>,
  changeSet: ChangeSet,
  schemas: Schemas,
  paths: ValidatedPaths,
  memo?: ValidationMemo,
  committed: CommittedOutputs = { json: changeSetJson(changeSet), map: committedChangeSet(changeSet, paths.changeSet).map },
): VFile[] {
  const files: VFile[] = [];
  for (const view of VIEWS) files.push(...ruleSetFits(schemas, ruleSets[view], view, paths.ruleSet, memo));
  files.push(...changeSetFits(schemas, changeSet, paths.changeSet, committed, memo));
  files.push(...mapFits(schemas, committed.map, sourceMapPath(paths.changeSet), memo));
  if (paths.inForce) {
    const { mapPath, map } = paths.inForce;
    files.push(...inForceFits(schemas, paths.inForce, memo), ...mapFits(schemas, map, mapPath, memo));
  }
  if (memo) memo.warm = true;
  return files;
}

/** A view's rule set against its schema: in a warm context by its items (an unchanged entry is the same object), else whole. */
function ruleSetFits(schemas: Schemas, ruleSet: RuleSet, view: View, path: string, memo: ValidationMemo | undefined): VFile[] {
  if (memo?.warm && fitsByItems(schemas, RULE_SET_SCHEMA, ruleSet, memo)) return [];
  const validate = schemas.validator(RULE_SET_SCHEMA);
  if (validate(ruleSet)) {
    if (memo) rememberItems(schemas, RULE_SET_SCHEMA, ruleSet, memo);
    return [];
  }
  const output = new VFile({ path });
  for (const line of describeErrors(validate.errors)) {
    report(output, `Compiled rules do not fit rules/schema/rule-set.schema.json: ${line}`, { ruleId: OUTPUT_RULES.invalid, view });
  }
  return [output];
}

/**
 * The change set as written against its schema: in a warm context its head and each change not
 * seen to fit (known by the change it is committed from); else unchanged text fits again; else whole.
 */
function changeSetFits(
  schemas: Schemas,
  changeSet: ChangeSet,
  path: string,
  committed: CommittedOutputs,
  memo: ValidationMemo | undefined,
): VFile[] {
  const keyOf = (property: string, index: number) => (property === 'changes' ? changeSet.changes[index] : undefined);
  const written = () => ({
    $schema: './schema/change-set.schema.json',
    ...(committed.changeSet ?? committedChangeSet(changeSet, path).changeSet),
  });
  if (memo?.warm && fitsByItems(schemas, CHANGE_SET_SCHEMA, written(), memo, { keyOf, asWritten: true })) return [];
  if (memo?.fits(path, committed.json)) return [];
  const validate = schemas.validator(CHANGE_SET_SCHEMA);
  const fit = validate(JSON.parse(committed.json));
  memo?.remember(path, fit ? committed.json : undefined);
  if (fit) {
    if (memo) rememberItems(schemas, CHANGE_SET_SCHEMA, changeSet, memo, { keyOf });
    return [];
  }
  const output = new VFile({ path });
  for (const line of describeErrors(validate.errors)) {
    report(output, `Unexpected change set that does not fit rules/schema/change-set.schema.json: ${line}, expected the schema to hold`, {
      ruleId: OUTPUT_RULES.invalid,
    });
  }
  return [output];
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
      return [];
    }
  }
  const text = json();
  if (memo?.fits(path, text)) return [];
  const found = fits(schemas, schema, JSON.parse(text), path);
  if (found.length === 0 && memo) {
    memo.remember(path, text);
    for (const entry of entries?.list ?? []) memo.fittingEntries.add(entry);
  }
  return found;
}

/** A source map against its schema: in a warm context member by member (a pair seen to fit fits again), else whole. */
function mapFits(schemas: Schemas, map: SourceMap, path: string, memo: ValidationMemo | undefined): VFile[] {
  if (memo?.warm && pairsFit(schemas, map, memo.pairs(path))) return [];
  const found = fits(schemas, SOURCE_MAP_SCHEMA, map, path);
  if (found.length === 0 && memo) {
    const known = memo.pairs(path);
    known.clear();
    for (const [key, value] of Object.entries(map.positions)) known.set(key, value);
  }
  return found;
}

/** Whether the map fits, validating its head and only the pairs of `positions` not known to fit (they are remembered when they do). */
function pairsFit(schemas: Schemas, map: SourceMap, known: Map<string, string>): boolean {
  const validate = schemas.validator(SOURCE_MAP_SCHEMA);
  const { positions } = map;
  if (!splitsByMembers(validate.schema as Record<string, unknown>, 'positions')) return false;
  if (typeof positions !== 'object' || positions === null || Array.isArray(positions)) return false;
  if (!validate({ ...map, positions: {} })) return false;
  const keys = Object.keys(positions);
  for (const key of keys) {
    const value = positions[key];
    if (typeof value === 'string' && known.get(key) === value) continue;
    if (!validate({ ...map, positions: { [key]: value } })) return false;
    if (typeof value === 'string') known.set(key, value);
  }
  // Pairs no longer in the map are forgotten now and then (all of these fit: they were just checked).
  if (known.size > 2 * keys.length + 1024) {
    known.clear();
    for (const key of keys) known.set(key, positions[key] as string);
  }
  return true;
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
