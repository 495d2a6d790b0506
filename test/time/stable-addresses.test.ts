/**
 * Stable addresses and source maps: adding one redlined sentence to a clause changes, in rules/
 * and generated/, only that clause's entries, the change set and the source maps. Every line of
 * rules/in-force.json outside the clause's entries stays as it was, generated/ does not change
 * at all, and the entries of the rest of the document keep their addresses while their positions
 * move in the source map. Run for clauses at the top of each document (every line below moves),
 * in memory, and once through `secc build` on a copy of the project, as a drafter would.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InForceFile } from '../../src/shared/in-force.js';
import { compileStrings, projectCopy, runCli, snapshot, textDocuments } from '../support/project.js';

const SENTENCE = '<ins cite="MP162">This sentence is added by a test and names no rule.</ins>';

/** The first prose paragraph under a clause heading, with the sentence added on a line of its own (every line below moves). */
function addSentence(text: string, clause: string): string {
  const lines = text.split('\n');
  const heading = lines.findIndex((line) => new RegExp(`^#{2,6} ${clause.replace(/\./g, '\\.')} `).test(line));
  if (heading === -1) throw new Error(`no heading for clause ${clause}`);
  const paragraph = lines.findIndex((line, index) => index > heading && /^[A-Z]/.test(line));
  if (paragraph === -1) throw new Error(`no paragraph under clause ${clause}`);
  lines.splice(paragraph + 1, 0, SENTENCE);
  return lines.join('\n');
}

/** The lines of the interval file with the entries of one address cut out. */
function linesOutside(json: string, address: string): string[] {
  const lines = json.split('\n');
  const out: string[] = [];
  for (let index = 0; index < lines.length; index++) {
    if (lines[index] === '    {' && lines[index + 1] === `      "address": ${JSON.stringify(address)},`) {
      while (lines[index] !== '    },' && lines[index] !== '    }') index++;
      continue;
    }
    out.push(lines[index] ?? '');
  }
  return out;
}

const ALLOWED = ['rules/change-set.json', 'rules/change-set.sourcemap.json', 'rules/in-force.json', 'rules/in-force.sourcemap.json'];

function changedOutputs(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): string[] {
  const paths = [...new Set([...before.keys(), ...after.keys()])].sort();
  return paths.filter((name) => before.get(name) !== after.get(name));
}

function expectOnlyTheClause(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>, clause: string): void {
  const changed = changedOutputs(before, after);
  expect(changed.filter((name) => !ALLOWED.includes(name))).toEqual([]);
  const address = `clause/${clause}`;
  const inForce = (outputs: ReadonlyMap<string, string>) => outputs.get('rules/in-force.json') ?? '';
  // The clause's own entries changed (its text in the version with the redline)...
  const entries = (outputs: ReadonlyMap<string, string>) =>
    (JSON.parse(inForce(outputs)) as InForceFile).entries.filter((entry) => entry.address === address);
  expect(entries(after)).not.toEqual(entries(before));
  // ...and no other line of the interval file.
  expect(linesOutside(inForce(after), address)).toEqual(linesOutside(inForce(before), address));
  // The change set differs only in the clause's change.
  const changes = (outputs: ReadonlyMap<string, string>) =>
    (JSON.parse(outputs.get('rules/change-set.json') ?? '{}') as { changes: Array<{ id: string }> }).changes.filter(
      (change) => change.id !== address,
    );
  expect(changes(after)).toEqual(changes(before));
}

describe('a redlined sentence added to a clause changes only that clause, the change set and the source maps', () => {
  let documents: Record<string, string>;
  let before: ReadonlyMap<string, string>;
  beforeAll(async () => {
    documents = await textDocuments();
    const compiled = await compileStrings(documents);
    expect(compiled.ok).toBe(true);
    before = compiled.outputs;
  });

  it.each([
    ['section-h.md', 'H1.1'],
    ['section-h.md', 'H1.2'],
    ['appendix-e.md', 'E1.1'],
    ['appendix-ab.md', 'AB1.1'],
  ])('%s, clause %s', async (name, clause) => {
    const edited = { ...documents, [name]: addSentence(documents[name] ?? '', clause) };
    const compiled = await compileStrings(edited);
    expect(compiled.files.flatMap((file) => file.messages.filter((message) => message.fatal).map(String))).toEqual([]);
    expectOnlyTheClause(before, compiled.outputs, clause);
    // Every line below the sentence moved: the source map says so, under the same addresses (the
    // clause itself may gain an interval, and with it a key).
    const keys = (outputs: ReadonlyMap<string, string>) =>
      Object.keys(
        (JSON.parse(outputs.get('rules/in-force.sourcemap.json') ?? '{}') as { positions: Record<string, string> }).positions,
      ).filter((key) => !key.startsWith(`clause/${clause}@`));
    expect(keys(compiled.outputs)).toEqual(keys(before));
    expect(compiled.outputs.get('rules/in-force.sourcemap.json')).not.toBe(before.get('rules/in-force.sourcemap.json'));
  });
});

describe('the same through `secc build` on a copy of the project', () => {
  let project: { dir: string; cleanup(): Promise<void> };
  beforeAll(async () => {
    project = await projectCopy();
  });
  afterAll(async () => project.cleanup());

  it('H1.1 of section-h.md: rules/ and generated/ change only in the clause entries, the change set and the source maps', async () => {
    const before = await snapshot(project.dir);
    const file = path.join(project.dir, 'sec-text', 'section-h.md');
    await writeFile(file, addSentence(await readFile(file, 'utf8'), 'H1.1'));
    const build = await runCli(['build'], project.dir);
    expect(build.code, build.stderr).toBe(0);
    const after = await snapshot(project.dir);
    expect(changedOutputs(before, after)).toEqual(ALLOWED);
    expectOnlyTheClause(before, after, 'H1.1');
    expect((await runCli(['check'], project.dir)).code).toBe(0);
  });
});
