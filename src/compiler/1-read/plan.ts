/**
 * Stage 1, read: the corpus's plan beside its documents. Takes: `releases.yaml` and
 * `modifications/*.yaml` of the text directory (or their texts, in tests). Returns: the
 * `CorpusPlan`: the modifications declared (id, title, implementation date from their release) and
 * the release plan, with every problem reported on the plan's own vfiles at its place.
 *
 * Only what compiling needs is read from a manifest (its id and title); its intents are the
 * intent check's business (features/changeset), which validates the whole manifest.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { parseDocument } from 'yaml';
import { report } from '../../shared/diagnostics.js';
import type { Modification, RuleSet } from '../../shared/model.js';
import { plannedModifications, releaseFor, type ReleasePlan } from '../../shared/release-plan.js';
import { describeErrors, type Schemas } from '../../shared/schemas.js';
import { compareText } from '../../shared/order.js';
import { RELEASE_PLAN_FILE, readReleasePlan } from './release-plan.js';
import { consolidatedModifications } from './history.js';

export const PLAN_RULES = {
  manifestUnreadable: 'modification-manifest-unreadable',
  planMissing: 'release-plan-missing',
  frozenMissing: 'frozen-release-missing',
} as const;

/** Where frozen releases live, relative to the project root. */
export const FROZEN_DIR = path.join('rules', 'releases');

export const MODIFICATIONS_DIR = 'modifications';

export interface CorpusPlan {
  /** The plan's files (releases.yaml, each manifest), carrying their diagnostics. */
  files: VFile[];
  /** Every pending declared modification, by id, dated by the release that brings its last part into force. */
  modifications: Modification[];
  /** Declared modifications wholly consolidated into the base: in the text, no longer pending. */
  consolidated: string[];
  /** The release plan; undefined when there is none or it could not be read. */
  releases: ReleasePlan | undefined;
  /** The rules of each release consolidated before the base (rules/releases/<id>.rules.json), by id. */
  frozen: ReadonlyMap<string, RuleSet>;
}

/** The plan as texts: `releases` is releases.yaml (absent: none), `manifests` maps a file name (`MP162.yaml`) to its text. */
export interface PlanTexts {
  releases?: string;
  manifests: Record<string, string>;
  /** The frozen releases' JSON by release id (rules/releases/<id>.rules.json); absent: none found. */
  frozen?: Record<string, string>;
}

export const EMPTY_PLAN: CorpusPlan = { files: [], modifications: [], consolidated: [], releases: undefined, frozen: new Map() };

/**
 * Reads `<dir>/releases.yaml` and `<dir>/modifications/*.yaml`, and the frozen releases of the
 * consolidated history from `<root>/rules/releases/` (root: default cwd); missing files are an empty plan.
 */
export async function readPlan(dir: string, cwd: string, schemas: Schemas, root = cwd, heads?: ManifestHeads): Promise<CorpusPlan> {
  const absolute = path.resolve(cwd, dir);
  const releases = await readOptional(path.join(absolute, RELEASE_PLAN_FILE));
  const names = (await readdir(path.join(absolute, MODIFICATIONS_DIR)).catch(() => [] as string[]))
    .filter((name) => name.endsWith('.yaml'))
    .sort();
  const manifests: Record<string, string> = {};
  for (const name of names) manifests[name] = (await readOptional(path.join(absolute, MODIFICATIONS_DIR, name))) ?? '';
  const frozen: Record<string, string> = {};
  for (const id of historyIds(releases)) {
    const text = await readOptional(path.join(path.resolve(cwd, root), FROZEN_DIR, `${id}.rules.json`));
    if (text !== undefined) frozen[id] = text;
  }
  return planFromTexts({ releases, manifests, frozen }, path.relative(cwd, absolute) || dir, schemas, heads);
}

/**
 * The id and title of each manifest, kept by file name while its text is unchanged: a finished
 * manifest names every change (1,130 patterns for MP162 in the benchmark corpus), and reading
 * its YAML again on every keystroke of a long-lived process cost ~140 ms. One per compile context.
 */
export class ManifestHeads {
  private readonly byName = new Map<string, { text: string; head: ManifestHead | undefined }>();
  readonly stats = { hits: 0, misses: 0 };

  read(name: string, text: string): ManifestHead | undefined {
    const known = this.byName.get(name);
    if (known?.text === text) {
      this.stats.hits++;
      return known.head;
    }
    this.stats.misses++;
    const head = manifestHead(text);
    this.byName.set(name, { text, head });
    return head;
  }
}

interface ManifestHead {
  id: string;
  title: string;
}

/** The ids under `consolidated:` in a release plan's text (read before it is checked; a bad plan gives none). */
function historyIds(text: string | undefined): string[] {
  if (text === undefined) return [];
  const data: unknown = parseDocument(text).toJS();
  const list = data && typeof data === 'object' ? (data as { consolidated?: unknown }).consolidated : undefined;
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry: unknown) => {
    const id = entry && typeof entry === 'object' ? (entry as { id?: unknown }).id : undefined;
    return typeof id === 'string' && /^[a-z0-9][a-z0-9-]*$/.test(id) ? [id] : [];
  });
}

/** The plan from texts (the directory names the files in diagnostics). */
export function planFromTexts(texts: PlanTexts, dir: string, schemas: Schemas, heads?: ManifestHeads): CorpusPlan {
  const files: VFile[] = [];
  const declared: Array<{ id: string; title: string }> = [];
  for (const [name, text] of Object.entries(texts.manifests).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const file = new VFile({ path: path.join(dir, MODIFICATIONS_DIR, name), value: text });
    files.push(file);
    const head = heads ? heads.read(name, text) : manifestHead(text);
    if (head) declared.push(head);
    else {
      report(file, 'Unexpected modification manifest, expected YAML naming at least `modification` (its id) and `title`', {
        ruleId: PLAN_RULES.manifestUnreadable,
        place: { line: 1, column: 1 },
      });
    }
  }
  if (texts.releases === undefined) {
    const [first] = files;
    if (first) {
      report(
        first,
        `Missing ${RELEASE_PLAN_FILE} beside the documents, expected a release plan that dates the modifications declared here`,
        {
          ruleId: PLAN_RULES.planMissing,
          place: { line: 1, column: 1 },
        },
      );
    }
    return {
      files,
      modifications: declared.map((entry) => ({ ...entry, implementationDate: 'TBC' })),
      consolidated: [],
      releases: undefined,
      frozen: new Map(),
    };
  }
  const file = new VFile({ path: path.join(dir, RELEASE_PLAN_FILE), value: texts.releases });
  files.unshift(file);
  const checkSchema = (data: unknown): string[] => {
    const validate = schemas.validator('release-plan.schema.json');
    return validate(data) ? [] : describeErrors(validate.errors);
  };
  const releases = readReleasePlan({ file, text: texts.releases, declared: declared.map((entry) => entry.id), checkSchema });
  const pending = new Set(releases ? plannedModifications(releases) : declared.map((entry) => entry.id));
  const history = releases ? consolidatedModifications(releases) : new Set<string>();
  const consolidated = declared.filter((entry) => history.has(entry.id) && !pending.has(entry.id)).map((entry) => entry.id);
  const modifications = declared
    .filter((entry) => pending.has(entry.id))
    .map((entry) => ({ ...entry, implementationDate: releases ? implementationDate(releases, entry.id) : 'TBC' }))
    .sort((a, b) => compareText(a.id, b.id));
  const frozen = releases ? readHistory(releases, texts.frozen ?? {}, file) : new Map<string, RuleSet>();
  return { files, modifications, consolidated: consolidated.sort(compareText), releases, frozen };
}

/** The frozen rules of each release consolidated before the base; a missing or unreadable one is an error on the plan. */
function readHistory(plan: ReleasePlan, texts: Record<string, string>, file: VFile): Map<string, RuleSet> {
  const frozen = new Map<string, RuleSet>();
  for (const release of plan.consolidated ?? []) {
    const shown = path.join(FROZEN_DIR, `${release.id}.rules.json`);
    const text = texts[release.id];
    let ruleSet: RuleSet | undefined;
    try {
      ruleSet = text === undefined ? undefined : (JSON.parse(text) as RuleSet);
    } catch {
      ruleSet = undefined;
    }
    if (ruleSet && Array.isArray(ruleSet.trt)) frozen.set(release.id, ruleSet);
    else {
      report(
        file,
        `${text === undefined ? 'Missing' : 'Unreadable'} frozen release ${shown} for the consolidated release \`${release.id}\`, expected the rules \`secc consolidate\` froze (its text is consolidated; only they say what was in force then)`,
        { ruleId: PLAN_RULES.frozenMissing, place: placeOfText(String(file.value), `id: ${release.id}`) },
      );
    }
  }
  return frozen;
}

/** The date of the last release that implements the modification (whole or a part); `TBC` if any is undated. */
function implementationDate(plan: ReleasePlan, id: string): Modification['implementationDate'] {
  const releases = plan.releases.filter((release) => release.implements.some((entry) => entry.modification === id));
  const whole = releaseFor(plan, id, '');
  const last = whole ?? releases.at(-1);
  return last?.date ?? 'TBC';
}

function manifestHead(text: string): ManifestHead | undefined {
  const document = parseDocument(text, { uniqueKeys: true });
  if (document.errors.length > 0) return undefined;
  const data: unknown = document.toJS();
  if (!data || typeof data !== 'object') return undefined;
  const { modification, title } = data as Record<string, unknown>;
  return typeof modification === 'string' && typeof title === 'string' ? { id: modification, title } : undefined;
}

/** A file's text, or undefined when there is none (any other failure is thrown). */
export async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Line and column of the first occurrence of `needle` (the plan's entry for a release), or the file's start. */
function placeOfText(text: string, needle: string): { line: number; column: number } {
  const index = text.indexOf(needle);
  if (index < 0) return { line: 1, column: 1 };
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}
