/**
 * The committed change set rendered per change and kept between compilations
 * (5-link/change-set/committed-memo.ts) is the text and source map that rendering the whole
 * change set gives (changeSetJson, committedChangeSet), after any sequence of change sets that
 * share, drop, add and reorder changes — property-based, with texts that JSON escapes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CHANGE_SET_PATH,
  changeSetJson,
  committedChangeSet,
  summarise,
  type Change,
  type ChangeSet,
} from '../src/compiler/5-link/change-set/diff.js';
import { CommittedChangeSetMemo } from '../src/compiler/5-link/change-set/committed-memo.js';

const text = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '\n', '"', '\\', '\u2028', 'é', '/', '@', '1') });
const source = fc.record(
  {
    file: fc.constantFrom('appendix-ab.md', 'appendix-e.md'),
    line: fc.integer({ min: 1, max: 900 }),
    column: fc.integer({ min: 1, max: 90 }),
    endLine: fc.integer({ min: 1, max: 900 }),
    endColumn: fc.integer({ min: 1, max: 90 }),
    clause: fc.constantFrom('AB2.1', 'E1.2'),
    row: text,
  },
  { requiredKeys: ['file', 'line', 'column', 'endLine', 'endColumn'] },
);
const change: fc.Arbitrary<Change> = fc
  .record(
    {
      id: fc.constantFrom('trt/1.1/a', 'trt/1.1/b', 'eligibility/1.2', 'clause/AB2.1', 'footnote/x'),
      kind: fc.constantFrom('trt', 'eligibility', 'clause', 'footnote'),
      action: fc.constantFrom('added', 'removed', 'changed'),
      subject: text,
      summary: text,
      field: text,
      before: fc.dictionary(text, fc.oneof(text, fc.integer(), fc.boolean())),
      after: fc.dictionary(text, fc.oneof(text, fc.integer(), fc.boolean())),
      document: fc.constantFrom('appendix-ab.md', 'appendix-e.md'),
      source,
      beforeSource: source,
    },
    { requiredKeys: ['id', 'kind', 'action', 'subject', 'summary', 'document', 'source'] },
  )
  .map((entry) => entry as Change);

function changeSetOf(changes: Change[]): ChangeSet {
  return { from: 'baseline', to: 'modified', modifications: ['MP162'], summary: summarise(changes), changes };
}

describe('the committed change set rendered per change', () => {
  it("is changeSetJson's text and committedChangeSet's map after any sequence of change sets sharing changes", () => {
    fc.assert(
      fc.property(
        fc.array(change, { maxLength: 8 }),
        fc.array(fc.array(fc.nat(), { maxLength: 10 }), { minLength: 1, maxLength: 6 }),
        fc.array(change, { maxLength: 4 }),
        (pool, picks, fresh) => {
          const memo = new CommittedChangeSetMemo();
          for (const [step, pick] of picks.entries()) {
            const all = [...pool, ...(step % 2 === 1 ? fresh : [])];
            const changes = all.length === 0 ? [] : pick.map((index) => all[index % all.length] as Change);
            const changeSet = changeSetOf(changes);
            const rendered = memo.render(changeSet, CHANGE_SET_PATH);
            expect(rendered.json).toBe(changeSetJson(changeSet));
            expect(rendered.map).toEqual(committedChangeSet(changeSet, CHANGE_SET_PATH).map);
            expect(Object.keys(rendered.map.positions)).toEqual(Object.keys(committedChangeSet(changeSet, CHANGE_SET_PATH).map.positions));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives the very text and map again for the same changes, and renders only the changes not seen before', () => {
    const memo = new CommittedChangeSetMemo();
    const first = fc.sample(change, { numRuns: 6, seed: 3 });
    const one = memo.render(changeSetOf(first), CHANGE_SET_PATH);
    const again = memo.render(changeSetOf([...first]), CHANGE_SET_PATH);
    expect(again.map).toBe(one.map);
    expect(again.json).toBe(one.json);
    const misses = memo.stats.misses;
    const edited = { ...(first[2] as Change), summary: 'edited' };
    const editedSet = changeSetOf([...first.slice(0, 2), edited, ...first.slice(3)]);
    const next = memo.render(editedSet, CHANGE_SET_PATH);
    expect(memo.stats.misses).toBe(misses + 1);
    expect(next.json).toContain('"summary": "edited"');
    // The same ids: last time's text with the edited change's JSON replaced, and the same map.
    expect(next.json).toBe(changeSetJson(editedSet));
    expect(next.map).toBe(one.map);
  });
});
