/**
 * Compiled rules over time, Catala-style temporal coverage: for every address and every release
 * boundary ±1 day, exactly one value applies where the address exists, and it is the value of the
 * version in force on that day; intervals are maximal (no two touching with the same value).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, type IsoDate } from '../../src/shared/dates.js';
import { applicable, buildTimeline, valueAt, type Boundary, type Snapshot } from '../../src/shared/timeline.js';

const same = (a: number, b: number) => a === b;

function boundary(date: IsoDate, release: string): Boundary {
  return { date, release, modifications: [release.toUpperCase()] };
}

describe('the timeline of one TRT cell (SR 8.2, SMETS1, On-Demand: 16 s, then 30 s from 27 June 2024)', () => {
  const address = 'trt/8.2/other-user/smets1/on-demand';
  const snapshots: Snapshot<number>[] = [
    { from: null, entries: new Map([[address, 16]]) },
    { from: boundary('2024-02-29', 'feb'), entries: new Map([[address, 16]]) },
    { from: boundary('2024-06-27', 'jun'), entries: new Map([[address, 30]]) },
  ];
  const timeline = buildTimeline(snapshots, same);
  it('records each value once with its interval', () => {
    expect(timeline).toEqual([
      { address, value: 16, from: null, to: boundary('2024-06-27', 'jun') },
      { address, value: 30, from: boundary('2024-06-27', 'jun'), to: null },
    ]);
  });
  it('answers by date, the implementation day itself included', () => {
    expect(valueAt(timeline, address, '2024-06-26')).toBe(16);
    expect(valueAt(timeline, address, '2024-06-27')).toBe(30);
    expect(valueAt(timeline, address, '1990-01-01')).toBe(16);
  });
  it('refuses snapshots out of order', () => {
    expect(() => buildTimeline([snapshots[0]!, snapshots[2]!, snapshots[1]!], same)).toThrow(/out of date order/);
    expect(() => buildTimeline(snapshots.slice(1), same)).toThrow(/base snapshot/);
  });
});

/** Random histories: a base and up to six releases, each a map of up to five addresses to small values. */
const histories = fc
  .record({
    start: fc.integer({ min: 0, max: 3000 }),
    gaps: fc.array(fc.integer({ min: 1, max: 400 }), { maxLength: 6 }),
    maps: fc.array(fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd', 'e'), fc.integer({ min: 0, max: 2 })), { minLength: 7, maxLength: 7 }),
  })
  .map(({ start, gaps, maps }) => {
    let date = addDays('2020-01-01', start);
    return maps.slice(0, gaps.length + 1).map((entries, index): Snapshot<number> => {
      if (index > 0) date = addDays(date, gaps[index - 1]!);
      return { from: index === 0 ? null : boundary(date, `r${index}`), entries: new Map(Object.entries(entries)) };
    });
  });

describe('temporal coverage over random histories (property)', () => {
  it('exactly one value per address at every boundary ±1 day where it exists, none where it does not', () => {
    fc.assert(
      fc.property(histories, (snapshots) => {
        const timeline = buildTimeline(snapshots, same);
        const inForce = (date: IsoDate) => [...snapshots].reverse().find((s) => s.from === null || s.from.date! <= date)!;
        const dates = snapshots.flatMap((s) =>
          s.from ? [addDays(s.from.date!, -1), s.from.date!, addDays(s.from.date!, 1)] : ['1900-01-01' as IsoDate],
        );
        for (const date of dates) {
          const version = inForce(date);
          for (const address of ['a', 'b', 'c', 'd', 'e']) {
            const hits = applicable(timeline, address, date);
            const expected = version.entries.get(address);
            expect(hits.length).toBe(expected === undefined ? 0 : 1);
            if (expected !== undefined) expect(hits[0]!.value).toBe(expected);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('intervals are maximal: no two touching intervals of one address carry the same value', () => {
    fc.assert(
      fc.property(histories, (snapshots) => {
        const timeline = buildTimeline(snapshots, same);
        for (const a of timeline)
          for (const b of timeline)
            if (a !== b && a.address === b.address && a.to !== null && b.from !== null && a.to.date === b.from.date)
              expect(a.value).not.toBe(b.value);
      }),
      { numRuns: 300 },
    );
  });
});
