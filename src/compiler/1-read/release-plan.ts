/**
 * Reading the release plan: `sec-text/releases.yaml` (the base, then SEC Releases in date order)
 * checked against the modifications declared in `sec-text/modifications/<ID>.yaml`.
 *
 * Takes: the plan's text and the declared modification ids. Returns: the plan, or undefined, with
 * every problem reported on the plan's vfile at its place (line and column of the YAML node).
 */
import type { VFile } from 'vfile';
import { LineCounter, parseDocument, visit, type Document, type Node as YamlNode } from 'yaml';
import { isCalendarDate } from '../../shared/dates.js';
import { report } from '../../shared/diagnostics.js';
import type { Release, ReleasePlan } from '../../shared/release-plan.js';
import { checkHistory, consolidatedModifications } from './history.js';

export const RELEASE_PLAN_FILE = 'releases.yaml';

export const RELEASE_PLAN_RULES = {
  yaml: 'release-plan-yaml',
  invalid: 'release-plan-invalid',
  date: 'release-date-invalid',
  order: 'release-order',
  duplicate: 'release-duplicate',
  undeclared: 'release-modification-undeclared',
  unreleased: 'modification-unreleased',
  partTwice: 'modification-part-twice',
  undated: 'release-date-tbc',
} as const;

/** Validates plain data against release-plan.schema.json; returns one line per error. */
export type SchemaCheck = (data: unknown) => string[];

export interface ReadPlanInput {
  file: VFile;
  text: string;
  /** Modification ids declared in modifications/<ID>.yaml. */
  declared: readonly string[];
  checkSchema: SchemaCheck;
}

export function readReleasePlan({ file, text, declared, checkSchema }: ReadPlanInput): ReleasePlan | undefined {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, uniqueKeys: true, strict: true, prettyErrors: false });
  const at = (node: YamlNode | null | undefined) => placeOf(node, lines);
  const problems = [...document.errors, ...document.warnings];
  // The first syntax error is the root cause; the parser's later ones mostly follow from it.
  for (const problem of problems.slice(0, 1)) {
    const { line, col } = lines.linePos(problem.pos[0]);
    report(file, `Unexpected YAML in the release plan: ${problem.message.split('\n')[0]}`, {
      ruleId: RELEASE_PLAN_RULES.yaml,
      place: { line, column: col },
    });
  }
  if (problems.length > 0) return undefined;
  const alias = firstAlias(document);
  if (alias) {
    report(file, 'Unexpected YAML anchor or alias in the release plan, expected every value written out', {
      ruleId: RELEASE_PLAN_RULES.yaml,
      place: at(alias),
    });
    return undefined;
  }
  const data: unknown = document.toJS();
  const schemaErrors = checkSchema(data);
  for (const line of schemaErrors) {
    report(file, `Unexpected release plan: ${line}`, { ruleId: RELEASE_PLAN_RULES.invalid, place: at(nodeAtPointer(document, line)) });
  }
  if (schemaErrors.length > 0) return undefined;
  const plan = data as ReleasePlan;
  const before = file.messages.length;
  checkDates(plan, document, file, at);
  checkHistory(plan, document, file, at);
  checkIds(plan, document, file, at);
  checkModifications(plan, document, file, at, declared);
  return file.messages.slice(before).some((message) => message.fatal) ? undefined : plan;
}

type At = (node: YamlNode | null | undefined) => { line: number; column: number };

function releaseNode(document: Document, index: number, ...path: Array<string | number>): YamlNode | undefined {
  return document.getIn(['releases', index, ...path], true) as YamlNode | undefined;
}

function checkDates(plan: ReleasePlan, document: Document, file: VFile, at: At): void {
  let previous: { date: string; id: string } | undefined;
  let undatedSeen: Release | undefined;
  plan.releases.forEach((release, index) => {
    const place = at(releaseNode(document, index, 'date'));
    if (release.date === 'TBC') {
      undatedSeen ??= release;
      report(
        file,
        `Release \`${release.id}\` has no date yet (TBC): its modifications take part in the modified view and in --modification, never in --as-at`,
        { ruleId: RELEASE_PLAN_RULES.undated, place, severity: 'warning' },
      );
      return;
    }
    if (!isCalendarDate(release.date)) {
      report(file, `Unexpected date \`${release.date}\` for release \`${release.id}\`, expected a day that exists (YYYY-MM-DD)`, {
        ruleId: RELEASE_PLAN_RULES.date,
        place,
      });
      return;
    }
    if (undatedSeen || (previous && previous.date > release.date)) {
      const after = undatedSeen ? `the undated release \`${undatedSeen.id}\`` : `\`${previous?.id}\` (${previous?.date})`;
      report(file, `Unexpected release \`${release.id}\` (${release.date}) after ${after}, expected releases in date order, TBC last`, {
        ruleId: RELEASE_PLAN_RULES.order,
        place,
      });
    }
    previous = { date: release.date, id: release.id };
  });
}

function checkIds(plan: ReleasePlan, document: Document, file: VFile, at: At): void {
  const seen = new Set<string>([plan.base.id]);
  (plan.consolidated ?? []).forEach((release, index) => {
    if (seen.has(release.id)) {
      report(file, `Unexpected second release \`${release.id}\`, expected each release (and the base) to have its own id`, {
        ruleId: RELEASE_PLAN_RULES.duplicate,
        place: at(document.getIn(['consolidated', index, 'id'], true) as YamlNode | undefined),
      });
    }
    seen.add(release.id);
  });
  plan.releases.forEach((release, index) => {
    if (seen.has(release.id)) {
      report(file, `Unexpected second release \`${release.id}\`, expected each release (and the base) to have its own id`, {
        ruleId: RELEASE_PLAN_RULES.duplicate,
        place: at(releaseNode(document, index, 'id')),
      });
    }
    seen.add(release.id);
  });
}

function checkModifications(plan: ReleasePlan, document: Document, file: VFile, at: At, declared: readonly string[]): void {
  const known = new Set(declared);
  // A modification consolidated into the base (or before it) is in force in the text itself.
  const released = consolidatedModifications(plan);
  /** (modification, part or `*` for "the rest") → the release that implements it. */
  const owner = new Map<string, string>();
  plan.releases.forEach((release, index) => {
    release.implements.forEach((entry, entryIndex) => {
      const place = at(releaseNode(document, index, 'implements', entryIndex, 'modification'));
      released.add(entry.modification);
      if (!known.has(entry.modification)) {
        report(
          file,
          `Unexpected modification \`${entry.modification}\` in release \`${release.id}\`, expected one declared in modifications/${entry.modification}.yaml`,
          { ruleId: RELEASE_PLAN_RULES.undeclared, place, expected: [...known].sort() },
        );
      }
      for (const part of entry.parts ?? ['*']) {
        const key = `${entry.modification}|${part}`;
        const first = owner.get(key);
        if (first !== undefined) {
          const what = part === '*' ? 'the rest of it' : part;
          report(
            file,
            `Unexpected ${entry.modification} (${what}) in release \`${release.id}\`: release \`${first}\` already implements it, expected each part of a modification in one release`,
            { ruleId: RELEASE_PLAN_RULES.partTwice, place },
          );
        } else owner.set(key, release.id);
      }
    });
  });
  for (const id of [...known].sort()) {
    if (released.has(id)) continue;
    report(
      file,
      `Unexpected modification \`${id}\` in no release, expected a release in releases.yaml that implements it (its date may be TBC)`,
      {
        ruleId: RELEASE_PLAN_RULES.unreleased,
        place: at(document.get('releases', true) as YamlNode | undefined),
      },
    );
  }
}

function placeOf(node: YamlNode | null | undefined, lines: LineCounter): { line: number; column: number } {
  const offset = node?.range?.[0];
  if (offset === undefined) return { line: 1, column: 1 };
  const { line, col } = lines.linePos(offset);
  return { line, column: col };
}

/** The YAML node an ajv error line (`/releases/0/date: …`) points at, or the document. */
function nodeAtPointer(document: Document, line: string): YamlNode | undefined {
  const pointer = line.split(':')[0] ?? '';
  if (!pointer.startsWith('/')) return document.contents ?? undefined;
  const path = pointer
    .slice(1)
    .split('/')
    .map((step) => (/^\d+$/.test(step) ? Number(step) : step.replace(/~1/g, '/').replace(/~0/g, '~')));
  for (let length = path.length; length > 0; length--) {
    const node = document.getIn(path.slice(0, length), true) as YamlNode | undefined;
    if (node && typeof node === 'object' && 'range' in node) return node;
  }
  return document.contents ?? undefined;
}

/** YAML anchors and aliases make one value stand for another: the plan must say each thing once, plainly. */
function firstAlias(document: Document): YamlNode | undefined {
  let found: YamlNode | undefined;
  visit(document, {
    Alias: (_, node) => ((found = node), visit.BREAK),
    Node: (_, node) => (node.anchor ? ((found = node), visit.BREAK) : undefined),
  });
  return found;
}
