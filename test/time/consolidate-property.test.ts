/**
 * Consolidation loses nothing: consolidating through any day (once, or twice in turn) and then
 * compiling as at any date gives the same tables as compiling the unconsolidated text as at that
 * date. On the MP162 corpus plus a second modification (MP200, a later release, one redlined TRT
 * cell in a document that MP162 also redlines), in memory; days around every release boundary.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planFromTexts } from '../../src/compiler/1-read/plan.js';
import { corpusFromStrings } from '../../src/compiler/1-read/read.js';
import { compile, type CompileResult } from '../../src/compiler/driver.js';
import { compileVersion } from '../../src/compiler/versions.js';
import { consolidate } from '../../src/features/consolidate/consolidate.js';
import { releasesThrough } from '../../src/features/consolidate/through.js';
import { eligibilityRows, trtRows } from '../../src/features/export/tables.js';
import { unredlinedChanges } from '../../src/features/frozen/frozen.js';
import { addDays, fromDayNumber, toDayNumber, type IsoDate } from '../../src/shared/dates.js';
import { Schemas } from '../../src/shared/schemas.js';
import { readText, replaceOnce, textDocuments } from '../support/project.js';

const MP200 = [
  'modification: MP200',
  'title: A later Target Response Time review',
  'authority: A test modification',
  'intents: []',
  '',
].join('\n');

async function corpus(): Promise<CompileResult> {
  const documents = await textDocuments();
  documents['appendix-ab.md'] = replaceOnce(
    documents['appendix-ab.md'] ?? '',
    '| 4.8.1 | 24 hrs | 5,600 secs |',
    '| 4.8.1 | 24 hrs | <del cite="MP200">5,600 secs</del><ins cite="MP200">5,700 secs</ins> |',
  );
  const releases = `${await readText('releases.yaml')}\n  - id: 2024-11-sec-release\n    title: November 2024 SEC Release\n    date: 2024-11-07\n    implements:\n      - modification: MP200\n`;
  const manifests = { 'MP162.yaml': await readText('modifications/MP162.yaml'), 'MP200.yaml': MP200 };
  const schemas = new Schemas();
  const plan = planFromTexts({ releases, manifests }, 'sec-text', schemas);
  return compile(corpusFromStrings(documents), { emit: false, trees: true, plan, schemas });
}

async function consolidated(result: CompileResult, through: IsoDate): Promise<CompileResult> {
  const range = releasesThrough(result.plan.releases, through);
  if (!range.ok) throw new Error(range.reason);
  if (range.releases.length === 0) return result;
  const outcome = await consolidate(result, through, range.releases);
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.consolidation.result;
}

function tablesAt(result: CompileResult, date: IsoDate) {
  const version = compileVersion(result, { kind: 'as-at', date });
  if (!version) throw new Error(`no version as at ${date}`);
  return { ruleSet: version.ruleSet, trt: trtRows(version.ruleSet), eligibility: eligibilityRows(version.ruleSet) };
}

const BOUNDARIES: IsoDate[] = ['2024-02-29', '2024-06-27', '2024-11-07'];
const AROUND = BOUNDARIES.flatMap((date) => [addDays(date, -1), date, addDays(date, 1)]);

describe('consolidating, then compiling as at a date, equals compiling the unconsolidated text as at that date', () => {
  it('for any one or two consolidations in turn and any day', { timeout: 240_000 }, async () => {
    const original = await corpus();
    expect(original.ok, original.files.flatMap((file) => file.messages.map(String)).join('\n')).toBe(true);
    const cache = new Map<string, Promise<CompileResult>>();
    const after = (throughs: readonly IsoDate[]): Promise<CompileResult> => {
      const key = throughs.join('|');
      const known = cache.get(key);
      if (known) return known;
      const made =
        throughs.length === 0
          ? Promise.resolve(original)
          : after(throughs.slice(0, -1)).then((r) => consolidated(r, throughs.at(-1) as IsoDate));
      cache.set(key, made);
      return made;
    };
    const day = fc.oneof(
      fc.constantFrom(...AROUND),
      fc.integer({ min: toDayNumber('2023-06-01'), max: toDayNumber('2025-06-01') }).map((n) => fromDayNumber(n)),
    );
    const throughs = fc
      .uniqueArray(fc.constantFrom(...AROUND), { minLength: 1, maxLength: 2 })
      .map((list) => [...list].sort() as IsoDate[]);
    await fc.assert(
      fc.asyncProperty(throughs, fc.array(day, { minLength: 1, maxLength: 6 }), async (steps, days) => {
        const result = await after(steps);
        for (const date of days) {
          const expected = tablesAt(original, date);
          const actual = tablesAt(result, date);
          expect(actual.trt, `${steps.join(' then ')}, as at ${date}`).toEqual(expected.trt);
          expect(actual.eligibility, `${steps.join(' then ')}, as at ${date}`).toEqual(expected.eligibility);
          expect(
            unredlinedChanges(expected.ruleSet, actual.ruleSet).map((change) => change.summary),
            date,
          ).toEqual([]);
        }
      }),
      { numRuns: 40, seed: 20240627 },
    );
    // The runs consolidated through each boundary at least once (so the property saw each kind of history).
    expect([...cache.keys()].filter((key) => key !== '').length).toBeGreaterThan(3);
  });
});
