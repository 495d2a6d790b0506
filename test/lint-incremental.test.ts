/**
 * Lint in a long-lived context (the language server's) replays a document's findings when the
 * inputs they were found from are the same objects (features/lint/memo.ts). After any sequence of
 * edits of the MP162 corpus (every drafting rule's doc example, and edits that add or remove a
 * clause, rename a User Role, break a cross-reference in another document, and take edits back),
 * the lint findings of a workspace kept across the edits equal those of a fresh analysis: the
 * same messages, in the same order, at the same places, with the same related place.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LINT_RULES } from '../src/features/lint/index.js';
import { LintMemo } from '../src/features/lint/memo.js';
import { Workspace, type Analysis } from '../src/lsp/workspace.js';
import { projectCopy } from './support/project.js';

interface TextEdit {
  file: string;
  find: string;
  replace: string;
}

/** Edits beyond the rules' examples: a clause added (with references) and one removed, a role renamed, a reference broken in another document. */
const MORE_EDITS: TextEdit[] = [
  {
    file: 'section-h.md',
    find: '### H3.14 Reading and deleting schedules',
    replace:
      '### H3.13B Extra duties\n\nThe MDR User shall comply with Section H3.13A, clause H4.2A(b) and Section H3.99 in the Meter Data Reader User Role.\n\n### H3.14 Reading and deleting schedules',
  },
  { file: 'section-h.md', find: '### H1.3 Acting in a User Role', replace: 'Acting in a User Role' },
  {
    file: 'section-h.md',
    find: '| <ins cite="MP162">Meter Data Retriever</ins> |',
    replace: '| <ins cite="MP162">Meter Data Reader</ins> |',
  },
  { file: 'section-g.md', find: '(as described in Section H1.2A)', replace: '(as described in Section H1.2C)' },
  { file: 'appendix-e.md', find: 'Section H3.13', replace: 'Section H3.12' },
  { file: 'section-h.md', find: '### H4.2A MDR Users', replace: '### H4.2 MDR Users' },
  { file: 'section-h.md', find: '### H1.2A Meter Data Retriever', replace: 'Meter Data Retriever' },
];

const RULE_EDITS: TextEdit[] = LINT_RULES.flatMap((rule) => rule.doc.examples.flatMap((example) => example.edits ?? []));
const EDITS = [...RULE_EDITS, ...MORE_EDITS];
const LINT_IDS = new Set<string>(LINT_RULES.map((rule) => rule.id));

let project: { dir: string; cleanup(): Promise<void> };
let originals: Record<string, string>;

beforeAll(async () => {
  project = await projectCopy();
  const names = ['appendix-ab.md', 'appendix-e.md', 'section-g.md', 'section-h.md'];
  originals = Object.fromEntries(
    await Promise.all(names.map(async (name) => [name, await readFile(path.join(project.dir, 'sec-text', name), 'utf8')] as const)),
  );
}, 60_000);
afterAll(async () => project.cleanup());

/** Every lint finding, in the order reported, with its whole place, related place and expected text. */
function lintFindings(analysis: Analysis): string[] {
  return analysis.files.flatMap((file) =>
    file.messages
      .filter((message) => LINT_IDS.has(message.ruleId ?? ''))
      .map((message) =>
        [
          file.path,
          JSON.stringify(message.place),
          message.ruleId,
          message.view ?? '',
          message.reason,
          message.actual ?? '',
          (message.expected ?? []).join('|'),
          message.cause instanceof Error
            ? `${String((message.cause as { file?: unknown }).file)} ${JSON.stringify((message.cause as { place?: unknown }).place)} ${message.cause.message}`
            : '',
        ].join(' '),
      ),
  );
}

/** One step: an edit applied where its text occurs, or a document taken back to its original text. */
const step = fc.oneof(
  fc.record({ edit: fc.nat({ max: EDITS.length - 1 }) }),
  fc.record({ back: fc.constantFrom('appendix-ab.md', 'appendix-e.md', 'section-g.md', 'section-h.md') }),
);

describe('lint kept between analyses', () => {
  it('finds what a fresh analysis finds, in the same order and places, after any sequence of edits', async () => {
    const dir = project.dir;
    const at = (name: string) => path.join(dir, 'sec-text', name);
    let replayed = 0;
    let found = 0;
    let withFindings = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 3 }), async (steps) => {
        const texts = { ...originals };
        const live = new Workspace({ root: dir, text: 'sec-text', cwd: dir });
        await live.analyse();
        for (const next of steps) {
          let name: string;
          if ('back' in next) name = next.back;
          else {
            const edit = EDITS[next.edit] as TextEdit;
            name = edit.file;
            texts[name] = (texts[name] ?? '').replace(edit.find, edit.replace);
          }
          if ('back' in next) texts[name] = originals[name] ?? '';
          live.setBuffer(at(name), texts[name] ?? '');
          const analysis = await live.analyse();
          const fresh = new Workspace({ root: dir, text: 'sec-text', cwd: dir, env: { SECC_CACHE: '0' } });
          for (const [other, text] of Object.entries(texts)) fresh.setBuffer(at(other), text);
          const findings = lintFindings(analysis);
          expect(findings).toEqual(lintFindings(await fresh.analyse()));
          if (findings.length > 0) withFindings++;
          const { stats } = analysis.result.context.steps.of(LintMemo);
          replayed = stats.hits;
          found = stats.misses;
        }
      }),
      {
        numRuns: 8,
        seed: 162,
        examples: [
          // The role renamed in Section H: prose in Section G and H naming it is reported, then not.
          [[{ edit: RULE_EDITS.length + 2 }, { back: 'section-h.md' }]],
          // A clause added with references, then a reference to it broken in another document.
          [[{ edit: RULE_EDITS.length }, { edit: RULE_EDITS.length + 3 }, { edit: RULE_EDITS.length + 5 }]],
          // A clause removed that another document (Section G) refers to, then restored.
          [[{ edit: RULE_EDITS.length + 6 }, { back: 'section-h.md' }]],
        ],
      },
    );
    // Findings were replayed for unchanged documents and found again for edited ones (else this compared a fresh lint with itself).
    expect(replayed).toBeGreaterThan(0);
    expect(found).toBeGreaterThan(0);
    // The edits made lint findings (else this compared empty lists).
    expect(withFindings).toBeGreaterThan(5);
  }, 600_000);
});
