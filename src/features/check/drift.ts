/**
 * Drift: does what is committed in rules/ and generated/ still follow from sec-text/?
 * For rule files the first differing rule is named, with the document and place it comes from;
 * for generated code, the first differing line.
 */
import path from 'node:path';
import { VFile } from 'vfile';
import { report } from '../../shared/diagnostics.js';
import type { RuleSet, Source } from '../../shared/model.js';
import { readIfExists } from '../../compiler/7-emit/write.js';

export const DRIFT_RULE = 'drift';

type Section = Exclude<keyof RuleSet, 'view' | '$schema'>;

const DESCRIBE: { [S in Section]: (entry: never) => string } = {
  modifications: (entry: { id: string }) => `modification ${entry.id}`,
  documents: (entry: { file: string }) => `document ${entry.file}`,
  userRoles: (entry: { id: string }) => `User Role ${entry.id}`,
  serviceRequests: (entry: { ref: string }) => `SR ${entry.ref}`,
  eligibility: (entry: { sr: string; role: string }) => `eligibility of ${entry.role} for SR ${entry.sr}`,
  trt: (entry: { sr: string; role: string; smets: number; mode: string }) =>
    `TRT SR ${entry.sr}, ${entry.role}, SMETS${entry.smets}, ${entry.mode}`,
  clauses: (entry: { id: string }) => `clause ${entry.id}`,
  clauseRules: (entry: { id: string }) => `rule ${entry.id}`,
  footnotes: (entry: { file: string; label: string }) => `footnote ${entry.label} of ${entry.file}`,
};

export interface DriftOptions {
  /** Project root, where rules/ and generated/ live. */
  root: string;
  /** Directory of the legal text relative to cwd, to name documents in messages. */
  textDir: string;
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
    const actual = await readIfExists(path.join(options.root, relative));
    if (actual === expected) continue;
    const file = new VFile({ path: relative });
    files.push(file);
    if (actual === undefined) {
      report(file, `Missing ${relative}, expected it to be built from the legal text; run \`secc build\``, { ruleId: DRIFT_RULE });
      continue;
    }
    if (relative.endsWith('.rules.json')) {
      const described = describeRuleDrift(file, relative, actual, expected, options);
      drafting ??= described;
    } else describeTextDrift(file, relative, actual, expected, drafting);
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function describeRuleDrift(
  file: VFile,
  relative: string,
  actual: string,
  expected: string,
  options: DriftOptions,
): DraftingDifference | undefined {
  let committed: RuleSet;
  try {
    committed = JSON.parse(actual) as RuleSet;
  } catch {
    report(file, `Unexpected content in ${relative}: it is not valid JSON, expected the compiler's output; run \`secc build\``, {
      ruleId: DRIFT_RULE,
    });
    return undefined;
  }
  const compiled = JSON.parse(expected) as RuleSet;
  const difference = firstDifference(committed, compiled);
  if (!difference) {
    describeTextDrift(file, relative, actual, expected, undefined);
    return undefined;
  }
  const { section, key, before, after } = difference;
  const source = (after ?? before) as { source?: Source; file?: string } | undefined;
  const documentName = source?.source?.file ?? source?.file;
  const where = source?.source
    ? `${path.join(options.textDir, source.source.file)}:${source.source.line}:${source.source.column}`
    : documentName
      ? path.join(options.textDir, documentName)
      : 'sec-text';
  const change =
    before === undefined
      ? `${key} is in the text but not in ${relative}`
      : after === undefined
        ? `${key} is in ${relative} but no longer in the text`
        : `${key} differs: ${describeChange(section, before, after, relative)}`;
  report(file, `${relative} is out of date with ${where}: ${change}; run \`secc build\``, {
    ruleId: DRIFT_RULE,
    place: lineOf(actual, before),
    view: compiled.view,
  });
  return { where, what: key };
}

function firstDifference(
  committed: RuleSet,
  compiled: RuleSet,
): { section: Section; key: string; before: unknown; after: unknown } | undefined {
  for (const section of Object.keys(DESCRIBE) as Section[]) {
    const describe = DESCRIBE[section] as (entry: unknown) => string;
    const before = Array.isArray(committed[section]) ? (committed[section] as unknown[]) : [];
    const after = compiled[section] as unknown[];
    const beforeByKey = new Map(before.map((entry) => [describe(entry), entry]));
    const afterByKey = new Map(after.map((entry) => [describe(entry), entry]));
    for (const [key, entry] of afterByKey) {
      const old = beforeByKey.get(key);
      if (old === undefined || JSON.stringify(old) !== JSON.stringify(entry)) return { section, key, before: old, after: entry };
    }
    for (const [key, entry] of beforeByKey) {
      if (!afterByKey.has(key)) return { section, key, before: entry, after: undefined };
    }
    if (before.length !== after.length || JSON.stringify(before) !== JSON.stringify(after)) {
      return { section, key: `the order of ${section}`, before: undefined, after: undefined };
    }
  }
  return undefined;
}

function describeChange(section: Section, before: unknown, after: unknown, relative: string): string {
  const was = before as Record<string, unknown>;
  const is = after as Record<string, unknown>;
  if (section === 'trt' && was.text !== is.text) return `\`${String(was.text)}\` in ${relative}, \`${String(is.text)}\` in the text`;
  if (section === 'eligibility' && was.eligible !== is.eligible)
    return `${was.eligible ? '`Yes`' : '`No`'} in ${relative}, ${is.eligible ? '`Yes`' : '`No`'} in the text`;
  const fields = [...new Set([...Object.keys(was), ...Object.keys(is)])].filter(
    (field) => JSON.stringify(was[field]) !== JSON.stringify(is[field]),
  );
  const moved: string[] = fields.filter((field) => field === 'source' || field === 'sources');
  const changed = fields.filter((field) => !moved.includes(field));
  if (changed.length > 0) {
    return changed.map((field) => `${field} ${brief(was[field])} in ${relative}, ${brief(is[field])} in the text`).join('; ');
  }
  const from = was.source as Source | undefined;
  const to = is.source as Source | undefined;
  return from && to && (from.line !== to.line || from.column !== to.column)
    ? `its place in the text moved from ${from.file}:${from.line}:${from.column} to ${to.file}:${to.line}:${to.column}`
    : 'the place of one of its cells in the text moved';
}

function brief(value: unknown): string {
  const text = value === undefined ? '(none)' : JSON.stringify(value);
  return `\`${text.length > 60 ? `${text.slice(0, 57)}…` : text}\``;
}

function lineOf(text: string, entry: unknown): { line: number; column: number } | undefined {
  if (entry === undefined) return undefined;
  const needle = JSON.stringify((entry as { source?: unknown }).source ?? entry, null, 2)
    .split('\n')[1]
    ?.trim();
  if (!needle) return undefined;
  const index = text.indexOf(needle);
  if (index === -1) return undefined;
  const line = text.slice(0, index).split('\n').length;
  return { line, column: 1 };
}

/**
 * Generated code or the change set: when a rule file drifts too, the same change in drafting terms
 * (they are built from the same rules); otherwise the first differing line, cut at word boundaries.
 */
function describeTextDrift(
  file: VFile,
  relative: string,
  actual: string,
  expected: string,
  drafting: DraftingDifference | undefined,
): void {
  const a = actual.split('\n');
  const b = expected.split('\n');
  let index = 0;
  while (index < Math.max(a.length, b.length) && a[index] === b[index]) index++;
  const found = a[index] ?? '';
  const wanted = b[index] ?? '';
  let column = 0;
  while (column < Math.min(found.length, wanted.length) && found[column] === wanted[column]) column++;
  const reason = drafting
    ? `${relative} is out of date with ${drafting.where}: ${drafting.what} changed in the text`
    : `${relative} is out of date with the legal text or schemas at line ${index + 1}: expected \`${excerpt(b[index], column)}\`, found \`${excerpt(a[index], column)}\``;
  report(file, `${reason}; run \`secc build\``, { ruleId: DRIFT_RULE, place: { line: index + 1, column: column + 1 } });
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
