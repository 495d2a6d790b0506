/**
 * Root causes first (issue 13, part 3): the three slips of a new drafter each print their root
 * cause first, with no false finding before it; identical findings are grouped; drift names the
 * first difference in drafting terms, one finding per output; did-you-mean for references.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { VFile } from 'vfile';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { lint } from '../src/features/lint/index.js';
import { report } from '../src/shared/diagnostics.js';
import { foldConsequences, groupIdentical, groupSamePlace, mergeReasons } from '../src/shared/root-causes.js';
import type { RULE_IDS } from '../src/shared/rule-registry.js';
import { compileStrings, projectCopy, replaceOnce, runCli, textDocuments } from './support/project.js';

/** The finding lines of `secc check`'s text output (without the count and the folded notes). */
function findingLines(stdout: string): string[] {
  return stdout.split('\n').filter((line) => /^\S+:\d+:\d+ {2}(error|warning)/.test(line));
}

describe('the three slips, through secc check', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let pristine: Record<string, string>;
  beforeAll(async () => {
    ({ dir, cleanup } = await projectCopy());
    pristine = await textDocuments();
  });
  afterAll(async () => cleanup());
  beforeEach(async () => {
    for (const [name, text] of Object.entries(pristine)) await writeFile(path.join(dir, 'sec-text', name), text);
  });

  async function edit(name: string, change: (text: string) => string): Promise<void> {
    const file = path.join(dir, 'sec-text', name);
    await writeFile(file, change(await readFile(file, 'utf8')));
  }

  it('a missing blank line after a block <ins>: the redline finding alone, the rest folded under it', async () => {
    await edit('section-h.md', (text) => replaceOnce(text, '<ins cite="MP162">\n\n### H1.2A Meter', '<ins cite="MP162">\n### H1.2A Meter'));
    const run = await runCli(['check'], dir);
    expect(run.code).toBe(1);
    const lines = findingLines(run.stdout);
    expect(lines[0]).toMatch(
      /^sec-text\/section-h\.md:31:1 {2}error {2}Unexpected text after `<ins>` in the same block.*redline-block-spacing$/,
    );
    // Before: an unbalanced </ins>, User Roles "undefined" in the baseline, roles unknown to rule blocks.
    expect(lines.join('\n')).not.toMatch(/redline-unbalanced|user-role-undefined|role-unknown|rule-fingerprint-stale/);
    expect(lines).toHaveLength(1);
    expect(run.stdout).toContain(
      '↳ 1 finding that may follow from this one is not listed (1 xref-unresolved); fix this first and run again.',
    );
  });

  it('one Eligible User Roles cell changed by mistake: one finding naming its roles, with a YAML line that pastes as one', async () => {
    await edit('appendix-ab.md', (text) =>
      text.replace(/^(\| 4\.6\.1 \| 24 hrs \| )30 secs \|/m, '$1<del cite="MP162">30 secs</del><ins cite="MP162">60 secs</ins> |'),
    );
    const run = await runCli(['check'], dir);
    const intent = findingLines(run.stdout).filter((line) => line.endsWith('intent-unintended'));
    expect(intent).toHaveLength(1);
    expect(intent[0]).toContain('Unexpected change TRT SR 4.6.1, [gas-supplier, import-supplier], SMETS2, on-demand: 30 s → 60 s');
    expect(intent[0]).toContain(
      "- { kind: trt, action: changed, sr: '4.6.1', role: [gas-supplier, import-supplier], smets: 2, mode: on-demand, from: 30 secs, to: 60 secs } (2 findings at this place, one for each value in brackets)",
    );
    // The line pastes into the manifest as it is, and then the change is intended.
    const yamlLine = /(- \{ kind: trt.*\}) \(2 findings/.exec(intent[0]!)![1]!;
    const manifest = path.join(dir, 'sec-text', 'modifications', 'MP162.yaml');
    const original = await readFile(manifest, 'utf8');
    try {
      await writeFile(
        manifest,
        original.replace(
          '      - { kind: trt, action: added, role: mdr }',
          `      - { kind: trt, action: added, role: mdr }\n      ${yamlLine}`,
        ),
      );
      expect(original).toContain('      - { kind: trt, action: added, role: mdr }');
      const after = await runCli(['check'], dir);
      expect(findingLines(after.stdout).filter((line) => line.includes('intent-'))).toEqual([]);
    } finally {
      await writeFile(manifest, original);
    }
    // Machines still get one finding per role.
    const json = JSON.parse((await runCli(['check', '--format', 'json'], dir)).stdout) as { findings: Array<{ ruleId: string }> };
    expect(json.findings.filter((finding) => finding.ruleId === 'intent-unintended')).toHaveLength(2);
  });

  it('an undeclared cite on a new column: one finding, with the count and the places', async () => {
    await edit('appendix-ab.md', (text) =>
      text
        .split('\n')
        .map((line) => {
          if (!line.startsWith('| ') || !line.includes('<ins cite="MP162">') || line.split('|').length < 10) return line;
          const at = line.lastIndexOf('<ins cite="MP162">');
          return `${line.slice(0, at)}<ins cite="MP999">${line.slice(at + '<ins cite="MP162">'.length)}`;
        })
        .join('\n'),
    );
    const run = await runCli(['check'], dir);
    expect(run.code).toBe(1);
    const lines = findingLines(run.stdout);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^sec-text\/appendix-ab\.md:42:\d+ {2}error {2}Unexpected `cite="MP999"` on a redline, expected a modification declared in modifications\/<ID>\.yaml \(MP162\) \(also at 11 more places in this document: 44:\d+, 45:\d+, .*54:\d+\) {2}redline-cite-undeclared$/,
    );
    // Machines still get every place.
    const json = JSON.parse((await runCli(['check', '--format', 'json'], dir)).stdout) as { findings: Array<{ ruleId: string }> };
    expect(json.findings.filter((finding) => finding.ruleId === 'redline-cite-undeclared')).toHaveLength(12);
  });

  it('a ragged row in Appendix E: the ragged row first, no false "Appendix E does not list SR 5.2"', async () => {
    await edit('appendix-e.md', (text) =>
      replaceOnce(text, '| 5.2 | Read Schedule | No | Yes | Yes | No | No | Yes |', '| 5.2 | Read Schedule | No | Yes | Yes | No | No |'),
    );
    const run = await runCli(['check'], dir);
    expect(run.code).toBe(1);
    const lines = findingLines(run.stdout);
    expect(lines[0]).toMatch(
      /^sec-text\/appendix-e\.md:80:1 {2}error {2}Unexpected 14 cells in the row for `5\.2`, expected 15 as in the header/,
    );
    expect(lines.join('\n')).not.toMatch(/trt-unknown-sr|flag-unknown-value/);
    expect(lines).toHaveLength(1);
    expect(run.stdout).toContain('↳ 2 findings that may follow from this one are not listed (1 trt-unknown-sr, 1 flag-unknown-value)');
  });

  it('a one-cell edit, redlined, before secc build: one drift finding per output, each in drafting terms', async () => {
    await edit('appendix-ab.md', (text) =>
      replaceOnce(
        text,
        '| 4.8.1 | 24 hrs | 5,600 secs |',
        '| 4.8.1 | 24 hrs | <del cite="MP162">5,600 secs</del><ins cite="MP162">5,500 secs</ins> |',
      ),
    );
    const run = await runCli(['check'], dir);
    const drift = findingLines(run.stdout).filter((line) => line.endsWith('drift') || / drift$/.test(line) || line.includes('  drift'));
    const outputs = drift.map((line) => line.split(':')[0]);
    expect(new Set(outputs).size).toBe(outputs.length);
    expect(outputs.length).toBeGreaterThanOrEqual(3);
    for (const line of drift) {
      expect(line).toMatch(/is out of date with sec-text\/appendix-ab\.md:48:\d+: TRT SR 4\.8\.1, [a-z-]+, SMETS2, on-demand/);
      expect(line).toMatch(/; run `secc build`/);
      expect(line).not.toMatch(/expected `[a-z]/); // no character window of generated code
    }
  });
});

describe('folding and grouping (units)', () => {
  function fileWith(findings: Array<[string, number, string]>): VFile {
    const file = new VFile({ path: 'sec-text/x.md' });
    for (const [ruleId, line, reason] of findings)
      report(file, reason, { ruleId: ruleId as (typeof RULE_IDS)[number], place: { line, column: 1 } });
    return file;
  }

  it('without a root cause, nothing is folded', () => {
    const file = fileWith([
      ['xref-unresolved', 3, 'a'],
      ['trt-unknown-duration', 5, 'b'],
    ]);
    expect(foldConsequences([file])[0]?.messages).toHaveLength(2);
  });

  it('a finding that reads the whole corpus is folded under a root cause of another document; a local one is kept', () => {
    const broken = fileWith([['redline-unbalanced', 9, 'root']]);
    const other = new VFile({ path: 'sec-text/y.md' });
    report(other, 'follows', { ruleId: 'user-role-undefined', place: { line: 1, column: 1 } });
    report(other, 'independent', { ruleId: 'trt-unknown-duration', place: { line: 2, column: 1 } });
    const [root, rest] = foldConsequences([broken, other]);
    expect(rest?.messages.map((message) => message.reason)).toEqual(['independent']);
    expect(root?.messages[0]?.note).toContain('1 finding that may follow from this one is not listed (1 user-role-undefined)');
    // The compile result is not changed.
    expect(other.messages).toHaveLength(2);
    expect(broken.messages[0]?.note).toBeUndefined();
  });

  it('findings at one place that differ in a word or two become one, the words in brackets; others stay apart', () => {
    expect(
      mergeReasons(
        ['TRT SR 4.6.1, gas-supplier, SMETS2 role: gas-supplier }', 'TRT SR 4.6.1, import-supplier, SMETS2 role: import-supplier }'],
        2,
      ),
    ).toBe('TRT SR 4.6.1, [gas-supplier, import-supplier], SMETS2 role: [gas-supplier, import-supplier] }');
    expect(mergeReasons(['cell (`a`)', 'cell (`b`)', 'cell (`a`)'], 2)).toBe('cell (`[a, b]`)');
    // Inside an address, only the segment that differs goes in brackets.
    expect(mergeReasons(['at `trt/8.2/gas-supplier/smets1`', 'at `trt/8.2/other-user/smets1`'], 2)).toBe(
      'at `trt/8.2/[gas-supplier, other-user]/smets1`',
    );
    expect(mergeReasons(['SR 4.8.1', 'SR 4.8.3'], 2)).toBe('SR [4.8.1, 4.8.3]');
    expect(mergeReasons(['a b c d', 'x y z d'], 2)).toBeUndefined(); // three words differ
    expect(mergeReasons(['a b', 'a  b'], 2)).toBeUndefined(); // the spacing differs
    expect(mergeReasons(['a b', 'a b c'], 2)).toBeUndefined();
    const file = fileWith([
      ['intent-unintended', 4, 'change for gas-supplier'],
      ['intent-unintended', 4, 'change for import-supplier'],
      ['intent-unintended', 9, 'change for gas-supplier'],
      ['trt-unknown-duration', 4, 'change for other-user'],
    ]);
    const [grouped] = groupSamePlace([file]);
    expect(grouped?.messages.map((message) => `${message.line} ${message.ruleId} ${message.reason}`)).toEqual([
      '4 intent-unintended change for [gas-supplier, import-supplier] (2 findings at this place, one for each value in brackets)',
      '4 trt-unknown-duration change for other-user',
      '9 intent-unintended change for gas-supplier',
    ]);
    expect(file.messages).toHaveLength(4); // the compile result is not changed
  });

  it('merging at one place keeps every value of every finding (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^[a-z][a-z-]{0,8}$/), { minLength: 2, maxLength: 8 }), (roles) => {
        const merged = mergeReasons(
          roles.map((role) => `Unexpected change TRT SR 8.2, ${role}, SMETS1: role: ${role} }`),
          2,
        );
        expect(merged).toBe(`Unexpected change TRT SR 8.2, [${roles.join(', ')}], SMETS1: role: [${roles.join(', ')}] }`);
      }),
    );
  });

  it('grouping keeps one finding per rule, reason and view, and counts every place (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.constantFrom('redline-empty', 'trt-unknown-duration'), fc.integer({ min: 1, max: 50 }), fc.constantFrom('a', 'b')),
          {
            maxLength: 40,
          },
        ),
        (findings) => {
          const [grouped] = groupIdentical([fileWith(findings)]);
          const keys = new Set(findings.map(([rule, , reason]) => `${rule}|${reason}`));
          expect(grouped?.messages).toHaveLength(keys.size);
          const counted = (grouped?.messages ?? []).reduce(
            (sum, message) => sum + 1 + Number(/also at (\d+) more/.exec(message.reason)?.[1] ?? 0),
            0,
          );
          expect(counted).toBe(findings.length);
        },
      ),
    );
  });
});

describe('did you mean', () => {
  it('a reference to a clause that does not exist suggests the nearest clauses of its document', async () => {
    const documents = await textDocuments();
    documents['section-g.md'] = replaceOnce(documents['section-g.md'] ?? '', 'Section H1.2A', 'Section H1.2C');
    const result = await compileStrings(documents, false);
    lint(result);
    const found = result.files.flatMap((file) => file.messages).filter((message) => message.ruleId === 'xref-unresolved');
    expect(found).toHaveLength(1);
    expect(found[0]?.reason).toMatch(
      /there is no clause H1\.2C in Section H, expected the number of an existing clause; did you mean .*`(?:Section )?H1\.2A`.*\?$/,
    );
    expect(found[0]?.expected).toContain('Section H1.2A');
  });

  it('no suggestion when nothing is near', async () => {
    const documents = await textDocuments();
    documents['section-g.md'] = replaceOnce(documents['section-g.md'] ?? '', 'Section H1.2A', 'Section H9.77');
    const result = await compileStrings(documents, false);
    lint(result);
    const found = result.files.flatMap((file) => file.messages).filter((message) => message.ruleId === 'xref-unresolved');
    expect(found[0]?.reason).toMatch(/expected the number of an existing clause$/);
  });
});
