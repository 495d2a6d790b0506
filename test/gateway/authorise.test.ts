/**
 * The authorisation module: decisions, bounds, bad input, and that its tables are the legal
 * text's (a TRT cell changed in sec-text/ changes the decision with no code change).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import * as generated from '../../generated/index.js';
import {
  authorise,
  authoriseLoaded,
  CREATE_SCHEDULE_SR,
  GENERATED_TABLES,
  loadRegistrationData,
  parseRegistrationData,
  RegistrationDataError,
  type Registry,
  tablesFromGenerated,
  tablesFromRuleSets,
  type GatewayTables,
  type RegistrationData,
  type ServiceRequestInput,
} from '../../src/gateway/index.js';
import type { RuleSet } from '../../src/shared/model.js';
import { compileProject, compileStrings, projectCopy, readText, replaceOnce, ROOT, runCli, textDocuments } from '../support/project.js';

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
      mdrAppointments: [{ mdr: 'MDR1', effectiveFrom: '2024-07-01', effectiveTo: '2024-07-31' }],
    },
  ],
};

const mdrRead = (executionDate: string, extra: Partial<ServiceRequestInput> = {}): ServiceRequestInput => ({
  sender: { role: 'mdr', party: 'MDR1' },
  sr: '4.8.1',
  target: { mpan: '2000000000001', deviceType: 'ESME', smets: 2 },
  mode: 'scheduled',
  executionDate,
  ...extra,
});

const failedCodes = async (
  request: ServiceRequestInput,
  view: 'baseline' | 'modified' = 'modified',
  tables?: GatewayTables,
): Promise<string[]> =>
  (await authorise(request, REGISTRATION, tables ? { view, tables } : { view })).reasons
    .filter((reason) => !reason.passed)
    .map((reason) => reason.code);

let ruleSets: { baseline: RuleSet; modified: RuleSet };
beforeAll(async () => {
  const result = await compileProject();
  expect(result.ok).toBe(true);
  ruleSets = result.ruleSets!;
});

describe('the tables the gateway decides from', () => {
  it('are the generated tables, and tablesFromRuleSets builds exactly them from the compiled text', async () => {
    expect(GENERATED_TABLES.trt).toBe(generated.TRT_TABLE);
    expect(JSON.parse(JSON.stringify(tablesFromRuleSets(ruleSets)))).toEqual(JSON.parse(JSON.stringify(GENERATED_TABLES)));
  });

  it('pins the Create Schedule SR of H4.2A(b) against Appendix E in both views', async () => {
    for (const view of ['baseline', 'modified'] as const) {
      expect(generated.SERVICE_REQUESTS[view].find((sr) => sr.ref === CREATE_SCHEDULE_SR)?.name).toBe('Create Schedule');
    }
  });

  it('finds the Create Schedule SR named in the text of H4.2A(b)', async () => {
    const text = await readText('section-h.md');
    const clause = text.slice(text.indexOf('### H4.2A'), text.indexOf('\n### ', text.indexOf('### H4.2A') + 1));
    expect(clause).toContain(
      `- (b) Before the Effective From Date of an appointment, an MDR User may create, by means of SR ${CREATE_SCHEDULE_SR} (Create Schedule)`,
    );
  });
});

describe('MDR Access Control (H4.2A): both dates inclusive', () => {
  it('accepts the first and the last day and rejects the day before and the day after', async () => {
    expect(await failedCodes(mdrRead('2024-06-30'))).toEqual(['appointment-window']);
    expect(await failedCodes(mdrRead('2024-07-01'))).toEqual([]);
    expect(await failedCodes(mdrRead('2024-07-31'))).toEqual([]);
    expect(await failedCodes(mdrRead('2024-07-31T23:59:59+01:00'))).toEqual([]);
    expect(await failedCodes(mdrRead('2024-08-01'))).toEqual(['appointment-window']);
  });

  it('reads the bounds from the H4.2A rule block, not from code', async () => {
    const exclusive: GatewayTables = {
      ...GENERATED_TABLES,
      clauseRules: {
        ...GENERATED_TABLES.clauseRules,
        modified: GENERATED_TABLES.clauseRules.modified.map((rule) =>
          rule.kind === 'registration-access-control' && rule.appointmentWindow
            ? { ...rule, appointmentWindow: { ...rule.appointmentWindow, fromInclusive: false, toInclusive: false } }
            : rule,
        ),
      },
    };
    expect(await failedCodes(mdrRead('2024-07-01'), 'modified', exclusive)).toEqual(['appointment-window']);
    expect(await failedCodes(mdrRead('2024-07-31'), 'modified', exclusive)).toEqual(['appointment-window']);
    expect(await failedCodes(mdrRead('2024-07-15'), 'modified', exclusive)).toEqual([]);
    const decision = await authorise(mdrRead('2024-07-01'), REGISTRATION, { view: 'modified', tables: exclusive });
    expect(decision.reasons.find((reason) => reason.code === 'appointment-window')?.message).toContain('Effective From exclusive');
  });

  it('lets a schedule be created before Effective From only when it starts on or after it', async () => {
    const create = (start?: string): ServiceRequestInput =>
      mdrRead('2024-06-15', { sr: CREATE_SCHEDULE_SR, mode: 'on-demand', ...(start ? { scheduleStartDate: start } : {}) });
    expect(await failedCodes(create('2024-07-01'))).toEqual([]);
    expect(await failedCodes(create('2024-06-30'))).toEqual(['future-dated-schedule']);
    expect(await failedCodes(create())).toEqual(['future-dated-schedule']);
    // After the appointment has ended, H4.2A(b) does not help.
    expect(
      await failedCodes(mdrRead('2024-08-01', { sr: CREATE_SCHEDULE_SR, mode: 'on-demand', scheduleStartDate: '2024-08-02' })),
    ).toEqual(['appointment-window']);
  });

  it('rejects another MDR, an unknown MPAN and an unregistered Device, naming the rule', async () => {
    const other = await authorise({ ...mdrRead('2024-07-10'), sender: { role: 'mdr', party: 'MDR2' } }, REGISTRATION, { view: 'modified' });
    expect(other.accepted).toBe(false);
    const failed = other.reasons.find((reason) => !reason.passed)!;
    expect(failed.message).toBe(
      'Unexpected MDR MDR2 for MPAN 2000000000001, expected the MDR the Registration Data appoints for it (MDR1) (Section H4.2A)',
    );
    expect(failed.basis).toMatchObject({ file: 'section-h.md', clause: 'H4.2A', rule: 'H4.2A.mdr-access' });
    expect(await failedCodes(mdrRead('2024-07-10', { target: { mpan: '2000000000009', deviceType: 'ESME', smets: 2 } }))).toEqual([
      'registration',
    ]);
    expect(
      await failedCodes(mdrRead('2024-07-10', { target: { mpan: '2000000000001', deviceType: 'ESME', smets: 2, deviceId: 'E1' } })),
    ).toEqual(['device']);
  });
});

describe('eligibility and availability', () => {
  it('rejects SR 4.1.1 from an MDR to a SMETS2 meter: the TRT cell is N/A', async () => {
    const decision = await authorise(mdrRead('2024-07-10', { sr: '4.1.1', mode: 'on-demand' }), REGISTRATION, { view: 'modified' });
    expect(decision.accepted).toBe(false);
    const failed = decision.reasons.filter((reason) => !reason.passed);
    expect(failed.map((reason) => reason.code)).toEqual(['availability']);
    const cell = generated.trtFor({ view: 'modified', sr: '4.1.1', role: 'mdr', smets: 2, mode: 'on-demand' })!;
    expect(cell.seconds).toBeNull();
    expect(failed[0]!.basis.place).toBe(cell.place);
    expect(failed[0]!.basis.address).toBe('trt/4.1.1/mdr/smets2/on-demand');
    expect(failed[0]!.basis.cell).toBe('SR 4.1.1 / Meter Data Retriever / SMETS2 / On-Demand');
  });

  it('rejects a role Appendix E does not make eligible, citing the cell', async () => {
    const request: ServiceRequestInput = {
      sender: { role: 'registered-supplier-agent', party: 'RSA1' },
      sr: '4.8.1',
      target: { mpan: '2000000000001', deviceType: 'ESME', smets: 2 },
      mode: 'on-demand',
      executionDate: '2024-07-10',
    };
    const decision = await authorise(request, REGISTRATION, { view: 'modified' });
    const failed = decision.reasons.filter((reason) => !reason.passed);
    expect(failed.map((reason) => reason.code)).toEqual(['eligibility']);
    expect(failed[0]!.basis.place).toBe(
      generated.eligibilityFor({ view: 'modified', sr: '4.8.1', role: 'registered-supplier-agent' })!.place,
    );
    expect(failed[0]!.basis.address).toBe('eligibility/4.8.1/registered-supplier-agent');
  });

  it('rejects the MDR role in the baseline view, where it does not exist', async () => {
    const decision = await authorise(mdrRead('2024-07-10'), REGISTRATION, { view: 'baseline' });
    expect(decision.accepted).toBe(false);
    expect(decision.reasons.map((reason) => [reason.code, reason.passed, reason.basis.clause])).toEqual([['user-role', false, 'H1.1']]);
  });

  it('rejects an unknown SR and an unknown role without throwing', async () => {
    expect(await failedCodes(mdrRead('2024-07-10', { sr: '99.1' }))).toEqual(['service-request']);
    expect(await failedCodes({ ...mdrRead('2024-07-10'), sender: { role: 'meter-reader', party: 'X' } })).toEqual(['user-role']);
  });

  it('gives the TRT of the cell for the sender, the generation and the mode', async () => {
    for (const [smets, mode] of [
      [1, 'scheduled'],
      [1, 'on-demand'],
      [2, 'scheduled'],
      [2, 'on-demand'],
    ] as const) {
      const request: ServiceRequestInput = {
        sender: { role: 'import-supplier', party: 'IMP1' },
        sr: '4.8.1',
        target: { mpan: '2000000000001', deviceType: 'ESME', smets },
        mode,
        executionDate: '2024-07-10',
      };
      const decision = await authorise(request, REGISTRATION, { view: 'modified' });
      expect(decision.trtSeconds).toBe(generated.trtSeconds({ view: 'modified', sr: '4.8.1', role: 'import-supplier', smets, mode }));
    }
  });
});

describe('bad input is an error naming the field, never a crash', () => {
  it('names each bad field of the Registration Data by its JSON pointer', async () => {
    const bad = {
      mpans: [
        { mpan: '123', devices: [{ id: 'D', type: 'HCALCS', smets: 3 }], mdrAppointments: [{ mdr: 'M', effectiveFrom: '2024-13-01' }] },
        { mpan: '2000000000002', devices: [], colour: 'red' },
      ],
    };
    let error: unknown;
    try {
      await loadRegistrationData(bad);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RegistrationDataError);
    const issues = (error as RegistrationDataError).issues;
    expect(issues).toEqual(
      expect.arrayContaining([
        { field: '/mpans/0/mpan', message: 'must be a 13-digit MPAN core' },
        { field: '/mpans/0/devices/0/type', message: 'must be one of "ESME", "GSME"' },
        { field: '/mpans/0/devices/0/smets', message: 'must be one of 1, 2' },
        { field: '/mpans/0/mdrAppointments/0/effectiveFrom', message: 'must be a date YYYY-MM-DD' },
        { field: '/mpans/1', message: 'unexpected property `colour`' },
      ]),
    );
    expect((error as Error).message).toContain('Registration Data is not valid:\n  /mpans/0/mpan: must be a 13-digit MPAN core');
  });

  it('checks what the schema cannot: real dates, ordered windows, one MDR at a time, no repeats', async () => {
    const issuesOf = async (data: unknown): Promise<string[]> => {
      try {
        await loadRegistrationData(data);
        return [];
      } catch (error) {
        return (error as RegistrationDataError).issues.map((issue) => `${issue.field}: ${issue.message}`);
      }
    };
    const point = (appointments: unknown[], mpan = '2000000000001') => ({ mpan, devices: [], mdrAppointments: appointments });
    expect(await issuesOf({ mpans: [point([{ mdr: 'M', effectiveFrom: '2024-02-30' }])] })).toEqual([
      '/mpans/0/mdrAppointments/0/effectiveFrom: 2024-02-30 is not a calendar date',
    ]);
    expect(await issuesOf({ mpans: [point([{ mdr: 'M', effectiveFrom: '2024-07-02', effectiveTo: '2024-07-01' }])] })).toEqual([
      '/mpans/0/mdrAppointments/0/effectiveTo: Effective To Date 2024-07-01 is before the Effective From Date 2024-07-02',
    ]);
    expect(
      await issuesOf({
        mpans: [
          point([
            { mdr: 'A', effectiveFrom: '2024-07-01', effectiveTo: '2024-07-31' },
            { mdr: 'B', effectiveFrom: '2024-07-31' },
          ]),
        ],
      }),
    ).toEqual([
      '/mpans/0/mdrAppointments/1: appointment of B overlaps /mpans/0/mdrAppointments/0 (A from 2024-07-01); one MDR is appointed for an MPAN at a time',
    ]);
    expect(
      await issuesOf({
        mpans: [
          point([
            { mdr: 'A', effectiveFrom: '2024-07-01', effectiveTo: '2024-07-31' },
            { mdr: 'B', effectiveFrom: '2024-08-01' },
          ]),
        ],
      }),
    ).toEqual([]);
    expect(await issuesOf({ mpans: [point([]), point([])] })).toEqual(['/mpans/1/mpan: MPAN 2000000000001 is already listed at /mpans/0']);
  });

  it('reports JSON that does not parse as Registration Data error, and authorise() rejects bad raw data with a reason per field', async () => {
    await expect(parseRegistrationData('{"mpans": [')).rejects.toThrow(RegistrationDataError);
    const decision = await authorise(mdrRead('2024-07-10'), { mpans: [{ mpan: 'x', devices: [] }] }, { view: 'modified' });
    expect(decision.accepted).toBe(false);
    expect(decision.reasons).toEqual([
      expect.objectContaining({
        code: 'input',
        passed: false,
        field: '/registrationData/mpans/0/mpan',
        message: 'Unexpected registrationData/mpans/0/mpan: must be a 13-digit MPAN core',
      }),
    ]);
  });

  it('rejects each bad field of an untyped request with a reason, never a throw', async () => {
    const bad: unknown = {
      sender: { role: 'mdr' },
      sr: '4.8.1',
      target: { mpan: '1', deviceType: 'ESME', smets: 3 },
      mode: 'sometimes',
      executionDate: '2024-02-30',
      purpose: 'fun',
    };
    const decision = await authorise(bad, REGISTRATION, { view: 'modified' });
    expect(decision.accepted).toBe(false);
    expect(decision.reasons.every((reason) => reason.code === 'input' && !reason.passed)).toBe(true);
    expect(decision.reasons.map((reason) => reason.field)).toEqual([
      '/request/sender/party',
      '/request/target/mpan',
      '/request/target/smets',
      '/request/mode',
      '/request/executionDate',
      '/request/purpose',
    ]);
    const bySmets = await authorise(
      { ...mdrRead('2024-07-10'), target: { mpan: '2000000000001', deviceType: 'ESME', smets: '2' } },
      REGISTRATION,
    );
    expect(bySmets.reasons.map((reason) => `${reason.field ?? ''}: ${reason.message}`)).toEqual([
      '/request/target/smets: Unexpected request/target/smets: must be 1 or 2',
    ]);
    const options = await authorise(mdrRead('2024-07-10'), REGISTRATION, { view: 'future' as 'modified' });
    expect(options.reasons.map((reason) => reason.field)).toEqual(['/options/view']);
    // Everything wrong at once: every problem of every argument, in argument order.
    const all = await authorise('4.8.1', [], { tables: GENERATED_TABLES });
    expect(all.reasons.map((reason) => reason.field)).toEqual(['/request', '/options/view', '/registrationData']);
    for (const value of [null, undefined, 42, [], 'x', { sender: null }, { target: [] }])
      expect((await authorise(value, REGISTRATION)).accepted, JSON.stringify(value)).toBe(false);
  });

  it('decides synchronously against loaded Registration Data (authoriseLoaded), and rejects anything else in its place', async () => {
    const registry = await loadRegistrationData(REGISTRATION);
    expect(authoriseLoaded(mdrRead('2024-07-10'), registry).trtSeconds).toBe(86400);
    expect(authoriseLoaded(mdrRead('2024-07-10'), registry)).toEqual(await authorise(mdrRead('2024-07-10'), REGISTRATION));
    const raw = authoriseLoaded(mdrRead('2024-07-10'), REGISTRATION as unknown as Registry);
    expect(raw.accepted).toBe(false);
    expect(raw.reasons.map((reason) => reason.field)).toEqual(['/registrationData']);
  });
});

describe('a TRT cell changed in the legal text changes the decision, with no code change', () => {
  const request: ServiceRequestInput = {
    sender: { role: 'import-supplier', party: 'IMP1' },
    sr: '8.2',
    target: { mpan: '2000000000001', deviceType: 'ESME', smets: 1 },
    mode: 'on-demand',
    executionDate: '2024-07-10',
  };
  const CELL = '<ins cite="MP162">30 secs[^ab-fn5]</ins>';

  it('compiled in memory', async () => {
    expect((await authorise(request, REGISTRATION, { view: 'modified' })).trtSeconds).toBe(30);
    const documents = await textDocuments();
    documents['appendix-ab.md'] = replaceOnce(documents['appendix-ab.md']!, CELL, '<ins cite="MP162">45 secs[^ab-fn5]</ins>');
    const result = await compileStrings(documents, false);
    expect(result.ok).toBe(true);
    const tables = tablesFromRuleSets(result.ruleSets!);
    const decision = await authorise(request, REGISTRATION, { view: 'modified', tables });
    expect(decision.trtSeconds).toBe(45);
    expect(decision.trt?.text).toBe('45 secs');
    expect(decision.trt?.basis.place).toBe('appendix-ab.md#AB2.1[8.2][Eligible User Roles / SMETS1 / On-Demand]');
    expect(decision.trt?.basis.address).toBe('trt/8.2/import-supplier/smets1/on-demand');
    expect((await authorise(request, REGISTRATION, { view: 'baseline', tables })).trtSeconds).toBe(16);
  });

  it('rebuilt by `secc build` into generated/ of a copy of the project', async () => {
    const copy = await projectCopy();
    try {
      const file = path.join(copy.dir, 'sec-text', 'appendix-ab.md');
      await writeFile(file, replaceOnce(await readText('appendix-ab.md'), CELL, '<ins cite="MP162">2 mins[^ab-fn5]</ins>'));
      const built = await runCli(['build', '--root', copy.dir, '--text', path.join(copy.dir, 'sec-text')], copy.dir);
      expect(built.code, built.stderr).toBe(0);
      const module = (await import(pathToFileURL(path.join(copy.dir, 'generated', 'index.ts')).href)) as Parameters<
        typeof tablesFromGenerated
      >[0];
      const decision = await authorise(request, REGISTRATION, { view: 'modified', tables: tablesFromGenerated(module) });
      expect(decision.trtSeconds).toBe(120);
      expect(decision.accepted).toBe(true);
    } finally {
      await copy.cleanup();
    }
  });
});

describe('the package entry point sec-rules/gateway', () => {
  it.skipIf(!existsSync(path.join(ROOT, 'dist', 'src', 'gateway', 'index.js')))(
    'resolves through package.json exports and decides',
    async () => {
      const script = `
      const { authorise } = await import('sec-rules/gateway');
      const registration = ${JSON.stringify(REGISTRATION)};
      const decision = await authorise(${JSON.stringify(mdrRead('2024-07-01'))}, registration, { view: 'modified' });
      process.stdout.write(JSON.stringify([decision.accepted, decision.trtSeconds]));
    `;
      const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
      expect(JSON.parse(out)).toEqual([true, 86400]);
    },
  );
});
