/**
 * A fold kept between compilations (in-force-fold.ts) is the fold from nothing: after any sequence
 * of histories folded in one memo, the interval file, its source map and every view or date read
 * back are those of a fresh fold, and those reads equal `ruleSetFromInForce`. The histories are
 * made of entry objects drawn from one pool, as linking hands back the very object for an
 * unchanged row, so the kept fold's shortcuts (an entry at its place, a snapshot unchanged, a rule
 * set two snapshots share, rows that move, come and go) all take part; and what did not change
 * stays the same object: the values, the file's entries, the map, the rule sets read back.
 */
import { otherUserTrt } from '../support/trt-entry.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/shared/dates.js';
import { foldSnapshots, type FoldedInForce } from '../../src/shared/in-force-fold.js';
import { InForceMemo } from '../../src/shared/in-force-memo.js';
import { readFolded } from '../../src/shared/in-force-read.js';
import { ruleSetFromInForce, type InForceRelease, type InForceSelector, type InForceSnapshot } from '../../src/shared/in-force.js';
import type { RuleSet } from '../../src/shared/model.js';

const SRS = ['1.1', '1.2', '2.1', '3.1', '4.1'];

type Row = { sr: number; seconds: number; line: number };
type Version = { rows: Row[]; sameAsBefore: boolean };
type History = { versions: Version[]; tbc: boolean };

/** The entry objects of one property run: one per SR, value and line, as a link memo hands them back. */
class Pool {
  private readonly trt = new Map<string, object>();
  private readonly requests = new Map<string, object>();

  ruleSet({ rows }: Version): RuleSet {
    return {
      view: 'modified',
      modifications: [],
      documents: [],
      userRoles: [],
      serviceRequests: rows.map((row) => this.request(row)),
      eligibility: [],
      trt: rows.map((row) => this.cell(row)),
      clauses: [],
      clauseRules: [],
      footnotes: [],
    } as unknown as RuleSet;
  }

  private cell({ sr, seconds, line }: Row): object {
    return this.kept(this.trt, `${sr}:${seconds}:${line}`, () => otherUserTrt(SRS[sr] ?? '', seconds, source(sr, line, 'T', seconds)));
  }

  private request({ sr, line }: Row): object {
    return this.kept(this.requests, `${sr}:${line}`, () => ({
      ref: SRS[sr],
      name: `Request ${SRS[sr]}`,
      critical: sr % 2 === 0,
      source: source(sr, line, 'SR', 0),
      sources: { name: source(sr, line, 'Name', 0), critical: source(sr, line + 1, 'Critical', 0) },
    }));
  }

  private kept(map: Map<string, object>, key: string, make: () => object): object {
    const known = map.get(key) ?? make();
    map.set(key, known);
    return known;
  }
}

function source(sr: number, line: number, header: string, width: number) {
  return { file: 'appendix-ab.md', line, column: 3, endLine: line, endColumn: 10 + width, clause: 'AB2.1', row: SRS[sr], header };
}

const row = fc.record({
  sr: fc.integer({ min: 0, max: SRS.length - 1 }),
  seconds: fc.integer({ min: 1, max: 2 }),
  line: fc.integer({ min: 1, max: 2 }),
});
/** Rows in any order, an SR at most once (a repeat would be two entries at one address). */
const rows = fc.uniqueArray(row, { selector: (entry) => entry.sr, maxLength: SRS.length });
const version = fc.record({ rows, sameAsBefore: fc.boolean() });
const history = fc.record({ versions: fc.array(version, { minLength: 1, maxLength: 4 }), tbc: fc.boolean() });

function snapshots({ versions, tbc }: History, pool: Pool): InForceSnapshot[] {
  let date = '2024-01-01' as const as `${number}-${number}-${number}`;
  let last: RuleSet | undefined;
  return versions.map((entry, index) => {
    let from: InForceRelease | null = null;
    if (index > 0 && tbc && index === versions.length - 1) from = { id: 'tbc', title: 'TBC', date: null, modifications: ['MPX'] };
    else if (index > 0) {
      date = addDays(date, 30);
      from = { id: `r${index}`, title: `R${index}`, date, modifications: [`MP${index}`] };
    }
    const ruleSet = entry.sameAsBefore && last ? last : pool.ruleSet(entry);
    last = ruleSet;
    return { from, ruleSet };
  });
}

function selectors(releases: readonly InForceRelease[]): InForceSelector[] {
  const dated = releases.flatMap((release) => (release.date ? [release.date] : []));
  return [
    { view: 'baseline' },
    { view: 'modified' },
    { at: '1990-01-01' },
    ...dated.flatMap((date) => [{ at: date }, { at: addDays(date, -1) }]),
  ];
}

const BASE = { id: 'base', title: 'Base' };

describe('a fold kept between compilations', () => {
  it('is the fold from nothing after any sequence of histories, and reads back as the file does (property)', () => {
    let keptFolds = 0;
    fc.assert(
      fc.property(fc.array(history, { minLength: 2, maxLength: 4 }), (histories) => {
        const pool = new Pool();
        const memo = new InForceMemo();
        let before: FoldedInForce | undefined;
        for (const input of histories) {
          const kept = foldSnapshots(BASE, snapshots(input, pool), memo);
          const fresh = foldSnapshots(BASE, snapshots(input, pool), new InForceMemo());
          expect(JSON.stringify(kept.file)).toBe(JSON.stringify(fresh.file));
          expect(JSON.stringify(kept.map)).toBe(JSON.stringify(fresh.map));
          for (const selector of selectors(kept.file.releases)) {
            const read = JSON.stringify(readFolded(kept, selector, memo));
            expect(read, JSON.stringify(selector)).toBe(JSON.stringify(ruleSetFromInForce(fresh.file, selector, fresh.map)));
          }
          if (before) expectKept(before, kept);
          before = kept;
        }
        keptFolds += memo.stats.kept;
      }),
      { numRuns: 300 },
    );
    // Folds with the boundaries of the fold before were kept folds (else this compared a fresh fold with itself).
    expect(keptFolds).toBeGreaterThan(0);
  });

  it('hands back the same file, map and rule sets when the same snapshots are folded again', () => {
    fc.assert(
      fc.property(history, (input) => {
        const pool = new Pool();
        const memo = new InForceMemo();
        const first = foldSnapshots(BASE, snapshots(input, pool), memo);
        const reads = selectors(first.file.releases).map((selector) => readFolded(first, selector, memo));
        const second = foldSnapshots(BASE, snapshots(input, pool), memo);
        expect(second.file).toBe(first.file);
        expect(second.map).toBe(first.map);
        selectors(second.file.releases).forEach((selector, index) => expect(readFolded(second, selector, memo)).toBe(reads[index]));
      }),
      { numRuns: 100 },
    );
  });
});

/** An unchanged value, file entry or position map of the fold before is the same object in this one. */
function expectKept(before: FoldedInForce, after: FoldedInForce): void {
  const values = new Map(before.file.entries.map((entry) => [JSON.stringify([entry.address, entry.value]), entry.value]));
  const entries = new Map(before.file.entries.map((entry) => [JSON.stringify(entry), entry]));
  for (const entry of after.file.entries) {
    const value = values.get(JSON.stringify([entry.address, entry.value]));
    if (value) expect(entry.value).toBe(value);
    const same = entries.get(JSON.stringify(entry));
    if (same) expect(entry).toBe(same);
  }
  const sameReleases = JSON.stringify(before.file.releases) === JSON.stringify(after.file.releases);
  if (sameReleases && JSON.stringify(before.map) === JSON.stringify(after.map)) expect(after.map).toBe(before.map);
}
