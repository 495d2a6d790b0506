/**
 * Docs and examples of the compiler's checks that nothing is lost in silence (issue 11): their
 * detection lives in src/compiler (stray-rule-blocks, unread-tables, table-headers, yaml-values,
 * redline/conventions, 1-read) and src/features/check/schema-drift; the examples here are
 * executed by test/lint.test.ts like every other rule's.
 */
import type { CompilerRuleDoc } from '../types.js';

const NESTED_RULE = `---
document: SEC Section X
id: X
title: Example
modifications:
  - id: MP162
    title: SEC changes required to deliver MHHS
    implementationDate: "2024-06-27"
---

# Example

## X1 Example

- (a) the first obligation:

  \`\`\`rule
  id: X1.rule
  clause: X1
  kind: schedule-first
  \`\`\`
`;

const CELL_461 = '| 4.6.1 | 24 hrs | 30 secs | 24 hrs | 16 secs | <ins cite="MP162">24 hrs</ins> |';

export const INTEGRITY_RULES: readonly CompilerRuleDoc[] = [
  {
    id: 'rule-block-unrecognised',
    doc: {
      description:
        'Only a fenced block with language `rule` is compiled. A fence written ```Rule, ```rules, ```yaml or with no language, holding what reads like a rule (`kind:` with `clause:` or `fingerprint:`), would silently delete the rule from rules/ and generated/ while the text still shows it.',
      examples: [
        { title: 'MP162 as drafted', expect: [] },
        {
          title: 'A rule block fenced as YAML',
          edits: [
            { file: 'section-h.md', find: '```rule\nid: H4.2.import-supplier-access', replace: '```yaml\nid: H4.2.import-supplier-access' },
          ],
          expect: [
            'section-h.md:{```yaml} — Unexpected ```yaml that reads like a rule block, expected the fence ```rule (lower case) so the rule is compiled; as written it is not read as a rule',
          ],
        },
      ],
    },
  },
  {
    id: 'rule-block-nested',
    doc: {
      description:
        'A rule block inside a list item, block quote or footnote is not read as a rule: it would vanish from the compiled rules. Put it at the top level, right under the clause (or lettered paragraph) that states the rule.',
      examples: [
        { title: 'MP162 as drafted', expect: [] },
        {
          title: 'A rule block inside a lettered paragraph',
          add: { 'section-x.md': NESTED_RULE },
          expect: [
            'section-x.md:17:3 — Unexpected rule block inside a list, block quote or footnote, expected it at the top level right under its clause heading; it is not read as a rule',
          ],
        },
      ],
    },
  },
  {
    id: 'table-unrecognised',
    doc: {
      description:
        'Tables are read by their headers. A table whose headers look like a User Roles, services or Target Response Time table but that no kind recognises (a header renamed `SR No.`), or that one view reads and the other does not, would compile to no entries; it is reported at its header row.',
      examples: [
        { title: 'MP162 as drafted', expect: [] },
        {
          title: 'The SR header of the TRT table renamed',
          edits: [
            {
              file: 'appendix-ab.md',
              find: '| SR | Eligible User Roles / SMETS2 / Scheduled',
              replace: '| SR No. | Eligible User Roles / SMETS2 / Scheduled',
            },
          ],
          expect: [
            'appendix-ab.md:{| SR No.} — Unexpected table with `SR No.`, `Eligible User Roles / SMETS2 / Scheduled`, `Eligible User Roles / SMETS2 / On-Demand`, …, rows keyed by SR numbers, cells of Target Response Times that no table kind recognises, expected the headers of the User Roles table (`User Role | Identifier | Party Category`), the services table (`SR | Service Request Name | …`) or a Target Response Time table (`SR | <sender> / SMETS<n> / <mode>`); its rows are not read',
          ],
        },
      ],
    },
  },
  {
    id: 'date-invalid',
    doc: {
      description:
        'A date such as `2024-02-30` matches the pattern of a date but names no day; a date in a rule block or a redline `datetime` that does not exist is reported at the value or attribute, never stored. (Release dates are checked in `releases.yaml`: `release-date-invalid`.)',
      examples: [
        { title: 'MP162 as drafted', expect: [] },
        {
          title: 'A redline dated on a day that does not exist',
          edits: [
            {
              file: 'appendix-ab.md',
              find: '<del cite="MP162">16 secs</del>',
              replace: '<del cite="MP162" datetime="2024-06-31">16 secs</del>',
            },
          ],
          expect: [
            'appendix-ab.md:{datetime="2024-06-31"} — Unexpected `datetime="2024-06-31"` on a deletion: it is not a date that exists, expected `YYYY-MM-DD` or `YYYY-MM-DDThh:mm` (optionally with seconds and a zone)',
          ],
        },
      ],
    },
  },
  {
    id: 'redline-column-cell',
    doc: {
      description:
        'A column whose header is wholly inserted is dropped from the baseline view (and a deleted one from the modified view), cells and all. A cell in it that is not itself wholly inserted (deleted) would silently vanish from that view.',
      examples: [
        { title: 'MP162 as drafted', expect: [] },
        {
          title: 'A plain cell in the inserted Meter Data Retriever column',
          edits: [{ file: 'appendix-ab.md', find: CELL_461, replace: '| 4.6.1 | 24 hrs | 30 secs | 24 hrs | 16 secs | 24 hrs |' }],
          expect: [
            'appendix-ab.md:{| 4.6.1 | 24 hrs | 30 secs | 24 hrs | 16 secs | »24 hrs |} — Unexpected text in the inserted column `Meter Data Retriever / SMETS2 / Scheduled` that is not itself inserted, expected every cell of an inserted column to be wholly inserted',
          ],
        },
      ],
    },
  },
  {
    id: 'file-not-regular',
    doc: {
      description:
        'A symbolic link, FIFO, folder or device named `*.md` (or in `modifications/`) is refused by its type without being opened: a link could bring /etc/passwd or a credentials file into the review page, a FIFO would block forever. Every command exits 2.',
      examples: [],
    },
  },
  {
    id: 'schema-changed',
    doc: {
      description:
        'rules/schemas.lock.json records the reviewed fingerprint of every schema in rules/schema/. A schema that differs from it (a type loosened, a required field dropped) fails `secc check` and makes `secc build` write nothing until `secc fingerprint --write` records the review: a build never accepts a schema change by itself.',
      examples: [],
    },
  },
];
