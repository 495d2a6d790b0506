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
import type { Modification } from '../../shared/model.js';
import { releaseFor, type ReleasePlan } from '../../shared/release-plan.js';
import { describeErrors, type Schemas } from '../../shared/schemas.js';
import { compareText } from '../../shared/order.js';
import { RELEASE_PLAN_FILE, readReleasePlan } from './release-plan.js';

export const PLAN_RULES = {
  manifestUnreadable: 'modification-manifest-unreadable',
  planMissing: 'release-plan-missing',
} as const;

export const MODIFICATIONS_DIR = 'modifications';

export interface CorpusPlan {
  /** The plan's files (releases.yaml, each manifest), carrying their diagnostics. */
  files: VFile[];
  /** Every declared modification, by id, dated by the release that brings its last part into force. */
  modifications: Modification[];
  /** The release plan; undefined when there is none or it could not be read. */
  releases: ReleasePlan | undefined;
}

/** The plan as texts: `releases` is releases.yaml (absent: none), `manifests` maps a file name (`MP162.yaml`) to its text. */
export interface PlanTexts {
  releases?: string;
  manifests: Record<string, string>;
}

export const EMPTY_PLAN: CorpusPlan = { files: [], modifications: [], releases: undefined };

/** Reads `<dir>/releases.yaml` and `<dir>/modifications/*.yaml`; missing files are an empty plan. */
export async function readPlan(dir: string, cwd: string, schemas: Schemas): Promise<CorpusPlan> {
  const absolute = path.resolve(cwd, dir);
  const releases = await readOptional(path.join(absolute, RELEASE_PLAN_FILE));
  const names = (await readdir(path.join(absolute, MODIFICATIONS_DIR)).catch(() => [] as string[]))
    .filter((name) => name.endsWith('.yaml'))
    .sort();
  const manifests: Record<string, string> = {};
  for (const name of names) manifests[name] = (await readOptional(path.join(absolute, MODIFICATIONS_DIR, name))) ?? '';
  return planFromTexts({ releases, manifests }, path.relative(cwd, absolute) || dir, schemas);
}

/** The plan from texts (the directory names the files in diagnostics). */
export function planFromTexts(texts: PlanTexts, dir: string, schemas: Schemas): CorpusPlan {
  const files: VFile[] = [];
  const declared: Array<{ id: string; title: string }> = [];
  for (const [name, text] of Object.entries(texts.manifests).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const file = new VFile({ path: path.join(dir, MODIFICATIONS_DIR, name), value: text });
    files.push(file);
    const head = manifestHead(text);
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
    return { files, modifications: declared.map((entry) => ({ ...entry, implementationDate: 'TBC' })), releases: undefined };
  }
  const file = new VFile({ path: path.join(dir, RELEASE_PLAN_FILE), value: texts.releases });
  files.unshift(file);
  const checkSchema = (data: unknown): string[] => {
    const validate = schemas.validator('release-plan.schema.json');
    return validate(data) ? [] : describeErrors(validate.errors);
  };
  const releases = readReleasePlan({ file, text: texts.releases, declared: declared.map((entry) => entry.id), checkSchema });
  const modifications = declared
    .map((entry) => ({ ...entry, implementationDate: releases ? implementationDate(releases, entry.id) : 'TBC' }))
    .sort((a, b) => compareText(a.id, b.id));
  return { files, modifications, releases };
}

/** The date of the last release that implements the modification (whole or a part); `TBC` if any is undated. */
function implementationDate(plan: ReleasePlan, id: string): Modification['implementationDate'] {
  const releases = plan.releases.filter((release) => release.implements.some((entry) => entry.modification === id));
  const whole = releaseFor(plan, id, '');
  const last = whole ?? releases.at(-1);
  return last?.date ?? 'TBC';
}

function manifestHead(text: string): { id: string; title: string } | undefined {
  const document = parseDocument(text, { uniqueKeys: true });
  if (document.errors.length > 0) return undefined;
  const data: unknown = document.toJS();
  if (!data || typeof data !== 'object') return undefined;
  const { modification, title } = data as Record<string, unknown>;
  return typeof modification === 'string' && typeof title === 'string' ? { id: modification, title } : undefined;
}

async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
