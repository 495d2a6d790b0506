/**
 * The change set and the intent check, against the Modification Report: MP162's redline must do
 * exactly what the report says, and the intent check must catch a redline that does more or less.
 */
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  committedChangeSet,
  diffRuleSets,
  formatSeconds,
  type Change,
  type ChangeSet,
  type CommittedChangeSet,
} from '../src/features/changeset/diff.js';
import { changeWords, formatChangeSetMarkdown, formatChangeSetText, MARKDOWN_BUDGET } from '../src/features/changeset/format.js';
import type { Root } from 'mdast';
import { checkIntents, parseManifest, type ManifestLoad } from '../src/features/changeset/intent.js';
import { parseDuration } from '../src/compiler/4-extract/duration.js';
import type { RuleSet } from '../src/shared/model.js';
import { VFile } from 'vfile';
import {
  compileProject,
  compileStrings,
  projectCopy,
  readText,
  replaceOnce,
  ROOT,
  runCli,
  SOURCES_DIR,
  textDocuments,
} from './support/project.js';
import { EXISTING_ELIGIBILITY, REPORT_COLUMNS, REPORT_MDR_SERVICES, REPORT_TRT_TABLE } from './support/report-facts.js';

let baseline: RuleSet;
let modified: RuleSet;
let changeSet: ChangeSet;
let parsed: Array<{ name: string; readonly tree: Root | undefined }> = [];
const words = () => changeWords({ baseline, modified }, parsed);

beforeAll(async () => {
  const result = await compileProject();
  expect(result.ok).toBe(true);
  baseline = result.ruleSets!.baseline;
  modified = result.ruleSets!.modified;
  changeSet = diffRuleSets(baseline, modified);
  parsed = result.parsed.map((entry) => ({ name: entry.doc.name, tree: entry.tree }));
});

const seconds = (text: string): number | null => {
  const parsed = parseDuration(text);
  if (!parsed.ok) throw new Error(`not a duration: ${text}`);
  return parsed.seconds;
};
const ofKind = (kind: Change['kind']): Change[] => changeSet.changes.filter((change) => change.kind === kind);
/** 1-based line and column of the first occurrence of `needle` after `after` in `text`. */
function placeOf(text: string, needle: string, after = ''): { line: number; column: number } {
  const index = text.indexOf(needle, after ? text.indexOf(after) : 0);
  if (index === -1) throw new Error(`${needle} not found`);
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

describe('the MP162 change set lists exactly what the Modification Report describes', () => {
  it('adds the User Role mdr and nothing else about roles', () => {
    expect(ofKind('user-role').map((change) => change.summary)).toEqual(['User Role mdr (Meter Data Retriever) added']);
  });

  it('makes the MDR eligible for exactly the 11 Service Requests of the report', () => {
    const eligibility = ofKind('eligibility');
    expect(eligibility.every((change) => change.action === 'added' && change.role === 'mdr')).toBe(true);
    expect(eligibility.map((change) => change.sr).sort()).toEqual(Object.keys(REPORT_MDR_SERVICES).sort());
    expect(eligibility.find((change) => change.sr === '4.8.1')!.summary).toBe('eligibility SR 4.8.1 + mdr');
  });

  it('changes exactly one Service Request flag: SR 4.2 DCC Scheduled No → Yes (footnote 4)', () => {
    expect(ofKind('service-request').map((change) => change.summary)).toEqual(['SR 4.2 DCC Scheduled: No → Yes']);
    const flag = ofKind('service-request')[0]!;
    expect(flag.source.file).toBe('appendix-e.md');
    expect(flag.source.header).toBe('DCC Scheduled');
  });

  it('lists exactly the TRT cells of the report: every MDR cell, SR 4.2 Scheduled and SR 8.2 SMETS1 On-Demand for the existing roles', () => {
    const expected = new Map<string, string>();
    for (const [sr, cells] of Object.entries(REPORT_TRT_TABLE)) {
      REPORT_COLUMNS.forEach(([sender, smets, mode], index) => {
        if (sender !== 'mdr') return;
        expected.set(`trt/${sr}/mdr/smets${smets}/${mode}`, `added ${formatSeconds(seconds(cells[index]!))}`);
      });
    }
    // Footnote 4: SR 4.2 becomes schedulable, so its Scheduled TRT for the existing roles goes N/A → 24 hrs.
    for (const role of EXISTING_ELIGIBILITY['4.2']!) {
      for (const smets of [2, 1]) expected.set(`trt/4.2/${role}/smets${smets}/scheduled`, `changed N/A → 24 h [^ab-fn4]`);
    }
    // Footnote 5: SR 8.2's SMETS1 TRT goes 16 s → 30 s for all Users.
    for (const role of EXISTING_ELIGIBILITY['8.2']!) expected.set(`trt/8.2/${role}/smets1/on-demand`, `changed 16 s → 30 s [^ab-fn5]`);
    const actual = new Map(
      ofKind('trt').map((change) => [
        change.id,
        change.action === 'added' ? `added ${change.to}` : `${change.action} ${change.from} → ${change.to}`,
      ]),
    );
    expect(actual).toEqual(expected);
    expect(actual.size).toBe(44 + 4 + 7);
  });

  it('reads like the issue asks: SR 8.2 for other-user, 16 s → 30 s, at the cell in appendix-ab.md', async () => {
    const change = changeSet.changes.find((entry) => entry.id === 'trt/8.2/other-user/smets1/on-demand')!;
    expect(change.summary).toBe('TRT SR 8.2, other-user, SMETS1, on-demand: 16 s → 30 s [^ab-fn5]');
    const text = await readText('appendix-ab.md');
    expect({ line: change.source.line, column: change.source.column }).toEqual(placeOf(text, '30 secs[^ab-fn5]', '| 8.2 |'));
    expect({ line: change.beforeSource!.line, column: change.beforeSource!.column }).toEqual(placeOf(text, '16 secs', '| 8.2 |'));
  });

  it('adds the new clauses and their rule blocks, changes only the clauses that hold the changed tables, removes nothing', () => {
    expect(changeSet.summary.total.removed).toBe(0);
    expect(
      ofKind('clause')
        .filter((change) => change.action === 'added')
        .map((change) => change.clause)
        .sort(),
    ).toEqual(['AB2.2', 'G6.1A', 'G8.3A', 'G8.3B', 'G8.3C', 'H1.2A', 'H1.2B', 'H3.13A', 'H4.2A'].sort());
    expect(
      ofKind('clause')
        .filter((change) => change.action === 'changed')
        .map((change) => change.clause)
        .sort(),
    ).toEqual(['AB2.1', 'E2.1', 'H1.1']);
    expect(
      ofKind('clause-rule')
        .map((change) => `${change.action} ${change.rule}`)
        .sort(),
    ).toEqual(
      modified.clauseRules
        .filter((rule) => !baseline.clauseRules.some((old) => old.id === rule.id))
        .map((rule) => `added ${rule.id}`)
        .sort(),
    );
    expect(
      ofKind('footnote')
        .map((change) => `${change.document} ${change.footnote}`)
        .sort(),
    ).toEqual(['appendix-ab.md ab-fn4', 'appendix-ab.md ab-fn5', 'appendix-e.md e-fn4']);
  });

  it('is what the build writes to rules/change-set.json, and counts agree', () => {
    const committed = JSON.parse(readFileSync(path.join(ROOT, 'rules', 'change-set.json'), 'utf8')) as CommittedChangeSet;
    const { changeSet: expected, map } = committedChangeSet(changeSet, 'rules/change-set.json');
    expect(committed.changes).toEqual(expected.changes);
    // Places only in the committed file; the positions are in its source map, by change id.
    expect(JSON.stringify(committed)).not.toMatch(/"line"|"column"/);
    const committedMap = JSON.parse(readFileSync(path.join(ROOT, 'rules', 'change-set.sourcemap.json'), 'utf8')) as { positions: unknown };
    expect(committedMap.positions).toEqual(map.positions);
    const cell = changeSet.changes.find((change) => change.id === 'trt/8.2/other-user/smets1/on-demand')!;
    expect(map.positions['trt/8.2/other-user/smets1/on-demand@source']).toBe(
      `appendix-ab.md:${cell.source.line}:${cell.source.column}-${cell.source.endLine}:${cell.source.endColumn}`,
    );
    expect(changeSet.summary.total.total).toBe(changeSet.changes.length);
    expect(Object.values(changeSet.summary.byDocument).reduce((sum, counts) => sum + counts!.total, 0)).toBe(changeSet.changes.length);
  });

  it('is empty between a rule set and itself, and reverses when the sides swap', () => {
    expect(diffRuleSets(modified, modified).changes).toEqual([]);
    const reverse = diffRuleSets(modified, baseline);
    expect(reverse.summary.total).toEqual({
      added: changeSet.summary.total.removed,
      removed: changeSet.summary.total.added,
      changed: changeSet.summary.total.changed,
      total: changeSet.summary.total.total,
    });
    expect(reverse.changes.find((change) => change.id === 'trt/8.2/other-user/smets1/on-demand')!.summary).toBe(
      'TRT SR 8.2, other-user, SMETS1, on-demand: 30 s [^ab-fn5] → 16 s',
    );
  });
});

describe('formats', () => {
  it('text: one line per change with its place under the text directory, in the words of the text', () => {
    const text = formatChangeSetText(changeSet, { textDir: 'sec-text', words: words() });
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(changeSet.changes.length + 2);
    const sr = ofKind('service-request')[0]!;
    expect(lines).toContain(
      `sec-text/appendix-e.md:${sr.source.line}:${sr.source.column}  changed  Service Request: SR 4.2 Read Instantaneous Export Register Values, DCC Scheduled: No → Yes`,
    );
    // A changed TRT names the role and the footnote as a reader sees them (ab-fn5 is the second referenced in Appendix AB).
    expect(lines).toContain(
      `sec-text/appendix-ab.md:54:80  changed  Target Response Time: SR 8.2 Read Inventory, SMETS1 On-Demand: 16 secs → 30 secs (footnote 2) for Other User`,
    );
    expect(text).not.toMatch(/\[\^|\bmdr\b|other-user|on-demand/);
    expect(lines.at(-1)).toBe('baseline → modified: 75 added, 0 removed, 15 changed');
  });

  it('markdown: counts per document and kind, lines folded as the review page folds them, under the comment size limit', () => {
    const markdown = formatChangeSetMarkdown(changeSet, { words: words() });
    expect(markdown).toContain('**90 changes**: 75 added, 0 removed, 15 changed.');
    expect(markdown).toContain('| SEC Appendix AB | Target Response Times | 44 | 0 | 11 |');
    expect(markdown).toContain('| SEC Appendix E | Eligibility | 11 | 0 | 0 |');
    expect(markdown).toContain(
      '- SR 8.2 Read Inventory, SMETS1 On-Demand: ~~16 secs~~ → 30 secs<sup>2</sup> for all Users (`appendix-ab.md:54:80`)',
    );
    expect(markdown).toContain('- Target Response Times added for Meter Data Retriever: 11 Service Requests, 44 values');
    expect(markdown).toMatch(/- Meter Data Retriever made eligible to send 11 Service Requests: SR 4\.1\.1, .* and 8\.2/);
    expect(markdown).not.toMatch(/\[\^|\bmdr\b|other-user/);
    expect(markdown.length).toBeLessThan(MARKDOWN_BUDGET);
  });

  it('--against names the roles against the draft it starts from, not against the baseline (only MDR changed: not "for all Users")', async () => {
    const draftDir = await mkdtemp(path.join(tmpdir(), 'sec-rules-draft-'));
    try {
      await cp(path.join(ROOT, 'sec-text'), draftDir, { recursive: true });
      const ab = path.join(draftDir, 'appendix-ab.md');
      // The draft's MDR SMETS1 On-Demand cell of SR 8.2 says 16 secs; the final text, like every other role's, 30 secs.
      const text = readFileSync(ab, 'utf8').replace(
        /^(\| 8\.2 \|.*)<ins cite="MP162">30 secs<\/ins> \|$/m,
        '$1<ins cite="MP162">16 secs</ins> |',
      );
      await writeFile(ab, text);
      const run = await runCli(['diff', '--against', draftDir, '--format', 'markdown'], ROOT);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain('- SR 8.2 Read Inventory, SMETS1 On-Demand: ~~16 secs~~ → 30 secs for Meter Data Retriever');
      expect(run.stdout).not.toContain('for all Users');
    } finally {
      await rm(draftDir, { recursive: true, force: true });
    }
  });

  it('markdown: legal text is escaped and a huge change set is cut to fit a comment', () => {
    const huge: ChangeSet = {
      ...changeSet,
      changes: Array.from({ length: 3000 }, (_, index) => ({
        ...changeSet.changes.find((change) => change.kind === 'clause')!,
        id: `clause:X${index}`,
        subject: `clause X${index} <script>alert(1)</script> | *bold*`,
        summary: `clause X${index} <script>alert(1)</script> | *bold*`,
      })),
    };
    const markdown = formatChangeSetMarkdown(huge, { words: words() });
    expect(markdown.length).toBeLessThan(MARKDOWN_BUDGET);
    expect(markdown).not.toContain('<script>');
    expect(markdown).toContain('\\<script\\>');
    expect(markdown).toMatch(/… and \d+ more/);
  });
});

describe('the intent check', () => {
  const load = async (yaml: string): Promise<ManifestLoad> => {
    const file = new VFile({ path: 'sec-text/modifications/MP162.yaml', value: yaml });
    const manifest = await parseManifest(file);
    return { manifests: manifest ? [manifest] : [], files: [file] };
  };
  const manifestText = (): string => readFileSync(path.join(ROOT, 'sec-text', 'modifications', 'MP162.yaml'), 'utf8');

  it('passes for MP162: every change intended, every intent made', async () => {
    const result = checkIntents(changeSet, baseline, modified, await load(manifestText()), { textDir: 'sec-text' });
    expect(result.unintended.map((change) => change.summary)).toEqual([]);
    expect(result.missing).toEqual([]);
    expect(result.files.flatMap((file) => file.messages.map(String))).toEqual([]);
    expect(result.intended.size).toBe(changeSet.changes.length);
  });

  it('secc check passes on the project', async () => {
    const run = await runCli(['check'], ROOT);
    expect(run.stdout).toBe('');
    expect(run.code).toBe(0);
  });

  it('a wildcard intent expects every fitting entry: dropping the MDR TRT intent leaves 44 unintended changes', async () => {
    const yaml = manifestText().replace('      - { kind: trt, action: added, role: mdr }\n', '');
    const result = checkIntents(changeSet, baseline, modified, await load(yaml), { textDir: 'sec-text' });
    // The 4.1.1 SMETS2 intent still covers two of them.
    expect(result.unintended.map((change) => change.id).sort()).toEqual(
      ofKind('trt')
        .filter((change) => change.role === 'mdr' && !(change.sr === '4.1.1' && change.smets === 2))
        .map((change) => change.id)
        .sort(),
    );
    expect(result.missing).toEqual([]);
  });

  it('a value in an intent is checked: SR 8.2 to 45 secs is reported at each changed cell', async () => {
    const yaml = replaceOnce(manifestText(), 'from: 16 secs, to: 30 secs', 'from: 16 secs, to: 45 secs');
    const result = checkIntents(changeSet, baseline, modified, await load(yaml), { textDir: 'sec-text' });
    const messages = result.files.flatMap((file) => file.messages).filter((message) => message.ruleId === 'intent-value');
    expect(messages).toHaveLength(7);
    expect(messages[0]!.reason).toContain('expected 16 secs → 45 secs as MP162#sr-8-2-smets1-30s states');
  });

  it('an invalid manifest is a finding with its place, never a pass', async () => {
    const result = await load(
      'modification: MP162\ntitle: x\nauthority: y\nintents:\n  - id: a\n    ref: r\n    changes:\n      - { kind: trt, action: moved }\n',
    );
    expect(result.manifests).toEqual([]);
    const message = result.files[0]!.messages[0]!;
    expect(message.ruleId).toBe('manifest-invalid');
    expect(message.line).toBe(8);
    const broken = await load('modification: MP162\nintents: [\n');
    expect(broken.files[0]!.messages[0]!.ruleId).toBe('manifest-yaml');
  });
});

describe('secc check on a temp copy fails when the redline and the manifest differ', () => {
  async function checkCopy(
    edit: (dir: string) => Promise<void>,
  ): Promise<{ code: number; stdout: string; dir: string; cleanup(): Promise<void> }> {
    const copy = await projectCopy();
    await edit(copy.dir);
    // Rebuild rules/ in the copy first, so the only findings are the intent check's.
    const build = await runCli(['build', '--text', 'sec-text', '--root', '.'], copy.dir);
    expect(build.code).toBe(0);
    const run = await runCli(['check', '--text', 'sec-text', '--root', '.'], copy.dir);
    return { ...run, dir: copy.dir, cleanup: copy.cleanup };
  }

  it('an existing-role TRT cell changed by mistake: exit 1, naming the cell with file:line:col', async () => {
    let text = '';
    const run = await checkCopy(async (dir) => {
      text = replaceOnce(
        await readText('appendix-ab.md'),
        '| 4.6.1 | 24 hrs | 30 secs |',
        '| 4.6.1 | 24 hrs | <del cite="MP162">30 secs</del><ins cite="MP162">60 secs</ins> |',
      );
      await writeFile(path.join(dir, 'sec-text', 'appendix-ab.md'), text);
    });
    try {
      expect(run.code).toBe(1);
      const at = placeOf(text, '60 secs');
      const lines = run.stdout.split('\n').filter((line) => line.includes('  error  '));
      expect(lines).toEqual([
        `sec-text/appendix-ab.md:${at.line}:${at.column}  error  Unexpected change TRT SR 4.6.1, [gas-supplier, import-supplier], SMETS2, on-demand: 30 s → 60 s (cell SR 4.6.1 × Eligible User Roles / SMETS2 / On-Demand), expected only the changes that the manifest of MP162 intends; if it is meant, add to an intent's changes in sec-text/modifications/MP162.yaml: - { kind: trt, action: changed, sr: '4.6.1', role: [gas-supplier, import-supplier], smets: 2, mode: on-demand, from: 30 secs, to: 60 secs } (2 findings at this place, one for each value in brackets)  intent-unintended`,
      ]);
    } finally {
      await run.cleanup();
    }
  });

  it('the insertion of one MDR eligibility taken back: exit 1, naming the missing intended change', async () => {
    const run = await checkCopy(async (dir) => {
      const text = replaceOnce(
        await readText('appendix-e.md'),
        /(\| 4\.8\.1 \| Read Active Import Profile Data \|.*)<ins cite="MP162">Yes<\/ins> \|/,
        '$1<ins cite="MP162">No</ins> |',
      );
      await writeFile(path.join(dir, 'sec-text', 'appendix-e.md'), text);
    });
    try {
      expect(run.code).toBe(1);
      // Only the intent check's findings: secc lint also reports the AB cells this edit leaves for an ineligible MDR (trt-coverage).
      const errors = run.stdout.split('\n').filter((line) => line.includes('  error  ') && / (intent|manifest)-\S+$/.test(line));
      expect(errors).toHaveLength(1);
      const manifest = readFileSync(path.join(ROOT, 'sec-text', 'modifications', 'MP162.yaml'), 'utf8');
      const at = placeOf(manifest, 'kind: eligibility', 'id: mdr-eligibility');
      expect(errors[0]).toBe(
        `sec-text/modifications/MP162.yaml:${at.line}:${at.column}  error  Missing intended change: eligibility SR 4.8.1 + mdr (MP162#mdr-eligibility: Section 3 'Solution', 'Service Requests and TRTs', table 'Valid Service Requests for an MDR User'), expected the redline to make it  intent-missing`,
      );
    } finally {
      await run.cleanup();
    }
  });
});

describe('the earlier draft of the TRT table (Design Advisory Group slides, Feb 2022)', () => {
  const SOURCE = path.join(SOURCES_DIR, '003_8bc176f74a0a719c.txt');
  const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'dag-2022-02-trt-draft.tsv');
  const parseDraft = (tsv: string): Record<string, string[]> =>
    Object.fromEntries(
      tsv
        .split('\n')
        .filter((line) => line.includes('\t'))
        .map((line) => line.split('\t').map((cell) => cell.trim()))
        .map(([, sr, ...cells]) => [sr!, cells]),
    );

  it.skipIf(!existsSync(SOURCE))('the fixture is the table rows of the slides, verbatim', () => {
    const rows = readFileSync(SOURCE, 'utf8')
      .split('\n')
      .filter((line) => /^[A-Z][^\t]*\t\d+\.\d+(\.\d+)?\t/.test(line));
    expect(`${rows.join('\n')}\n`).toBe(readFileSync(FIXTURE, 'utf8'));
  });

  it('lists exactly the cells where the draft and the final table differ', async () => {
    const draft = parseDraft(readFileSync(FIXTURE, 'utf8'));
    expect(Object.keys(draft)).toEqual(Object.keys(REPORT_TRT_TABLE));
    // The cells that differ, from the two tables alone: [sr, column index].
    const differing = Object.entries(REPORT_TRT_TABLE).flatMap(([sr, cells]) =>
      cells.flatMap((final, index) => (final !== draft[sr]![index] ? [`${sr}|${index}`] : [])),
    );
    expect(differing).toContain('4.1.1|5'); // MDR, SMETS2, On-Demand: 24 hrs in the draft, N/A in the final table

    // The draft version of the redline: the same document with the differing cells holding the draft's value.
    const documents = await textDocuments();
    const columnHeaders = REPORT_COLUMNS.map(
      ([sender, smets, mode]) =>
        `${sender === 'mdr' ? 'Meter Data Retriever' : 'Eligible User Roles'} / SMETS${smets} / ${mode === 'scheduled' ? 'Scheduled' : 'On-Demand'}`,
    );
    documents['appendix-ab.md'] = rewriteTable(documents['appendix-ab.md']!, columnHeaders, (sr, index) =>
      differing.includes(`${sr}|${index}`) ? draft[sr]![index]! : undefined,
    );
    const draftResult = await compileStrings(documents, false);
    expect(draftResult.files.flatMap((file) => file.messages.filter((message) => message.fatal).map(String))).toEqual([]);

    const between = diffRuleSets(draftResult.ruleSets!.modified, modified, { from: 'draft (DAG, Feb 2022)', to: 'final' });
    const cells = new Set(
      between.changes
        .filter((change) => change.kind === 'trt')
        .map((change) => `${change.source.row}|${columnHeaders.indexOf(change.source.header!)}`),
    );
    expect([...cells].sort()).toEqual([...differing].sort());
    // Nothing else changes but the text of the clause that holds the table.
    expect(between.changes.filter((change) => change.kind !== 'trt').map((change) => change.summary)).toEqual([
      'clause AB2.1 Target Response Time table: text changed',
    ]);
    // And each change says what the draft had and what the final table has.
    const mdr411 = between.changes.find((change) => change.id === 'trt/4.1.1/mdr/smets2/on-demand')!;
    expect(`${mdr411.from} → ${mdr411.to}`).toBe('24 h → N/A');

    // The same from the command line: `secc diff --against <the draft's text>`.
    const draftDir = await mkdtemp(path.join(tmpdir(), 'sec-rules-draft-'));
    try {
      for (const [name, text] of Object.entries(documents)) await writeFile(path.join(draftDir, name), text);
      // The draft's redlines cite MP162 too: its text comes with the plan that declares it.
      await cp(path.join(ROOT, 'sec-text', 'releases.yaml'), path.join(draftDir, 'releases.yaml'));
      await cp(path.join(ROOT, 'sec-text', 'modifications'), path.join(draftDir, 'modifications'), { recursive: true });
      const run = await runCli(['diff', '--against', draftDir, '--format', 'json'], ROOT);
      expect(run.code).toBe(0);
      const fromCli = JSON.parse(run.stdout) as ChangeSet;
      expect(fromCli.changes.map((change) => change.summary)).toEqual(between.changes.map((change) => change.summary));
      expect(fromCli.to).toBe('sec-text (modified)');
    } finally {
      await rm(draftDir, { recursive: true, force: true });
    }
  });
});

/**
 * Rewrites cells of the Appendix AB TRT table so that the modified text holds `value(sr, column)`
 * while the baseline text stays as it was: a wholly inserted cell gets the new insertion, an
 * existing cell becomes a deletion of its baseline text and an insertion of the new one.
 */
function rewriteTable(text: string, headers: string[], value: (sr: string, index: number) => string | undefined): string {
  const lines = text.split('\n');
  const headerLine = lines.findIndex((line) => line.startsWith('| SR |') && line.includes('/ SMETS'));
  const headerCells = lines[headerLine]!.split('|')
    .slice(1, -1)
    .map((cell) => cell.replace(/<\/?(ins|del)[^>]*>/g, '').trim());
  for (let index = headerLine + 2; index < lines.length && lines[index]!.startsWith('|'); index++) {
    const cells = lines[index]!.split('|').slice(1, -1);
    const sr = cells[0]!.trim();
    for (let column = 1; column < cells.length; column++) {
      const wanted = value(sr, headers.indexOf(headerCells[column]!));
      if (wanted === undefined) continue;
      const base = cells[column]!.replace(/<ins[^>]*>.*?<\/ins>/g, '')
        .replace(/<\/?del[^>]*>/g, '')
        .trim();
      cells[column] =
        base === ''
          ? ` <ins cite="MP162">${wanted}</ins> `
          : base === wanted
            ? ` ${base} `
            : ` <del cite="MP162">${base}</del><ins cite="MP162">${wanted}</ins> `;
    }
    lines[index] = `|${cells.join('|')}|`;
  }
  return lines.join('\n');
}
