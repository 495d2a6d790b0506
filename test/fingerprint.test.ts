/**
 * The fingerprint gate keeps prose and rule blocks from drifting apart. It must not be fooled
 * by the holes found in text-hash guards elsewhere: an emptied clause, a rule block that loses
 * or changes its clause id, a rule block that is not valid YAML.
 */
import { describe, expect, it } from 'vitest';
import { fingerprint, normalise } from '../src/compiler/4-extract/text.js';
import { compileStrings, replaceOnce, textDocuments } from './support/project.js';

async function findings(change: (text: string) => string, name = 'section-h.md'): Promise<string[]> {
  const documents = await textDocuments();
  documents[name] = change(documents[name]!);
  const result = await compileStrings(documents, false);
  return result.files.flatMap((file) =>
    file.messages
      .filter((message) => message.fatal)
      .map((message) => `${file.path}:${message.line}:${message.column} ${message.ruleId} ${message.reason}`),
  );
}

const H313A_TEXT = /A User that retrieves data from an ESME for the purposes of MHHS[^\n]*\n/;

describe('rule block fingerprints', () => {
  it('the MP162 corpus passes', async () => {
    expect(await findings((text) => text)).toEqual([]);
  });

  it('fails when the clause text changes and the block does not', async () => {
    const out = await findings((text) => replaceOnce(text, 'in the first instance', 'where practicable'));
    expect(out).toEqual([
      expect.stringMatching(
        /section-h\.md:\d+:1 rule-fingerprint-stale Rule `H3\.13A\.schedule-first` was reviewed against other text of clause H3\.13A/,
      ),
    ]);
  });

  it('fails when the clause text is emptied, even if the fingerprint is re-blessed for the empty text', async () => {
    const emptied = fingerprint(normalise('H3.13A Scheduled retrieval of MHHS data\n'));
    const out = await findings((text) =>
      replaceOnce(replaceOnce(text, H313A_TEXT, ''), /(id: H3\.13A\.schedule-first\nclause: H3\.13A\nfingerprint: )\S+/, `$1${emptied}`),
    );
    expect(out).toEqual([
      expect.stringMatching(/rule-clause-empty Rule `H3\.13A\.schedule-first` rests on clause H3\.13A, which has no text/),
    ]);
  });

  it('fails when the block loses its clause id', async () => {
    const out = await findings((text) => replaceOnce(text, 'clause: H3.13A\n', ''));
    expect(out).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/rule-clause-missing Rule `H3\.13A\.schedule-first` does not name its clause, expected `clause: H3\.13A`/),
      ]),
    );
  });

  it('fails when the block loses its clause id together with a text change', async () => {
    const out = await findings((text) =>
      replaceOnce(replaceOnce(text, 'clause: H3.13A\n', ''), 'in the first instance', 'where practicable'),
    );
    expect(out.some((line) => line.includes('rule-clause-missing'))).toBe(true);
    expect(out.some((line) => line.includes('rule-fingerprint-stale'))).toBe(true);
  });

  it('fails when the block names another clause', async () => {
    const out = await findings((text) => replaceOnce(text, 'clause: H3.13A\n', 'clause: H3.13\n'));
    expect(out).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/rule-clause-mismatch Rule `H3\.13A\.schedule-first` names clause `H3\.13`, expected `H3\.13A`/),
      ]),
    );
  });

  it('fails when the block is not valid YAML, at the line of the problem', async () => {
    const out = await findings((text) => replaceOnce(text, 'onDemandOnlyAsRetry: true\n', 'onDemandOnlyAsRetry: [true\n'));
    expect(out.length).toBeGreaterThan(0);
    expect(out.every((line) => line.includes('rule-yaml'))).toBe(true);
  });

  it('fails when the block does not fit the schema of its kind', async () => {
    const out = await findings((text) => replaceOnce(text, 'firstAttempt: scheduled', 'firstAttempt: on-demand'));
    expect(out).toEqual([
      expect.stringMatching(
        /rule-schema Rule `H3\.13A\.schedule-first` does not fit its kind: \/firstAttempt: must be equal to constant \(scheduled\)/,
      ),
    ]);
  });

  it('fails on an unknown kind', async () => {
    const out = await findings((text) => replaceOnce(text, 'kind: schedule-first', 'kind: schedule-whenever'));
    expect(out).toEqual([expect.stringMatching(/rule-schema .*\/kind: must be one of/)]);
  });

  it('fails when a block names a User Role that is not defined', async () => {
    const out = await findings((text) => replaceOnce(text, 'mustUseRole: mdr', 'mustUseRole: meter-data-retriever'));
    expect(out).toEqual([
      expect.stringMatching(/role-unknown Unexpected User Role `meter-data-retriever` in rule `H1\.2B\.agent-uses-mdr-role`/),
    ]);
  });

  it('normalises whitespace and line ends, so CRLF or re-wrapping does not count as a change', () => {
    expect(fingerprint(normalise('a  b\r\nc'))).toBe(fingerprint(normalise('a b c')));
    expect(fingerprint(normalise('a b'))).not.toBe(fingerprint(normalise('a c')));
  });
});
