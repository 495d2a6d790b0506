/** Generated Service Requests, and the tables that list them: Appendix E (services and eligibility) and Appendix AB (Target Response Times). */
import { AVAILABLE, DURATIONS, MDR, ROLES, type Random } from './vocabulary.js';
import { Writer } from './writer.js';

export interface ServiceRequest {
  ref: string;
  group: number;
  name: string;
  flags: { nonDevice: boolean; onDemand: boolean; futureDated: string; dccScheduled: boolean };
  eligible: boolean[];
  mdr: boolean;
  /** Whole row inserted or deleted, by which modification. */
  row?: { kind: 'ins' | 'del'; mod: string };
  /** A replaced eligibility cell: role index, baseline value. */
  change?: { role: number; mod: string };
}

export function serviceRequests(random: Random, count: number): ServiceRequest[] {
  const out: ServiceRequest[] = [];
  const perGroup = 30;
  const groups = Math.max(1, Math.ceil(count / perGroup));
  for (let group = 1; group <= groups; group++) {
    const refs: string[] = [];
    for (let request = 1; refs.length < perGroup; request++) {
      refs.push(`${group}.${request}`);
      if (request <= 3) refs.push(`${group}.${request}.1`, `${group}.${request}.2`);
    }
    refs.sort((a, b) => compareRefs(a, b));
    for (const ref of refs.slice(0, perGroup)) {
      if (out.length >= count) break;
      const eligible = ROLES.map(() => random.chance(0.6));
      if (!eligible.some(Boolean)) eligible[0] = true;
      const roll = random.next();
      const sr: ServiceRequest = {
        ref,
        group,
        name: `${random.pick(['Read', 'Update', 'Retrieve', 'Set', 'Restrict', 'Join', 'Unjoin', 'Request'])} ${random.pick(['Import', 'Export', 'Gas', 'Prepayment', 'Tariff', 'Device', 'Firmware', 'Schedule'])} ${random.pick(['Register', 'Profile Data', 'Log', 'Configuration', 'Credit', 'Inventory', 'Security Credentials'])} ${ref}`,
        flags: {
          nonDevice: random.chance(0.2),
          onDemand: true,
          futureDated: random.pick(['DSP', 'Device', 'No']),
          dccScheduled: random.chance(0.4),
        },
        eligible,
        mdr: out.length === 0 || random.chance(0.15),
      };
      // Every corpus, however small, has an inserted row, a deleted row and a replaced cell. Rows are
      // inserted and deleted by MP162, whose MDR columns they carry: another modification's row would
      // need MP162's columns, so it could not be in force without it (a conflict of modifications).
      const forced = out.length === 2 ? 0 : out.length === 4 ? 0.05 : out.length === 6 ? 0.1 : roll;
      if (forced < 0.04) sr.row = { kind: 'ins', mod: 'MP162' };
      else if (forced < 0.06) sr.row = { kind: 'del', mod: 'MP162' };
      else if (forced < 0.12) {
        // Flip one role's eligibility, keeping at least one existing role eligible in both views.
        let role = random.int(0, ROLES.length - 1);
        if (eligible[role] && eligible.filter(Boolean).length === 1) role = eligible.indexOf(false);
        sr.change = { role, mod: 'MP170' };
      }
      out.push(sr);
    }
  }
  return out;
}

export function compareRefs(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let index = 0; index < 3; index++) {
    const difference = (pa[index] ?? -1) - (pb[index] ?? -1);
    if (difference !== 0) return difference;
  }
  return 0;
}

export const yesNo = (value: boolean): string => (value ? 'Yes' : 'No');

export function appendixE(random: Random, srs: readonly ServiceRequest[]): Writer {
  const writer = new Writer(random);
  writer.push('# DCC User Interface Services Schedule', '', '## E1 Introduction', '', '### E1.1 Purpose of this Schedule', '');
  writer.push(
    'This Schedule identifies the Service Requests that the DCC makes available over the DCC User Interface, their flags and the User Roles in which a User is eligible to send them. The Target Response Times are set out in Appendix AB.',
    '',
  );
  writer.clauses++;
  writer.push('## E2 Service Requests', '');
  const groups = [...new Set(srs.map((sr) => sr.group))];
  for (const group of groups) {
    writer.push(
      `### E2.${group} Service Requests of service group ${group}`,
      '',
      `The Service Requests of service group ${group}, their flags and the User Roles eligible to send them are as follows.`,
      '',
    );
    writer.clauses++;
    writer.push(
      `| SR | Service Request Name | Critical | Non-Device | On Demand | Future Dated | DCC Scheduled | ${ROLES.map((role) => role.name).join(' | ')} | ${writer.ins('MP162', MDR.name)} |`,
    );
    writer.push(`|${'---|'.repeat(7 + ROLES.length + 1)}`);
    for (const sr of srs.filter((entry) => entry.group === group)) {
      const cells = [
        sr.ref,
        sr.name,
        // Critical is not drawn at random, so the seeded corpus is otherwise what it was.
        yesNo(sr.flags.futureDated === 'Device'),
        yesNo(sr.flags.nonDevice),
        yesNo(sr.flags.onDemand),
        sr.flags.futureDated,
        yesNo(sr.flags.dccScheduled),
        ...sr.eligible.map(yesNo),
      ];
      if (sr.row) {
        const wrap = (text: string): string => (sr.row!.kind === 'ins' ? writer.ins(sr.row!.mod, text) : writer.del(sr.row!.mod, text));
        const mdrCell = sr.row.kind === 'ins' ? writer.ins(sr.row.mod, yesNo(sr.mdr)) : '';
        writer.push(`| ${cells.map(wrap).join(' | ')} | ${mdrCell} |`);
        continue;
      }
      if (sr.change) {
        const index = 7 + sr.change.role;
        const before = sr.eligible[sr.change.role]!;
        cells[index] = writer.replace(sr.change.mod, yesNo(before), yesNo(!before));
      }
      writer.push(`| ${cells.join(' | ')} | ${writer.ins('MP162', yesNo(sr.mdr))} |`);
    }
    writer.push('');
  }
  return writer;
}

export function appendixAB(random: Random, srs: readonly ServiceRequest[]): Writer {
  const writer = new Writer(random);
  writer.push('# Service Request Processing Document', '', '## AB1 Introduction', '', '### AB1.1 Target Response Times', '');
  writer.push(
    'A Target Response Time is the period within which the DCC is to deliver to a User the Response to a Service Request. A column headed `Eligible User Roles` applies to every User Role eligible to send the Service Request under Appendix E that has no columns of its own.',
    '',
  );
  writer.clauses++;
  writer.push('## AB2 Target Response Times', '');
  const combos = ['SMETS2 / Scheduled', 'SMETS2 / On-Demand', 'SMETS1 / Scheduled', 'SMETS1 / On-Demand'];
  const groups = [...new Set(srs.map((sr) => sr.group))];
  let footnotes = 0;
  const definitions: string[] = [];
  for (const group of groups) {
    writer.push(
      `### AB2.${group} Target Response Times for service group ${group}`,
      '',
      `The Target Response Times for the Service Requests of service group ${group} are as follows.`,
      '',
    );
    writer.clauses++;
    writer.push(
      `| SR | ${combos.map((combo) => `Eligible User Roles / ${combo}`).join(' | ')} | ${combos.map((combo) => writer.ins('MP162', `${MDR.name} / ${combo}`)).join(' | ')} |`,
    );
    writer.push(`|${'---|'.repeat(1 + combos.length * 2)}`);
    for (const sr of srs.filter((entry) => entry.group === group)) {
      // Consistent with Appendix E (the lint rules dcc-scheduled-trt, on-demand-trt, trt-coverage):
      // Scheduled times only for DCC Scheduled SRs, an On-Demand time for every eligible sender,
      // and nothing but N/A for a sender that is not eligible.
      const times = (eligible: boolean): string[] => {
        const scheduled = eligible && sr.flags.dccScheduled;
        return [
          scheduled ? random.pick(AVAILABLE) : 'N/A',
          eligible ? random.pick(AVAILABLE) : 'N/A',
          scheduled ? random.pick(DURATIONS) : 'N/A',
          eligible ? random.pick(DURATIONS) : 'N/A',
        ];
      };
      const base = times(true);
      const mdr = times(sr.mdr);
      if (sr.row) {
        const wrap = (text: string): string => (sr.row!.kind === 'ins' ? writer.ins(sr.row!.mod, text) : writer.del(sr.row!.mod, text));
        const mdrCells = sr.row.kind === 'ins' ? mdr.map(wrap) : mdr.map(() => '');
        writer.push(`| ${[sr.ref, ...base].map(wrap).join(' | ')} | ${mdrCells.join(' | ')} |`);
        continue;
      }
      const cells = base.map((value) => {
        if (value !== 'N/A' && random.chance(0.05)) {
          let to = random.pick(AVAILABLE);
          if (to === value) to = value === '30 secs' ? '60 secs' : '30 secs';
          return writer.replace('MP170', value, to);
        }
        if (random.chance(0.01)) {
          footnotes++;
          definitions.push(
            `[^ab-n${footnotes}]: The Target Response Time for SR ${sr.ref} is measured from the time the DCC receives the Service Request.`,
            '',
          );
          return `${value}[^ab-n${footnotes}]`;
        }
        return value;
      });
      writer.push(`| ${sr.ref} | ${cells.join(' | ')} | ${mdr.map((value) => writer.ins('MP162', value)).join(' | ')} |`);
    }
    writer.push('');
  }
  writer.push(...definitions);
  return writer;
}

// ---------------------------------------------------------------------------------------------
