/**
 * The legal facts of MP162, pinned against the Modification Report (the authority).
 * If any of these fail, the legal text in sec-text/ no longer says what MP162 says.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDuration } from '../src/compiler/4-extract/duration.js';
import type { RuleSet, Trt } from '../src/shared/model.js';
import { readDuisMatrix } from './support/duis-matrix.js';
import { compiledViews } from './support/project.js';
import {
  EXISTING_ELIGIBILITY,
  parseReportMdrTable,
  parseReportTrtTable,
  REPORT_COLUMNS,
  REPORT_MDR_SERVICES,
  REPORT_TRT_TABLE,
} from './support/report-facts.js';
import { announceSkipped, normalise, readSource, REQUIRE_SOURCES } from './support/sources.js';

let baseline: RuleSet;
let modified: RuleSet;

beforeAll(async () => {
  ({ baseline, modified } = await compiledViews());
});

const REPORT = readSource('report');
const WORKING_GROUP = readSource('workingGroup');
/** Month names for dates as the report writes them (no locale). */
const MONTHS = 'January February March April May June July August September October November December'.split(' ');
const MATRIX = readDuisMatrix();
announceSkipped('test/facts.test.ts', [
  { source: 'report', check: "the tests' copy of the report's TRT table against the report" },
  { source: 'report', check: "MP162's implementation date against the report" },
  { source: 'workingGroup', check: "MP162's title against the Working Group summary" },
  {
    source: 'report',
    check:
      "the tests' copy of the report's table 'Valid Service Requests for an MDR User' (names, On Demand?, DCC Scheduled?) against the report",
  },
]);

/** The 11 SRs of the report's table 'Valid Service Requests for an MDR User'. */
const MDR_SRS = Object.keys(REPORT_MDR_SERVICES);
const seconds = (text: string): number | null => {
  const parsed = parseDuration(text);
  if (!parsed.ok) throw new Error(`bad report cell ${text}`);
  return parsed.seconds;
};
const trt = (ruleSet: RuleSet, sr: string, role: string, smets: number, mode: string): Trt | undefined =>
  ruleSet.trt.find((entry) => entry.sr === sr && entry.role === role && entry.smets === smets && entry.mode === mode);

describe("the tests' copies of the sources", () => {
  it.runIf(REQUIRE_SOURCES)('are compared with the sources themselves (SECC_REQUIRE_SOURCES=1: the sources must be present)', () => {
    expect(REPORT, 'the MP162 Modification Report').toBeDefined();
    expect(MATRIX, 'the DUIS matrix').toBeDefined();
  });

  it.skipIf(!REPORT)("the report's TRT table matches the report text cell for cell [skipped without ../shared/sources/004_…txt]", () => {
    expect(parseReportTrtTable(REPORT!)).toEqual(REPORT_TRT_TABLE);
  });

  it.skipIf(!REPORT)(
    "the report's table 'Valid Service Requests for an MDR User' matches the report text [skipped without 004_…txt]",
    () => {
      const fromReport = parseReportMdrTable(REPORT!);
      expect(Object.keys(fromReport)).toEqual(MDR_SRS);
      expect(fromReport).toEqual(REPORT_MDR_SERVICES);
    },
  );

  it.skipIf(!REPORT)(
    'would fail on any one MDR flag or name changed in the copy (the comparison reads every field) [skipped without 004_…txt]',
    () => {
      const fromReport = parseReportMdrTable(REPORT!);
      for (const [sr, row] of Object.entries(REPORT_MDR_SERVICES)) {
        for (const mutated of [
          { ...row, onDemand: !row.onDemand },
          { ...row, dccScheduled: !row.dccScheduled },
          { ...row, name: `${row.name}s` },
        ]) {
          expect(fromReport, `SR ${sr}`).not.toEqual({ ...REPORT_MDR_SERVICES, [sr]: mutated });
        }
      }
    },
  );
});

describe('modified view (after MP162) equals the report table cell for cell', () => {
  for (const [sr, cells] of Object.entries(REPORT_TRT_TABLE)) {
    it(`SR ${sr}`, () => {
      REPORT_COLUMNS.forEach(([sender, smets, mode], index) => {
        const roles = sender === 'mdr' ? ['mdr'] : EXISTING_ELIGIBILITY[sr]!;
        for (const role of roles) {
          const entry = trt(modified, sr, role, smets, mode);
          expect(entry, `SR ${sr} ${role} SMETS${smets} ${mode}`).toBeDefined();
          expect(entry!.seconds, `SR ${sr} ${role} SMETS${smets} ${mode}`).toBe(seconds(cells[index]!));
          expect(entry!.text).toBe(cells[index]);
        }
      });
    });
  }

  it('has TRTs only for eligible roles, and all of them', () => {
    const expected = Object.entries(EXISTING_ELIGIBILITY).reduce((count, [, roles]) => count + (roles.length + 1) * 4, 0);
    expect(modified.trt).toHaveLength(expected);
  });
});

describe('baseline view (before MP162)', () => {
  it('has no MDR: no role, no eligibility, no TRT', () => {
    expect(baseline.userRoles.map((role) => role.id)).not.toContain('mdr');
    expect(baseline.eligibility.filter((entry) => entry.role === 'mdr')).toEqual([]);
    expect(baseline.trt.filter((entry) => entry.role === 'mdr')).toEqual([]);
  });

  it('differs from modified for existing roles only at SR 4.2 Scheduled and SR 8.2 SMETS1 On-Demand', () => {
    const differences: string[] = [];
    for (const before of baseline.trt) {
      const after = trt(modified, before.sr, before.role, before.smets, before.mode)!;
      if (after.seconds !== before.seconds)
        differences.push(`${before.sr} ${before.role} SMETS${before.smets} ${before.mode}: ${before.text} -> ${after.text}`);
    }
    expect(differences.sort()).toEqual(
      [
        '4.2 electricity-distributor SMETS1 scheduled: N/A -> 24 hrs',
        '4.2 electricity-distributor SMETS2 scheduled: N/A -> 24 hrs',
        '4.2 export-supplier SMETS1 scheduled: N/A -> 24 hrs',
        '4.2 export-supplier SMETS2 scheduled: N/A -> 24 hrs',
        '8.2 electricity-distributor SMETS1 on-demand: 16 secs -> 30 secs',
        '8.2 export-supplier SMETS1 on-demand: 16 secs -> 30 secs',
        '8.2 gas-supplier SMETS1 on-demand: 16 secs -> 30 secs',
        '8.2 gas-transporter SMETS1 on-demand: 16 secs -> 30 secs',
        '8.2 import-supplier SMETS1 on-demand: 16 secs -> 30 secs',
        '8.2 other-user SMETS1 on-demand: 16 secs -> 30 secs',
        '8.2 registered-supplier-agent SMETS1 on-demand: 16 secs -> 30 secs',
      ].sort(),
    );
  });

  it('pins footnote 5: SR 8.2 SMETS1 TRT 16 s before, 30 s after, for all Users', () => {
    for (const role of EXISTING_ELIGIBILITY['8.2']!) {
      expect(trt(baseline, '8.2', role, 1, 'on-demand')!.seconds).toBe(16);
      expect(trt(modified, '8.2', role, 1, 'on-demand')!.seconds).toBe(30);
    }
    expect(trt(modified, '8.2', 'mdr', 1, 'on-demand')!.seconds).toBe(30);
    const cell = trt(modified, '8.2', 'other-user', 1, 'on-demand')!;
    expect(cell.notes).toHaveLength(1);
    const note = modified.footnotes.find((footnote) => footnote.label === cell.notes[0])!;
    expect(note.text).toMatch(/30 seconds/);
  });

  it('pins footnote 4: SR 4.2 becomes DCC Scheduled with 24 hr Scheduled TRTs', () => {
    expect(baseline.serviceRequests.find((sr) => sr.ref === '4.2')!.dccScheduled).toBe(false);
    expect(modified.serviceRequests.find((sr) => sr.ref === '4.2')!.dccScheduled).toBe(true);
    expect(trt(baseline, '4.2', 'export-supplier', 2, 'scheduled')!.seconds).toBeNull();
    expect(trt(modified, '4.2', 'export-supplier', 2, 'scheduled')!.seconds).toBe(86_400);
  });
});

describe('eligibility', () => {
  it('makes the MDR eligible for exactly the 11 SRs in modified, none in baseline', () => {
    const mdr = modified.eligibility.filter((entry) => entry.role === 'mdr' && entry.eligible).map((entry) => entry.sr);
    expect(mdr).toEqual(MDR_SRS);
    expect(baseline.eligibility.some((entry) => entry.role === 'mdr')).toBe(false);
  });

  it('changes nothing for existing roles, which match the DUIS matrix', () => {
    for (const ruleSet of [baseline, modified]) {
      const existing = ruleSet.eligibility.filter((entry) => entry.role !== 'mdr' && entry.eligible);
      const bySr: Record<string, string[]> = {};
      for (const entry of existing) (bySr[entry.sr] ??= []).push(entry.role);
      for (const [sr, roles] of Object.entries(EXISTING_ELIGIBILITY))
        expect(bySr[sr]?.sort(), `${ruleSet.view} SR ${sr}`).toEqual([...roles].sort());
    }
  });

  it('SR 4.1.1 is not available to an MDR for SMETS2 devices (Working Group conclusion)', () => {
    expect(trt(modified, '4.1.1', 'mdr', 2, 'scheduled')!.seconds).toBeNull();
    expect(trt(modified, '4.1.1', 'mdr', 2, 'on-demand')!.seconds).toBeNull();
    expect(trt(modified, '4.1.1', 'mdr', 1, 'on-demand')!.seconds).toBe(86_400);
  });
});

describe('service requests and the MDR table', () => {
  it('has the report names and the MDR On Demand / DCC Scheduled flags', () => {
    for (const [ref, expected] of Object.entries(REPORT_MDR_SERVICES)) {
      const sr = modified.serviceRequests.find((entry) => entry.ref === ref)!;
      expect(sr.name, ref).toBe(expected.name);
      expect(sr.onDemand, ref).toBe(expected.onDemand);
      expect(sr.dccScheduled, ref).toBe(expected.dccScheduled);
    }
  });
});

describe('the modification and its clauses', () => {
  it.skipIf(!REPORT)("has the report's implementation date: Section 6, the June 2024 SEC Release [skipped without 004_…txt]", () => {
    const [modification] = modified.modifications;
    const [year = 0, month = 0, day = 0] = (modification?.implementationDate ?? '').split('-').map(Number);
    const monthName = MONTHS[month - 1] ?? '?';
    expect(normalise(REPORT!)).toContain(`${day} ${monthName} ${year} (${monthName} ${year} SEC Release)`);
  });

  it.skipIf(!WORKING_GROUP)("has the modification's title as the Working Group summary gives it [skipped without 001_…txt]", () => {
    expect(normalise(WORKING_GROUP!)).toContain(normalise(`MP162 '${modified.modifications[0]?.title}'`));
  });

  it('records MP162 with its implementation date in every document', () => {
    expect(modified.modifications).toEqual([
      { id: 'MP162', title: 'SEC changes required to deliver MHHS', implementationDate: '2024-06-27' },
    ]);
    expect(modified.documents.map((document) => document.document).sort()).toEqual([
      'SEC Appendix AB',
      'SEC Appendix E',
      'SEC Section G',
      'SEC Section H',
    ]);
    for (const document of modified.documents) expect(document.modifications).toEqual(['MP162']);
  });

  it('adds the MDR User Role as an Other SEC Party', () => {
    const mdr = modified.userRoles.find((role) => role.id === 'mdr')!;
    expect(mdr.name).toBe('Meter Data Retriever');
    expect(mdr.partyCategory).toBe('Other SEC Party');
    expect(baseline.userRoles.map((role) => role.id)).toEqual(modified.userRoles.map((role) => role.id).filter((id) => id !== 'mdr'));
  });

  it('adds clause H3.13A with its schedule-first rule, absent from the baseline', () => {
    expect(baseline.clauses.some((clause) => clause.id === 'H3.13A')).toBe(false);
    const rule = modified.clauseRules.find((entry) => entry.clause === 'H3.13A');
    expect(rule).toMatchObject({
      kind: 'schedule-first',
      purpose: 'mhhs-settlement',
      firstAttempt: 'scheduled',
      onDemandOnlyAsRetry: true,
    });
  });

  it('states MDR Access Control with an inclusive Effective From / Effective To window', () => {
    const rule = modified.clauseRules.find((entry) => entry.kind === 'registration-access-control' && entry.role === 'mdr');
    expect(rule).toMatchObject({
      registrationField: 'appointed-mdr',
      appointmentWindow: { fromInclusive: true, toInclusive: true },
      futureDatedSchedules: { mayBeCreatedBeforeEffectiveFrom: true, mustNotStartBeforeEffectiveFrom: true },
    });
    expect(baseline.clauseRules.some((entry) => 'role' in entry && entry.role === 'mdr')).toBe(false);
  });

  it('states the Section G duties of MDR Users', () => {
    const mdrRules = modified.clauseRules.filter(
      (entry) => entry.source.file === 'section-g.md' && JSON.stringify(entry).includes('"mdr"'),
    );
    expect(mdrRules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'security-assessment',
          role: 'mdr',
          atUserEntry: 'full-user-security-assessment',
          exemptWhenAlreadyAssessedAs: 'other-user',
          thereafter: 'annual-user-security-assessment',
        }),
        expect.objectContaining({ kind: 'same-obligations', role: 'mdr', as: 'other-user' }),
        expect.objectContaining({ kind: 'anomaly-detection-thresholds' }),
        expect.objectContaining({ kind: 'privacy-assessment', role: 'mdr', required: false }),
      ]),
    );
  });

  it('names a supplier acting for another supplier as having to use the MDR role', () => {
    expect(modified.clauseRules.find((entry) => entry.kind === 'role-required')).toMatchObject({
      actingFor: 'another-supplier',
      mustUseRole: 'mdr',
    });
  });
});
