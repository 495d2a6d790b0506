/**
 * A deterministic, seeded generator of an SEC-scale redlined corpus, in the project's own
 * conventions (README "Document conventions"), for the benchmark (`npm run bench`) and its tests.
 *
 * What it writes (defaults): 60 documents, over 5 MB:
 * - section-h.md: the User Roles table, with the Meter Data Retriever row inserted by MP162;
 * - appendix-e.md: services tables for 360 Service Requests across service groups, one column per
 *   User Role, the Meter Data Retriever column inserted, rows inserted and deleted, cells replaced;
 * - appendix-ab.md: Target Response Time tables for every SR (Eligible User Roles columns plus the
 *   inserted Meter Data Retriever columns), redlined cells and rows matching Appendix E, footnotes;
 * - 57 further Sections and Appendices of numbered clauses: prose with inline redlines,
 *   lettered paragraphs, cross-references, prose tables with inserted rows and columns, whole
 *   clauses inserted and deleted, and literate rule blocks (redlined where their clause changes).
 *
 * Rule-block fingerprints are not computed here: every block is written with a placeholder and
 * then given the fingerprint the project's own extraction expects, exactly as
 * `secc fingerprint --write` does (planFingerprintUpdates / applyFingerprintUpdates).
 *
 * Run: `npx tsx test/bench/corpus.ts --out DIR [--seed N] [--documents N] [--srs N]`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createCompileContext, type CompileContext } from '../../src/compiler/context.js';
import { extractDocument } from '../../src/compiler/document-driver.js';
import { applyFingerprintUpdates, planFingerprintUpdates } from '../../src/features/fingerprint/record.js';
import { corpusFromStrings } from '../../src/compiler/1-read/read.js';

export interface CorpusOptions {
  seed?: number;
  /** Documents in all, at least 4 (Section H, Appendices E and AB, and one more). */
  documents?: number;
  /** Service Requests in Appendix E (and rows in Appendix AB). */
  serviceRequests?: number;
  /** Numbered clauses in each further document. */
  clausesPerDocument?: number;
  /** Give rule blocks their clauses' fingerprints (default true; false leaves a placeholder of the same length). */
  recordReviews?: boolean;
}

export interface Corpus {
  /** File name → text. */
  files: Record<string, string>;
  stats: { documents: number; bytes: number; serviceRequests: number; clauses: number; ruleBlocks: number; redlines: number };
}

export const DEFAULTS: Required<CorpusOptions> = {
  seed: 162,
  documents: 60,
  serviceRequests: 360,
  clausesPerDocument: 36,
  recordReviews: true,
};

const PLACEHOLDER = `sha256:${'0'.repeat(64)}`;

interface Modification {
  id: string;
  title: string;
  implementationDate: string;
}

const MODIFICATIONS: Modification[] = [
  { id: 'MP162', title: 'SEC changes required to deliver MHHS', implementationDate: '2024-06-27' },
  { id: 'MP170', title: 'Synthetic benchmark modification: Target Response Time review', implementationDate: '2024-11-07' },
  { id: 'MP185', title: 'Synthetic benchmark modification: new Service Requests', implementationDate: '2025-02-27' },
  { id: 'MP199', title: 'Synthetic benchmark modification: drafting tidy-up', implementationDate: '2025-06-26' },
];

const ROLES = [
  { name: 'Import Supplier', id: 'import-supplier', party: 'Supplier Party' },
  { name: 'Export Supplier', id: 'export-supplier', party: 'Supplier Party' },
  { name: 'Gas Supplier', id: 'gas-supplier', party: 'Supplier Party' },
  { name: 'Electricity Distributor', id: 'electricity-distributor', party: 'Electricity Network Party' },
  { name: 'Gas Transporter', id: 'gas-transporter', party: 'Gas Network Party' },
  { name: 'Other User', id: 'other-user', party: 'Other SEC Party' },
  { name: 'Registered Supplier Agent', id: 'registered-supplier-agent', party: 'Other SEC Party' },
];
const MDR = { name: 'Meter Data Retriever', id: 'mdr', party: 'Other SEC Party' };

const DURATIONS = ['30 secs', '16 secs', '5,600 secs', '24 hrs', '1 hr', '45 mins', 'N/A', '60 secs', '3 hrs', '90 secs'];
const AVAILABLE = DURATIONS.filter((duration) => duration !== 'N/A');

/** mulberry32: small, fast, and the same sequence for the same seed on every platform. */
class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
}

// ---------------------------------------------------------------------------------------------
// Prose

const SUBJECTS = [
  'The DCC',
  'Each User',
  'A Supplier Party',
  'Each Party',
  'The Panel',
  'The Code Administrator',
  'A Network Party',
  'An Other User',
  'The Security Sub-Committee',
  'Each Registration Data Provider',
];
const VERBS = ['shall', 'shall, where reasonably practicable,', 'may', 'shall not', 'shall promptly'];
const ACTIONS = [
  'notify the DCC of any change to the information it has provided',
  'maintain records sufficient to demonstrate compliance with this Section',
  'send Service Requests only in accordance with the eligibility set out in Appendix E',
  'keep its Anomaly Detection Thresholds under review',
  'provide the Panel with such information as it reasonably requests',
  'take all reasonable steps to ensure that its Systems are secure',
  'comply with the Target Response Times set out in Appendix AB',
  'publish a report on the operation of the Services each Quarter',
  'retain each Response for the period set out in the Data Retention Policy',
  'ensure that each Device it installs is listed on the Certified Products List',
  'co-operate with any audit carried out under this Code',
  'report any Incident to the Incident Management Helpdesk without delay',
];
const CONDITIONS = [
  'within five Working Days of becoming aware of it',
  'in accordance with the procedures developed under this Section',
  'save where the Panel directs otherwise',
  'unless the DCC has notified it that the requirement does not apply',
  'for so long as it remains a User',
  'at the intervals agreed with the Security Sub-Committee',
  'in respect of each User Role in which it is a User',
  'by no later than the date set out in the relevant Release',
];
const REPLACEMENTS: Array<[string, string]> = [
  ['five Working Days', 'ten Working Days'],
  ['reasonable steps', 'all steps reasonably practicable'],
  ['each Quarter', 'each calendar month'],
  ['the Panel', 'the Change Sub-Committee'],
  ['without delay', 'within one hour'],
  ['sufficient', 'adequate'],
];
const INSERTED_PHRASES = [
  ', including any MDR User,',
  ' (including any request sent on its behalf under a schedule)',
  ', acting reasonably,',
  ' and the Meter Data Retriever',
];
const TITLES = [
  'General',
  'Obligations of Users',
  'Notification',
  'Records',
  'Audit',
  'Security',
  'Incidents',
  'Reporting',
  'Testing',
  'Charges',
  'Termination',
  'Disputes',
  'Data Retention',
  'Service Levels',
  'Schedules',
  'Registration Data',
  'Anomaly Detection',
  'Devices',
  'Releases',
  'Suspension',
];
const TERMS = [
  'Working Day',
  'Quarter',
  'Release',
  'Incident',
  'Response',
  'Registration Data',
  'Anomaly Detection Threshold',
  'Device',
  'User Role',
  'Certified Products List',
  'Panel',
  'Code Administrator',
];

function sentence(random: Random): string {
  return `${random.pick(SUBJECTS)} ${random.pick(VERBS)} ${random.pick(ACTIONS)} ${random.pick(CONDITIONS)}.`;
}

function paragraph(random: Random, sentences: number): string {
  return Array.from({ length: sentences }, () => sentence(random)).join(' ');
}

// ---------------------------------------------------------------------------------------------
// Documents

interface DocumentPlan {
  file: string;
  document: string;
  id: string;
  title: string;
}

/** The further documents, in order: Sections (one letter), then Appendices (two letters). */
function furtherDocuments(count: number): DocumentPlan[] {
  const plans: DocumentPlan[] = [];
  for (const letter of 'ABCDFGIJKLMNOPQRSTUVWXYZ')
    plans.push({
      file: `section-${letter.toLowerCase()}.md`,
      document: `SEC Section ${letter}`,
      id: letter,
      title: `${TITLES[plans.length % TITLES.length]!} (Section ${letter})`,
    });
  for (const first of 'ABCD') {
    for (const second of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
      const id = `${first}${second}`;
      if (id === 'AB') continue;
      plans.push({
        file: `appendix-${id.toLowerCase()}.md`,
        document: `SEC Appendix ${id}`,
        id,
        title: `${TITLES[plans.length % TITLES.length]!} (Appendix ${id})`,
      });
    }
  }
  return plans.slice(0, count);
}

class Writer {
  readonly lines: string[] = [];
  readonly used = new Set<string>();
  redlines = 0;
  ruleBlocks = 0;
  clauses = 0;
  constructor(readonly random: Random) {}
  push(...lines: string[]): void {
    this.lines.push(...lines);
  }
  ins(mod: string, text: string): string {
    this.used.add(mod);
    this.redlines++;
    return `<ins cite="${mod}">${text}</ins>`;
  }
  del(mod: string, text: string): string {
    this.used.add(mod);
    this.redlines++;
    return `<del cite="${mod}">${text}</del>`;
  }
  replace(mod: string, from: string, to: string): string {
    return `${this.del(mod, from)}${this.ins(mod, to)}`;
  }
  /** Whole blocks inside an insertion or deletion: tag alone on its line, blank lines around. */
  block(kind: 'ins' | 'del', mod: string, body: () => void): void {
    this.used.add(mod);
    this.redlines++;
    this.push(`<${kind} cite="${mod}">`, '');
    body();
    this.push('', `</${kind}>`, '');
  }
  text(): string {
    return `${this.lines
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd()}\n`;
  }
}

function frontMatter(plan: DocumentPlan, used: ReadonlySet<string>, external: readonly string[]): string {
  const mods = MODIFICATIONS.filter((modification) => used.has(modification.id));
  const lines = [
    '---',
    `document: ${plan.document}`,
    `id: ${plan.id}`,
    `title: ${plan.title}`,
    mods.length > 0 ? 'modifications:' : 'modifications: []',
  ];
  for (const modification of mods)
    lines.push(
      `  - id: ${modification.id}`,
      `    title: ${JSON.stringify(modification.title)}`,
      `    implementationDate: "${modification.implementationDate}"`,
    );
  if (external.length > 0) lines.push(`external: [${external.join(', ')}]`);
  lines.push('---', '');
  return lines.join('\n');
}

interface RuleSpec {
  slug: string;
  yaml: (roles: readonly string[]) => string[];
}

/** Rule kinds a generated clause may carry; `roles` are the User Roles defined in the view. */
function ruleSpecs(random: Random, scopes: readonly string[]): RuleSpec[] {
  return [
    { slug: 'anomaly-thresholds', yaml: (roles) => ['kind: anomaly-detection-thresholds', `roles: [${roles.join(', ')}]`] },
    {
      slug: 'security-assessment',
      yaml: (roles) => [
        'kind: security-assessment',
        `role: ${random.pick(roles)}`,
        'atUserEntry: full-user-security-assessment',
        'thereafter: annual-user-security-assessment',
      ],
    },
    {
      slug: 'privacy-assessment',
      yaml: (roles) => ['kind: privacy-assessment', `role: ${random.pick(roles)}`, `required: ${random.chance(0.5)}`],
    },
    {
      slug: 'access-control',
      yaml: () => [
        'kind: registration-access-control',
        `role: ${random.pick(['import-supplier', 'export-supplier', 'gas-supplier'])}`,
        `registrationField: ${random.pick(['import-supplier', 'export-supplier', 'gas-supplier'])}`,
        `deviceTypes: [${random.pick(['ESME', 'GSME', 'ESME, CHF', 'GSME, GPF'])}]`,
      ],
    },
    {
      slug: 'same-obligations',
      yaml: (roles) => ['kind: same-obligations', `role: ${roles[roles.length - 1]}`, 'as: other-user', `scope: ${random.pick(scopes)}`],
    },
  ];
}

function ruleBlock(writer: Writer, clause: string, spec: RuleSpec, roles: readonly string[], suffix = ''): void {
  writer.ruleBlocks++;
  writer.push(
    '```rule',
    `id: ${clause}.${spec.slug}${suffix}`,
    `clause: ${clause}`,
    `fingerprint: ${PLACEHOLDER}`,
    ...spec.yaml(roles),
    '```',
    '',
  );
}

interface ClauseRef {
  id: string;
  /** How another document cites it: `Section B3.2` or `clause AC2.1`. */
  cite: string;
  paragraphs: boolean;
}

/** Prose clauses for one document. Cross-references point only at clauses present in both views. */
function proseDocument(
  plan: DocumentPlan,
  options: Required<CorpusOptions>,
  random: Random,
  stable: ClauseRef[],
  scopes: readonly string[],
): Writer {
  const writer = new Writer(random);
  const baseRoles = ROLES.map((role) => role.id);
  const allRoles = [...baseRoles, MDR.id];
  const specs = ruleSpecs(random, scopes);
  const parts = Math.max(1, Math.round(options.clausesPerDocument / 6));
  const perPart = Math.max(1, Math.ceil(options.clausesPerDocument / parts));
  const isSection = plan.document.includes('Section');
  writer.push(`# ${plan.title}`, '');
  let made = 0;
  for (let part = 1; part <= parts && made < options.clausesPerDocument; part++) {
    writer.push(`## ${plan.id}${part} ${random.pick(TITLES)}`, '');
    for (let number = 1; number <= perPart && made < options.clausesPerDocument; number++, made++) {
      const id = `${plan.id}${part}.${number}`;
      const cite = isSection ? `Section ${id}` : `clause ${id}`;
      const roll = random.next();
      if (roll < 0.03 && number > 1) {
        // A whole clause deleted.
        const mod = random.pick(MODIFICATIONS).id;
        writer.block('del', mod, () =>
          clauseBody(writer, id, random.pick(TITLES), { redline: false, rule: random.chance(0.4), roles: baseRoles, stable, specs, mod }),
        );
        writer.clauses++;
        continue;
      }
      const changed = random.chance(0.35);
      const lettered = random.chance(0.3);
      clauseBody(writer, id, random.pick(TITLES), {
        redline: changed,
        rule: random.chance(0.25),
        roles: baseRoles,
        stable,
        specs,
        mod: random.pick(MODIFICATIONS).id,
        lettered,
        modifiedRoles: allRoles,
      });
      writer.clauses++;
      if (!changed) stable.push({ id, cite, paragraphs: lettered });
      if (random.chance(0.05)) {
        // A whole clause inserted after it, with a letter suffix instead of renumbering.
        const mod = random.pick(MODIFICATIONS).id;
        writer.block('ins', mod, () =>
          clauseBody(writer, `${id}A`, random.pick(TITLES), {
            redline: false,
            rule: random.chance(0.5),
            roles: allRoles,
            stable,
            specs,
            mod,
          }),
        );
        writer.clauses++;
      }
    }
  }
  return writer;
}

interface ClauseOptions {
  redline: boolean;
  rule: boolean;
  roles: readonly string[];
  /** The roles defined in the modified view (for the re-reviewed block of a redlined clause). */
  modifiedRoles?: readonly string[];
  stable: readonly ClauseRef[];
  specs: RuleSpec[];
  mod: string;
  lettered?: boolean;
}

function clauseBody(writer: Writer, id: string, title: string, options: ClauseOptions): void {
  const { random } = writer;
  const { redline, mod } = options;
  const heading = redline && random.chance(0.15) ? `${writer.replace(mod, title, `${title} and Notices`)}` : title;
  writer.push(`### ${id} ${heading}`, '');
  const paragraphs = random.int(2, 4);
  let redlined = false;
  for (let index = 0; index < paragraphs; index++) {
    let text = paragraph(random, random.int(3, 6));
    if (index === 0 && options.stable.length > 0 && random.chance(0.6)) {
      const target = random.pick(options.stable);
      text += ` This is without prejudice to ${target.cite}${target.paragraphs && random.chance(0.5) ? '(a)' : ''}.`;
    }
    if (redline && (index === 0 || random.chance(0.3))) {
      text = redlineProse(writer, text, mod);
      redlined = true;
    }
    writer.push(text, '');
  }
  if (options.lettered) {
    for (const label of ['a', 'b', 'c'].slice(0, random.int(2, 3))) {
      let item = `(${label}) ${sentence(random)}`;
      if (redline && !redlined) {
        item = redlineProse(writer, item, mod);
        redlined = true;
      }
      writer.push(`- ${item}`);
    }
    writer.push('');
  }
  if (random.chance(0.12)) proseTable(writer, redline ? mod : undefined);
  if (!options.rule) return;
  const spec = random.pick(options.specs);
  if (!redline) {
    ruleBlock(writer, id, spec, options.roles);
    return;
  }
  // The clause text differs between the views: the rule block is itself redlined.
  writer.block('del', mod, () => ruleBlock(writer, id, spec, options.roles));
  writer.block('ins', mod, () => ruleBlock(writer, id, spec, options.modifiedRoles ?? options.roles));
}

function redlineProse(writer: Writer, text: string, mod: string): string {
  const { random } = writer;
  for (const [from, to] of REPLACEMENTS) {
    const at = text.indexOf(from);
    if (at !== -1 && random.chance(0.7)) return `${text.slice(0, at)}${writer.replace(mod, from, to)}${text.slice(at + from.length)}`;
  }
  const at = text.indexOf('.');
  return `${text.slice(0, at)}${writer.ins(mod, random.pick(INSERTED_PHRASES))}${text.slice(at)}`;
}

/** A prose table (not one of the data tables): definitions, with redlined rows or a column. */
function proseTable(writer: Writer, mod: string | undefined): void {
  const { random } = writer;
  const column = mod !== undefined && random.chance(0.3);
  writer.push(column ? `| Term | Meaning | ${writer.ins(mod, 'Since')} |` : '| Term | Meaning |', column ? '|---|---|---|' : '|---|---|');
  for (let row = 0; row < random.int(3, 6); row++) {
    const term = random.pick(TERMS);
    const meaning = `${random.pick(ACTIONS)} ${random.pick(CONDITIONS)}`;
    const extra = column ? ` ${writer.ins(mod, random.pick(MODIFICATIONS).implementationDate)} |` : '';
    if (mod !== undefined && !column && random.chance(0.25)) {
      const kind = random.chance(0.5) ? 'ins' : 'del';
      const wrap = (text: string): string => (kind === 'ins' ? writer.ins(mod, text) : writer.del(mod, text));
      writer.push(`| ${wrap(term)} | ${wrap(meaning)} |`);
    } else writer.push(`| ${term} | ${meaning} |${extra}`);
  }
  writer.push('');
}

// ---------------------------------------------------------------------------------------------
// Section H, Appendix E, Appendix AB

function sectionH(random: Random, options: Required<CorpusOptions>, stable: ClauseRef[], scopes: readonly string[]): Writer {
  const plan = { file: 'section-h.md', document: 'SEC Section H', id: 'H', title: 'DCC Services' };
  const writer = proseDocument(
    { ...plan, id: 'H' },
    { ...options, clausesPerDocument: Math.max(6, Math.round(options.clausesPerDocument / 2)) },
    random,
    stable,
    scopes,
  );
  // Put the User Roles clause first, after the title.
  const title = writer.lines.shift();
  const rest = writer.lines.splice(0);
  writer.push(title!, '', '## H0 User Roles', '', '### H0.1 User Roles and Party Categories', '');
  writer.push(
    'A Party may become a User in one or more of the User Roles set out below. The table gives, for each User Role, the identifier by which it is known and the Party Category with which it is associated.',
    '',
  );
  writer.push('| User Role | Identifier | Party Category |', '|---|---|---|');
  for (const role of ROLES) writer.push(`| ${role.name} | \`${role.id}\` | ${role.party} |`);
  writer.push(`| ${writer.ins('MP162', MDR.name)} | ${writer.ins('MP162', `\`${MDR.id}\``)} | ${writer.ins('MP162', MDR.party)} |`, '');
  writer.clauses++;
  writer.push(...rest);
  return writer;
}

interface ServiceRequest {
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

function serviceRequests(random: Random, count: number): ServiceRequest[] {
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
      // Every corpus, however small, has an inserted row, a deleted row and a replaced cell.
      const forced = out.length === 2 ? 0 : out.length === 4 ? 0.05 : out.length === 6 ? 0.1 : roll;
      if (forced < 0.04) sr.row = { kind: 'ins', mod: 'MP185' };
      else if (forced < 0.06) sr.row = { kind: 'del', mod: 'MP199' };
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

function compareRefs(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let index = 0; index < 3; index++) {
    const difference = (pa[index] ?? -1) - (pb[index] ?? -1);
    if (difference !== 0) return difference;
  }
  return 0;
}

const yesNo = (value: boolean): string => (value ? 'Yes' : 'No');

function appendixE(random: Random, srs: readonly ServiceRequest[]): Writer {
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
      `| SR | Service Request Name | Non-Device | On Demand | Future Dated | DCC Scheduled | ${ROLES.map((role) => role.name).join(' | ')} | ${writer.ins('MP162', MDR.name)} |`,
    );
    writer.push(`|${'---|'.repeat(6 + ROLES.length + 1)}`);
    for (const sr of srs.filter((entry) => entry.group === group)) {
      const cells = [
        sr.ref,
        sr.name,
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
        const index = 6 + sr.change.role;
        const before = sr.eligible[sr.change.role]!;
        cells[index] = writer.replace(sr.change.mod, yesNo(before), yesNo(!before));
      }
      writer.push(`| ${cells.join(' | ')} | ${writer.ins('MP162', yesNo(sr.mdr))} |`);
    }
    writer.push('');
  }
  return writer;
}

function appendixAB(random: Random, srs: readonly ServiceRequest[]): Writer {
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

/** Generates the corpus in memory; same options, same bytes. */
export function generateCorpus(input: CorpusOptions = {}): Corpus {
  const options = { ...DEFAULTS, ...input };
  if (options.documents < 4) throw new Error('a corpus needs at least 4 documents');
  const random = new Random(options.seed);
  const further = furtherDocuments(options.documents - 3);
  const scopes = [
    'Section H',
    ...further.filter((plan) => plan.document.includes('Section')).map((plan) => plan.document.replace('SEC ', '')),
  ];
  const stable: ClauseRef[] = [];
  const srs = serviceRequests(random, options.serviceRequests);
  const written: Array<{ plan: DocumentPlan; writer: Writer }> = [];
  written.push({
    plan: { file: 'section-h.md', document: 'SEC Section H', id: 'H', title: 'DCC Services' },
    writer: sectionH(random, options, stable, scopes),
  });
  written.push({
    plan: { file: 'appendix-e.md', document: 'SEC Appendix E', id: 'E', title: 'DCC User Interface Services Schedule' },
    writer: appendixE(random, srs),
  });
  written.push({
    plan: { file: 'appendix-ab.md', document: 'SEC Appendix AB', id: 'AB', title: 'Service Request Processing Document' },
    writer: appendixAB(random, srs),
  });
  for (const plan of further) written.push({ plan, writer: proseDocument(plan, options, random, stable, scopes) });

  const files: Record<string, string> = {};
  const stats = { documents: 0, bytes: 0, serviceRequests: srs.length, clauses: 0, ruleBlocks: 0, redlines: 0 };
  const context = createCompileContext();
  for (const { plan, writer } of written) {
    const text = frontMatter(plan, writer.used, []) + '\n' + writer.text();
    files[plan.file] = writer.ruleBlocks > 0 && options.recordReviews ? recordReviews(plan.file, text, context) : text;
    stats.documents++;
    stats.clauses += writer.clauses;
    stats.ruleBlocks += writer.ruleBlocks;
    stats.redlines += writer.redlines;
  }
  stats.bytes = Object.values(files).reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  return { files, stats };
}

/** Gives each rule block the fingerprint of its clause, as `secc fingerprint --write` does. */
function recordReviews(name: string, text: string, context: CompileContext): string {
  const [doc] = corpusFromStrings({ [name]: text });
  extractDocument(doc!, context);
  const plan = planFingerprintUpdates([doc!.file]);
  if (plan.conflicts.length > 0)
    throw new Error(
      `generator bug: ${name} has rule blocks needing two fingerprints (lines ${plan.conflicts.map((c) => c.line).join(', ')})`,
    );
  return applyFingerprintUpdates(text, plan.updates);
}

/** Writes the corpus to `dir` (created if needed). */
export async function writeCorpus(dir: string, corpus: Corpus): Promise<void> {
  await mkdir(dir, { recursive: true });
  await Promise.all(Object.entries(corpus.files).map(([name, text]) => writeFile(path.join(dir, name), text, 'utf8')));
}

/**
 * A one-cell edit for the incremental benchmark: the first unredlined `30 secs` TRT cell in
 * Appendix AB becomes `31 secs`. Returns the new text (throws if there is no such cell).
 */
export function editOneCell(text: string): string {
  const match = /^\| \d+\.\d+(?:\.\d+)? \|(?: [^|]*\|)*? 30 secs \|/m.exec(text);
  if (!match) throw new Error('no unredlined `30 secs` cell to edit');
  const at = match.index + match[0].lastIndexOf(' 30 secs |');
  return `${text.slice(0, at)} 31 secs |${text.slice(at + ' 30 secs |'.length)}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { out: { type: 'string' }, seed: { type: 'string' }, documents: { type: 'string' }, srs: { type: 'string' } },
  });
  if (!values.out) throw new Error('usage: tsx test/bench/corpus.ts --out DIR [--seed N] [--documents N] [--srs N]');
  const corpus = generateCorpus({
    ...(values.seed ? { seed: Number(values.seed) } : {}),
    ...(values.documents ? { documents: Number(values.documents) } : {}),
    ...(values.srs ? { serviceRequests: Number(values.srs) } : {}),
  });
  await writeCorpus(values.out, corpus);
  process.stdout.write(`${JSON.stringify(corpus.stats)}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
