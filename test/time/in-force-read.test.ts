/**
 * Reading a view or a date back without reading the interval file (shared/in-force-read.ts)
 * gives exactly what reading the file and its source map gives (`ruleSetFromInForce`), byte for
 * byte as JSON, for any history of rule sets (positions that move, values that come back, a TBC
 * boundary); and an interval file folded in a context that kept the previous compilation's values
 * is the file a fresh fold gives, with an unchanged entry's value the very object it was.
 */
import { otherUserTrt } from '../support/trt-entry.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inForceOutput } from '../../src/compiler/5-link/in-force.js';
import { timeline } from '../../src/compiler/versions.js';
import { addDays } from '../../src/shared/dates.js';
import { InForceMemo } from '../../src/shared/in-force-memo.js';
import { readFolded } from '../../src/shared/in-force-read.js';
import { foldSnapshots } from '../../src/shared/in-force-fold.js';
import { ruleSetFromInForce, type InForceRelease, type InForceSelector } from '../../src/shared/in-force.js';
import type { RuleSet } from '../../src/shared/model.js';
import { compileProject } from '../support/project.js';

const SRS = ['1.1', '1.2', '2.1', '3.1'];

/** A rule set of TRT cells and Service Requests: `cells[i]` the seconds of SRS[i] (absent: no entry), `lines` where each row is. */
function ruleSet(cells: ReadonlyArray<number | undefined>, lines: readonly number[]): RuleSet {
  const source = (index: number, header: string) => ({
    file: 'appendix-ab.md',
    line: lines[index] ?? index + 1,
    column: 3,
    endLine: lines[index] ?? index + 1,
    endColumn: 10 + (cells[index] ?? 0),
    clause: 'AB2.1',
    row: SRS[index],
    header,
  });
  const present = SRS.flatMap((sr, index) => (cells[index] === undefined ? [] : [{ sr, index, seconds: cells[index] as number }]));
  return {
    view: 'modified',
    modifications: [],
    documents: [],
    userRoles: [],
    serviceRequests: present.map(({ sr, index }) => ({
      ref: sr,
      name: `Request ${sr}`,
      critical: index % 2 === 0,
      nonDevice: false,
      onDemand: true,
      futureDated: 'No',
      dccScheduled: false,
      source: source(index, 'SR'),
      sources: { name: source(index, 'Name'), critical: source(index, 'Critical') },
    })),
    eligibility: [],
    trt: present.map(({ sr, index, seconds }) => otherUserTrt(sr, seconds, source(index, 'T'))),
    clauses: [],
    clauseRules: [],
    footnotes: [],
  } as unknown as RuleSet;
}

const version = fc.record({
  cells: fc.array(fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }), { minLength: SRS.length, maxLength: SRS.length }),
  lines: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: SRS.length, maxLength: SRS.length }),
});
const history = fc.record({ versions: fc.array(version, { minLength: 1, maxLength: 5 }), tbc: fc.boolean() });

type History = { versions: Array<{ cells: Array<number | undefined>; lines: number[] }>; tbc: boolean };

function snapshots({ versions, tbc }: History) {
  let date = '2024-01-01' as const as `${number}-${number}-${number}`;
  return versions.map((entry, index) => {
    const last = index === versions.length - 1;
    let from: InForceRelease | null = null;
    if (index > 0 && tbc && last) from = { id: 'tbc', title: 'TBC', date: null, modifications: ['MPX'] };
    else if (index > 0) {
      date = addDays(date, 30 * index);
      from = { id: `r${index}`, title: `R${index}`, date, modifications: [`MP${index}`] };
    }
    return { from, ruleSet: ruleSet(entry.cells, entry.lines) };
  });
}

function selectors(releases: readonly InForceRelease[]): InForceSelector[] {
  const dated = releases.flatMap((release) => (release.date ? [release.date] : []));
  return [
    { view: 'baseline' },
    { view: 'modified' },
    { at: '1990-01-01' },
    { at: '2999-12-31' },
    ...dated.flatMap((date) => [{ at: date }, { at: addDays(date, -1) }]),
  ];
}

describe('reading the interval file back from what it was folded from', () => {
  it('gives what reading the file and its map gives, as JSON, for any history (property)', () => {
    fc.assert(
      fc.property(history, (input) => {
        const memo = new InForceMemo();
        const folded = foldSnapshots({ id: 'base', title: 'Base' }, snapshots(input), memo);
        for (const selector of selectors(folded.file.releases)) {
          const read = JSON.stringify(readFolded(folded, selector, memo));
          expect(read, JSON.stringify(selector)).toBe(JSON.stringify(ruleSetFromInForce(folded.file, selector, folded.map)));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('folds in a kept context to the file a fresh fold gives, keeping an unchanged value the same object (property)', () => {
    fc.assert(
      fc.property(history, history, (first, second) => {
        const memo = new InForceMemo();
        const before = foldSnapshots({ id: 'base', title: 'Base' }, snapshots(first), memo);
        const after = foldSnapshots({ id: 'base', title: 'Base' }, snapshots(second), memo);
        const fresh = foldSnapshots({ id: 'base', title: 'Base' }, snapshots(second), new InForceMemo());
        expect(JSON.stringify(after.file)).toBe(JSON.stringify(fresh.file));
        expect(after.map).toEqual(fresh.map);
        for (const selector of selectors(after.file.releases)) {
          expect(JSON.stringify(readFolded(after, selector, memo))).toBe(
            JSON.stringify(ruleSetFromInForce(fresh.file, selector, fresh.map)),
          );
        }
        const kept = new Map(before.file.entries.map((entry) => [JSON.stringify([entry.address, entry.value]), entry.value]));
        for (const entry of after.file.entries) {
          const known = kept.get(JSON.stringify([entry.address, entry.value]));
          if (known) expect(entry.value).toBe(known);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('gives the views and every dated interval of MP162 as reading rules/in-force.json back would', async () => {
    const result = await compileProject();
    expect(result.ok).toBe(true);
    const ruleSets = result.ruleSets as Record<'baseline' | 'modified', RuleSet>;
    const dated = timeline(result) ?? [];
    const output = inForceOutput(result.plan.releases, dated, ruleSets);
    for (const view of ['baseline', 'modified'] as const) {
      const fromFile = { ...ruleSetFromInForce(output.file, { view }, output.map), view };
      expect(JSON.stringify(output.ruleSets[view])).toBe(JSON.stringify(fromFile));
    }
    expect(output.intervals.length).toBe(dated.length);
    output.intervals.forEach((interval) => {
      const selector: InForceSelector =
        interval.from === null ? { view: 'baseline' } : { at: interval.from as `${number}-${number}-${number}` };
      const fromFile = ruleSetFromInForce(output.file, selector, output.map);
      expect(JSON.stringify(interval.ruleSet)).toBe(JSON.stringify('view' in selector ? { ...fromFile, view: 'baseline' } : fromFile));
    });
  });
});
