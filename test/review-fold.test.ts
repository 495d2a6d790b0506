/** The review page's change list: folded lines partition the change set, and say "for all Users" only when it is so. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHANGE_KINDS, diffRuleSets, type Change } from '../src/features/changeset/diff.js';
import { foldChanges, type Line, type Part } from '../src/features/review/fold.js';
import { wordsOf } from '../src/features/review/words.js';
import { compiledViews } from './support/project.js';

const views = await compiledViews();
const changeSet = diffRuleSets(views.baseline, views.modified);
const words = wordsOf(views);

function leaves(lines: readonly Line[]): Change[] {
  return lines.flatMap((line) => (line.members ? leaves(line.members) : line.changes));
}

function linesOf(changes: readonly Change[]): Line[] {
  const out: Line[] = [];
  for (const document of new Set(changes.map((change) => change.document)))
    for (const kind of CHANGE_KINDS) {
      const ofKind = changes.filter((change) => change.document === document && change.kind === kind);
      if (ofKind.length > 0) out.push(...foldChanges(kind, ofKind, words));
    }
  return out;
}

function plain(parts: readonly Part[]): string {
  return parts
    .map((part) =>
      typeof part === 'string' ? part : 'note' in part ? `[${part.note}]` : 'del' in part ? part.del : 'ins' in part ? part.ins : part.text,
    )
    .join('');
}

describe('the folded change list', () => {
  it('puts every change of any part of the change set on exactly one line, and a folded line stands for its members', () => {
    fc.assert(
      fc.property(fc.subarray(changeSet.changes), (subset) => {
        const lines = linesOf(subset);
        expect(
          leaves(lines)
            .map((change) => change.id)
            .sort(),
        ).toEqual(subset.map((change) => change.id).sort());
        for (const line of lines) if (line.members) expect(line.changes).toEqual(leaves(line.members));
      }),
      { numRuns: 60 },
    );
  });

  it("folds SR 8.2's SMETS1 On-Demand change for the seven existing User Roles into one line, for all Users", () => {
    const lines = linesOf(changeSet.changes).filter((line) =>
      line.changes.some((change) => change.sr === '8.2' && change.action === 'changed'),
    );
    expect(lines.map((line) => plain(line.parts))).toEqual([
      'SR 8.2 Read Inventory, SMETS1 On-Demand: 16 secs → 30 secs[ab-fn5] for all Users',
    ]);
    expect(lines[0]!.changes).toHaveLength(7);
  });

  it('names the User Roles when the change does not reach every User with that Target Response Time', () => {
    const some = changeSet.changes.filter(
      (change) => change.sr === '8.2' && change.action === 'changed' && !['other-user', 'gas-transporter'].includes(change.role ?? ''),
    );
    expect(some).toHaveLength(5);
    expect(linesOf(some).map((line) => plain(line.parts))).toEqual([
      'SR 8.2 Read Inventory, SMETS1 On-Demand: 16 secs → 30 secs[ab-fn5] for 5 User Roles: Import Supplier, Export Supplier, Gas Supplier, Electricity Distributor and Registered Supplier Agent',
    ]);
  });

  it("folds a new User Role's Target Response Times under one line per role, one per Service Request", () => {
    const mdr = linesOf(changeSet.changes).filter((line) => line.kind === 'trt' && line.action === 'added');
    expect(mdr.map((line) => plain(line.parts))).toEqual([
      'Target Response Times added for Meter Data Retriever: 11 Service Requests, 44 values',
    ]);
    expect(plain(mdr[0]!.members![1]!.parts)).toBe(
      'SR 4.2 Read Instantaneous Export Register Values: SMETS2 Scheduled 24 hrs; SMETS2 On-Demand 24 hrs; SMETS1 Scheduled 24 hrs; SMETS1 On-Demand 24 hrs',
    );
  });

  it('never shows a field or role identifier', () => {
    const text = linesOf(changeSet.changes)
      .flatMap((line) => [line, ...(line.members ?? [])])
      .map((line) => plain(line.parts))
      .join('\n');
    expect(text).not.toMatch(/dccScheduled|\bmdr\b|other-user|on-demand\b/);
    expect(words.field('someNewFlag')).toBe('some new flag');
    expect(words.role('not-declared')).toBe('not-declared');
  });
});
