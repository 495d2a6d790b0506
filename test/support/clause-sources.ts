/**
 * Where each clause of sec-text/ comes from. A clause that states an obligation (`shall`, `must`)
 * or a fact of MP162 carries quotes from the source documents that support it; a clause that only
 * frames or explains (a heading, how to read a table, what this corpus covers) is `background`,
 * with the reason, and must state no obligation. clause-sources.test.ts requires an entry for every
 * clause of both views, checks every quote against its source when the sources are present, and
 * fails a background clause that says `shall` or `must`.
 *
 * Decisions taken when the text was traced (issue 12, part 5), for clauses that stated duties no
 * source gives: H3.14's duty to keep schedules under review and delete unneeded ones (the report
 * leaves automatic deletion of schedules to be explored separately) became the neutral "a User may
 * read and delete its schedules by SR 5.2 and 5.3"; G6.2 (the DCC holds a request over a threshold
 * until the User confirms) was removed; G6.1's "notify ... and keep under review" became the
 * report's "declare" (and G6.1A with it); H1.3's duty to name the User Role in each request became
 * a neutral statement that the role a request is sent in decides eligibility, TRTs and Access
 * Control; H4.3's duty to notify the sender by a Response and send no Command became the neutral
 * consequence of a rejection; G8.4 (further assessments after a material change) was removed.
 */
import type { SourceName } from './sources.js';

export type ClauseSource = { source: SourceName; quotes: readonly string[] } | { background: string };

const heading = { background: 'a heading: it has no text of its own' };

export const CLAUSE_SOURCES: Readonly<Record<string, ClauseSource>> = {
  H1: heading,
  'H1.1': {
    source: 'report',
    quotes: [
      "required to register as a DCC User in the new 'MDR' User Role",
      "accede to the SEC under the 'Other SEC Party' Party Category",
    ],
  },
  'H1.2': {
    source: 'report',
    quotes: ['An MDR User will be required to undergo appropriate User Entry Process Testing (UEPT) for the role'],
  },
  'H1.2A': {
    source: 'report',
    quotes: [
      'effective dates for this appointment will be registered in the Meter Point Administration Service (MPAS)',
      'passed to the DCC Systems via the Central Switching Service (CSS) and stored in the Registration Data',
      "accede to the SEC under the 'Other SEC Party' Party Category if it has not already done so before",
    ],
  },
  'H1.2B': {
    source: 'report',
    quotes: [
      "A Supplier who elects to operate as its own MDR will not need to register under the 'MDR' User Role and may continue to operate using its existing Supplier User Roles",
      "it would need to register in and use the 'MDR' User Role when collecting data on behalf of other Suppliers",
    ],
  },
  'H1.3': {
    source: 'report',
    quotes: [
      "Suppliers will, as now, only be able to submit Service Requests as an 'Import Supplier' or an 'Export Supplier' to ESME for which they are registered as the Import or Export Supplier",
    ],
  },
  H3: heading,
  'H3.13': {
    source: 'report',
    quotes: ['only needs a wording change in the SEC to allow the DCC to schedule these Service Requests'],
  },
  'H3.13A': {
    source: 'report',
    quotes: [
      'requiring any User collecting data for MHHS purposes to collect this via a scheduled read in the first instance',
      'An on-demand request could be made only if the scheduled request fails for some reason. This was added as Section H3.13A',
    ],
  },
  'H3.14': { source: 'report', quotes: ['5.2 Read Schedule Yes No', '5.3 Delete Schedule Yes No'] },
  H4: heading,
  'H4.1': {
    source: 'report',
    quotes: ['The DCC will use Access Control to validate any Service Request sent by an MDR User against the Registration Data'],
  },
  'H4.2': {
    source: 'report',
    quotes: [
      "Suppliers will, as now, only be able to submit Service Requests as an 'Import Supplier' or an 'Export Supplier' to ESME for which they are registered as the Import or Export Supplier",
    ],
  },
  'H4.2A': {
    source: 'report',
    quotes: [
      'MDR Users will only be able to access those ESME for which they are the appointed MDR',
      'include the Effective To Date in the registration data',
    ],
  },
  'H4.3': { source: 'report', quotes: ['MDR Users will only be able to access those ESME for which they are the appointed MDR'] },
  G6: heading,
  'G6.1': { source: 'report', quotes: ['declare relevant Anomaly Detection Thresholds (ADTs) in line with the existing provisions'] },
  'G6.1A': {
    source: 'report',
    quotes: ['MDR Users will also need to declare relevant Anomaly Detection Thresholds (ADTs) in line with the existing provisions'],
  },
  G8: heading,
  'G8.1': {
    source: 'report',
    quotes: [
      'MDR Users will need to undergo an initial Full User Security Assessment (FUSA)',
      'which will form part of the User Entry criteria',
    ],
  },
  'G8.2': { source: 'report', quotes: ['Suppliers will continue to be subject to the existing User Security Assessments'] },
  'G8.3': {
    source: 'report',
    quotes: ["adhere to the same SEC Section G 'Security' obligations as an Other User and undergo annual User Security Assessments"],
  },
  'G8.3A': {
    source: 'report',
    quotes: [
      '(unless they have already undergone an equivalent assessment as an Other User), which will form part of the User Entry criteria',
      'undergo annual User Security Assessments',
    ],
  },
  'G8.3B': {
    source: 'report',
    quotes: ["They will then be required to adhere to the same SEC Section G 'Security' obligations as an Other User"],
  },
  'G8.3C': {
    source: 'report',
    quotes: [
      'MDR Users will not need to undergo Privacy Assessments.',
      'will not need to undergo Privacy Assessments if they elect to perform the MDR role in-house',
    ],
  },
  E1: heading,
  'E1.1': { background: 'says what the Schedule records and how requests are identified; the facts are in E2.1' },
  'E1.2': {
    source: 'report',
    quotes: ['processing of such requests limited to the DSP systems', '5.1 Create Schedule Yes No'],
  },
  'E1.3': { background: 'explains the columns and values of the table in E2.1' },
  E2: heading,
  'E2.1': {
    source: 'matrix',
    quotes: ['"Service Reference Variant"', '"Eligible User Roles"', '"Future Dated Response Pattern"', '"DSP & Device"'],
  },
  AB1: heading,
  'AB1.1': { source: 'report', quotes: ['TRTs for Eligible Users for MHHS data retrieval Service Requests'] },
  'AB1.2': { background: 'explains the columns and values of the table in AB2.1' },
  'AB1.3': {
    background:
      'states what this corpus covers: the sources give Target Response Times only for the MP162 table, so the text names the SRs it covers',
  },
  AB2: heading,
  'AB2.1': {
    source: 'report',
    quotes: [
      'TRTs for Eligible Users for MHHS data retrieval Service Requests',
      'SR 4.2 is not currently able to be scheduled. This will be made schedulable as part of MP162.',
      'This TRT will be amended to 30 seconds for all Users as part of this modification',
    ],
  },
  'AB2.2': {
    source: 'report',
    quotes: ["SR sent by 'MDR' User Role", '27 June 2024 (June 2024 SEC Release)'],
  },
};
