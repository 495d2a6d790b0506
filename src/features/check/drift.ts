/**
 * Drift: does what is committed in rules/ and generated/ still follow from sec-text/?
 * For the rules over time (rules/in-force.json) the first differing entry is named, with its
 * interval and its place in the text (looked up in the compiled source map); for generated code
 * and source maps, the first differing line.
 */
import path from 'node:path';
import { VFile } from 'vfile';
import { report } from '../../shared/diagnostics.js';
import type { EntryKind } from '../../shared/address.js';
import { BASE_KEY, IN_FORCE_PATH, type InForceEntry, type InForceFile } from '../../shared/in-force.js';
import { sourceMapPath, type SourceMap } from '../../shared/source-map.js';
import { readIfExists } from '../../compiler/7-emit/write.js';
import type { DiskText, DiskTexts } from '../../compiler/7-emit/disk.js';
import { jsonEqual } from '../../shared/json-equal.js';
import { differentLineAt, firstDifferentOffset, lineCounter, stringSource, type LineSource } from './first-line.js';
import { pieceDifference, pieceText, type MatchedPieces } from './piece-drift.js';
import type { Piece } from '../../compiler/7-emit/chunks.js';

export const DRIFT_RULE = 'drift';

/** How a message names an entry of each kind, from its committed value. */
const DESCRIBE: { [K in EntryKind]: (entry: never) => string } = {
  modification: (entry: { id: string }) => `modification ${entry.id}`,
  document: (entry: { file: string }) => `document ${entry.file}`,
  'user-role': (entry: { id: string }) => `User Role ${entry.id}`,
  'service-request': (entry: { ref: string }) => `SR ${entry.ref}`,
  eligibility: (entry: { sr: string; role: string }) => `eligibility of ${entry.role} for SR ${entry.sr}`,
  trt: (entry: { sr: string; role: string; smets: number; mode: string }) =>
    `TRT SR ${entry.sr}, ${entry.role}, SMETS${entry.smets}, ${entry.mode}`,
  clause: (entry: { id: string }) => `clause ${entry.id}`,
  'clause-rule': (entry: { id: string }) => `rule ${entry.id}`,
  footnote: (entry: { file: string; label: string }) => `footnote ${entry.label} of ${entry.file}`,
};

export interface DriftOptions {
  /** Project root, where rules/ and generated/ live. */
  root: string;
  /** Directory of the legal text relative to cwd, to name documents in messages. */
  textDir: string;
  /** The files on disk as last read (a long-lived context's): each read and parsed once per disk state. */
  disk?: DiskTexts;
  /** The interval file and its map as compiled (the objects the expected text was written from), so they need not be parsed. */
  inForce?: { file: InForceFile; map: SourceMap };
  /** The outputs as pieces (the compile result's `outputPieces`): compared with disk part by part, never flattened. */
  pieces?: ReadonlyMap<string, Piece>;
}

/** The first difference of a rule file in drafting terms: where in the text, and what changed there. */
interface DraftingDifference {
  where: string;
  what: string;
}

/**
 * Compares expected outputs with the files on disk; returns one vfile per drifting output, with one
 * finding naming the first difference in drafting terms (the rule files are compared first, and
 * generated code and the change set, built from the same rules, name the same difference).
 */
export async function checkDrift(outputs: ReadonlyMap<string, string>, options: DriftOptions): Promise<VFile[]> {
  const files: VFile[] = [];
  let drafting: DraftingDifference | undefined;
  const ordered = [...outputs].sort(([a], [b]) => Number(!a.endsWith('.rules.json')) - Number(!b.endsWith('.rules.json')));
  for (const [relative, expected] of ordered) {
    const file = path.join(options.root, relative);
    const disk = options.disk ? await options.disk.read(file) : { text: await readIfExists(file), derived: new Map<string, unknown>() };
    const actual = disk.text;
    const piece = options.pieces?.get(relative);
    const at =
      actual === undefined
        ? 0
        : piece
          ? pieceDifference(actual, piece, matchedOf({ ...disk, text: actual }))
          : textDifference(actual, expected);
    if (at === undefined) continue;
    const output = new VFile({ path: relative });
    files.push(output);
    if (actual === undefined) {
      report(output, `Missing ${relative}, expected it to be built from the legal text; run \`secc build\``, { ruleId: DRIFT_RULE });
      continue;
    }
    const wanted = { at, text: piece ? pieceText(piece) : stringSource(expected) };
    if (relative === IN_FORCE_PATH) {
      const described = describeRuleDrift(output, relative, { ...disk, text: actual }, wanted, outputs, options);
      drafting ??= described;
    } else describeTextDrift(output, relative, { ...disk, text: actual }, wanted, drafting);
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** What the compiler would write, and where it first differs from the file on disk. */
interface Wanted {
  at: number;
  text: LineSource;
}

/** The first offset where two texts differ; undefined when they are equal. */
function textDifference(actual: string, expected: string): number | undefined {
  return actual === expected ? undefined : firstDifferentOffset(actual, expected);
}

/** The pieces of the outputs found equal to this disk state (piece-drift.ts): kept with it, so an unchanged chunk is compared once. */
function matchedOf(disk: DiskText & { text: string }): MatchedPieces {
  const key = 'drift:matched';
  let matched = disk.derived.get(key) as MatchedPieces | undefined;
  if (!matched) {
    matched = new WeakMap();
    disk.derived.set(key, matched);
  }
  return matched;
}

/** The committed interval file parsed, its entries by key: once per disk state. */
interface CommittedInForce {
  entries: InForceEntry[];
  byKey: Map<string, InForceEntry>;
  /** Compiled entries found equal to a committed one (that one). */
  equal: WeakMap<InForceEntry, InForceEntry>;
  /** Compiled entries' keys. */
  keys: WeakMap<InForceEntry, string>;
}

function committedInForce(disk: DiskText & { text: string }): CommittedInForce | undefined {
  const key = 'drift:in-force';
  if (disk.derived.has(key)) return disk.derived.get(key) as CommittedInForce | undefined;
  let committed: CommittedInForce | undefined;
  try {
    const parsed = JSON.parse(disk.text) as InForceFile;
    const entries = Array.isArray(parsed.entries) ? parsed.entries : [];
    committed = { entries, byKey: new Map(entries.map((entry) => [keyOf(entry), entry])), equal: new WeakMap(), keys: new WeakMap() };
  } catch {
    committed = undefined;
  }
  disk.derived.set(key, committed);
  return committed;
}

/** The first entry of the interval file that differs, named with its place in the text (through the compiled source map). */
function describeRuleDrift(
  file: VFile,
  relative: string,
  disk: DiskText & { text: string },
  wanted: Wanted,
  outputs: ReadonlyMap<string, string>,
  options: DriftOptions,
): DraftingDifference | undefined {
  const committed = committedInForce(disk);
  if (!committed) {
    report(file, `Unexpected content in ${relative}: it is not valid JSON, expected the compiler's output; run \`secc build\``, {
      ruleId: DRIFT_RULE,
    });
    return undefined;
  }
  const compiled = options.inForce?.file ?? (JSON.parse(wanted.text.slice(0, wanted.text.length)) as InForceFile);
  const difference = firstDifference(committed, compiled.entries);
  if (!difference) {
    describeTextDrift(file, relative, disk, wanted, undefined);
    return undefined;
  }
  const { key, before, after } = difference;
  const entry = after ?? before;
  const map = options.inForce?.map ?? parseMap(outputs.get(sourceMapPath(relative)));
  const position = entry && map?.positions[key];
  const documentName = entry ? placeFile(entry) : undefined;
  const where = position
    ? path.join(options.textDir, position.replace(/-\d+:\d+$/, ''))
    : documentName
      ? path.join(options.textDir, documentName)
      : 'sec-text';
  const name = entry ? `${(DESCRIBE[entry.kind] as (value: unknown) => string)(entry.value)} (${interval(entry)})` : key;
  const change =
    before === undefined
      ? `${name} is in the text but not in ${relative}`
      : after === undefined
        ? `${name} is in ${relative} but no longer in the text`
        : `${name} differs: ${describeChange(entry?.kind, before.value, after.value, relative)}`;
  report(file, `${relative} is out of date with ${where}: ${change}; run \`secc build\``, {
    ruleId: DRIFT_RULE,
    place: lineOf(disk, before, wanted.at),
  });
  // The drafting words of the entry (`TRT SR 4.8.1, …`), not its key, name it in the other outputs' findings.
  return { where, what: entry ? (DESCRIBE[entry.kind] as (value: unknown) => string)(entry.value) : key };
}

const keyOf = (entry: InForceEntry): string => `${entry.address}@${entry.from?.release ?? BASE_KEY}`;

function interval(entry: InForceEntry): string {
  const from = entry.from ? `from ${entry.from.release}` : 'since the base';
  return entry.to ? `${from}, until ${entry.to.release}` : from;
}

function placeFile(entry: InForceEntry): string | undefined {
  const value = entry.value as { place?: { file?: string }; file?: unknown };
  return value.place?.file ?? (typeof value.file === 'string' ? value.file : undefined);
}

function parseMap(text: string | undefined): SourceMap | undefined {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as SourceMap;
  } catch {
    return undefined;
  }
}

function firstDifference(
  committed: CommittedInForce,
  compiled: readonly InForceEntry[],
): { key: string; before?: InForceEntry; after?: InForceEntry } | undefined {
  const beforeByKey = committed.byKey;
  const afterByKey = new Map(compiled.map((entry) => [committedKey(committed, entry), entry]));
  for (const [key, entry] of afterByKey) {
    const old = beforeByKey.get(key);
    if (old === undefined || !sameAsCommitted(committed, old, entry)) return { key, before: old, after: entry };
  }
  for (const [key, entry] of beforeByKey) {
    if (!afterByKey.has(key)) return { key, before: entry };
  }
  return undefined;
}

/** An entry's key, kept per entry object. */
function committedKey(committed: CommittedInForce, entry: InForceEntry): string {
  let key = committed.keys.get(entry);
  if (key === undefined) committed.keys.set(entry, (key = keyOf(entry)));
  return key;
}

/** Whether a compiled entry equals its committed one; kept per entry object (unchanged entries are the same objects from one compilation to the next). */
function sameAsCommitted(committed: CommittedInForce, old: InForceEntry, entry: InForceEntry): boolean {
  if (committed.equal.get(entry) === old) return true;
  if (!jsonEqual(old, entry)) return false;
  committed.equal.set(entry, old);
  return true;
}

function describeChange(kind: EntryKind | undefined, before: unknown, after: unknown, relative: string): string {
  const was = before as Record<string, unknown>;
  const is = after as Record<string, unknown>;
  if (kind === 'trt' && was.text !== is.text) return `\`${String(was.text)}\` in ${relative}, \`${String(is.text)}\` in the text`;
  if (kind === 'eligibility' && was.eligible !== is.eligible)
    return `${was.eligible ? '`Yes`' : '`No`'} in ${relative}, ${is.eligible ? '`Yes`' : '`No`'} in the text`;
  const fields = [...new Set([...Object.keys(was ?? {}), ...Object.keys(is ?? {})])].filter(
    (field) => JSON.stringify(was?.[field]) !== JSON.stringify(is?.[field]),
  );
  if (fields.length === 0) return 'its interval in force';
  return fields.map((field) => `${field} ${brief(was?.[field])} in ${relative}, ${brief(is?.[field])} in the text`).join('; ');
}

function brief(value: unknown): string {
  const text = value === undefined ? '(none)' : JSON.stringify(value);
  return `\`${text.length > 60 ? `${text.slice(0, 57)}…` : text}\``;
}

/** The line of the committed file where an entry starts (its address, then its interval's start). */
function lineOf(
  disk: DiskText & { text: string },
  entry: InForceEntry | undefined,
  near: number,
): { line: number; column: number } | undefined {
  if (entry === undefined) return undefined;
  const text = disk.text;
  const from = JSON.stringify(entry.from, null, 2).replace(/\n/g, '\n      ');
  const needle = `"address": ${JSON.stringify(entry.address)},\n      "kind": ${JSON.stringify(entry.kind)},\n      "from": ${from}`;
  // The entry usually starts just before the first differing character: look back from there first.
  const before = text.lastIndexOf(needle, near);
  const index = before === -1 ? text.indexOf(needle) : before;
  if (index === -1) return undefined;
  return { line: linesOf(disk)(index) + 1, column: 1 };
}

/**
 * Generated code or the change set: when a rule file drifts too, the same change in drafting terms
 * (they are built from the same rules); otherwise the first differing line, cut at word boundaries.
 */
function describeTextDrift(
  file: VFile,
  relative: string,
  disk: DiskText & { text: string },
  expected: Wanted,
  drafting: DraftingDifference | undefined,
): void {
  const difference = differentLineAt(disk.text, expected.text, expected.at, linesOf(disk));
  const { index } = difference;
  const found = difference.found ?? '';
  const wanted = difference.wanted ?? '';
  let column = 0;
  while (column < Math.min(found.length, wanted.length) && found[column] === wanted[column]) column++;
  const reason = drafting
    ? `${relative} is out of date with ${drafting.where}: ${drafting.what} changed in the text`
    : `${relative} is out of date with the legal text or schemas at line ${index + 1}: expected \`${excerpt(difference.wanted, column)}\`, found \`${excerpt(difference.found, column)}\``;
  report(file, `${reason}; run \`secc build\``, { ruleId: DRIFT_RULE, place: { line: index + 1, column: column + 1 } });
}

/** The line counter of a committed file, once per disk state (a long-lived context compares the same file on every keystroke). */
function linesOf(disk: DiskText & { text: string }): (end: number) => number {
  const key = 'drift:lines';
  let counter = disk.derived.get(key) as ((end: number) => number) | undefined;
  if (!counter) {
    counter = lineCounter(disk.text);
    disk.derived.set(key, counter);
  }
  return counter;
}

/** Whole words around `column`: about 30 characters before and 50 after, never cut inside a word. */
export function excerpt(line: string | undefined, column: number): string {
  if (line === undefined) return '(end of file)';
  let start = Math.max(0, column - 30);
  while (start > 0 && /\w/.test(line[start - 1] ?? '') && /\w/.test(line[start] ?? '')) start--;
  let end = Math.min(line.length, column + 50);
  while (end < line.length && /\w/.test(line[end - 1] ?? '') && /\w/.test(line[end] ?? '')) end++;
  const text = `${start > 0 ? '…' : ''}${line.slice(start, end).trim()}${end < line.length ? '…' : ''}`;
  return truncate(text);
}

function truncate(text: string): string {
  if (text.length <= 160) return text;
  const cut = text.slice(0, 159);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 80))}…`;
}
