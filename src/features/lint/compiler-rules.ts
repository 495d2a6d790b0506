/**
 * Rules the compiler enforces while it reads the text (src/redline/plugin.ts, src/extract/*,
 * src/link.ts, src/read.ts, src/parse.ts). `secc lint` reports them with the drafting rules;
 * their detection stays where it is, and their docs and examples live here, executed by the
 * same test as the drafting rules' examples.
 */
import type { CompilerRuleDoc } from './types.js';

const row82 = '| 8.2 | N/A | 30 secs | N/A | <del cite="MP162">16 secs</del><ins cite="MP162">30 secs[^ab-fn5]</ins> |';

export const COMPILER_RULES: readonly CompilerRuleDoc[] = [
  {
    id: 'redline-unbalanced',
    severity: 'error',
    summary: 'every `<ins>`/`<del>` is closed in the same paragraph, heading or table cell (or block)',
    doc: {
      description:
        'An inline redline opens and closes inside one paragraph, heading or table cell; a block redline has its tags alone on their lines with blank lines around the content. A tag that is never closed (or closed in another cell: a redline cannot span two table cells) leaves the extent of the change unknown, so the text cannot be projected.',
      examples: [
        { title: 'MP162 as drafted', expect: [] },
        {
          title: 'A deletion never closed',
          edits: [
            {
              file: 'appendix-ab.md',
              find: row82,
              replace: '| 8.2 | N/A | 30 secs | N/A | <del cite="MP162">16 secs<ins cite="MP162">30 secs[^ab-fn5]</ins> |',
            },
          ],
          expect: ['appendix-ab.md:{<del cite="MP162">16 secs<ins}'],
        },
        {
          title: 'A redline spanning two table cells',
          edits: [
            {
              file: 'appendix-ab.md',
              find: row82,
              replace: '| 8.2 | N/A | 30 secs | <del cite="MP162">N/A | 16 secs</del><ins cite="MP162">30 secs[^ab-fn5]</ins> |',
            },
          ],
          expect: ['appendix-ab.md:{<del cite="MP162">N/A | }', 'appendix-ab.md:{<del cite="MP162">N/A | 16 secs»</del>}'],
        },
      ],
    },
  },
  {
    id: 'redline-crossing',
    severity: 'error',
    summary: 'redlines do not overlap (`<ins>…<del>…</ins>…</del>`)',
    doc: {
      description:
        'Two redlines whose extents overlap have no single reading: which text does each view keep? Close one before opening the other.',
      examples: [
        { title: 'MP162 as drafted', expect: [] },
        {
          title: 'Crossing tags',
          edits: [
            {
              file: 'section-h.md',
              find: 'A Party shall not send a Service Request in a User Role until',
              replace: 'A Party shall not <ins cite="MP162">send <del cite="MP162">a</ins> Service</del> Request in a User Role until',
            },
          ],
          expect: ['section-h.md:{<del cite="MP162">a»</ins>}', 'section-h.md:{</ins> Service»</del>}'],
        },
      ],
    },
  },
  {
    id: 'redline-nested',
    severity: 'error',
    summary: 'redlines are not nested',
    doc: {
      description:
        'An insertion inside a deletion (or the reverse) has no meaning in either view; a change to a change is made by editing the first redline.',
      examples: [
        { title: 'MP162 as drafted', expect: [] },
        {
          title: 'An insertion inside an insertion',
          edits: [
            {
              file: 'section-h.md',
              find: 'A Party shall not send a Service Request in a User Role until',
              replace: 'A Party shall not <ins cite="MP162">send <ins cite="MP162">a</ins> Service</ins> Request in a User Role until',
            },
          ],
          expect: ['section-h.md:{<ins cite="MP162">send »<ins cite="MP162">a}'],
        },
      ],
    },
  },
  {
    id: 'redline-empty',
    severity: 'warning',
    summary: 'no empty insertion or deletion',
    doc: {
      description:
        'An `<ins></ins>` or `<del></del>` with nothing (or only spaces) inside changes nothing and is usually an editing accident.',
      examples: [
        { title: 'MP162 as drafted', expect: [] },
        {
          title: 'An empty insertion',
          edits: [
            {
              file: 'section-h.md',
              find: 'A Party shall not send a Service Request',
              replace: 'A Party shall not <ins cite="MP162"> </ins>send a Service Request',
            },
          ],
          expect: ['section-h.md:{<ins cite="MP162"> </ins>}'],
        },
      ],
    },
  },
  {
    id: 'redline-block-spacing',
    severity: 'error',
    summary: 'a block redline has its tags alone on their lines, with blank lines around the content',
    doc: {
      description:
        'Markdown reads a line starting with an HTML tag, up to the next blank line, as raw HTML: without the blank lines the inserted clause would not be read as Markdown at all.',
      examples: [
        { title: 'MP162 as drafted', expect: [] },
        {
          title: 'No blank line after the opening tag',
          edits: [
            {
              file: 'section-h.md',
              find: '<ins cite="MP162">\n\n### H1.2A Meter Data Retriever',
              replace: '<ins cite="MP162">\n### H1.2A Meter Data Retriever',
            },
          ],
          expect: ['section-h.md:{<ins cite="MP162">\n### H1.2A}'],
        },
      ],
    },
  },
  {
    id: 'rule-fingerprint-stale',
    severity: 'error',
    summary: "a rule block's fingerprint matches the text of its clause (review it after the clause changes)",
    doc: {
      description:
        'Each literate rule block records the sha256 of the clause text it was reviewed against. When the clause text changes and the block does not, the rule may no longer say what the clause says: the check fails until a drafter has reviewed the rule and recorded it with `secc fingerprint --write`. Emptied clauses and blocks without a clause fail too (`rule-clause-empty`, `rule-clause-missing`).',
      examples: [
        { title: 'MP162 as drafted', expect: [] },
        {
          title: 'H3.13A reworded without reviewing its rule',
          edits: [
            {
              file: 'section-h.md',
              find: 'only to retry a DCC Scheduled Service Request that has failed.',
              replace: 'only to retry a DCC Scheduled Service Request that has failed twice.',
            },
          ],
          expect: ['section-h.md:{```rule\nid: H3.13A.schedule-first} [modified]'],
        },
      ],
    },
  },
  {
    id: 'rule-yaml',
    severity: 'error',
    summary: 'a rule block is valid YAML (a mapping)',
    doc: {
      description:
        'A rule block that does not parse says nothing a program can check; it is an error rather than being skipped, so that a broken block cannot pass review unnoticed.',
      examples: [
        { title: 'MP162 as drafted', expect: [] },
        {
          title: 'Broken YAML',
          edits: [{ file: 'section-h.md', find: 'firstAttempt: scheduled\n', replace: 'firstAttempt: [scheduled\n' }],
          expect: ['section-h.md:{firstAttempt: [scheduled\n»onDemandOnlyAsRetry}'],
        },
      ],
    },
  },
  {
    id: 'rule-schema',
    severity: 'error',
    summary: 'a rule block fits the schema of its kind (rules/schema/clause-rule.schema.json)',
    doc: {
      description: 'Each kind of rule has its fields; a missing or misspelt field would silently change what the gateway enforces.',
      examples: [
        { title: 'MP162 as drafted', expect: [] },
        {
          title: 'A field of the wrong type',
          edits: [{ file: 'section-h.md', find: 'onDemandOnlyAsRetry: true\n', replace: 'onDemandOnlyAsRetry: sometimes\n' }],
          expect: ['section-h.md:{```rule\nid: H3.13A.schedule-first} [modified]'],
        },
      ],
    },
  },
  {
    id: 'trt-unknown-duration',
    severity: 'error',
    summary: 'every Target Response Time is `<n> secs|mins|hrs` or `N/A` (with a suggestion otherwise)',
    doc: {
      description:
        'Durations are data: `24 hours`, `30s`, `-5 secs` or `soon` are rejected with the spelling meant where it can be told (`24 hours` → did you mean `24 hrs`?), never guessed.',
      examples: [
        { title: 'MP162 as drafted', expect: [] },
        {
          title: '`24 hours`',
          edits: [{ file: 'appendix-ab.md', find: '| 5.3 | N/A | 24 hrs |', replace: '| 5.3 | N/A | 24 hours |' }],
          expect: ['appendix-ab.md:{24 hours}'],
        },
      ],
    },
  },
  {
    id: 'flag-unknown-value',
    severity: 'error',
    summary: 'flag and eligibility cells are `Yes`/`No` (Future Dated: `DSP`/`Device`/`No`), with a suggestion otherwise',
    doc: {
      description:
        'A flag cell that is neither `Yes` nor `No` (`Y`, `yes`, `✓`) is rejected with the value meant, so that eligibility is never guessed.',
      examples: [
        { title: 'MP162 as drafted', expect: [] },
        {
          title: '`Y` for Yes',
          edits: [{ file: 'appendix-e.md', find: '| 5.3 | Delete Schedule | Yes |', replace: '| 5.3 | Delete Schedule | Y |' }],
          expect: ['appendix-e.md:{| 5.3 | Delete Schedule | »Y}'],
        },
      ],
    },
  },
  {
    id: 'table-ragged-row',
    severity: 'error',
    summary: 'every table row has as many cells as the header',
    doc: {
      description: 'A row with too few or too many cells cannot be read by header name: which column is missing?',
      examples: [
        {
          title: 'A row with a cell too few',
          edits: [{ file: 'appendix-ab.md', find: '| 5.3 | N/A | 24 hrs |', replace: '| 5.3 | 24 hrs |' }],
          expect: ['appendix-ab.md:{| 5.3 | 24 hrs} [modified]'],
        },
      ],
    },
  },
  {
    id: 'sr-duplicate',
    severity: 'error',
    summary: 'each Service Request has one row in Appendix E and one in Appendix AB',
    doc: {
      description: 'Two rows for one SR make its flags, eligibility or times ambiguous.',
      examples: [
        {
          title: 'SR 5.3 twice',
          edits: [{ file: 'appendix-e.md', find: '| 8.2 | Read Inventory |', replace: '| 5.3 | Read Inventory |' }],
          expect: ['appendix-e.md:{5.3 | Read Inventory}'],
        },
      ],
    },
  },
  {
    id: 'clause-duplicate',
    severity: 'error',
    summary: 'each clause number is used once',
    doc: {
      description: 'A clause number used twice makes every reference to it ambiguous.',
      examples: [
        {
          title: 'H4.3 numbered H4.1',
          edits: [{ file: 'section-h.md', find: '### H4.3 Rejected Service Requests', replace: '### H4.1 Rejected Service Requests' }],
          expect: ['section-h.md:{### H4.1 Rejected}'],
        },
      ],
    },
  },
  {
    id: 'trt-missing',
    severity: 'error',
    summary: 'every SR in Appendix E has a row in Appendix AB, with a column for every eligible User Role',
    doc: {
      description: 'An SR listed in Appendix E with no Target Response Times in Appendix AB leaves the DCC with no time to meet.',
      examples: [
        {
          title: 'The SR 5.3 row removed from AB',
          edits: [
            {
              file: 'appendix-ab.md',
              find: '| 5.3 | N/A | 24 hrs | N/A | 24 hrs | <ins cite="MP162">N/A</ins> | <ins cite="MP162">24 hrs</ins> | <ins cite="MP162">N/A</ins> | <ins cite="MP162">24 hrs</ins> |\n',
              replace: '',
            },
          ],
          expect: ['appendix-e.md:{5.3 | Delete}'],
        },
      ],
    },
  },
  {
    id: 'trt-unknown-sr',
    severity: 'error',
    summary: 'Appendix AB names no SR that Appendix E does not list',
    doc: {
      description: 'Times for a Service Request that does not exist are dead text, or the sign of a typo in one appendix.',
      examples: [
        {
          title: 'SR 5.4 in AB only',
          edits: [{ file: 'appendix-ab.md', find: '| 5.3 | N/A | 24 hrs |', replace: '| 5.4 | N/A | 24 hrs |' }],
          expect: ['appendix-ab.md:{5.4 | }'],
        },
      ],
    },
  },
  {
    id: 'role-unknown',
    severity: 'error',
    summary: 'every User Role named in a table header or rule block is defined in the User Roles table',
    doc: {
      description: 'A header or rule naming an undefined User Role binds nobody.',
      examples: [
        {
          title: 'A misspelt sender in AB',
          edits: [
            {
              file: 'appendix-ab.md',
              find: '<ins cite="MP162">Meter Data Retriever / SMETS2 / Scheduled</ins>',
              replace: '<ins cite="MP162">Meter Data Retreiver / SMETS2 / Scheduled</ins>',
            },
          ],
          expect: ['appendix-ab.md:{Meter Data Retreiver} [modified]'],
        },
      ],
    },
  },
  {
    id: 'front-matter-missing',
    severity: 'error',
    summary: 'every document starts with YAML front matter',
    doc: {
      description:
        'The front matter names the document, its clause prefix and the modifications it carries; without it no clause can be checked.',
      examples: [{ title: 'No front matter', add: { 'section-x.md': '# Title\n\n## X1 Clause\n\nText.\n' }, expect: ['section-x.md:1:1'] }],
    },
  },
  {
    id: 'front-matter-yaml',
    severity: 'error',
    summary: 'front matter is valid YAML',
    doc: {
      description: 'Front matter that does not parse cannot declare anything.',
      examples: [
        { title: 'Broken YAML', add: { 'section-x.md': '---\ndocument: [SEC Section X\n---\n\n# Title\n' }, expect: ['section-x.md:2:25'] },
      ],
    },
  },
  {
    id: 'front-matter-invalid',
    severity: 'error',
    summary: 'front matter fits rules/schema/front-matter.schema.json',
    doc: {
      description: 'A document id, title or modification missing or malformed.',
      examples: [
        {
          title: 'No id',
          add: { 'section-x.md': '---\ndocument: SEC Section X\ntitle: X\nmodifications: []\n---\n\n# X\n' },
          expect: ['section-x.md:1:1'],
        },
      ],
    },
  },
  {
    id: 'file-binary',
    severity: 'error',
    summary: 'a document is text, not binary',
    doc: {
      description: 'A file with NUL bytes is not a Markdown document (a misnamed Word file, an image).',
      examples: [{ title: 'A NUL byte', add: { 'section-x.md': 'ab\u0000cd' }, expect: ['section-x.md:1:3'] }],
    },
  },
  {
    id: 'file-encoding',
    severity: 'error',
    summary: 'a document is UTF-8',
    doc: { description: 'Text in another encoding (Windows-1252 from a Word export) would be misread; save it as UTF-8.', examples: [] },
  },
  {
    id: 'file-too-large',
    severity: 'error',
    summary: 'a document is at most 4 MiB',
    doc: {
      description:
        'No part of the SEC comes near this size; a larger file is almost certainly not a document of the SEC (a generated dump, an export gone wrong), and reading it would only slow every check down.',
      examples: [],
    },
  },
  {
    id: 'file-unreadable',
    severity: 'error',
    summary: 'every document can be read (secc exits 2)',
    doc: {
      description: 'A file that cannot be read (permissions, a directory named `*.md`) means the check could not run on the whole text.',
      examples: [],
    },
  },
  {
    id: 'document-too-deep',
    severity: 'error',
    summary: 'no nesting deeper than 100 levels (block quotes, lists)',
    doc: {
      description: 'Legal text is never nested this deep; such input is rejected with its place rather than exhausting the parser.',
      examples: [
        {
          title: 'Block quotes 1,000 deep',
          add: { 'section-x.md': `---\ndocument: SEC Section X\nid: X\ntitle: X\nmodifications: []\n---\n\n${'>'.repeat(1000)} deep\n` },
          expect: ['section-x.md:8:1'],
        },
      ],
    },
  },
  {
    id: 'table-missing-column',
    severity: 'error',
    summary: 'a services or User Roles table has every column it is read by',
    doc: {
      description:
        'Tables are read by header name; a table missing a column (`DCC Scheduled`) cannot say what that column would have said.',
      examples: [],
    },
  },
  {
    id: 'table-duplicate-column',
    severity: 'error',
    summary: 'no table has two columns with the same header',
    doc: { description: 'Two columns with one header make every cell under them ambiguous.', examples: [] },
  },
  {
    id: 'table-unknown-column',
    severity: 'error',
    summary: 'every TRT column header reads `<sender> / SMETS<1|2> / <Scheduled|On-Demand>`',
    doc: {
      description: 'A TRT column whose header cannot be read (`SMETS3`, a missing part) has no sender, device type or request type.',
      examples: [],
    },
  },
  {
    id: 'sr-invalid-reference',
    severity: 'error',
    summary: 'every SR reference is numbers separated by dots (`4.1.1`, `8.2`)',
    doc: { description: 'A row keyed by anything else cannot be joined across the appendices.', examples: [] },
  },
  {
    id: 'role-invalid-identifier',
    severity: 'error',
    summary: 'every User Role identifier is lower-case words joined by hyphens',
    doc: {
      description: 'The identifier is what compiled rules and generated code use; it must be a stable, code-safe name.',
      examples: [],
    },
  },
  {
    id: 'role-duplicate',
    severity: 'error',
    summary: 'each User Role and identifier is defined once',
    doc: { description: 'Two definitions of one role make its identifier or name ambiguous.', examples: [] },
  },
  {
    id: 'roles-missing',
    severity: 'error',
    summary: 'the corpus defines its User Roles (Section H1.1 table)',
    doc: { description: 'Without the User Roles table no eligibility column can be resolved to a role.', examples: [] },
  },
  {
    id: 'eligibility-missing-role',
    severity: 'error',
    summary: 'the services table has a column for every defined User Role',
    doc: { description: 'A role with no column in Appendix E has no eligibility stated for any Service Request.', examples: [] },
  },
  {
    id: 'modification-conflict',
    severity: 'error',
    summary: 'every document declares a modification with the same title and implementation date',
    doc: { description: 'One modification cannot have two implementation dates.', examples: [] },
  },
  {
    id: 'document-duplicate',
    severity: 'error',
    summary: 'each document id is used by one document',
    doc: { description: 'Two documents with one clause prefix make every clause number ambiguous.', examples: [] },
  },
  {
    id: 'clause-prefix',
    severity: 'error',
    summary: 'a clause number starts with its document id',
    doc: { description: '`Y1.1` in Section X cannot be cited as a clause of Section X.', examples: [] },
  },
  {
    id: 'rule-duplicate-id',
    severity: 'error',
    summary: 'each rule block id is used once',
    doc: { description: 'Rule ids key the compiled rules and the gateway configuration.', examples: [] },
  },
  {
    id: 'rule-clause-missing',
    severity: 'error',
    summary: 'each rule block names its clause',
    doc: { description: 'A rule must say which clause states it, so that review can find the text.', examples: [] },
  },
  {
    id: 'rule-clause-mismatch',
    severity: 'error',
    summary: 'each rule block names the clause it sits under',
    doc: { description: 'A rule block that names another clause was moved or copied without review.', examples: [] },
  },
  {
    id: 'rule-clause-empty',
    severity: 'error',
    summary: 'a rule block rests on a clause that has text',
    doc: { description: 'An emptied clause states no rule, whatever its rule block says.', examples: [] },
  },
  {
    id: 'rule-outside-clause',
    severity: 'error',
    summary: 'a rule block sits under a numbered clause',
    doc: { description: 'A rule block before the first clause has no clause text to be reviewed against.', examples: [] },
  },
  {
    id: 'output-schema',
    severity: 'error',
    summary: 'compiled rules fit rules/schema/rule-set.schema.json',
    doc: {
      description: 'The compiled JSON is the contract with the gateway teams; the build stops before writing anything that breaks it.',
      examples: [],
    },
  },
  {
    id: 'drift',
    severity: 'error',
    summary: 'rules/ and generated/ are what the legal text compiles to (secc check)',
    doc: {
      description:
        'Committed rules and tables that no longer follow from the text would ship rules the SEC does not say; run `secc build`.',
      examples: [],
    },
  },
];
