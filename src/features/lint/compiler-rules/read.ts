/**
 * Docs (data) of the compiler rules detected in Stage 1, read (src/compiler/1-read):
 * a file that cannot be read as UTF-8 Markdown; the release plan (releases.yaml) and the
 * modification manifests beside the documents.
 */
import type { CompilerRuleDoc } from '../types.js';

export const READ_RULE_DOCS: readonly CompilerRuleDoc[] = [
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
    id: 'release-plan-yaml',
    severity: 'error',
    summary: 'releases.yaml is plain YAML (no anchors or aliases)',
    doc: { description: 'A syntax error or an alias leaves the plan unread: no date can be answered.', examples: [] },
  },
  {
    id: 'release-plan-invalid',
    severity: 'error',
    summary: 'releases.yaml fits rules/schema/release-plan.schema.json',
    doc: {
      description: 'The base and every release (id, title, date or TBC, the modifications or parts it implements) must be stated.',
      examples: [],
    },
  },
  {
    id: 'release-date-invalid',
    severity: 'error',
    summary: 'every release date is a day that exists (YYYY-MM-DD) or TBC',
    doc: { description: 'A date such as 2024-02-30 cannot be compared with an execution date.', examples: [] },
  },
  {
    id: 'release-date-tbc',
    severity: 'warning',
    summary: 'a release has a date (TBC is allowed while undetermined)',
    doc: {
      description:
        'An undated release takes part in the modified view and in --modification, never in --as-at: no date brings it into force yet.',
      examples: [],
    },
  },
  {
    id: 'release-order',
    severity: 'error',
    summary: 'releases are listed in date order, TBC last',
    doc: {
      description: 'The plan is read in order: a release dated before the one above it is almost certainly a typo in a date.',
      examples: [],
    },
  },
  {
    id: 'release-duplicate',
    severity: 'error',
    summary: 'each release (and the base) has its own id',
    doc: { description: 'Frozen releases are stored by id (rules/releases/<id>.rules.json).', examples: [] },
  },
  {
    id: 'release-modification-undeclared',
    severity: 'error',
    summary: 'every modification a release implements is declared in modifications/<ID>.yaml',
    doc: { description: 'A release cannot bring into force a modification whose title and intents nobody declared.', examples: [] },
  },
  {
    id: 'modification-unreleased',
    severity: 'error',
    summary: 'every declared modification is implemented by a release (its date may be TBC)',
    doc: { description: 'A modification no release lists has no date: its redlines could never be in force.', examples: [] },
  },
  {
    id: 'modification-part-twice',
    severity: 'error',
    summary: 'each part of a modification is implemented by one release',
    doc: { description: 'Two releases implementing the same part would give it two dates.', examples: [] },
  },
  {
    id: 'modification-manifest-unreadable',
    severity: 'error',
    summary: 'each modifications/<ID>.yaml names its modification and title',
    doc: { description: 'Without its id the manifest declares nothing, and every redline citing it is undeclared.', examples: [] },
  },
  {
    id: 'release-plan-missing',
    severity: 'error',
    summary: 'a corpus that declares modifications has a releases.yaml',
    doc: { description: 'Without a release plan no modification has a date.', examples: [] },
  },
];
