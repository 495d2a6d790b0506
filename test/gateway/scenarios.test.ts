/**
 * Runs the scenarios in test/scenarios/*.yaml (written for people who read the SEC, not code, in
 * the manner of OpenFisca's YAML tests) against the authorisation module. A scenario file that
 * does not parse, or that has an unknown or missing field, fails here: it never passes silently.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { authorise, parseRegistrationData, type Decision, type Registry, type ServiceRequestInput } from '../../src/gateway/index.js';
import { ROOT } from '../support/project.js';

const DIR = path.join(ROOT, 'test', 'scenarios');

interface Scenario {
  name: string;
  /** For tools only; scenarios are decided by their execution date, as a gateway decides. */
  view?: 'baseline' | 'modified';
  registration_data: string;
  request: Record<string, unknown>;
  expected: {
    decision: 'accepted' | 'rejected';
    trt_seconds?: number;
    legal_basis?: string[];
    rejected_by?: string[];
    findings?: string[];
  };
}

const SCENARIO_KEYS = ['name', 'registration_data', 'request', 'expected'];
const OPTIONAL_KEYS = ['view'];
const REQUEST_KEYS: Record<string, true> = Object.fromEntries(
  [
    'sender_role',
    'sender_party',
    'service_request',
    'mpan',
    'device',
    'device_id',
    'smets',
    'mode',
    'execution_date',
    'schedule_start_date',
    'purpose',
    'retry_of_failed_scheduled',
    'acting_for_another_supplier',
  ].map((key) => [key, true]),
);
const EXPECTED_KEYS = ['decision', 'trt_seconds', 'legal_basis', 'rejected_by', 'findings'];

function loadScenarios(file: string): Scenario[] {
  const value = parse(readFileSync(path.join(DIR, file), 'utf8')) as unknown;
  if (!Array.isArray(value) || value.length === 0) throw new Error(`${file}: expected a non-empty list of scenarios`);
  return value.map((entry: Record<string, unknown>, index) => {
    const where = `${file} scenario ${index + 1}`;
    const unknown = Object.keys(entry).filter((key) => !SCENARIO_KEYS.includes(key) && !OPTIONAL_KEYS.includes(key));
    const missing = SCENARIO_KEYS.filter((key) => !(key in entry));
    if (unknown.length + missing.length > 0) throw new Error(`${where}: unknown ${unknown.join(', ')}; missing ${missing.join(', ')}`);
    const request = entry.request as Record<string, unknown>;
    const badRequest = Object.keys(request).filter((key) => !REQUEST_KEYS[key]);
    if (badRequest.length > 0) throw new Error(`${where}: unknown request field ${badRequest.join(', ')}`);
    const expected = entry.expected as Record<string, unknown>;
    const badExpected = Object.keys(expected).filter((key) => !EXPECTED_KEYS.includes(key));
    if (badExpected.length > 0) throw new Error(`${where}: unknown expected field ${badExpected.join(', ')}`);
    if (expected.decision !== 'accepted' && expected.decision !== 'rejected')
      throw new Error(`${where}: decision must be accepted or rejected`);
    if (expected.decision === 'accepted' && expected.trt_seconds === undefined)
      throw new Error(`${where}: an accepted decision must say its trt_seconds`);
    if (expected.decision === 'rejected' && !Array.isArray(expected.rejected_by))
      throw new Error(`${where}: a rejected decision must say rejected_by`);
    return entry as unknown as Scenario;
  });
}

function toRequest(fields: Record<string, unknown>): ServiceRequestInput {
  const request: ServiceRequestInput = {
    sender: { role: fields.sender_role as string, party: fields.sender_party as string },
    sr: fields.service_request as string,
    target: { mpan: fields.mpan as string, deviceType: fields.device as 'ESME', smets: fields.smets as 1 | 2 },
    mode: fields.mode as 'scheduled',
    executionDate: fields.execution_date as string,
  };
  if (fields.device_id !== undefined) request.target.deviceId = fields.device_id as string;
  if (fields.schedule_start_date !== undefined) request.scheduleStartDate = fields.schedule_start_date as string;
  if (fields.purpose !== undefined) request.purpose = fields.purpose as 'other';
  if (fields.retry_of_failed_scheduled !== undefined) request.isRetryOfFailedScheduled = fields.retry_of_failed_scheduled as boolean;
  if (fields.acting_for_another_supplier !== undefined) request.actingForAnotherSupplier = fields.acting_for_another_supplier as boolean;
  return request;
}

const registries = new Map<string, Registry>();
async function registry(name: string): Promise<Registry> {
  let loaded = registries.get(name);
  if (!loaded) {
    loaded = await parseRegistrationData(readFileSync(path.join(DIR, name), 'utf8'));
    registries.set(name, loaded);
  }
  return loaded;
}

const sorted = (values: Iterable<string | null>): string[] =>
  [...new Set([...values].filter((value): value is string => value !== null))].sort();

const files = readdirSync(DIR)
  .filter((name) => name.endsWith('.yaml'))
  .sort();
const all = files.flatMap((file) => loadScenarios(file).map((scenario) => ({ file, scenario })));

describe('scenario files', () => {
  it('cover what issue 5 asks for', async () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
    const names = all.map(({ scenario }) => scenario.name);
    for (const wanted of [
      /first day of its appointment/,
      /last day of its appointment/,
      /day after its appointment/,
      /collecting for another Supplier/,
      /before its appointment starts, a schedule/,
      /SR 4\.2/,
      /SR 8\.2/,
      /retries a failed/,
      /first attempt/,
    ]) {
      expect(
        names.some((name) => wanted.test(name)),
        String(wanted),
      ).toBe(true);
    }
    expect(new Set(names).size).toBe(names.length);
    // Decided by date, with cases on both sides of the June 2024 SEC Release (2024-06-27).
    expect(all.every(({ scenario }) => scenario.view === undefined)).toBe(true);
    const dates = all.map(({ scenario }) => String(scenario.request.execution_date).slice(0, 10));
    expect(dates).toContain('2024-06-26');
    expect(dates).toContain('2024-06-27');
  });
});

for (const file of files) {
  describe(file, () => {
    for (const { scenario } of all.filter((entry) => entry.file === file)) {
      it(scenario.name, async () => {
        const options = scenario.view === undefined ? {} : { view: scenario.view };
        const decision: Decision = await authorise(toRequest(scenario.request), await registry(scenario.registration_data), options);
        const { expected } = scenario;
        const failed = decision.reasons.filter((reason) => !reason.passed);
        expect(decision.accepted ? 'accepted' : 'rejected', failed.map((reason) => reason.message).join('\n')).toBe(expected.decision);
        if (expected.decision === 'accepted') {
          expect(decision.trtSeconds).toBe(expected.trt_seconds);
          expect(decision.trt?.basis.clause).toBe('AB2.1');
        } else {
          expect(decision.trtSeconds).toBeUndefined();
          expect(sorted(failed.map((reason) => reason.basis.clause))).toEqual(sorted(expected.rejected_by!));
        }
        const cited = new Set(decision.reasons.map((reason) => reason.basis.clause));
        for (const clause of expected.legal_basis ?? []) expect(cited, `cites ${clause}`).toContain(clause);
        expect(sorted(decision.findings.map((finding) => finding.basis.clause))).toEqual(sorted(expected.findings ?? []));
        // Every reason and finding names its legal basis: an entry's stable address and a clause, and
        // its place in sec-text/ unless the basis is a clause known only by its number (an absent row).
        for (const entry of [...decision.reasons, ...decision.findings]) {
          expect(entry.basis.address).toMatch(/^(user-role|service-request|eligibility|trt|clause-rule|clause)\/[^#]+$/);
          expect(entry.basis.clause).toMatch(/^[A-Z]{1,2}\d/);
          if (entry.basis.place === '') {
            expect(entry.basis.address).toBe(`clause/${entry.basis.clause}`);
            continue;
          }
          expect(entry.basis.place).toMatch(/^[a-z0-9-]+\.md(#[A-Z]{1,2}\d[\w.]*)?(\[[^\]]+\])*$/);
          expect(entry.basis.place.startsWith(`${entry.basis.file}#`)).toBe(true);
        }
      });
    }
  });
}
