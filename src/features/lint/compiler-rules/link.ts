/**
 * Docs (data) of the compiler rules detected in Stage 5, link (src/compiler/5-link):
 * facts of all documents joined into one rule set per view.
 */
import type { CompilerRuleDoc } from '../types.js';

export const LINK_RULE_DOCS: readonly CompilerRuleDoc[] = [
  {
    id: 'sr-duplicate',
    doc: {
      description: 'Two rows for one SR make its flags, eligibility or times ambiguous.',
      examples: [
        {
          title: 'SR 5.3 twice',
          edits: [{ file: 'appendix-e.md', find: '| 8.2 | Read Inventory |', replace: '| 5.3 | Read Inventory |' }],
          expect: [
            'appendix-e.md:{5.3 | Read Inventory} — Unexpected second row for SR 5.3, expected each Service Request once (first at line 81)',
          ],
        },
      ],
    },
  },
  {
    id: 'clause-duplicate',
    doc: {
      description: 'A clause number used twice makes every reference to it ambiguous.',
      examples: [
        {
          title: 'H4.3 numbered H4.1',
          edits: [{ file: 'section-h.md', find: '### H4.3 Rejected Service Requests', replace: '### H4.1 Rejected Service Requests' }],
          expect: [
            'section-h.md:{### H4.1 Rejected} — Unexpected second clause `H4.1`, expected each clause number once (first at line 94)',
          ],
        },
      ],
    },
  },
  {
    id: 'trt-missing',
    doc: {
      description:
        'An SR that the text says Appendix AB covers, with no Target Response Times there, leaves the DCC with no time to meet. The scope is the `trt-scope` rule under clause AB1.3; a text without one must give a row for every SR of Appendix E. An SR outside the scope (SR 1.1.1, say) needs no row.',
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
          expect: [
            'appendix-e.md:{5.3 | Delete} — Missing Target Response Times for SR 5.3, expected a row for it in the Appendix AB table',
          ],
        },
      ],
    },
  },
  {
    id: 'trt-unknown-sr',
    doc: {
      description: 'Times for a Service Request that does not exist are dead text, or the sign of a typo in one appendix.',
      examples: [
        {
          title: 'SR 5.4 in AB only',
          edits: [{ file: 'appendix-ab.md', find: '| 5.3 | N/A | 24 hrs |', replace: '| 5.4 | N/A | 24 hrs |' }],
          expect: [
            'appendix-ab.md:{5.4 | } — Unexpected Target Response Times for SR 5.4, which Appendix E does not list, expected only Service Requests defined in the services table; did you mean `5.1`, `5.2` or `5.3`?',
          ],
        },
      ],
    },
  },
  {
    id: 'role-unknown',
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
          expect: [
            'appendix-ab.md:{Meter Data Retreiver} [modified] — Unexpected sender `Meter Data Retreiver` in column `Meter Data Retreiver / SMETS2 / Scheduled`, expected `Eligible User Roles` or a defined User Role',
          ],
        },
      ],
    },
  },
  {
    id: 'role-duplicate',
    doc: { description: 'Two definitions of one role make its identifier or name ambiguous.', examples: [] },
  },
  {
    id: 'roles-missing',
    doc: { description: 'Without the User Roles table no eligibility column can be resolved to a role.', examples: [] },
  },
  {
    id: 'eligibility-missing-role',
    doc: { description: 'A role with no column in Appendix E has no eligibility stated for any Service Request.', examples: [] },
  },
  {
    id: 'redline-cite-undeclared',
    doc: {
      description:
        "Each redline is attributed to a modification by its `cite` attribute; each modification is declared once, in `sec-text/modifications/<ID>.yaml`, and dated by the release in `sec-text/releases.yaml` that implements it. A `cite` naming an undeclared modification (a typo such as `MP612`, or a redline pasted from another modification's draft) cannot be dated or reviewed with its modification, so the build fails at the redline until the cite is corrected or the modification declared.",
      examples: [
        { title: 'MP162 as drafted: every redline cites MP162, which modifications/MP162.yaml declares', expect: [] },
        {
          title: 'A redline citing a modification that is not declared',
          edits: [
            {
              file: 'appendix-ab.md',
              find: '| 8.2 | N/A | 30 secs | N/A | <del cite="MP162">16 secs</del>',
              replace: '| 8.2 | N/A | 30 secs | N/A | <del cite="MP612">16 secs</del>',
            },
          ],
          expect: [
            'appendix-ab.md:{<del cite="MP612">} — Unexpected `cite="MP612"` on a redline, expected a modification declared in modifications/<ID>.yaml (MP162)',
          ],
        },
      ],
    },
  },
  {
    id: 'modification-conflict',
    doc: {
      description:
        'Each modification is compared alone with the base; an address that two of them change cannot take both changes as drafted, whatever the order of their releases. The finding names both modifications and where their redlines are. Two modifications changing different cells of one table both change the text of the clause holding it, which is not a conflict.',
      examples: [],
    },
  },
  {
    id: 'document-duplicate',
    doc: { description: 'Two documents with one clause prefix make every clause number ambiguous.', examples: [] },
  },
  {
    id: 'rule-duplicate-id',
    doc: { description: 'Rule ids key the compiled rules and the gateway configuration.', examples: [] },
  },
];
