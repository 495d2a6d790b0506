/**
 * A second modification beside MP162, on a copy of the project: its own manifest, a later
 * release, one redlined TRT cell in a document that also carries MP162 redlines (so a date
 * between the two releases projects that document a third way).
 */
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { projectCopy, replaceOnce, runCli } from '../support/project.js';

let project: { dir: string; cleanup(): Promise<void> };
beforeEach(async () => {
  project = await projectCopy();
  const text = path.join(project.dir, 'sec-text');
  await writeFile(
    path.join(text, 'modifications', 'MP200.yaml'),
    [
      'modification: MP200',
      'title: A later Target Response Time review',
      'authority: A test modification',
      'intents:',
      '  - id: trt-4-8-1',
      '    ref: test',
      '    changes:',
      "      - { kind: trt, action: changed, sr: '4.8.1', smets: 2, mode: on-demand, from: 5600 secs, to: 5700 secs }",
      '      - { kind: clause, action: changed, clause: AB2.1 }',
      '',
    ].join('\n'),
  );
  await appendFile(
    path.join(text, 'releases.yaml'),
    '\n  - id: 2024-11-sec-release\n    title: November 2024 SEC Release\n    date: 2024-11-07\n    implements:\n      - modification: MP200\n',
  );
  const ab = path.join(text, 'appendix-ab.md');
  await writeFile(
    ab,
    replaceOnce(
      await readFile(ab, 'utf8'),
      '| 4.8.1 | 24 hrs | 5,600 secs |',
      '| 4.8.1 | 24 hrs | <del cite="MP200">5,600 secs</del><ins cite="MP200">5,700 secs</ins> |',
    ),
  );
});
afterEach(async () => project.cleanup());

const row = (csv: string, key: string) => csv.split('\n').filter((line) => line.startsWith(key));

describe('a second modification with a later release', () => {
  it('compiles; as at the day before its release the old value, on the day the new; MP162 stays in force in between', async () => {
    const at = async (date: string) => (await runCli(['export', 'trt', '--as-at', date], project.dir)).stdout;
    const [june26, june27, nov6, nov7] = await Promise.all(['2024-06-26', '2024-06-27', '2024-11-06', '2024-11-07'].map(at));
    const cell = (csv: string | undefined) => row(csv ?? '', '4.8.1,other-user,2,on-demand,');
    expect(cell(june26)).toEqual(['4.8.1,other-user,2,on-demand,5600']);
    expect(cell(nov6)).toEqual(['4.8.1,other-user,2,on-demand,5600']);
    expect(cell(nov7)).toEqual(['4.8.1,other-user,2,on-demand,5700']);
    // MP162 (in the same table) is in force from 27 June: the MDR columns exist in between and after.
    expect(row(june26 ?? '', '8.2,mdr,')).toEqual([]);
    expect(row(nov6 ?? '', '8.2,mdr,1,on-demand,')).toEqual(['8.2,mdr,1,on-demand,30']);
    expect(row(june27 ?? '', '8.2,other-user,1,on-demand,')).toEqual(['8.2,other-user,1,on-demand,30']);
    expect(nov6).toBe(june27);
    expect((await runCli(['export', 'trt', '--view', 'modified'], project.dir)).stdout).toBe(nov7);
  });

  it('builds: the generated timeline gives the dates between the releases tables of their own (MP162 without MP200)', async () => {
    const build = await runCli(['build'], project.dir);
    expect(build.code, build.stderr + build.stdout).toBe(0);
    const tables = await readFile(path.join(project.dir, 'generated', 'tables.ts'), 'utf8');
    const inForce = tables.slice(tables.indexOf('export const IN_FORCE'), tables.indexOf('export interface InForceInterval'));
    expect([...inForce.matchAll(/"tables": "([^"]+)"/g)].map((match) => match[1])).toEqual([
      'baseline',
      'baseline',
      '2024-06-sec-release',
      'modified',
    ]);
    expect(tables).toMatch(/export const DATED_TABLES[^\n]*= \{\n {2}"2024-06-sec-release": \{/);
  });

  it('diff --modification MP200 lists only its change; MP162 alone leaves the cell as it was', async () => {
    const changes = async (id: string) =>
      (
        JSON.parse((await runCli(['diff', '--modification', id, '--format', 'json'], project.dir)).stdout) as {
          changes: Array<{ kind: string; summary: string }>;
        }
      ).changes;
    const mp200 = await changes('MP200');
    expect(mp200.filter((change) => change.kind === 'trt').map((change) => change.summary)).toEqual(
      expect.arrayContaining([expect.stringMatching(/4\.8\.1/)]),
    );
    expect(mp200.every((change) => change.kind === 'clause' || /4\.8\.1/.test(change.summary))).toBe(true);
    expect(mp200.some((change) => /mdr|MDR/.test(change.summary))).toBe(false);
    const mp162 = await changes('MP162');
    expect(
      mp162.some((change) => change.kind === 'trt' && /4\.8\.1.*SMETS2.*On-Demand.*(5600|5700|5,600|5,700)/.test(change.summary)),
    ).toBe(false);
  });

  it('a cell that MP162 also redlines: secc check and secc build exit 1 naming both modifications and their redlines; nothing written', async () => {
    const ab = path.join(project.dir, 'sec-text', 'appendix-ab.md');
    let text = await readFile(ab, 'utf8');
    text = replaceOnce(
      text,
      '<ins cite="MP162">30 secs[^ab-fn5]</ins> |',
      '<ins cite="MP162">30 secs[^ab-fn5]</ins><ins cite="MP200">[^ab-fn6]</ins> |',
    );
    text = `${text.trimEnd()}\n\n<ins cite="MP200">\n\n[^ab-fn6]: A later note on SR 8.2.\n\n</ins>\n`;
    await writeFile(ab, text);
    const before = await readFile(path.join(project.dir, 'generated', 'tables.ts'), 'utf8');
    const line = text.split('\n').findIndex((row) => row.startsWith('| 8.2 |')) + 1;
    for (const command of ['check', 'build']) {
      const run = await runCli([command], project.dir);
      expect(run.code, command).toBe(1);
      const conflicts = (run.stdout + run.stderr).split('\n').filter((row) => row.endsWith('modification-conflict'));
      expect(conflicts.length, run.stdout + run.stderr).toBeGreaterThan(0);
      const other = conflicts.find((row) => /trt\/8\.2\/\[[a-z, -]*other-user[a-z, -]*\]\/smets1\/on-demand/.test(row));
      expect(other).toMatch(
        new RegExp(
          `^sec-text/appendix-ab.md:${line}:\\d+ +error +Unexpected change of TRT SR 8\\.2, \\[[a-z, -]*other-user[a-z, -]*\\], SMETS1, on-demand by two modifications, MP162 \\(.*appendix-ab.md:${line}:\\d+\\) and MP200 \\(.*appendix-ab.md:${line}:\\d+\\)`,
        ),
      );
    }
    expect(await readFile(path.join(project.dir, 'generated', 'tables.ts'), 'utf8')).toBe(before);
  });

  it('the intent check judges each modification against its own manifest: MP162 passes as before, MP200 may not claim an MP162 change', async () => {
    expect((await runCli(['build'], project.dir)).code).toBe(0);
    const clean = await runCli(['check'], project.dir);
    expect(clean.code, clean.stdout + clean.stderr).toBe(0);
    const manifest = path.join(project.dir, 'sec-text', 'modifications', 'MP200.yaml');
    // Pooled with MP162 this would pass (the MDR role is in the pooled change set); alone, MP200 does not add it.
    await appendFile(manifest, '  - id: claims-mdr\n    ref: test\n    changes:\n      - { kind: user-role, action: added, role: mdr }\n');
    const run = await runCli(['check'], project.dir);
    expect(run.code).toBe(1);
    const findings = (run.stdout + run.stderr).split('\n').filter((row) => / error /.test(row));
    expect(findings.length).toBeGreaterThan(0);
    expect(
      findings.every((row) => row.includes('MP200') && !row.includes('MP162#')),
      findings.join('\n'),
    ).toBe(true);
    expect(findings.some((row) => /MP200#claims-mdr/.test(row) && /intent-missing/.test(row))).toBe(true);
  });

  it('the review page names the modification that made each change', async () => {
    const run = await runCli(['report', '--out', 'review'], project.dir);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const html = await readFile(path.join(project.dir, 'review', 'index.html'), 'utf8');
    // Each line of the change list (a folded line's members are lines of their own) names the modification on the line.
    const madeBy = new Map<string, string>();
    const listed = new Set<string>();
    for (const [, ids, body] of html.matchAll(/<li [^>]*data-changes="([^"]+)">(?!<details>)(.*?)<\/li>/g)) {
      const made = /<span class="made-by">([^<]+)<\/span>/.exec(body!)?.[1];
      for (const id of ids!.split(' ')) {
        listed.add(id);
        if (made) madeBy.set(id, made);
      }
    }
    expect(madeBy.get('trt/4.8.1/other-user/smets2/on-demand')).toBe('MP200');
    expect(madeBy.get('trt/8.2/other-user/smets1/on-demand')).toBe('MP162');
    expect(madeBy.get('user-role/mdr')).toBe('MP162');
    // Every change of the change set is attributed.
    expect(listed.size).toBeGreaterThan(90);
    expect(madeBy.size).toBe(listed.size);
  });
});
