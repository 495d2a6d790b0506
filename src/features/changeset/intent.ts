/**
 * The intent check: a modification manifest (sec-text/modifications/<id>.yaml) says what the
 * modification intends, in the change set's vocabulary, each intent citing the paragraph or table
 * of the Modification Report it comes from. The redline's change set and the manifest must agree
 * in both directions:
 * - every change in the change set is intended by some pattern (else `intent-unintended`, at the
 *   redline that makes it);
 * - every change a pattern names is made (else `intent-missing`, at the pattern in the manifest);
 * - where a pattern gives `from`/`to`, the change has those values (else `intent-value`).
 *
 * A pattern field given as a value or a list names each change expected (every combination of
 * the lists). A field left out, `*` or `{except: [...]}` means every entry of the rule set that fits
 * the other fields: the later view's entries for `added`, the earlier view's for `removed`, and
 * entries in both for `changed`. So `{kind: trt, action: added, role: mdr}` is "every TRT of mdr".
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import type { LineCounter, Node as YamlNode } from 'yaml';
import { report } from '../../shared/diagnostics.js';
import { parseDuration } from '../../compiler/4-extract/duration.js';
import type { ChangePattern, Matcher, ModificationManifest } from '../../../generated/types.js';
import type { RuleSet } from '../../shared/model.js';
import { describeErrors, validator } from '../../compiler/6-validate/schemas.js';
import type { Change, ChangeAction, ChangeKind, ChangeSet } from './diff.js';

export type { ChangePattern, ModificationManifest };

export const INTENT_RULES = {
  unintended: 'intent-unintended',
  missing: 'intent-missing',
  value: 'intent-value',
  manifestYaml: 'manifest-yaml',
  manifestInvalid: 'manifest-invalid',
  manifestUnknown: 'manifest-unknown-modification',
  manifestMissing: 'manifest-missing',
} as const;

/** The folder of manifests, inside the legal text directory (readCorpus reads only top-level *.md). */
export const MANIFEST_DIR = 'modifications';

type Field = 'sr' | 'role' | 'smets' | 'mode' | 'clause' | 'rule' | 'footnote' | 'field' | 'modification' | 'document';
type Identity = Partial<Record<Field, string>>;

/** The fields that name one entry of each kind (for `changed`, the field of the entry too where a kind has fields). */
const IDENTITY: Record<ChangeKind, { all: Field[]; changed?: Field[] }> = {
  modification: { all: ['modification'], changed: ['modification', 'field'] },
  document: { all: ['document'], changed: ['document', 'field'] },
  'user-role': { all: ['role'], changed: ['role', 'field'] },
  'service-request': { all: ['sr'], changed: ['sr', 'field'] },
  eligibility: { all: ['sr', 'role'] },
  trt: { all: ['sr', 'role', 'smets', 'mode'] },
  clause: { all: ['clause'] },
  'clause-rule': { all: ['rule'] },
  footnote: { all: ['document', 'footnote'] },
};

const PATTERN_FIELDS: Field[] = ['sr', 'role', 'smets', 'mode', 'clause', 'rule', 'footnote', 'field', 'modification', 'document'];

export interface LoadedManifest {
  manifest: ModificationManifest;
  file: VFile;
  /** Place of each pattern: intents[i].changes[j]. */
  places: Array<Array<{ line: number; column: number }>>;
}

export interface ManifestLoad {
  manifests: LoadedManifest[];
  /** Manifest files, with any YAML or schema findings. */
  files: VFile[];
}

export interface ManifestCache {
  /** Folder for cache entries (e.g. `<root>/.secc-cache`). */
  dir: string;
  /** The compiler's hash: an entry made by other code or schemas is never served. */
  compilerHash: string;
}

/**
 * Reads every `<textDir>/modifications/*.yaml`. No folder: no manifests. With a cache, a manifest
 * whose text and compiler are unchanged is read from JSON, so a warm run never loads the YAML parser.
 */
export async function loadManifests(textDir: string, cwd: string, cache?: ManifestCache): Promise<ManifestLoad> {
  const dir = path.resolve(cwd, textDir, MANIFEST_DIR);
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => /\.ya?ml$/.test(name)).sort();
  } catch {
    return { manifests: [], files: [] };
  }
  const load: ManifestLoad = { manifests: [], files: [] };
  for (const name of names) {
    const file = new VFile({
      path: path.relative(cwd, path.join(dir, name)) || path.join(dir, name),
      value: await readFile(path.join(dir, name), 'utf8'),
    });
    load.files.push(file);
    const manifest = cache ? await parseManifestCached(file, cache) : await parseManifest(file);
    if (manifest) load.manifests.push(manifest);
  }
  return load;
}

async function parseManifestCached(file: VFile, cache: ManifestCache): Promise<LoadedManifest | undefined> {
  const key = createHash('sha256')
    .update(`${cache.compilerHash}\0${String(file.value)}`)
    .digest('hex');
  const entry = path.join(cache.dir, `manifest-${key.slice(0, 40)}.json`);
  try {
    const stored = JSON.parse(await readFile(entry, 'utf8')) as {
      key: string;
      manifest: ModificationManifest;
      places: LoadedManifest['places'];
    };
    if (stored.key === key && Array.isArray(stored.places) && stored.manifest && Array.isArray(stored.manifest.intents)) {
      return { manifest: stored.manifest, file, places: stored.places };
    }
  } catch {
    // Not cached yet, or unreadable: parse it.
  }
  const loaded = await parseManifest(file);
  // Only a clean manifest is cached: findings must be reported from the real parse every time.
  if (loaded && file.messages.length === 0) {
    const temporary = `${entry}.${process.pid}.tmp`;
    try {
      await mkdir(cache.dir, { recursive: true });
      await writeFile(temporary, JSON.stringify({ key, manifest: loaded.manifest, places: loaded.places }));
      await rename(temporary, entry);
    } catch {
      await rm(temporary, { force: true });
    }
  }
  return loaded;
}

/** Parses and validates one manifest; findings go on the file. */
export async function parseManifest(file: VFile): Promise<LoadedManifest | undefined> {
  const { LineCounter, parseDocument, isMap, isSeq } = await import('yaml');
  const placeOf = (node: YamlNode | undefined, lineCounter: LineCounter): { line: number; column: number } | undefined => {
    if (!node || !(isMap(node) || isSeq(node) || 'range' in node) || !node.range) return undefined;
    const at = lineCounter.linePos(node.range[0]);
    return { line: at.line, column: at.col };
  };
  const lineCounter = new LineCounter();
  const document = parseDocument(String(file.value), { lineCounter, prettyErrors: true, uniqueKeys: true, strict: true });
  const problems = [...document.errors, ...document.warnings];
  if (problems.length > 0) {
    for (const problem of problems) {
      const at = problem.linePos?.[0];
      report(file, `Unexpected YAML: ${problem.message.split('\n')[0]}`, {
        ruleId: INTENT_RULES.manifestYaml,
        place: at ? { line: at.line, column: at.col } : undefined,
      });
    }
    return undefined;
  }
  const data = document.toJS({ maxAliasCount: 0 }) as unknown;
  const validate = validator('modification-manifest.schema.json');
  if (!validate(data)) {
    for (const line of describeErrors(validate.errors)) {
      const pathParts = line
        .split(':')[0]!
        .split('/')
        .filter(Boolean)
        .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
      report(file, `Unexpected manifest content: ${line}, expected it to fit rules/schema/modification-manifest.schema.json`, {
        ruleId: INTENT_RULES.manifestInvalid,
        place: placeOf(document.getIn(pathParts, true) as YamlNode | undefined, lineCounter),
      });
    }
    return undefined;
  }
  const manifest = data as ModificationManifest;
  const places = manifest.intents.map((intent, i) =>
    intent.changes.map(
      (_, j) => placeOf(document.getIn(['intents', i, 'changes', j], true) as YamlNode | undefined, lineCounter) ?? { line: 1, column: 1 },
    ),
  );
  return { manifest, file, places };
}

export interface IntentCheckOptions {
  /** The legal text directory as given, to name documents in findings (e.g. `sec-text`). */
  textDir: string;
  /** The document vfiles (by name in sec-text/) to report on; created when absent. */
  documents?: ReadonlyMap<string, VFile>;
}

export interface IntentResult {
  /** Findings, on the document files (unintended changes) and the manifest files (missing ones). */
  files: VFile[];
  /** For each change id: the intents (`MP162#mdr-trts`) that account for it. */
  intended: Map<string, string[]>;
  unintended: Change[];
  missing: Array<{ manifest: string; intent: string; description: string }>;
  manifests: string[];
}

/** Compares a change set with the manifests; `before`/`after` are the rule sets it was made from. */
export function checkIntents(
  changeSet: ChangeSet,
  before: RuleSet,
  after: RuleSet,
  load: ManifestLoad,
  options: IntentCheckOptions,
): IntentResult {
  const documentFiles = new Map<string, VFile>();
  const fileFor = (name: string): VFile => {
    let file = documentFiles.get(name) ?? options.documents?.get(name);
    if (!file) file = new VFile({ path: path.join(options.textDir, name) });
    documentFiles.set(name, file);
    return file;
  };
  const result: IntentResult = {
    files: [],
    intended: new Map(),
    unintended: [],
    missing: [],
    manifests: load.manifests.map((entry) => entry.manifest.modification),
  };
  const declared = new Set(after.modifications.map((modification) => modification.id));
  const manifests: LoadedManifest[] = [];
  for (const loaded of load.manifests) {
    if (!declared.has(loaded.manifest.modification)) {
      report(
        loaded.file,
        `Unexpected manifest for ${loaded.manifest.modification}, which no document in ${options.textDir} declares, expected one of: ${[...declared].join(', ') || '(none)'}`,
        {
          ruleId: INTENT_RULES.manifestUnknown,
          place: { line: 1, column: 1 },
          actual: loaded.manifest.modification,
          expected: [...declared],
        },
      );
      continue;
    }
    manifests.push(loaded);
  }
  if (load.files.length > 0) {
    const covered = new Set(load.manifests.map((entry) => entry.manifest.modification));
    for (const id of declared) {
      if (covered.has(id)) continue;
      const doc = after.documents.find((document) => document.modifications.includes(id));
      report(
        fileFor(doc?.file ?? ''),
        `Missing manifest for ${id}, expected ${path.join(options.textDir, MANIFEST_DIR, `${id}.yaml`)} to state what it intends`,
        {
          ruleId: INTENT_RULES.manifestMissing,
          place: { line: 1, column: 1 },
          severity: 'warning',
        },
      );
    }
  }
  if (manifests.length === 0) {
    result.files = [...load.files, ...documentFiles.values()].filter((file) => file.messages.length > 0);
    return result;
  }

  const changesById = new Map(changeSet.changes.map((change) => [change.id, change]));
  const byIdentity = new Map<string, Change[]>();
  for (const change of changeSet.changes) {
    const key = identityKey(change.kind, change.action, identityOf(change));
    byIdentity.set(key, [...(byIdentity.get(key) ?? []), change]);
  }
  const valueReported = new Set<string>();

  for (const { manifest, file, places } of manifests) {
    manifest.intents.forEach((intent, i) => {
      const label = `${manifest.modification}#${intent.id}`;
      intent.changes.forEach((pattern, j) => {
        const place = places[i]?.[j];
        // Which changes this pattern accounts for.
        for (const change of changeSet.changes) {
          if (!matchesPattern(change, pattern)) continue;
          result.intended.set(change.id, [...(result.intended.get(change.id) ?? []), label]);
          const mismatch = valueMismatch(change, pattern);
          if (mismatch && !valueReported.has(`${change.id}|${label}`)) {
            valueReported.add(`${change.id}|${label}`);
            report(
              fileFor(change.document),
              `Unexpected ${change.summary}${cell(change)}, expected ${mismatch} as ${label} states (${intent.ref})`,
              {
                ruleId: INTENT_RULES.value,
                place: placeFrom(change),
                actual: `${change.from ?? ''} → ${change.to ?? ''}`,
                expected: [mismatch],
              },
            );
          }
        }
        // Which changes it expects.
        for (const expected of expectedInstances(pattern, before, after)) {
          if (expected.identity && byIdentity.has(identityKey(pattern.kind, pattern.action, expected.identity))) continue;
          if (!expected.identity && expected.any.some((id) => changesById.has(id))) continue;
          const description = expected.description;
          result.missing.push({ manifest: manifest.modification, intent: intent.id, description });
          report(file, `Missing intended change: ${description} (${label}: ${intent.ref}), expected the redline to make it`, {
            ruleId: INTENT_RULES.missing,
            place,
            expected: [description],
          });
        }
      });
    });
  }

  const modifications = manifests.map((entry) => entry.manifest.modification).join(', ');
  for (const change of changeSet.changes) {
    if (result.intended.has(change.id)) continue;
    result.unintended.push(change);
    report(
      fileFor(change.document),
      `Unexpected change ${change.summary}${cell(change)}, expected only the changes that the manifest of ${modifications} intends`,
      {
        ruleId: INTENT_RULES.unintended,
        place: placeFrom(change),
        actual: change.summary,
        note: `Either the redline changes this by mistake, or ${path.join(options.textDir, MANIFEST_DIR)}/ should state the intent (with the paragraph of the Modification Report it comes from).`,
      },
    );
  }
  result.files = [...load.files, ...documentFiles.values()].filter((file) => file.messages.length > 0);
  return result;
}

/** ` (cell SR 4.6.1 × Eligible User Roles / SMETS2 / On-Demand)` when the change is a table cell. */
function cell(change: Change): string {
  const { row, header } = change.source;
  return row !== undefined && header !== undefined ? ` (cell ${/^\d/.test(row) ? `SR ${row}` : row} × ${header})` : '';
}

function placeFrom(change: Change) {
  const { line, column, endLine, endColumn } = change.source;
  return { start: { line, column }, end: { line: endLine, column: endColumn } };
}

function identityOf(change: Change): Identity {
  const identity: Identity = {};
  for (const field of PATTERN_FIELDS) {
    const value = field === 'document' ? change.document : (change as unknown as Record<string, unknown>)[field];
    if (value !== undefined) identity[field] = String(value);
  }
  return identity;
}

function identityFields(kind: ChangeKind, action: ChangeAction): Field[] {
  const fields = IDENTITY[kind];
  return action === 'changed' && fields.changed ? fields.changed : fields.all;
}

function identityKey(kind: ChangeKind, action: ChangeAction, identity: Identity): string {
  return [kind, action, ...identityFields(kind, action).map((field) => `${field}=${identity[field] ?? ''}`)].join('|');
}

function isWildcard(matcher: Matcher | undefined): boolean {
  return matcher === undefined || matcher === '*' || (typeof matcher === 'object' && !Array.isArray(matcher));
}

function matcherAccepts(matcher: Matcher | undefined, value: string | undefined): boolean {
  if (matcher === undefined || matcher === '*') return true;
  if (Array.isArray(matcher)) return matcher.some((entry) => String(entry) === value);
  if (typeof matcher === 'object') return !matcher.except.some((entry) => String(entry) === value);
  return String(matcher) === value;
}

export function matchesPattern(change: Change, pattern: ChangePattern): boolean {
  if (change.kind !== pattern.kind || change.action !== pattern.action) return false;
  const identity = identityOf(change);
  return PATTERN_FIELDS.every((field) => matcherAccepts(pattern[field], identity[field]));
}

/** `from → to` as the pattern states it, when the change's values differ from it. */
function valueMismatch(change: Change, pattern: ChangePattern): string | undefined {
  if (pattern.from === undefined && pattern.to === undefined) return undefined;
  const before = change.before as Record<string, unknown> | undefined;
  const after = change.after as Record<string, unknown> | undefined;
  const ok = (stated: string | undefined, entry: Record<string, unknown> | undefined, shown: string | undefined): boolean => {
    if (stated === undefined) return true;
    if (change.kind === 'trt') {
      const parsed = parseDuration(stated);
      return parsed.ok && entry !== undefined && parsed.seconds === entry.seconds;
    }
    return stated === shown;
  };
  if (ok(pattern.from, before, change.from) && ok(pattern.to, after, change.to)) return undefined;
  return `${pattern.from ?? change.from ?? '…'} → ${pattern.to ?? change.to ?? '…'}`;
}

interface Expected {
  /** The exact identity expected, when the pattern names every identity field. */
  identity?: Identity;
  /** Otherwise: the change ids that would satisfy it (any one). */
  any: string[];
  description: string;
}

/** The changes a pattern expects: each named combination, or every fitting entry for wildcards. */
function expectedInstances(pattern: ChangePattern, before: RuleSet, after: RuleSet): Expected[] {
  const fields = identityFields(pattern.kind, pattern.action);
  const named = fields.filter((field) => !isWildcard(pattern[field]));
  const combos = cartesian(named.map((field) => ({ field, values: listOf(pattern[field]) })));
  if (named.length === fields.length) {
    return combos.map((identity) => ({ identity, any: [], description: describe(pattern.kind, pattern.action, identity) }));
  }
  const domain = domainOf(pattern.kind, pattern.action, before, after).filter((entry) =>
    PATTERN_FIELDS.every((field) => entry.identity[field] === undefined || matcherAccepts(pattern[field], entry.identity[field])),
  );
  const out: Expected[] = [];
  for (const combo of combos) {
    const fits = domain.filter((entry) => named.every((field) => entry.identity[field] === combo[field]));
    if (fits.length === 0) {
      const wildcards = fields
        .filter((field) => !named.includes(field))
        .map((field) => `every ${field}`)
        .join(', ');
      out.push({
        any: [],
        description: `${describe(pattern.kind, pattern.action, combo)} (${wildcards}: none in the ${pattern.action === 'removed' ? 'earlier' : 'later'} text)`,
      });
      continue;
    }
    for (const entry of fits)
      out.push({ identity: entry.identity, any: [], description: describe(pattern.kind, pattern.action, entry.identity) });
  }
  return out;
}

function listOf(matcher: Matcher | undefined): string[] {
  if (Array.isArray(matcher)) return matcher.map(String);
  return matcher === undefined || typeof matcher === 'object' ? [] : [String(matcher)];
}

function cartesian(lists: Array<{ field: Field; values: string[] }>): Identity[] {
  let out: Identity[] = [{}];
  for (const { field, values } of lists) out = out.flatMap((partial) => values.map((value) => ({ ...partial, [field]: value })));
  return out;
}

function describe(kind: ChangeKind, action: ChangeAction, identity: Identity): string {
  const id = identity;
  switch (kind) {
    case 'eligibility':
      return `eligibility SR ${id.sr ?? '*'} ${action === 'removed' ? '−' : '+'} ${id.role ?? '*'}`;
    case 'trt':
      return `TRT SR ${id.sr ?? '*'}, ${id.role ?? '*'}, SMETS${id.smets ?? '*'}, ${id.mode ?? '*'} ${action}`;
    case 'user-role':
      return `User Role ${id.role ?? '*'} ${action}${id.field ? ` (${id.field})` : ''}`;
    case 'service-request':
      return `SR ${id.sr ?? '*'}${id.field ? ` ${id.field}` : ''} ${action}`;
    case 'clause':
      return `clause ${id.clause ?? '*'} ${action}`;
    case 'clause-rule':
      return `rule ${id.rule ?? '*'} ${action}`;
    case 'footnote':
      return `footnote [^${id.footnote ?? '*'}] of ${id.document ?? '*'} ${action}`;
    case 'modification':
      return `modification ${id.modification ?? '*'} ${action}${id.field ? ` (${id.field})` : ''}`;
    case 'document':
      return `document ${id.document ?? '*'} ${action}${id.field ? ` (${id.field})` : ''}`;
  }
}

interface DomainEntry {
  identity: Identity;
}

/** Entries of a kind that a wildcard ranges over: later view for added, earlier for removed, both for changed. */
function domainOf(kind: ChangeKind, action: ChangeAction, before: RuleSet, after: RuleSet): DomainEntry[] {
  const views = action === 'added' ? [after] : action === 'removed' ? [before] : [before, after];
  const perView = views.map((view) => entriesOf(kind, view, action === 'changed'));
  if (perView.length === 1) return perView[0]!;
  const keys = new Set(perView[0]!.map((entry) => JSON.stringify(entry.identity)));
  return perView[1]!.filter((entry) => keys.has(JSON.stringify(entry.identity)));
}

const FIELDS_OF: Partial<Record<ChangeKind, string[]>> = {
  modification: ['title', 'implementationDate'],
  document: ['document', 'id', 'title', 'modifications', 'external'],
  'user-role': ['name', 'partyCategory'],
  'service-request': ['name', 'nonDevice', 'onDemand', 'futureDated', 'dccScheduled'],
};

function entriesOf(kind: ChangeKind, view: RuleSet, withFields: boolean): DomainEntry[] {
  const expand = (identity: Identity): DomainEntry[] =>
    withFields && FIELDS_OF[kind] ? FIELDS_OF[kind]!.map((field) => ({ identity: { ...identity, field } })) : [{ identity }];
  switch (kind) {
    case 'modification':
      return view.modifications.flatMap((entry) => expand({ modification: entry.id }));
    case 'document':
      return view.documents.flatMap((entry) => expand({ document: entry.file }));
    case 'user-role':
      return view.userRoles.flatMap((entry) => expand({ role: entry.id, document: entry.source.file }));
    case 'service-request':
      return view.serviceRequests.flatMap((entry) => expand({ sr: entry.ref, document: entry.source.file }));
    case 'eligibility':
      return view.eligibility
        .filter((entry) => entry.eligible)
        .map((entry) => ({ identity: { sr: entry.sr, role: entry.role, document: entry.source.file } }));
    case 'trt':
      return view.trt.map((entry) => ({
        identity: { sr: entry.sr, role: entry.role, smets: String(entry.smets), mode: entry.mode, document: entry.source.file },
      }));
    case 'clause':
      return view.clauses.map((entry) => ({ identity: { clause: entry.id, document: entry.file } }));
    case 'clause-rule':
      return view.clauseRules.map((entry) => ({ identity: { rule: entry.id, clause: entry.clause, document: entry.source.file } }));
    case 'footnote':
      return view.footnotes.map((entry) => ({ identity: { footnote: entry.label, document: entry.file } }));
  }
}
