/**
 * The gateway decides by the execution date (no view): the SEC in force on that day, from the
 * timeline in generated/tables.ts. MP162 (the MDR User Role, the new TRTs) is in force from the
 * June 2024 SEC Release, 27 June 2024, the day itself included (Modification Report section 6).
 */
import { describe, expect, it } from 'vitest';
import { eligibilityFor, IN_FORCE, isEligible, trtSeconds } from '../../generated/index.js';
import { addDays, type IsoDate } from '../../src/shared/dates.js';
import { authorise, GENERATED_TABLES, type RegistrationData, type ServiceRequestInput } from '../../src/gateway/index.js';

const REGISTRATION: RegistrationData = {
  mpans: [
    {
      mpan: '2000000000001',
      importSupplier: 'IMP1',
      exportSupplier: 'EXP1',
      devices: [
        { id: 'E2', type: 'ESME', smets: 2 },
        { id: 'E1', type: 'ESME', smets: 1 },
      ],
      mdrAppointments: [{ mdr: 'MDR1', effectiveFrom: '2024-01-01', effectiveTo: '2024-12-31' }],
    },
  ],
};

const mdrRead = (executionDate: string): ServiceRequestInput => ({
  sender: { role: 'mdr', party: 'MDR1' },
  sr: '8.2',
  target: { mpan: '2000000000001', deviceType: 'ESME', smets: 1 },
  mode: 'on-demand',
  executionDate,
});

describe('the generated lookups answer for any date', () => {
  it('SR 8.2 SMETS1 On-Demand for an Other User: 16 s until 26 June 2024, 30 s from 27 June', async () => {
    const query = { sr: '8.2', role: 'other-user', smets: 1, mode: 'on-demand' } as const;
    expect(trtSeconds({ ...query, at: '2024-06-26' })).toBe(16);
    expect(trtSeconds({ ...query, at: '2024-06-27' })).toBe(30);
    expect(trtSeconds({ ...query, at: '2020-01-01' })).toBe(16);
    expect(trtSeconds({ ...query, at: '2030-01-01' })).toBe(30);
    expect(trtSeconds({ ...query, at: '2024-06-26' })).toBe(trtSeconds({ ...query, view: 'baseline' }));
  });

  it('an MDR eligibility is false the day before and true on the day', async () => {
    for (const sr of ['4.1.1', '4.2', '8.2'] as const) {
      expect(isEligible({ sr, role: 'mdr', at: '2024-06-26' })).toBe(false);
      expect(isEligible({ sr, role: 'mdr', at: '2024-06-27' })).toBe(true);
    }
    expect(eligibilityFor({ sr: '8.2', role: 'mdr', at: '2024-06-27' })?.address).toBe('eligibility/8.2/mdr');
    expect(eligibilityFor({ sr: '8.2', role: 'mdr', at: '2024-06-27' })?.place).toBe('appendix-e.md#E2.1[8.2][Meter Data Retriever]');
  });

  it('temporal coverage: every release boundary ±1 day falls in exactly one interval, and the intervals tile time', async () => {
    const covering = (date: string) =>
      IN_FORCE.filter((interval) => (interval.from === null || interval.from <= date) && (interval.to === null || date < interval.to));
    for (const [index, interval] of IN_FORCE.entries()) {
      const next = IN_FORCE[index + 1];
      expect(interval.to).toBe(next ? next.from : null);
      if (interval.from === null) continue;
      for (const offset of [-1, 0, 1]) {
        const date = addDays(interval.from as IsoDate, offset);
        expect(covering(date), date).toHaveLength(1);
      }
    }
    expect(IN_FORCE.map((interval) => [interval.from, interval.release?.id ?? null, interval.tables])).toEqual([
      [null, null, 'baseline'],
      ['2024-02-29', '2024-02-sec-release', 'baseline'],
      ['2024-06-27', '2024-06-sec-release', 'modified'],
    ]);
  });
});

describe('authorise() by execution date, no view', () => {
  it('rejects an MDR request executed on 2024-06-26, naming the release and modification that bring the role into force', async () => {
    const decision = await authorise(mdrRead('2024-06-26'), REGISTRATION);
    expect(decision.accepted).toBe(false);
    const failed = decision.reasons.filter((reason) => !reason.passed);
    expect(failed.map((reason) => reason.code)).toEqual(['user-role']);
    expect(failed[0]?.message).toMatch(/on 2024-06-26.*comes into force on 2024-06-27 with MP162 \(June 2024 SEC Release/);
    expect(decision.inForce).toMatchObject({ date: '2024-06-26', release: { id: '2024-02-sec-release' } });
  });

  it('accepts it on 2024-06-27 with a TRT of 30 s, in force under MP162 (June 2024 SEC Release)', async () => {
    const decision = await authorise(mdrRead('2024-06-27'), REGISTRATION);
    expect(decision.reasons.filter((reason) => !reason.passed)).toEqual([]);
    expect(decision.accepted).toBe(true);
    expect(decision.trtSeconds).toBe(30);
    expect(decision.inForce).toEqual({
      date: '2024-06-27',
      from: '2024-06-27',
      release: { id: '2024-06-sec-release', title: 'June 2024 SEC Release' },
      modifications: ['MP162'],
    });
  });

  it('TRTs follow the date for other roles too', async () => {
    const other = (executionDate: string): ServiceRequestInput => ({
      ...mdrRead(executionDate),
      sender: { role: 'other-user', party: 'OU1' },
    });
    expect((await authorise(other('2024-06-26'), REGISTRATION)).trtSeconds).toBe(16);
    expect((await authorise(other('2024-06-27'), REGISTRATION)).trtSeconds).toBe(30);
  });

  it('tables of your own need a view: their dates are not the generated ones', async () => {
    expect(
      (await authorise(mdrRead('2024-06-27'), REGISTRATION, { tables: GENERATED_TABLES })).reasons.map((reason) => reason.field),
    ).toEqual(['/options/view']);
  });
});
