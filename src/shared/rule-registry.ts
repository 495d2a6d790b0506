/**
 * The registry of rule ids: every id a finding can carry is declared here once, with its default
 * severity and a one-line summary. `report()` accepts only these ids (a type error otherwise);
 * each id's doc and examples live beside the code that detects it (src/features/lint/rules/,
 * src/features/lint/compiler-rules/) and `test/rule-registry.test.ts` checks that every id
 * has exactly one. The README's rule tables are generated from here (`npm run docs:rules`).
 */
/** error: fails the gate; warning: fails only with --frail; info: shown. */
export type Severity = 'error' | 'warning' | 'info';

export interface RuleEntry {
  severity: Severity;
  /** One line, for listings, the README and SARIF's shortDescription. */
  summary: string;
}

export const RULE_REGISTRY = {
  'trt-coverage': {
    severity: 'error',
    summary:
      'every User Role eligible for an SR in Appendix E has a Target Response Time in Appendix AB, and AB gives none that E does not allow',
  },
  'trt-scope': {
    severity: 'error',
    summary: 'the Target Response Time table has rows for exactly the Service Requests its scope clause names, each listed in Appendix E',
  },
  'dcc-scheduled-trt': {
    severity: 'error',
    summary:
      'an SR is DCC Scheduled in Appendix E exactly when Appendix AB gives it a Scheduled TRT other than N/A for an eligible User Role',
  },
  'on-demand-trt': {
    severity: 'error',
    summary: 'an SR is On Demand in Appendix E exactly when Appendix AB gives it an On-Demand TRT other than N/A for an eligible User Role',
  },
  'user-role-undefined': {
    severity: 'error',
    summary: 'every User Role named in the text (`X User Role`, `User Role of X`) is defined in the User Roles table',
  },
  'user-role-unused': {
    severity: 'warning',
    summary: 'every User Role defined in the User Roles table is eligible for some SR, has TRT columns, or is named by a clause or rule',
  },
  'xref-unresolved': {
    severity: 'error',
    summary: 'every cross-reference (`Section H3.13A`, `Appendix AB`, `G5.3(a)`, `clause H4.2A(b)`) resolves in the same projection',
  },
  'clause-order': { severity: 'error', summary: 'clause numbers increase through each document, in both projections' },
  'clause-renumbered': {
    severity: 'error',
    summary: 'existing clauses keep their numbers; a clause inserted before an existing one takes a letter suffix (H3.13A)',
  },
  'redline-reinsert-identical': {
    severity: 'warning',
    summary: 'no deletion is followed by an insertion of the same text (a redline that changes nothing)',
  },
  'redline-unattributed': {
    severity: 'warning',
    summary: 'every redline names its modification with `cite` (a GFM `~~strike~~` deletion cannot)',
  },
  'file-binary': { severity: 'error', summary: 'a document is text, not binary' },
  'file-encoding': { severity: 'error', summary: 'a document is UTF-8' },
  'file-too-large': { severity: 'error', summary: 'a document is at most 4 MiB' },
  'file-unreadable': { severity: 'error', summary: 'every document can be read (secc exits 2)' },
  'release-plan-yaml': { severity: 'error', summary: 'releases.yaml is plain YAML (no anchors or aliases)' },
  'release-plan-invalid': { severity: 'error', summary: 'releases.yaml fits rules/schema/release-plan.schema.json' },
  'release-date-invalid': { severity: 'error', summary: 'every release date is a day that exists (YYYY-MM-DD) or TBC' },
  'release-date-tbc': { severity: 'warning', summary: 'a release has a date (TBC is allowed while undetermined)' },
  'release-order': { severity: 'error', summary: 'releases are listed in date order, TBC last' },
  'release-duplicate': { severity: 'error', summary: 'each release (and the base) has its own id' },
  'release-modification-undeclared': {
    severity: 'error',
    summary: 'every modification a release implements is declared in modifications/<ID>.yaml',
  },
  'modification-unreleased': {
    severity: 'error',
    summary: 'every declared modification is implemented by a release (its date may be TBC)',
  },
  'modification-part-twice': { severity: 'error', summary: 'each part of a modification is implemented by one release' },
  'modification-manifest-unreadable': { severity: 'error', summary: 'each modifications/<ID>.yaml names its modification and title' },
  'release-plan-missing': { severity: 'error', summary: 'a corpus that declares modifications has a releases.yaml' },
  'redline-unbalanced': {
    severity: 'error',
    summary: 'every `<ins>`/`<del>` is closed in the same paragraph, heading or table cell (or block)',
  },
  'redline-crossing': { severity: 'error', summary: 'redlines do not overlap (`<ins>…<del>…</ins>…</del>`)' },
  'redline-nested': { severity: 'error', summary: 'redlines are not nested' },
  'redline-empty': { severity: 'warning', summary: 'no empty insertion or deletion' },
  'redline-block-spacing': {
    severity: 'error',
    summary: 'a block redline has its tags alone on their lines, with blank lines around the content',
  },
  'front-matter-missing': { severity: 'error', summary: 'every document starts with YAML front matter' },
  'front-matter-yaml': { severity: 'error', summary: 'front matter is valid YAML' },
  'front-matter-invalid': { severity: 'error', summary: 'front matter fits rules/schema/front-matter.schema.json' },
  'document-too-deep': { severity: 'error', summary: 'no nesting deeper than 100 levels (block quotes, lists)' },
  'rule-fingerprint-stale': {
    severity: 'error',
    summary: "a rule block's fingerprint matches the text of its clause (review it after the clause changes)",
  },
  'rule-yaml': { severity: 'error', summary: 'a rule block is valid YAML (a mapping)' },
  'rule-schema': { severity: 'error', summary: 'a rule block fits the schema of its kind (rules/schema/clause-rule.schema.json)' },
  'rule-clause-missing': { severity: 'error', summary: 'each rule block names its clause' },
  'rule-clause-mismatch': { severity: 'error', summary: 'each rule block names the clause it sits under' },
  'rule-clause-empty': { severity: 'error', summary: 'a rule block rests on a clause that has text' },
  'rule-outside-clause': { severity: 'error', summary: 'a rule block sits under a numbered clause' },
  'clause-prefix': { severity: 'error', summary: 'a clause number starts with its document id' },
  'trt-unknown-duration': {
    severity: 'error',
    summary: 'every Target Response Time is `<n> secs|mins|hrs` or `N/A` (with a suggestion otherwise)',
  },
  'flag-unknown-value': {
    severity: 'error',
    summary: 'flag and eligibility cells are `Yes`/`No` (Future Dated: `DSP`/`Device`/`No`), with a suggestion otherwise',
  },
  'table-ragged-row': { severity: 'error', summary: 'every table row has as many cells as the header' },
  'table-missing-column': { severity: 'error', summary: 'a services or User Roles table has every column it is read by' },
  'table-duplicate-column': { severity: 'error', summary: 'no table has two columns with the same header' },
  'table-unknown-column': { severity: 'error', summary: 'every TRT column header reads `<sender> / SMETS<1|2> / <Scheduled|On-Demand>`' },
  'sr-invalid-reference': { severity: 'error', summary: 'every SR reference is numbers separated by dots (`4.1.1`, `8.2`)' },
  'role-invalid-identifier': { severity: 'error', summary: 'every User Role identifier is lower-case words joined by hyphens' },
  'sr-duplicate': { severity: 'error', summary: 'each Service Request has one row in Appendix E and one in Appendix AB' },
  'clause-duplicate': { severity: 'error', summary: 'each clause number is used once' },
  'trt-missing': {
    severity: 'error',
    summary:
      'every SR that the scope clause AB1.3 names (without a `trt-scope` rule: every SR in Appendix E) has a row in Appendix AB, with a column for every eligible User Role',
  },
  'trt-unknown-sr': { severity: 'error', summary: 'Appendix AB names no SR that Appendix E does not list' },
  'role-unknown': {
    severity: 'error',
    summary: 'every User Role named in a table header or rule block is defined in the User Roles table',
  },
  'role-duplicate': { severity: 'error', summary: 'each User Role and identifier is defined once' },
  'roles-missing': { severity: 'error', summary: 'the corpus defines its User Roles (Section H1.1 table)' },
  'eligibility-missing-role': { severity: 'error', summary: 'the services table has a column for every defined User Role' },
  'redline-cite-undeclared': {
    severity: 'error',
    summary: "every redline's `cite` names a modification declared in `sec-text/modifications/<ID>.yaml`",
  },
  'modification-conflict': {
    severity: 'error',
    summary: 'no two modifications change the same address (a TRT cell, an eligibility, a flag, a rule, a footnote, a clause)',
  },
  'document-duplicate': { severity: 'error', summary: 'each document id is used by one document' },
  'rule-duplicate-id': { severity: 'error', summary: 'each rule block id is used once' },
  'output-schema': { severity: 'error', summary: 'compiled rules fit rules/schema/rule-set.schema.json' },
  drift: { severity: 'error', summary: 'rules/ and generated/ are what the legal text compiles to (secc check)' },
  'rule-block-unrecognised': { severity: 'error', summary: 'a block that reads like a rule block is fenced ```rule' },
  'rule-block-nested': { severity: 'error', summary: 'a rule block sits at the top level of its clause' },
  'table-unrecognised': { severity: 'error', summary: 'a table that looks like data is read as data' },
  'date-invalid': { severity: 'error', summary: 'dates in rule blocks and `datetime` attributes exist' },
  'redline-column-cell': { severity: 'error', summary: 'every cell of an inserted (deleted) column is wholly inserted (deleted)' },
  'file-not-regular': { severity: 'error', summary: 'everything in sec-text/ is a regular file inside it' },
  'schema-changed': { severity: 'error', summary: 'the schemas are the ones last reviewed (secc check, secc build)' },
  'changed-without-redline': {
    severity: 'error',
    summary: 'an edit of the frozen base is a redline citing its modification, or a recorded correction',
  },
  'frozen-release-unreadable': { severity: 'error', summary: 'rules/releases/<base>.rules.json is a readable frozen rule set' },
  'frozen-release-missing': {
    severity: 'error',
    summary: 'every release consolidated before the base has its frozen rules (rules/releases/<id>.rules.json)',
  },
  'frozen-release-changed': {
    severity: 'error',
    summary: 'a frozen release file has the sha256 recorded in rules/releases/index.json when it was frozen',
  },
  'frozen-release-unrecorded': {
    severity: 'error',
    summary: 'every frozen release file has its sha256 recorded in rules/releases/index.json',
  },
  'compiled-tables-stale': { severity: 'error', summary: 'packages/tables/dist is what generated/ compiles to (npm run build)' },
  'tables-package-version': { severity: 'error', summary: "@sec-rules/tables' version is the date of the release its tables describe" },
  'intent-unintended': { severity: 'error', summary: "every change the redline makes is intended by its modification's manifest" },
  'intent-missing': { severity: 'error', summary: 'every change a manifest intends is made by the redline' },
  'intent-value': { severity: 'error', summary: 'an intended change has the values the manifest states (from, to)' },
  'manifest-yaml': { severity: 'error', summary: 'modifications/<ID>.yaml is plain YAML' },
  'manifest-invalid': { severity: 'error', summary: 'modifications/<ID>.yaml fits rules/schema/modification-manifest.schema.json' },
  'manifest-unknown-modification': {
    severity: 'error',
    summary: 'every modification a redline cites has a manifest, and every manifest a modification',
  },
  'manifest-missing': { severity: 'warning', summary: 'a redline that changes rules has a modification manifest (secc manifest init ID)' },
  'conform-missing': { severity: 'error', summary: 'a gateway configuration has every row the text gives (SR, User Role, SMETS, mode)' },
  'conform-out-of-scope': {
    severity: 'error',
    summary: 'a partial gateway (--only-sr, `# only-sr:`, JSON `only_sr`) configures only the Service Requests it claims',
  },
  'conform-extra': { severity: 'error', summary: 'a gateway configuration has no row the text does not give' },
  'conform-wrong-trt': { severity: 'error', summary: "a gateway configuration's TRT is the text's, in seconds" },
  'conform-wrong-eligibility': { severity: 'error', summary: "a gateway configuration's eligibility is the text's" },
  'word-export-not-carried': { severity: 'warning', summary: 'everything in the text has a place in the exported Word document' },
  'word-import-not-carried': { severity: 'warning', summary: 'everything in the Word document has a place in the imported Markdown' },
  'word-import-unknown-author': {
    severity: 'error',
    summary: "every Word author's tracked changes belong to a modification (--author NAME=ID)",
  },
} as const satisfies Record<string, RuleEntry>;

export type RuleId = keyof typeof RULE_REGISTRY;

export const RULE_IDS = Object.keys(RULE_REGISTRY) as RuleId[];

export function isRuleId(id: string | undefined | null): id is RuleId {
  return typeof id === 'string' && Object.hasOwn(RULE_REGISTRY, id);
}

/**
 * The id of a message that came from \`report()\` (so it is registered): for re-reporting a finding
 * elsewhere (the cap's summary line, a version's findings). An unregistered id is a bug, not input.
 */
export function registeredId(id: string | undefined | null): RuleId {
  if (isRuleId(id)) return id;
  throw new Error(`the rule id ${String(id)} is not in src/shared/rule-registry.ts`);
}

export function ruleEntry(id: RuleId): RuleEntry {
  return RULE_REGISTRY[id];
}
