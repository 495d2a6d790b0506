/**
 * Configurations read off the legal text and off the authorisation module: the reference a
 * gateway team can start from, and the proof that authorise() implements the same table.
 */
import type { View } from '../../generated/types.js';
import { authoriseLoaded } from './authorise.js';
import { combinations } from './combinations.js';
import type { ConfigurationRow } from './configuration.js';
import { Registry, type RegistrationData } from './registration.js';
import type { ServiceRequestInput } from './request.js';
import { GENERATED_TABLES, type GatewayTables } from './tables.js';

/**
 * The configuration the legal text itself gives: one row per combination available to an
 * eligible role (as `secc export trt`), `eligible` true; with `includeIneligible`, also a row
 * (eligible false, no TRT) for every role that is not eligible.
 */
export function referenceConfiguration(
  view: View,
  tables: GatewayTables = GENERATED_TABLES,
  options: { includeIneligible?: boolean } = {},
): ConfigurationRow[] {
  return combinations(view, tables)
    .filter((combination) => combination.eligible || options.includeIneligible)
    .map((combination) => ({
      sr: combination.sr,
      user_role: combination.role,
      smets: combination.smets,
      mode: combination.mode,
      trt_seconds: combination.trtSeconds,
      eligible: combination.eligible,
    }));
}

/** The party every synthetic request of `configurationFromAuthorise` is sent by. */
const PROBE_PARTY = 'CONFORMANCE';
const PROBE_MPAN = '1000000000001';
const PROBE_DATE = '2024-06-27';

/**
 * The configuration that the authorisation module implements, read off its decisions: for
 * every combination, a request from a sender the Registration Data names in every capacity
 * (Import and Export Supplier, appointed MDR, on the day), not for MHHS. `eligible` is false
 * exactly when the decision fails Appendix E eligibility; `trt_seconds` is the decision's TRT.
 */
export function configurationFromAuthorise(view: View, tables: GatewayTables = GENERATED_TABLES): ConfigurationRow[] {
  return combinations(view, tables).map((combination) => {
    const registration: RegistrationData = {
      mpans: [
        {
          mpan: PROBE_MPAN,
          importSupplier: PROBE_PARTY,
          exportSupplier: PROBE_PARTY,
          devices: [{ id: `probe-smets${combination.smets}`, type: 'ESME', smets: combination.smets as 1 | 2 }],
          mdrAppointments: [{ mdr: PROBE_PARTY, effectiveFrom: PROBE_DATE, effectiveTo: PROBE_DATE }],
        },
      ],
    };
    const request: ServiceRequestInput = {
      sender: { role: combination.role, party: PROBE_PARTY },
      sr: combination.sr,
      target: { mpan: PROBE_MPAN, deviceType: 'ESME', smets: combination.smets as 1 | 2 },
      mode: combination.mode as ServiceRequestInput['mode'],
      executionDate: PROBE_DATE,
      scheduleStartDate: PROBE_DATE,
      purpose: 'other',
    };
    // The probe data fits the schema by construction, so it is indexed without ajv.
    const decision = authoriseLoaded(request, new Registry(registration), { view, tables });
    const ineligible = decision.reasons.some(
      (reason) => !reason.passed && (reason.code === 'eligibility' || reason.code === 'user-role' || reason.code === 'service-request'),
    );
    return {
      sr: combination.sr,
      user_role: combination.role,
      smets: combination.smets,
      mode: combination.mode,
      trt_seconds: decision.trtSeconds ?? null,
      eligible: !ineligible,
    };
  });
}
