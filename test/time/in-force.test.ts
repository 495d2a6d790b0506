/**
 * Rules over time in one file (rules/in-force.json): each entry once per value with its interval.
 * Catala-style temporal coverage over the committed file: at every release boundary ±1 day, each
 * address has exactly one entry in force where the text as at that date has it (and none where it
 * does not), and what the file says then is what the compiler computes for that date. The named
 * views read back from the file (with their positions from the source map) are the compiled ones.
 * Property: any history of rule sets, TBC boundary included, folds into a file that gives each
 * version back.
 */
import { otherUserTrt } from '../support/trt-entry.js';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileVersion } from '../../src/compiler/versions.js';
import type { CompileResult } from '../../src/compiler/driver.js';
import { addressedEntries } from '../../src/shared/address.js';
import { addDays, type IsoDate } from '../../src/shared/dates.js';
import { inForceFile } from '../../src/shared/in-force-fold.js';
import { ruleSetFromInForce, selects, type InForceFile, type InForceRelease } from '../../src/shared/in-force.js';
import type { RuleSet } from '../../src/shared/model.js';
import { mergeOrders } from '../../src/shared/order.js';
import type { SourceMap } from '../../src/shared/source-map.js';
import { compileProject, ROOT } from '../support/project.js';

const committed = async <T>(name: string): Promise<T> => JSON.parse(await readFile(path.join(ROOT, 'rules', name), 'utf8')) as T;

describe('rules/in-force.json, the committed rules over time', () => {
  let file: InForceFile;
  let map: SourceMap;
  let result: CompileResult;
  beforeAll(async () => {
    [file, map, result] = await Promise.all([
      committed<InForceFile>('in-force.json'),
      committed<SourceMap>('in-force.sourcemap.json'),
      compileProject(),
    ]);
    expect(result.ok).toBe(true);
  });

  it('records each entry once per value: the intervals of an address follow each other without overlap', () => {
    const byAddress = new Map<string, InForceFile['entries']>();
    for (const entry of file.entries) byAddress.set(entry.address, [...(byAddress.get(entry.address) ?? []), entry]);
    for (const [address, entries] of byAddress) {
      for (const [index, entry] of entries.entries()) {
        const next = entries[index + 1];
        if (!next) continue;
        // An interval ends before the next one starts; where they touch, the value differs (intervals are maximal).
        expect(entry.to, address).not.toBeNull();
        const order = file.releases.map((release) => release.id);
        expect(order.indexOf(next.from?.release ?? ''), address).toBeGreaterThanOrEqual(order.indexOf(entry.to?.release ?? ''));
        if (next.from?.release === entry.to?.release) expect(next.value, address).not.toEqual(entry.value);
      }
    }
    expect(file.entries.length).toBeLessThan(
      addressedEntries(result.ruleSets!.baseline).length + addressedEntries(result.ruleSets!.modified).length,
    );
  });

  it('temporal coverage: at every boundary ±1 day, exactly one entry per address in force, and it is what the compiler gives for that date', () => {
    const dates = file.releases.flatMap((release) =>
      release.date ? [-1, 0, 1].map((offset) => addDays(release.date as IsoDate, offset)) : [],
    );
    expect(dates.length).toBeGreaterThanOrEqual(6);
    for (const date of ['1990-01-01' as IsoDate, ...dates]) {
      const compiled = compileVersion(result, { kind: 'as-at', date });
      const expected = new Map(addressedEntries(compiled!.ruleSet).map((entry) => [entry.address, entry.entry]));
      const inForce = file.entries.filter((entry) => selects(entry, { at: date }));
      const counts = new Map<string, number>();
      for (const entry of inForce) counts.set(entry.address, (counts.get(entry.address) ?? 0) + 1);
      expect(
        [...counts].filter(([, count]) => count !== 1),
        date,
      ).toEqual([]);
      expect([...counts.keys()].sort(), date).toEqual([...expected.keys()].sort());
      const read = ruleSetFromInForce(file, { at: date }, map);
      expect(new Map(addressedEntries(read).map((entry) => [entry.address, entry.entry])), date).toEqual(expected);
    }
  });

  it('gives back the baseline and modified views, positions included (through the source map)', () => {
    for (const view of ['baseline', 'modified'] as const) {
      expect(ruleSetFromInForce(file, { view }, map)).toEqual({ ...result.ruleSets![view], view });
    }
  });

  it('dates each interval by the release and the modification that started and ended it', () => {
    const mdr = file.entries.filter((entry) => entry.address === 'user-role/mdr');
    expect(mdr).toHaveLength(1);
    expect(mdr[0]).toMatchObject({ from: { release: '2024-06-sec-release', date: '2024-06-27', modifications: ['MP162'] }, to: null });
    const cell = file.entries.filter((entry) => entry.address === 'trt/8.2/other-user/smets1/on-demand');
    expect(cell.map((entry) => [entry.from?.date ?? null, entry.to?.date ?? null, entry.value.seconds])).toEqual([
      [null, '2024-06-27', 16],
      ['2024-06-27', null, 30],
    ]);
    expect(JSON.stringify(file)).not.toMatch(/"line"|"column"|"endLine"/);
  });
});

/** A rule set with TRT cells only, from address-like keys to seconds, in the order given. */
function trtRuleSet(cells: ReadonlyArray<readonly [string, number]>): RuleSet {
  return {
    view: 'modified',
    modifications: [],
    documents: [],
    userRoles: [],
    serviceRequests: [],
    eligibility: [],
    trt: cells.map(([sr, seconds], index) =>
      otherUserTrt(sr, seconds, {
        file: 'appendix-ab.md',
        line: index + 1,
        column: 3,
        endLine: index + 1,
        endColumn: 10,
        clause: 'AB2.1',
        row: sr,
        header: 'T',
      }),
    ),
    clauses: [],
    clauseRules: [],
    footnotes: [],
  };
}

const SRS = ['1.1', '1.2', '2.1', '3.1', '4.1', '5.1'];
const histories = fc.record({
  start: fc.integer({ min: 0, max: 3000 }),
  gaps: fc.array(fc.integer({ min: 1, max: 300 }), { maxLength: 5 }),
  tbc: fc.boolean(),
  versions: fc.array(fc.array(fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }), { minLength: 6, maxLength: 6 }), {
    minLength: 7,
    maxLength: 7,
  }),
});

describe('any history folds into an interval file that gives each version back (property)', () => {
  it('the base, each dated release on its day and the day before the next, and the pending text on an undated boundary', () => {
    fc.assert(
      fc.property(histories, ({ start, gaps, tbc, versions }) => {
        let date = addDays('2020-01-01', start);
        const count = gaps.length + 1 + (tbc ? 1 : 0);
        const ruleSets = versions
          .slice(0, count)
          .map((values) => trtRuleSet(SRS.flatMap((sr, index) => (values[index] === undefined ? [] : [[sr, values[index]] as const]))));
        const releases: Array<InForceRelease | null> = ruleSets.map((_, index) => {
          if (index === 0) return null;
          if (tbc && index === count - 1) return { id: 'tbc', title: 'TBC', date: null, modifications: ['MPX'] };
          date = addDays(date, gaps[index - 1] ?? 1);
          return { id: `r${index}`, title: `R${index}`, date, modifications: [`MP${index}`] };
        });
        const { file, map } = inForceFile(
          { id: 'base', title: 'Base' },
          ruleSets.map((ruleSet, index) => ({ from: releases[index] ?? null, ruleSet })),
        );
        const back = (selector: Parameters<typeof ruleSetFromInForce>[1]) => ruleSetFromInForce(file, selector, map).trt;
        expect(back({ view: 'baseline' })).toEqual(ruleSets[0]?.trt);
        expect(back({ view: 'modified' })).toEqual(ruleSets.at(-1)?.trt);
        releases.forEach((release, index) => {
          if (!release?.date) return;
          expect(back({ at: release.date })).toEqual(ruleSets[index]?.trt);
          expect(back({ at: addDays(release.date, -1) })).toEqual(ruleSets[index - 1]?.trt);
        });
        // An undated release is never in force on a date.
        const lastDated = [...releases].reverse().findIndex((release) => release?.date);
        const lastIndex = lastDated === -1 ? 0 : releases.length - 1 - lastDated;
        expect(back({ at: '2999-12-31' })).toEqual(ruleSets[lastIndex]?.trt);
      }),
      { numRuns: 300 },
    );
  });

  it('mergeOrders keeps every list in order when the lists agree, each item once', () => {
    fc.assert(
      fc.property(fc.array(fc.subarray(['a', 'b', 'c', 'd', 'e', 'f', 'g']), { minLength: 1, maxLength: 5 }), (lists) => {
        const merged = mergeOrders(lists);
        expect(new Set(merged).size).toBe(merged.length);
        expect(new Set(merged)).toEqual(new Set(lists.flat()));
        for (const list of lists) expect(merged.filter((item) => list.includes(item))).toEqual(list);
      }),
      { numRuns: 300 },
    );
  });
});
