/**
 * Word out, Word in: exporting the redline as tracked changes and importing it back gives a text
 * that compiles to the same rules in both views and the same change set, for the MP162 corpus
 * and for generated corpora (fast-check over the benchmark's corpus generator).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planFromTexts } from '../../src/compiler/1-read/plan.js';
import { Schemas } from '../../src/shared/schemas.js';
import { generateCorpus } from '../bench/corpus.js';
import { changeSetOf, roundTrip, withoutPositions } from './support.js';

const TEXT = path.join(import.meta.dirname, '..', '..', 'sec-text');

function mp162(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(TEXT).filter((entry) => entry.endsWith('.md'))) files[name] = readFileSync(path.join(TEXT, name), 'utf8');
  return files;
}

function expectSameCompile(trip: Awaited<ReturnType<typeof roundTrip>>): void {
  const problems = trip.after.files.flatMap((file) =>
    file.messages.filter((message) => message.fatal).map((message) => `${file.path}: ${message.reason}`),
  );
  expect(problems).toEqual([]);
  expect(trip.after.ok).toBe(true);
  expect(withoutPositions(trip.after.ruleSets?.baseline)).toEqual(withoutPositions(trip.before.ruleSets?.baseline));
  expect(withoutPositions(trip.after.ruleSets?.modified)).toEqual(withoutPositions(trip.before.ruleSets?.modified));
  expect(changeSetOf(trip.after)).toEqual(changeSetOf(trip.before));
}

describe('export docx → import docx', () => {
  it('gives the MP162 corpus back: the same rules in both views and the same change set', async () => {
    const trip = await roundTrip(mp162());
    expect(trip.findings).toEqual([]);
    expectSameCompile(trip);
    expect(changeSetOf(trip.after).changes.length).toBe(90);
  });

  it('holds for 100 generated redlined documents (25 corpora of 4)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          seed: fc.integer({ min: 1, max: 1_000_000 }),
          serviceRequests: fc.integer({ min: 2, max: 12 }),
          clauses: fc.integer({ min: 1, max: 6 }),
        }),
        async ({ seed, serviceRequests, clauses }) => {
          const corpus = generateCorpus({ seed, documents: 4, serviceRequests, clausesPerDocument: clauses });
          const plan = planFromTexts(corpus.plan, 'sec-text', new Schemas());
          expectSameCompile(await roundTrip(corpus.files, undefined, plan));
        },
      ),
      { numRuns: 25, seed: 20240627 },
    );
  }, 120_000);
});
