/**
 * Docs (data) of the compiler rules detected in Stage 1, read (src/compiler/1-read):
 * a file that cannot be read as UTF-8 Markdown; the release plan (releases.yaml) and the
 * modification manifests beside the documents.
 */
import type { CompilerRuleDoc } from '../types.js';

export const READ_RULE_DOCS: readonly CompilerRuleDoc[] = [
  {
    id: 'file-binary',
    doc: {
      description: 'A file with NUL bytes is not a Markdown document (a misnamed Word file, an image).',
      examples: [
        {
          title: 'A NUL byte',
          add: { 'section-x.md': 'ab\u0000cd' },
          expect: ['section-x.md:1:3 — Unexpected binary content (a NUL byte), expected a UTF-8 Markdown text'],
        },
      ],
    },
  },
  {
    id: 'file-encoding',
    doc: { description: 'Text in another encoding (Windows-1252 from a Word export) would be misread; save it as UTF-8.', examples: [] },
  },
  {
    id: 'file-too-large',
    doc: {
      description:
        'No part of the SEC comes near this size; a larger file is almost certainly not a document of the SEC (a generated dump, an export gone wrong), and reading it would only slow every check down.',
      examples: [],
    },
  },
  {
    id: 'file-unreadable',
    doc: {
      description: 'A file that cannot be read (permissions, a directory named `*.md`) means the check could not run on the whole text.',
      examples: [],
    },
  },
  {
    id: 'release-plan-yaml',
    doc: { description: 'A syntax error or an alias leaves the plan unread: no date can be answered.', examples: [] },
  },
  {
    id: 'release-plan-invalid',
    doc: {
      description: 'The base and every release (id, title, date or TBC, the modifications or parts it implements) must be stated.',
      examples: [],
    },
  },
  {
    id: 'release-date-invalid',
    doc: { description: 'A date such as 2024-02-30 cannot be compared with an execution date.', examples: [] },
  },
  {
    id: 'release-date-tbc',
    doc: {
      description:
        'An undated release takes part in the modified view and in --modification, never in --as-at: no date brings it into force yet.',
      examples: [],
    },
  },
  {
    id: 'release-order',
    doc: {
      description: 'The plan is read in order: a release dated before the one above it is almost certainly a typo in a date.',
      examples: [],
    },
  },
  {
    id: 'release-duplicate',
    doc: { description: 'Frozen releases are stored by id (rules/releases/<id>.rules.json).', examples: [] },
  },
  {
    id: 'release-modification-undeclared',
    doc: { description: 'A release cannot bring into force a modification whose title and intents nobody declared.', examples: [] },
  },
  {
    id: 'modification-unreleased',
    doc: { description: 'A modification no release lists has no date: its redlines could never be in force.', examples: [] },
  },
  {
    id: 'modification-part-twice',
    doc: { description: 'Two releases implementing the same part would give it two dates.', examples: [] },
  },
  {
    id: 'modification-manifest-unreadable',
    doc: { description: 'Without its id the manifest declares nothing, and every redline citing it is undeclared.', examples: [] },
  },
  {
    id: 'frozen-release-missing',
    doc: {
      description:
        "A consolidated release's text is gone from the documents (secc consolidate accepted its redlines): only its frozen rules say what was in force on its dates, so without them those dates cannot be answered.",
      examples: [],
    },
  },
  {
    id: 'release-plan-missing',
    doc: { description: 'Without a release plan no modification has a date.', examples: [] },
  },
];
