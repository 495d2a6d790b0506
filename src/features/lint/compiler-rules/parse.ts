/**
 * Docs (data) of the compiler rules detected in Stage 2, parse (src/compiler/2-parse):
 * redline tags, front matter and nesting depth.
 */
import type { CompilerRuleDoc } from '../types.js';

const row82 = '| 8.2 | N/A | 30 secs | N/A | <del cite="MP162">16 secs</del><ins cite="MP162">30 secs[^ab-fn5]</ins> |';

export const PARSE_RULE_DOCS: readonly CompilerRuleDoc[] = [
  {
    id: 'redline-unbalanced',
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
          expect: [
            'appendix-ab.md:{<del cite="MP162">16 secs<ins} — Unexpected `<del>` that is never closed in the same table cell, expected `</del>`',
          ],
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
          expect: [
            'appendix-ab.md:{<del cite="MP162">N/A | } — Unexpected `<del>` that is never closed in the same table cell, expected `</del>`',
            'appendix-ab.md:{<del cite="MP162">N/A | 16 secs»</del>} — Unexpected `</del>` with no `<del>` before it in the same table cell, expected an opening tag first',
          ],
        },
      ],
    },
  },
  {
    id: 'redline-crossing',
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
          expect: [
            'section-h.md:{<del cite="MP162">a»</ins>} — Unexpected `</ins>` while `<del>` is open, expected `</del>`: redlines must not cross',
            'section-h.md:{</ins> Service»</del>} — Unexpected `</del>` while `<ins>` is open, expected `</ins>`: redlines must not cross',
          ],
        },
      ],
    },
  },
  {
    id: 'redline-nested',
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
          expect: [
            'section-h.md:{<ins cite="MP162">send »<ins cite="MP162">a} — Unexpected `<ins>` inside an open `<ins>`, expected redlines not to be nested',
          ],
        },
      ],
    },
  },
  {
    id: 'redline-empty',
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
          expect: ['section-h.md:{<ins cite="MP162"> </ins>} — Unexpected empty insertion, expected some inserted text'],
        },
      ],
    },
  },
  {
    id: 'redline-block-spacing',
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
          expect: [
            'section-h.md:{<ins cite="MP162">\n### H1.2A} — Unexpected text after `<ins>` in the same block, expected the tag alone on its line followed by a blank line',
          ],
        },
      ],
    },
  },
  {
    id: 'front-matter-missing',
    doc: {
      description:
        'The front matter names the document and its clause prefix (the modifications it carries are the cites of its redlines, declared in sec-text/modifications/); without it no clause can be checked.',
      examples: [
        {
          title: 'No front matter',
          add: { 'section-x.md': '# Title\n\n## X1 Clause\n\nText.\n' },
          expect: [
            'section-x.md:1:1 — Missing front matter, expected the document to start with `---`, YAML naming `document`, `id` and `title`, and `---`',
          ],
        },
      ],
    },
  },
  {
    id: 'front-matter-yaml',
    doc: {
      description: 'Front matter that does not parse cannot declare anything.',
      examples: [
        {
          title: 'Broken YAML',
          add: { 'section-x.md': '---\ndocument: [SEC Section X\n---\n\n# Title\n' },
          expect: [
            'section-x.md:2:25 — Unexpected YAML: Flow sequence in block collection must be sufficiently indented and end with a ] at line 1, column 25:',
          ],
        },
      ],
    },
  },
  {
    id: 'front-matter-invalid',
    doc: {
      description: 'A document id, title or modification missing or malformed.',
      examples: [
        {
          title: 'No id',
          add: { 'section-x.md': '---\ndocument: SEC Section X\ntitle: X\n---\n\n# X\n' },
          expect: ["section-x.md:1:1 — Unexpected front matter: (top level): must have required property 'id'"],
        },
      ],
    },
  },
  {
    id: 'document-too-deep',
    doc: {
      description: 'Legal text is never nested this deep; such input is rejected with its place rather than exhausting the parser.',
      examples: [
        {
          title: 'Block quotes 1,000 deep',
          add: { 'section-x.md': `---\ndocument: SEC Section X\nid: X\ntitle: X\n---\n\n${'>'.repeat(1000)} deep\n` },
          expect: ['section-x.md:7:1 — Unexpected nesting more than 100 levels deep, expected a document of ordinary depth'],
        },
      ],
    },
  },
];
