/**
 * Docs (data) of the compiler rules detected in Stage 4, extract (src/compiler/4-extract):
 * rule blocks, clause outline and the tables of one document.
 */
import type { CompilerRuleDoc } from '../types.js';

export const EXTRACT_RULE_DOCS: readonly CompilerRuleDoc[] = [
  {
    id: 'rule-fingerprint-stale',
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
          expect: [
            'section-h.md:{```rule\nid: H3.13A.schedule-first} [modified] — Rule `H3.13A.schedule-first` was reviewed against other text of clause H3.13A, expected its fingerprint to be `sha256:9b73fdf2711109bf914fb349c573b4d4f3c47466ea67178f2c4b091dca2fc5cf` after review',
          ],
        },
      ],
    },
  },
  {
    id: 'rule-yaml',
    doc: {
      description:
        'A rule block that does not parse says nothing a program can check; it is an error rather than being skipped, so that a broken block cannot pass review unnoticed.',
      examples: [
        { title: 'MP162 as drafted', expect: [] },
        {
          title: 'Broken YAML',
          edits: [{ file: 'section-h.md', find: 'firstAttempt: scheduled\n', replace: 'firstAttempt: [scheduled\n' }],
          expect: [
            'section-h.md:{firstAttempt: [scheduled\n»onDemandOnlyAsRetry} — Unexpected YAML: Flow sequence in block collection must be sufficiently indented and end with a ] at line 8, column 1:',
          ],
        },
      ],
    },
  },
  {
    id: 'rule-schema',
    doc: {
      description: 'Each kind of rule has its fields; a missing or misspelt field would silently change what the gateway enforces.',
      examples: [
        { title: 'MP162 as drafted', expect: [] },
        {
          title: 'A field of the wrong type',
          edits: [{ file: 'section-h.md', find: 'onDemandOnlyAsRetry: true\n', replace: 'onDemandOnlyAsRetry: sometimes\n' }],
          expect: [
            'section-h.md:{```rule\nid: H3.13A.schedule-first} [modified] — Rule `H3.13A.schedule-first` does not fit its kind: /onDemandOnlyAsRetry: must be boolean',
          ],
        },
      ],
    },
  },
  {
    id: 'rule-clause-missing',
    doc: { description: 'A rule must say which clause states it, so that review can find the text.', examples: [] },
  },
  {
    id: 'rule-clause-mismatch',
    doc: { description: 'A rule block that names another clause was moved or copied without review.', examples: [] },
  },
  {
    id: 'rule-clause-empty',
    doc: { description: 'An emptied clause states no rule, whatever its rule block says.', examples: [] },
  },
  {
    id: 'rule-outside-clause',
    doc: { description: 'A rule block before the first clause has no clause text to be reviewed against.', examples: [] },
  },
  {
    id: 'clause-prefix',
    doc: { description: '`Y1.1` in Section X cannot be cited as a clause of Section X.', examples: [] },
  },
  {
    id: 'trt-unknown-duration',
    doc: {
      description:
        'Durations are data: `24 hours`, `30s`, `-5 secs` or `soon` are rejected with the spelling meant where it can be told (`24 hours` → did you mean `24 hrs`?), never guessed.',
      examples: [
        { title: 'MP162 as drafted', expect: [] },
        {
          title: '`24 hours`',
          edits: [{ file: 'appendix-ab.md', find: '| 5.3 | N/A | 24 hrs |', replace: '| 5.3 | N/A | 24 hours |' }],
          expect: [
            'appendix-ab.md:{24 hours} — Unexpected Target Response Time `24 hours` for SR 5.3, Eligible User Roles / SMETS2 / On-Demand: it is not in the accepted form; did you mean `24 hrs`?',
          ],
        },
      ],
    },
  },
  {
    id: 'flag-unknown-value',
    doc: {
      description:
        'A flag cell that is neither `Yes` nor `No` (`Y`, `yes`, `✓`) is rejected with the value meant, so that eligibility is never guessed.',
      examples: [
        { title: 'MP162 as drafted', expect: [] },
        {
          title: '`Y` for Yes',
          edits: [{ file: 'appendix-e.md', find: '| 5.3 | Delete Schedule | No | Yes |', replace: '| 5.3 | Delete Schedule | No | Y |' }],
          expect: [
            'appendix-e.md:{| 5.3 | Delete Schedule | No | »Y} — Unexpected `Y` for SR 5.3, Non-Device: expected `Yes` or `No`; did you mean `Yes`?',
          ],
        },
      ],
    },
  },
  {
    id: 'table-ragged-row',
    doc: {
      description: 'A row with too few or too many cells cannot be read by header name: which column is missing?',
      examples: [
        {
          title: 'A row with a cell too few',
          edits: [{ file: 'appendix-ab.md', find: '| 5.3 | N/A | 24 hrs |', replace: '| 5.3 | 24 hrs |' }],
          expect: ['appendix-ab.md:{| 5.3 | 24 hrs} [modified] — Unexpected 8 cells in the row for `5.3`, expected 9 as in the header'],
        },
      ],
    },
  },
  {
    id: 'table-missing-column',
    doc: {
      description:
        'Tables are read by header name; a table missing a column (`DCC Scheduled`) cannot say what that column would have said.',
      examples: [],
    },
  },
  {
    id: 'table-duplicate-column',
    doc: { description: 'Two columns with one header make every cell under them ambiguous.', examples: [] },
  },
  {
    id: 'table-unknown-column',
    doc: {
      description: 'A TRT column whose header cannot be read (`SMETS3`, a missing part) has no sender, device type or request type.',
      examples: [],
    },
  },
  {
    id: 'sr-invalid-reference',
    doc: { description: 'A row keyed by anything else cannot be joined across the appendices.', examples: [] },
  },
  {
    id: 'role-invalid-identifier',
    doc: {
      description: 'The identifier is what compiled rules and generated code use; it must be a stable, code-safe name.',
      examples: [],
    },
  },
];
