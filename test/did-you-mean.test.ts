/**
 * "Did you mean" suggestions: properties of `nearest` (fast-check), and the quick-fix data a
 * misnumbered cross-reference now carries (`clause AB2.3` → `clause AB2.1` or `clause AB2.2`).
 */
import fc from 'fast-check';
import { distance } from 'fastest-levenshtein';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/features/lint/index.js';
import { nearest } from '../src/shared/did-you-mean.js';
import { compileStrings, replaceOnce, textDocuments } from './support/project.js';

describe('nearest', () => {
  it('suggests only near candidates, never the word itself, all equally near, none nearer left out', () => {
    const word = fc.string({ unit: fc.constantFrom('A', 'B', '1', '2', '.'), minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(word, fc.array(word, { maxLength: 12 }), (typed, candidates) => {
        const found = nearest(typed, candidates, { maxDistance: 2, limit: 100 });
        expect(found).not.toContain(typed);
        const distances = found.map((candidate) => distance(typed, candidate));
        for (const d of distances) expect(d).toBe(distances[0]);
        for (const d of distances) expect(d).toBeLessThanOrEqual(2);
        const others = candidates.filter((candidate) => candidate !== typed && !found.includes(candidate));
        if (found.length > 0) for (const other of others) expect(distance(typed, other)).toBeGreaterThanOrEqual(distances[0]!);
        else for (const other of others) expect(distance(typed, other)).toBeGreaterThan(2);
      }),
    );
  });

  it('prefers the candidates that share the longest start with the word', () => {
    expect(nearest('AB2.3', ['AB1.1', 'AB1.3', 'AB2.1', 'AB2.2'])).toEqual(['AB2.1', 'AB2.2']);
    expect(nearest('Meter Data Retreiver', ['Meter Data Retriever', 'Other User'])).toEqual(['Meter Data Retriever']);
    expect(nearest('H9.9', ['AB2.1', 'E2.1'])).toEqual([]);
  });
});

describe('xref-unresolved suggests the clause meant', () => {
  it('names the nearest clauses of the same document, in each view, in the message and in `expected`', async () => {
    const documents = await textDocuments();
    documents['appendix-ab.md'] = replaceOnce(
      documents['appendix-ab.md'] ?? '',
      'In the table in clause AB2.1:',
      'In the table in clause AB2.3:',
    );
    const result = await compileStrings(documents);
    lint(result);
    const messages = result.files.flatMap((file) => file.messages).filter((message) => message.ruleId === 'xref-unresolved');
    expect(messages.map((message) => [message.view, message.line, message.reason, message.actual, message.expected])).toEqual([
      // AB2.2 is inserted by MP162: the baseline has only AB2.1 to offer.
      [
        'baseline',
        17,
        'Unexpected reference `clause AB2.3`: there is no clause AB2.3 in Appendix AB, expected the number of an existing clause; did you mean `clause AB2.1`?',
        'clause AB2.3',
        ['clause AB2.1'],
      ],
      [
        'modified',
        17,
        'Unexpected reference `clause AB2.3`: there is no clause AB2.3 in Appendix AB, expected the number of an existing clause; did you mean `clause AB2.1` or `clause AB2.2`?',
        'clause AB2.3',
        ['clause AB2.1', 'clause AB2.2'],
      ],
    ]);
  });
});
