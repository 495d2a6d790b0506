/**
 * `secc export vectors --format json`: the decision for every combination a gateway can meet
 * (every Service Request x User Role x SMETS generation x mode) on the day before and the day of
 * every release date, each with the decision, the TRT and the legal basis by stable address.
 * Decided by the gateway's own authoriseLoaded(), against the version in force on the date, for a
 * sender the Registration Data names in every capacity (Import and Export Supplier, appointed MDR,
 * a Device of the generation): what varies is only what the tables decide (H1.1, Appendix E,
 * Appendix AB), which a gateway in any language can replay from `secc export tables`.
 */
import type { DecisionVector, DecisionVectors } from '../../../generated/types.js';
import type { InForce } from '../../compiler/versions.js';
import { authoriseLoaded } from '../../gateway/authorise.js';
import { Registry } from '../../gateway/registration.js';
import { tablesFromRuleSets } from '../../gateway/tables.js';
import type { Decision, Reason } from '../../gateway/decision.js';
import { addDays, type IsoDate } from '../../shared/dates.js';
import { MODES, SMETS_GENERATIONS } from '../../shared/vocabulary.js';
import { versionKey } from './gateway-tables.js';

export const DECISION_VECTORS_FORMAT = 'sec-rules/decision-vectors@1';

/** The checks the tables decide; every other check is satisfied by the probe sender. */
const TABLE_CHECKS = new Set<Reason['code']>(['user-role', 'service-request', 'eligibility', 'dcc-scheduled', 'availability']);

const PROBE_PARTY = 'VECTORS';
const PROBE_MPAN = '1000000000001';

/** A date with no release before it, for a text without dated releases. */
const NO_RELEASE_DATE = '2000-01-01' as IsoDate;

/** The day before and the day of every release date, in order. */
export function boundaryDates(intervals: readonly InForce[]): IsoDate[] {
  const dates = intervals.flatMap((interval) => (interval.from === null ? [] : [addDays(interval.from, -1), interval.from]));
  return dates.length === 0 ? [NO_RELEASE_DATE] : [...new Set(dates)].sort();
}

/** The interval in force on a date (the release day included). */
function intervalOn(intervals: readonly InForce[], date: IsoDate): InForce {
  let found = intervals[0];
  for (const interval of intervals) if (interval.from === null || interval.from <= date) found = interval;
  if (!found) throw new Error('the timeline has no interval');
  return found;
}

const PROBE_REGISTRY = new Registry({
  mpans: [
    {
      mpan: PROBE_MPAN,
      importSupplier: PROBE_PARTY,
      exportSupplier: PROBE_PARTY,
      devices: SMETS_GENERATIONS.map((smets) => ({ id: `probe-smets${smets}`, type: 'ESME' as const, smets })),
      mdrAppointments: [{ mdr: PROBE_PARTY, effectiveFrom: '1900-01-01' }],
    },
  ],
});

export function decisionVectors(intervals: readonly InForce[]): DecisionVectors {
  const dates = boundaryDates(intervals);
  const vectors: DecisionVector[] = [];
  for (const at of dates) {
    const interval = intervalOn(intervals, at);
    const { ruleSet } = interval;
    const tables = tablesFromRuleSets({ baseline: ruleSet, modified: ruleSet });
    // Every role any version defines: a role not in force on the date is a vector too (rejected).
    const roles = [...new Set(intervals.flatMap((each) => each.ruleSet.userRoles.map((role) => role.id)))];
    for (const sr of ruleSet.serviceRequests.map((entry) => entry.ref))
      for (const role of roles)
        for (const smets of [...SMETS_GENERATIONS].sort())
          for (const mode of MODES) {
            const request = {
              sender: { role, party: PROBE_PARTY },
              sr,
              target: { mpan: PROBE_MPAN, deviceType: 'ESME', smets },
              mode,
              executionDate: at,
              scheduleStartDate: at,
              purpose: 'other',
            };
            const decision = authoriseLoaded(request, PROBE_REGISTRY, { view: 'modified', tables });
            vectors.push({ at, version: versionKey(interval), sr, user_role: role, smets, mode, ...outcome(decision) });
          }
  }
  return { format: DECISION_VECTORS_FORMAT, dates, vectors };
}

/** The decision as a vector states it; throws if a check outside the tables failed (the probe must satisfy them). */
export function outcome(decision: Decision): Pick<DecisionVector, 'decision' | 'rejected_by' | 'trt' | 'legal_basis'> {
  const failed = decision.reasons.filter((reason) => !reason.passed);
  const outside = failed.filter((reason) => !TABLE_CHECKS.has(reason.code));
  if (outside.length > 0)
    throw new Error(
      `decision vectors: the probe request failed ${outside.map((reason) => `${reason.code}: ${reason.message}`).join('; ')}`,
    );
  const cited = decision.accepted ? decision.reasons.filter((reason) => TABLE_CHECKS.has(reason.code)) : failed;
  const notAvailable = failed.some((reason) => reason.code === 'availability' && reason.basis.address?.startsWith('trt/'));
  return {
    decision: decision.accepted ? 'accepted' : 'rejected',
    rejected_by: failed.map((reason) => reason.code) as DecisionVector['rejected_by'],
    trt: decision.accepted ? (decision.trtSeconds ?? null) : notAvailable ? 'not-available' : null,
    legal_basis: legalBasis(cited),
  };
}

/** The stable addresses of the reasons cited; a decision always cites at least one. */
function legalBasis(reasons: readonly Reason[]): DecisionVector['legal_basis'] {
  const addresses = reasons.map((reason) => {
    if (reason.basis.address === undefined) throw new Error(`decision vectors: the ${reason.code} check gives no stable address`);
    return reason.basis.address;
  });
  const [first, ...rest] = addresses;
  if (first === undefined) throw new Error('decision vectors: a decision without a reason');
  return [first, ...rest];
}
