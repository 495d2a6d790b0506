/**
 * Class 1 of issue 11: the text of an HTML block is legal text. A `<div>` adding an obligation
 * counts in its clause's text and fingerprint, so the change set lists the clause and the intent
 * check and the rule blocks' fingerprints see it; comments, which are not published, do not.
 */
import { describe, expect, it } from 'vitest';
import { htmlText } from '../src/compiler/4-extract/text.js';
import { diffRuleSets } from '../src/features/changeset/diff.js';
import { compileStrings, replaceOnce, textDocuments } from './support/project.js';

const DIV = '<div class="obligation">\nA User shall also notify the DCC &amp; keep a <b>record</b>.\n</div>';

describe('HTML blocks are text', () => {
  it('their text is the text a reader sees: tags and comments removed, references decoded', () => {
    expect(htmlText(DIV)).toBe('A User shall also notify the DCC & keep a record.');
    expect(htmlText('<!-- a drafting note -->')).toBe('');
    expect(htmlText('<p>x &#x41; &#66; &unknown;</p>')).toBe('x A B &unknown;');
  });

  it('an inserted <div> under H1.3 changes its fingerprint and appears in the change set', async () => {
    const documents = await textDocuments();
    const heading = '### H1.3 Acting in a User Role\n\n';
    documents['section-h.md'] = replaceOnce(documents['section-h.md']!, heading, `${heading}<ins cite="MP162">\n\n${DIV}\n\n</ins>\n\n`);
    const result = await compileStrings(documents, false);
    expect(result.files.flatMap((file) => file.messages.filter((message) => message.fatal).map(String))).toEqual([]);
    const { baseline, modified } = result.ruleSets!;
    const before = baseline.clauses.find((clause) => clause.id === 'H1.3')!;
    const after = modified.clauses.find((clause) => clause.id === 'H1.3')!;
    expect(after.fingerprint).not.toBe(before.fingerprint);
    const changes = diffRuleSets(baseline, modified).changes.filter((change) => change.kind === 'clause' && change.id.includes('H1.3'));
    expect(changes).toHaveLength(1);
  });

  it('an HTML comment changes nothing', async () => {
    const documents = await textDocuments();
    const reference = await compileStrings(documents, false);
    const heading = '### H1.3 Acting in a User Role\n\n';
    documents['section-h.md'] = replaceOnce(documents['section-h.md']!, heading, `${heading}<!-- drafting note: check with DCC -->\n\n`);
    const result = await compileStrings(documents, false);
    const fingerprints = (set: typeof result) => set.ruleSets!.modified.clauses.map((clause) => clause.fingerprint);
    expect(fingerprints(result)).toEqual(fingerprints(reference));
  });
});
