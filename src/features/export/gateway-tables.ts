/**
 * `secc export tables --format json`: the tables a gateway outside TypeScript decides from, for
 * every version of the text over time (the timeline's intervals), each entry with its stable
 * address (src/shared/address.ts). Together with the decision vectors, the proof that this data
 * is enough: test/vectors/ replays every vector in Python from this file alone.
 */
import type { InForce } from '../../compiler/versions.js';
import { address } from '../../shared/address.js';
import type { RuleSet } from '../../shared/model.js';
import type { GatewayTablesExport, GatewayVersionTables } from '../../../generated/types.js';

export const GATEWAY_TABLES_FORMAT = 'sec-rules/gateway-tables@1';

/** The key of an interval's tables: its release id, or `base` for the text before any release. */
export function versionKey(interval: Pick<InForce, 'release'>): string {
  return interval.release?.id ?? 'base';
}

export function gatewayTables(intervals: readonly InForce[]): GatewayTablesExport {
  const versions: Record<string, GatewayVersionTables> = {};
  for (const interval of intervals) versions[versionKey(interval)] = versionTables(interval.ruleSet);
  return {
    format: GATEWAY_TABLES_FORMAT,
    intervals: intervals.map((interval) => ({
      from: interval.from,
      to: interval.to,
      release: interval.release,
      modifications: interval.modifications,
      version: versionKey(interval),
    })),
    versions,
  };
}

function versionTables(ruleSet: RuleSet): GatewayVersionTables {
  const scope = ruleSet.clauseRules.find((rule) => rule.kind === 'trt-scope');
  return {
    user_roles: ruleSet.userRoles.map((role) => ({
      id: role.id,
      name: role.name,
      clause: role.source.clause ?? null,
      address: address('user-role', role.id),
    })),
    service_requests: ruleSet.serviceRequests.map((sr) => ({
      ref: sr.ref,
      name: sr.name,
      critical: sr.critical,
      non_device: sr.nonDevice,
      on_demand: sr.onDemand,
      future_dated: sr.futureDated,
      dcc_scheduled: sr.dccScheduled,
      clause: sr.source.clause ?? null,
      address: address('service-request', sr.ref),
    })),
    eligibility: ruleSet.eligibility.map((cell) => ({
      sr: cell.sr,
      user_role: cell.role,
      eligible: cell.eligible,
      address: address('eligibility', cell.sr, cell.role),
    })),
    trt: ruleSet.trt.map((cell) => ({
      sr: cell.sr,
      user_role: cell.role,
      smets: cell.smets,
      mode: cell.mode,
      seconds: cell.seconds,
      text: cell.text,
      address: address('trt', cell.sr, cell.role, `smets${cell.smets}`, cell.mode),
    })),
    trt_scope:
      scope && scope.kind === 'trt-scope'
        ? { service_requests: scope.serviceRequests, clause: scope.clause, address: address('clause-rule', scope.id) }
        : null,
  };
}
