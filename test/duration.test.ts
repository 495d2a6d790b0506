import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_TRT_SECONDS, parseDuration, parseYesNo } from '../src/compiler/4-extract/duration.js';

describe('durations', () => {
  it.each([
    ['30 secs', 30],
    ['5,600 secs', 5600],
    ['24 hrs', 86_400],
    ['1 hr', 3600],
    ['1 sec', 1],
    ['15 mins', 900],
    ['N/A', null],
  ])('%s is %s s', (text, seconds) => {
    expect(parseDuration(text)).toEqual({ ok: true, seconds });
  });

  it.each([
    ['24 hours', '24 hrs'],
    ['24 hours?', '24 hrs'],
    ['30 seconds', '30 secs'],
    ['30s', '30 secs'],
    ['5600 sec', '5600 secs'],
    ['5600 seconds', '5,600 secs'],
    ['1 hrs', '1 hr'],
    ['n/a', 'N/A'],
    ['-', 'N/A'],
  ])('rejects %s and suggests %s', (text, suggestion) => {
    expect(parseDuration(text)).toMatchObject({ ok: false, suggestion });
  });

  it.each(['', 'soon', '-30 secs', '0 secs', '3.5 hrs', '30 secs 5', '30,0 secs', '1,00 secs'])(
    'rejects %j without guessing a value',
    (text) => {
      expect(parseDuration(text).ok).toBe(false);
    },
  );

  it('round-trips every accepted spelling of a positive amount up to the bound', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(['secs', 1], ['mins', 60], ['hrs', 3600]),
        fc.double({ min: 0, max: 1, noNaN: true }),
        ([unit, factor], fraction) => {
          const amount = Math.max(2, Math.floor((fraction * MAX_TRT_SECONDS) / (factor as number)));
          const grouped = String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
          expect(parseDuration(`${grouped} ${unit}`)).toEqual({ ok: true, seconds: amount * (factor as number) });
          expect(parseDuration(`${amount} ${unit}`)).toEqual({ ok: true, seconds: amount * (factor as number) });
        },
      ),
    );
  });

  it('rejects every amount above the documented bound, however many digits (never rounded, never Infinity)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(['secs', 1], ['mins', 60], ['hrs', 3600]),
        fc.bigInt({ min: 1n, max: 10n ** 420n }),
        ([unit, factor], extra) => {
          const amount = BigInt(Math.floor(MAX_TRT_SECONDS / (factor as number))) + extra;
          const result = parseDuration(`${amount} ${unit}`);
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.reason).toMatch(/longest Target Response Time accepted/);
        },
      ),
    );
    for (const text of ['99999999999999999999 secs', '9007199254740993 secs', `1${'0'.repeat(400)} secs`, '721 hrs', '2,592,001 secs'])
      expect(parseDuration(text).ok, text).toBe(false);
    expect(parseDuration('720 hrs')).toEqual({ ok: true, seconds: MAX_TRT_SECONDS });
  });

  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string(), (text) => typeof parseDuration(text).ok === 'boolean'));
  });
});

describe('flags', () => {
  it('accepts exactly Yes and No and suggests for near misses', () => {
    expect(parseYesNo('Yes')).toEqual({ ok: true, value: true });
    expect(parseYesNo('No')).toEqual({ ok: true, value: false });
    expect(parseYesNo('yes')).toEqual({ ok: false, suggestion: 'Yes' });
    expect(parseYesNo('✓')).toEqual({ ok: false, suggestion: 'Yes' });
    expect(parseYesNo('')).toEqual({ ok: false, suggestion: 'No' });
    expect(parseYesNo('Maybe')).toEqual({ ok: false });
  });
});
