/**
 * Validation kept between compilations (6-validate/memo.ts) answers as validating the whole:
 * an interval file whose entries changed is checked entry by entry when the schema allows it,
 * and when an entry does not fit, the findings are exactly those of validating the whole file.
 */
import { describe, expect, it } from 'vitest';
import { inForceOutput } from '../src/compiler/5-link/in-force.js';
import { ValidationMemo, splitsByItems } from '../src/compiler/6-validate/memo.js';
import { validateOutputs, type ValidatedInForce } from '../src/compiler/6-validate/validate.js';
import { ChunkMemo } from '../src/compiler/7-emit/chunks.js';
import { inForceEntryJson, inForceJson, OUTPUT_PATHS } from '../src/compiler/7-emit/emit.js';
import { timeline } from '../src/compiler/versions.js';
import type { InForceFile } from '../src/shared/in-force.js';
import {
  CHANGE_SET_PATH,
  changeSetJson,
  committedChangeSet,
  committedChangeSetJson,
  type Change,
  type ChangeSet,
  type CommittedChange,
} from '../src/compiler/5-link/change-set/diff.js';
import { changeSetPiece } from '../src/compiler/driver.js';
import type { RuleSet } from '../src/shared/model.js';
import { Schemas } from '../src/shared/schemas.js';
import type { SourceMap } from '../src/shared/source-map.js';
import { compileProject } from './support/project.js';

function validated(file: InForceFile, map: SourceMap, chunks: ChunkMemo): ValidatedInForce {
  return {
    path: OUTPUT_PATHS.inForce,
    json: () => inForceJson({ file }, chunks),
    mapPath: OUTPUT_PATHS.inForceMap,
    map,
    entries: {
      list: file.entries,
      text: (entry) => inForceEntryJson(entry, chunks).text,
      head: () => JSON.parse(inForceJson({ file: { ...file, entries: [] } })) as unknown,
    },
  };
}

const findings = (files: ReturnType<typeof validateOutputs>) =>
  files.flatMap((file) => file.messages.map((m) => `${file.path} ${m.reason}`));

describe('validation kept between compilations', () => {
  it('finds what validating the whole finds, when entries change to fit and not to fit', async () => {
    const result = await compileProject();
    expect(result.ok).toBe(true);
    const ruleSets = result.ruleSets as Record<'baseline' | 'modified', RuleSet>;
    const changeSet = result.changeSet;
    if (!changeSet) throw new Error('MP162 compiles to a change set');
    const output = inForceOutput(result.plan.releases, timeline(result) ?? [], ruleSets);
    const schemas = new Schemas();
    expect(splitsByItems(schemas.validator('in-force.schema.json').schema as Record<string, unknown>, 'entries')).toBe(true);
    const memo = new ValidationMemo();
    const chunks = new ChunkMemo();
    const paths = (file: InForceFile) => ({
      ruleSet: OUTPUT_PATHS.inForce,
      changeSet: OUTPUT_PATHS.changeSet,
      inForce: validated(file, output.map, chunks),
    });
    const whole = (file: InForceFile) => findings(validateOutputs(ruleSets, changeSet, new Schemas(), paths(file)));
    expect(findings(validateOutputs(ruleSets, changeSet, schemas, paths(output.file), memo))).toEqual([]);
    const [first, second, ...rest] = output.file.entries;
    if (!first || !second) throw new Error('MP162 has entries');
    const changed: InForceFile = { ...output.file, entries: [{ ...first, value: { ...first.value, extra: 1 } }, second, ...rest] };
    const renamed: InForceFile = { ...output.file, entries: [first, { ...second, kind: 'no-such-kind' as never }, ...rest] };
    const fitting: InForceFile = { ...output.file, entries: [second, first, ...rest] };
    for (const file of [changed, renamed, fitting, output.file]) {
      expect(findings(validateOutputs(ruleSets, changeSet, schemas, paths(file), memo))).toEqual(whole(file));
    }
    expect(whole(renamed).length).toBeGreaterThan(0);

    // The interval file's source map, pair by pair: a bad value, a bad key, a value moved (fits), as it was.
    const [key, value] = Object.entries(output.map.positions)[0] ?? [];
    if (!key || !value) throw new Error('MP162 has positions');
    const withMap = (map: SourceMap) => ({ ...paths(output.file), inForce: validated(output.file, map, chunks) });
    const maps: SourceMap[] = [
      { ...output.map, positions: { ...output.map.positions, [key]: 'nowhere' } },
      { ...output.map, positions: { ...output.map.positions, 'Not A Key': value } },
      { ...output.map, positions: { ...output.map.positions, [key]: value.replace(/:(\d+):/, ':9$1:') } },
      { ...output.map, output: 'elsewhere.json' },
      output.map,
    ];
    for (const map of [...maps, ...maps]) {
      const wholeMap = findings(validateOutputs(ruleSets, changeSet, new Schemas(), withMap(map)));
      expect(findings(validateOutputs(ruleSets, changeSet, schemas, withMap(map), memo))).toEqual(wholeMap);
    }
    expect(findings(validateOutputs(ruleSets, changeSet, new Schemas(), withMap(maps[0] as SourceMap))).length).toBeGreaterThan(0);
    expect(findings(validateOutputs(ruleSets, changeSet, new Schemas(), withMap(maps[1] as SourceMap))).length).toBeGreaterThan(0);
    expect(findings(validateOutputs(ruleSets, changeSet, new Schemas(), withMap(maps[2] as SourceMap)))).toEqual([]);
  }, 60_000);

  it('finds what validating the whole finds for rule sets and change sets whose items change', async () => {
    const result = await compileProject();
    const ruleSets = result.ruleSets as Record<'baseline' | 'modified', RuleSet>;
    const changeSet = result.changeSet;
    if (!changeSet) throw new Error('MP162 compiles to a change set');
    const schemas = new Schemas();
    const memo = new ValidationMemo();
    const paths = { ruleSet: OUTPUT_PATHS.inForce, changeSet: OUTPUT_PATHS.changeSet };
    const whole = (sets: typeof ruleSets, changes: ChangeSet) => findings(validateOutputs(sets, changes, new Schemas(), paths));
    const kept = (sets: typeof ruleSets, changes: ChangeSet) => findings(validateOutputs(sets, changes, schemas, paths, memo));
    expect(kept(ruleSets, changeSet)).toEqual([]);
    expect(memo.warm).toBe(true);
    const [trt, ...trts] = ruleSets.modified.trt;
    const [change, ...changes] = changeSet.changes;
    if (!trt || !change) throw new Error('MP162 has TRT entries and changes');
    const misfits: Array<[typeof ruleSets, ChangeSet]> = [
      [{ ...ruleSets, modified: { ...ruleSets.modified, trt: [{ ...trt, seconds: -1 }, ...trts] } }, changeSet],
      [{ ...ruleSets, baseline: { ...ruleSets.baseline, view: 'other' as never } }, changeSet],
      [ruleSets, { ...changeSet, changes: [{ ...change, kind: 'no-such-kind' as never }, ...changes] }],
      [ruleSets, { ...changeSet, changes: [{ ...change, extra: 1 } as typeof change, ...changes] }],
      [ruleSets, { ...changeSet, from: 3 as never }],
    ];
    for (const [sets, changes] of misfits) {
      expect(whole(sets, changes).length).toBeGreaterThan(0);
      expect(kept(sets, changes)).toEqual(whole(sets, changes));
    }
    // Fitting edits: a new entry object equal in value, entries reordered; then the misfits again (nothing misfitting was kept as fitting).
    const fitting: Array<[typeof ruleSets, ChangeSet]> = [
      [
        { ...ruleSets, modified: { ...ruleSets.modified, trt: [...trts, { ...trt }] } },
        { ...changeSet, changes: [...changes, { ...change }] },
      ],
      [ruleSets, changeSet],
    ];
    for (const [sets, changes] of [...fitting, ...misfits]) expect(kept(sets, changes)).toEqual(whole(sets, changes));
  }, 60_000);

  it('writes the change set by kept chunks exactly as whole', async () => {
    const result = await compileProject();
    const changeSet = result.changeSet;
    if (!changeSet) throw new Error('MP162 compiles to a change set');
    const chunks = new ChunkMemo();
    const kept = new WeakMap<Change, CommittedChange>();
    const texts = (changes: ChangeSet) => {
      const committed = committedChangeSet(changes, CHANGE_SET_PATH, kept).changeSet;
      return [changeSetPiece(committed, chunks).text, committedChangeSetJson(committed)];
    };
    const [first, ...rest] = changeSet.changes;
    if (!first) throw new Error('MP162 has changes');
    const variants: ChangeSet[] = [
      changeSet,
      { ...changeSet, changes: [{ ...first, summary: 'changed\u2028 "quoted"' }, ...rest] },
      { ...changeSet, changes: [...rest, first] },
      { ...changeSet, changes: [] },
      { ...changeSet, changes: [first] },
      changeSet,
    ];
    for (const variant of variants) {
      const [chunked, whole] = texts(variant);
      expect(chunked).toBe(whole);
      expect(whole).toBe(changeSetJson(variant));
    }
    expect(chunks.hits).toBeGreaterThan(0);
  }, 60_000);
});
