/** The words of the generated corpus: modifications, User Roles, durations, the seeded random source and the sentences it writes. */

export const PLACEHOLDER = `sha256:${'0'.repeat(64)}`;

export interface Modification {
  id: string;
  title: string;
  implementationDate: string;
}

export const MODIFICATIONS: Modification[] = [
  { id: 'MP162', title: 'SEC changes required to deliver MHHS', implementationDate: '2024-06-27' },
  { id: 'MP170', title: 'Synthetic benchmark modification: Target Response Time review', implementationDate: '2024-11-07' },
  { id: 'MP185', title: 'Synthetic benchmark modification: new Service Requests', implementationDate: '2025-02-27' },
  { id: 'MP199', title: 'Synthetic benchmark modification: drafting tidy-up', implementationDate: '2025-06-26' },
];

export const ROLES = [
  { name: 'Import Supplier', id: 'import-supplier', party: 'Supplier Party' },
  { name: 'Export Supplier', id: 'export-supplier', party: 'Supplier Party' },
  { name: 'Gas Supplier', id: 'gas-supplier', party: 'Supplier Party' },
  { name: 'Electricity Distributor', id: 'electricity-distributor', party: 'Electricity Network Party' },
  { name: 'Gas Transporter', id: 'gas-transporter', party: 'Gas Network Party' },
  { name: 'Other User', id: 'other-user', party: 'Other SEC Party' },
  { name: 'Registered Supplier Agent', id: 'registered-supplier-agent', party: 'Other SEC Party' },
];
export const MDR = { name: 'Meter Data Retriever', id: 'mdr', party: 'Other SEC Party' };

export const DURATIONS = ['30 secs', '16 secs', '5,600 secs', '24 hrs', '1 hr', '45 mins', 'N/A', '60 secs', '3 hrs', '90 secs'];
export const AVAILABLE = DURATIONS.filter((duration) => duration !== 'N/A');

/** mulberry32: small, fast, and the same sequence for the same seed on every platform. */
export class Random {
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

export const SUBJECTS = [
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
export const VERBS = ['shall', 'shall, where reasonably practicable,', 'may', 'shall not', 'shall promptly'];
export const ACTIONS = [
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
export const CONDITIONS = [
  'within five Working Days of becoming aware of it',
  'in accordance with the procedures developed under this Section',
  'save where the Panel directs otherwise',
  'unless the DCC has notified it that the requirement does not apply',
  'for so long as it remains a User',
  'at the intervals agreed with the Security Sub-Committee',
  'in respect of each User Role in which it is a User',
  'by no later than the date set out in the relevant Release',
];
export const REPLACEMENTS: Array<[string, string]> = [
  ['five Working Days', 'ten Working Days'],
  ['reasonable steps', 'all steps reasonably practicable'],
  ['each Quarter', 'each calendar month'],
  ['the Panel', 'the Change Sub-Committee'],
  ['without delay', 'within one hour'],
  ['sufficient', 'adequate'],
];
export const INSERTED_PHRASES = [
  ', including any MDR User,',
  ' (including any request sent on its behalf under a schedule)',
  ', acting reasonably,',
  ' and the Meter Data Retriever',
];
export const TITLES = [
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
export const TERMS = [
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

export function sentence(random: Random): string {
  return `${random.pick(SUBJECTS)} ${random.pick(VERBS)} ${random.pick(ACTIONS)} ${random.pick(CONDITIONS)}.`;
}

export function paragraph(random: Random, sentences: number): string {
  return Array.from({ length: sentences }, () => sentence(random)).join(' ');
}

// ---------------------------------------------------------------------------------------------
// Documents
