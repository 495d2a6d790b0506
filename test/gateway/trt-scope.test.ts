/**
 * Appendix E lists 129 SRs, Appendix AB's table only the 11 of clause AB1.3's scope: a request for
 * an SR outside that scope is decided on Appendix E and Section H alone (no TRT, not "unavailable"),
 * while an SR inside it still needs an available TRT cell.
 */
import { describe, expect, it } from 'vitest';
import { authorise, type RegistrationData, type ServiceRequestInput } from '../../src/gateway/index.js';

const REGISTRATION: RegistrationData = {
  mpans: [{ mpan: '2000000000001', importSupplier: 'IMP1', devices: [{ id: 'E2', type: 'ESME', smets: 2 }] }],
};

const request = (sr: string, role = 'import-supplier'): ServiceRequestInput => ({
  sender: { role, party: 'IMP1' },
  sr,
  target: { mpan: '2000000000001', deviceType: 'ESME', smets: 2 },
  mode: 'on-demand',
  executionDate: '2024-07-01',
});

describe('authorise() for SRs with and without Target Response Times in the corpus', () => {
  it('accepts an eligible request for an SR outside the TRT table, with no TRT and AB1.3 as the basis', async () => {
    for (const view of ['baseline', 'modified'] as const) {
      const decision = await authorise(request('1.1.1'), REGISTRATION, { view });
      expect(decision.accepted, view).toBe(true);
      expect(decision.trtSeconds).toBeUndefined();
      const availability = decision.reasons.find((reason) => reason.code === 'availability');
      expect(availability).toMatchObject({ passed: true, basis: { clause: 'AB1.3', rule: 'AB1.3.trt-scope' } });
    }
  });

  it('still rejects a role Appendix E does not make eligible for such an SR', async () => {
    const decision = await authorise(request('1.1.1', 'export-supplier'), REGISTRATION, { view: 'modified' });
    expect(decision.accepted).toBe(false);
    expect(decision.reasons.filter((reason) => !reason.passed).map((reason) => reason.code)).toContain('eligibility');
  });

  it('gives the TRT of an SR inside the table', async () => {
    const decision = await authorise(request('4.8.1'), REGISTRATION, { view: 'modified' });
    expect(decision.accepted).toBe(true);
    expect(decision.trtSeconds).toBe(5600);
  });
});
