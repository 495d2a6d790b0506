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
import path from 'node:path';
import { VFile } from 'vfile';
import { report } from '../../shared/diagnostics.js';
import type { ChangePattern, ModificationManifest } from '../../../generated/types.js';
import type { RuleSet } from '../../shared/model.js';
import type { Change, ChangeSet } from './diff.js';
import { expectedInstances, namesEveryField, type Expected } from './expected.js';
import { ChangeIndex } from './candidates.js';
import { INTENT_RULES } from './intent-rules.js';
import { MANIFEST_DIR, type LoadedManifest, type ManifestLoad } from './manifest.js';
import {
  changeKey,
  identityKey,
  keptPatternLine,
  matchesPattern,
  valueMismatch,
  type ChangeMemo,
  type Identity,
  type KeyedExpected,
} from './patterns.js';

export type { ChangePattern, ModificationManifest };
export { INTENT_RULES } from './intent-rules.js';
export {
  loadManifests,
  pendingManifests,
  MANIFEST_DIR,
  parseManifest,
  type LoadedManifest,
  type ManifestCache,
  type ManifestLoad,
} from './manifest.js';
export { matchesPattern, type ChangeMemo } from './patterns.js';

export interface IntentCheckOptions {
  /** The legal text directory as given, to name documents in findings (e.g. `sec-text`). */
  textDir: string;
  /** The document vfiles (by name in sec-text/) to report on; created when absent. */
  documents?: ReadonlyMap<string, VFile>;
  /**
   * Each modification judged against its own manifest: its change set alone (base → base + ID)
   * and the rule set after it. Absent: every manifest against the one change set given.
   */
  alone?: (modification: string) => { changeSet: ChangeSet; after: RuleSet } | undefined;
  /** Identities and pattern lines kept per change object (the same while the change is unchanged). */
  memo?: ChangeMemo;
}

export interface IntentResult {
  /** Findings, on the document files (unintended changes) and the manifest files (missing ones). */
  files: VFile[];
  /** For each change id: the intents (`MP162#mdr-trts`) that account for it. */
  intended: Map<string, string[]>;
  unintended: Change[];
  missing: MissingIntent[];
  manifests: string[];
  /** For each intent (`MP162#mdr-trts`): what it says, in the manifest's words (the review page quotes it). */
  says: Map<string, string>;
}

/** An intended change the redline does not make: the pattern's identity, so a page can name it in the text's words. */
export interface MissingIntent {
  manifest: string;
  intent: string;
  description: string;
  kind: ChangePattern['kind'];
  action: ChangePattern['action'];
  identity?: Identity;
}

/** Compares a change set with the manifests; `before`/`after` are the rule sets it was made from. */
export function checkIntents(
  changeSet: ChangeSet,
  before: RuleSet,
  after: RuleSet,
  load: ManifestLoad,
  options: IntentCheckOptions,
): IntentResult {
  const check = new IntentCheck(changeSet, options);
  const manifests = check.manifestsOfDeclared(load, after);
  const documentFiles = [...check.documentFiles.values()];
  if (options.alone && manifests.length > 1) {
    for (const loaded of manifests) {
      const id = loaded.manifest.modification;
      const own = options.alone(id);
      if (!own) continue;
      // The same document files for every modification, so findings on one document stay in one file.
      const single = new IntentCheck(own.changeSet, {
        ...options,
        documents: new Map([...(options.documents ?? []), ...check.documentFiles]),
      });
      single.matchManifest(loaded, before, own.after);
      single.reportUnintended(id);
      for (const [name, file] of single.documentFiles) check.documentFiles.set(name, file);
      for (const [key, value] of single.result.intended) check.result.intended.set(key, value);
      for (const [key, value] of single.result.says) check.result.says.set(key, value);
      check.result.unintended.push(...single.result.unintended);
      check.result.missing.push(...single.result.missing);
    }
  } else if (manifests.length > 0) {
    for (const loaded of manifests) check.matchManifest(loaded, before, after);
    check.reportUnintended(manifests.map((entry) => entry.manifest.modification).join(', '));
  }
  check.result.files = [...load.files, ...new Set([...documentFiles, ...check.documentFiles.values()])].filter(
    (file) => file.messages.length > 0,
  );
  return check.result;
}

/** One run of the intent check: the result so far and the document files findings go on. */
class IntentCheck {
  readonly result: IntentResult = { files: [], intended: new Map(), unintended: [], missing: [], manifests: [], says: new Map() };
  readonly documentFiles = new Map<string, VFile>();
  private readonly byIdentity = new Set<string>();
  private readonly valueReported = new Set<string>();
  private readonly index: ChangeIndex;

  constructor(
    private readonly changeSet: ChangeSet,
    private readonly options: IntentCheckOptions,
  ) {
    for (const change of changeSet.changes) this.byIdentity.add(changeKey(change, options.memo));
    this.index = new ChangeIndex(changeSet.changes, options.memo);
  }

  fileFor(name: string): VFile {
    const file =
      this.documentFiles.get(name) ?? this.options.documents?.get(name) ?? new VFile({ path: path.join(this.options.textDir, name) });
    this.documentFiles.set(name, file);
    return file;
  }

  /** The manifests of modifications the text declares; a manifest of none, or a modification without one, is reported. */
  manifestsOfDeclared(load: ManifestLoad, after: RuleSet): LoadedManifest[] {
    const { textDir } = this.options;
    this.result.manifests = load.manifests.map((entry) => entry.manifest.modification);
    const declared = new Set(after.modifications.map((modification) => modification.id));
    const manifests = load.manifests.filter((loaded) => declared.has(loaded.manifest.modification));
    for (const loaded of load.manifests) {
      if (declared.has(loaded.manifest.modification)) continue;
      report(
        loaded.file,
        `Unexpected manifest for ${loaded.manifest.modification}, which no document in ${textDir} declares, expected one of: ${[...declared].join(', ') || '(none)'}`,
        {
          ruleId: INTENT_RULES.manifestUnknown,
          place: { line: 1, column: 1 },
          actual: loaded.manifest.modification,
          expected: [...declared],
        },
      );
    }
    if (load.files.length === 0) return manifests;
    const covered = new Set(this.result.manifests);
    for (const id of declared) {
      if (covered.has(id)) continue;
      const doc = after.documents.find((document) => document.modifications.includes(id));
      report(
        this.fileFor(doc?.file ?? ''),
        `Missing manifest for ${id}, expected ${path.join(textDir, MANIFEST_DIR, `${id}.yaml`)} to state what it intends`,
        { ruleId: INTENT_RULES.manifestMissing, place: { line: 1, column: 1 }, severity: 'warning' },
      );
    }
    return manifests;
  }

  /** Every pattern of a manifest: the changes it accounts for (with their values), and the ones it expects. */
  matchManifest(loaded: LoadedManifest, before: RuleSet, after: RuleSet): void {
    const { manifest, file, places } = loaded;
    const named = this.namedExpectations(loaded, before, after);
    manifest.intents.forEach((intent, i) => {
      const label = `${manifest.modification}#${intent.id}`;
      if (intent.says) this.result.says.set(label, intent.says);
      intent.changes.forEach((pattern, j) => {
        this.accountFor(pattern, label, intent.ref);
        const expectations = named[i]?.[j] ?? keyed(pattern, expectedInstances(pattern, before, after, this.options.memo?.domains));
        for (const expected of expectations) {
          if (expected.key !== undefined && this.byIdentity.has(expected.key)) continue;
          const { description, identity } = expected;
          this.result.missing.push({
            manifest: manifest.modification,
            intent: intent.id,
            description,
            kind: pattern.kind,
            action: pattern.action,
            ...(identity ? { identity } : {}),
          });
          report(file, `Missing intended change: ${description} (${label}: ${intent.ref}), expected the redline to make it`, {
            ruleId: INTENT_RULES.missing,
            place: places[i]?.[j],
            expected: [description],
          });
        }
      });
    });
  }

  /**
   * What each pattern that names every field expects (undefined for the others, whose expectations
   * depend on the rule sets): the same while the manifest's text is, so kept per modification.
   */
  private namedExpectations(
    { manifest, file }: LoadedManifest,
    before: RuleSet,
    after: RuleSet,
  ): Array<Array<KeyedExpected[] | undefined>> {
    const text = String(file.value);
    const kept = this.options.memo?.manifests?.get(manifest.modification);
    if (kept?.text === text) return kept.expected;
    const expected = manifest.intents.map((intent) =>
      intent.changes.map((pattern) => (namesEveryField(pattern) ? keyed(pattern, expectedInstances(pattern, before, after)) : undefined)),
    );
    this.options.memo?.manifests?.set(manifest.modification, { text, expected });
    return expected;
  }

  /** Marks the changes a pattern matches as intended by `label`; a change with other values than stated is reported. */
  private accountFor(pattern: ChangePattern, label: string, ref: string): void {
    for (const change of this.index.candidates(pattern)) {
      if (!matchesPattern(change, pattern, this.options.memo)) continue;
      this.result.intended.set(change.id, [...(this.result.intended.get(change.id) ?? []), label]);
      const mismatch = valueMismatch(change, pattern);
      if (!mismatch || this.valueReported.has(`${change.id}|${label}`)) continue;
      this.valueReported.add(`${change.id}|${label}`);
      report(
        this.fileFor(change.document),
        `Unexpected ${change.summary}${cell(change)}, expected ${mismatch} as ${label} states (${ref})`,
        {
          ruleId: INTENT_RULES.value,
          place: placeFrom(change),
          actual: `${change.from ?? ''} → ${change.to ?? ''}`,
          expected: [mismatch],
        },
      );
    }
  }

  reportUnintended(modifications: string): void {
    for (const change of this.changeSet.changes) {
      if (this.result.intended.has(change.id)) continue;
      this.result.unintended.push(change);
      const line = keptPatternLine(change, this.options.memo);
      const manifestPath = path.join(this.options.textDir, MANIFEST_DIR, `${modifications.split(', ')[0] ?? modifications}.yaml`);
      report(
        this.fileFor(change.document),
        `Unexpected change ${change.summary}${cell(change)}, expected only the changes that the manifest of ${modifications} intends; if it is meant, add to an intent's changes in ${manifestPath}: ${line}`,
        {
          ruleId: INTENT_RULES.unintended,
          place: placeFrom(change),
          actual: change.summary,
          expected: [line],
          note: `Either the redline changes this by mistake, or ${path.join(this.options.textDir, MANIFEST_DIR)}/ should state the intent (with the paragraph of the Modification Report it comes from).`,
        },
      );
    }
  }
}

/** The expectations of a pattern with their identity keys. */
function keyed(pattern: ChangePattern, expectations: readonly Expected[]): KeyedExpected[] {
  return expectations.map((expected) =>
    expected.identity ? { ...expected, key: identityKey(pattern.kind, pattern.action, expected.identity) } : expected,
  );
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
