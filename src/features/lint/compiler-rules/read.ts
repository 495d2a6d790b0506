/**
 * Docs (data) of the compiler rules detected in Stage 1, read (src/compiler/1-read):
 * a file that cannot be read as UTF-8 Markdown.
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
];
