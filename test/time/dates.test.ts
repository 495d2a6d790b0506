/** Calendar dates without the clock: existence, day arithmetic, order. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, compareDates, fromDayNumber, isCalendarDate, toDayNumber, type IsoDate } from '../../src/shared/dates.js';

describe('calendar dates', () => {
  it('accepts days that exist and refuses those that do not', () => {
    for (const good of ['2024-02-29', '2000-02-29', '2024-06-27', '1999-12-31', '2024-01-01'])
      expect(isCalendarDate(good), good).toBe(true);
    for (const bad of [
      '2024-02-30',
      '2023-02-29',
      '1900-02-29',
      '2024-13-01',
      '2024-00-10',
      '2024-06-31',
      '24-06-27',
      '2024-6-27',
      'TBC',
      'garbage',
      '',
    ])
      expect(isCalendarDate(bad), bad).toBe(false);
  });

  it('counts days across month, leap-year and year ends', () => {
    expect(addDays('2024-06-27', -1)).toBe('2024-06-26');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(toDayNumber('1970-01-01')).toBe(0);
  });

  it('agrees with UTC day numbers for any day from 1600 to 2400 (property)', () => {
    const oracle = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);
    fc.assert(
      fc.property(fc.integer({ min: toDayNumber('1600-01-01'), max: toDayNumber('2400-12-31') }), (n) => {
        const date = fromDayNumber(n);
        expect(date).toBe(oracle(n));
        expect(isCalendarDate(date)).toBe(true);
        expect(toDayNumber(date)).toBe(n);
        expect(compareDates(date, addDays(date, 1))).toBe(-1);
      }),
      { numRuns: 2000 },
    );
  });

  it('orders dates as days', () => {
    const dates: IsoDate[] = ['2024-06-27', '2024-02-29', '2023-12-31'];
    expect([...dates].sort(compareDates)).toEqual(['2023-12-31', '2024-02-29', '2024-06-27']);
  });
});
