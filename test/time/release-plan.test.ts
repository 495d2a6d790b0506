/**
 * The release plan (sec-text/releases.yaml): read with positions, checked against the declared
 * modifications, and turned into versions (baseline, modified, as-at a date, one modification).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { readReleasePlan, RELEASE_PLAN_RULES } from '../../src/compiler/1-read/release-plan.js';
import { describeErrors, Schemas } from '../../src/shared/schemas.js';
import { datedReleases, releaseFor, selectVersion, type ReleasePlan } from '../../src/shared/release-plan.js';
import { ROOT } from '../support/project.js';

const schemas = new Schemas();
const checkSchema = (data: unknown): string[] => {
  const validate = schemas.validator('release-plan.schema.json');
  return validate(data) ? [] : describeErrors(validate.errors);
};

function read(text: string, declared: string[] = ['MP162']) {
  const file = new VFile({ path: 'sec-text/releases.yaml', value: text });
  const plan = readReleasePlan({ file, text, declared, checkSchema });
  const all = file.messages.map((m) => ({ ruleId: m.ruleId, line: m.line, column: m.column, reason: m.reason, fatal: m.fatal }));
  // Errors and warnings apart: a TBC release is a warning beside whatever else the plan says.
  return { plan, findings: all.filter((m) => m.fatal === true), warnings: all.filter((m) => m.fatal !== true) };
}

const PLAN = `base:
  id: base
  title: The SEC before
releases:
  - id: feb
    title: February
    date: 2024-02-29
    implements:
      - modification: MP162
        parts: [Appendix R]
  - id: jun
    title: June
    date: 2024-06-27
    implements:
      - modification: MP162
  - id: later
    title: Some later release
    date: TBC
    implements:
      - modification: MP999
`;

describe('the release plan of the corpus', () => {
  it('reads sec-text/releases.yaml: MP162 Appendix R on 29 February 2024, the rest on 27 June 2024 (report section 6)', () => {
    const text = readFileSync(path.join(ROOT, 'sec-text', 'releases.yaml'), 'utf8');
    const { plan, findings, warnings } = read(text);
    expect([...findings, ...warnings]).toEqual([]);
    expect(plan).toBeDefined();
    const p = plan as ReleasePlan;
    expect(releaseFor(p, 'MP162', 'Appendix R')?.date).toBe('2024-02-29');
    for (const part of ['Section G', 'Section H', 'Appendix E', 'Appendix AB'])
      expect(releaseFor(p, 'MP162', part)?.date).toBe('2024-06-27');
  });
});

describe('reading a release plan', () => {
  it('accepts a plan with parts, a whole modification and a TBC release', () => {
    const { plan, findings, warnings } = read(PLAN, ['MP162', 'MP999']);
    expect(findings).toEqual([]);
    expect(warnings).toEqual([
      {
        ruleId: RELEASE_PLAN_RULES.undated,
        line: 18,
        column: 11,
        fatal: false,
        reason:
          'Release `later` has no date yet (TBC): its modifications take part in the modified view and in --modification, never in --as-at',
      },
    ]);
    expect(datedReleases(plan as ReleasePlan).map((r) => r.id)).toEqual(['feb', 'jun']);
  });

  const cases: Array<{ name: string; text: string; declared?: string[]; ruleId: string; line: number; column: number }> = [
    {
      name: 'a date that does not exist',
      text: PLAN.replace('2024-02-29', '2023-02-29'),
      declared: ['MP162', 'MP999'],
      ruleId: RELEASE_PLAN_RULES.date,
      line: 7,
      column: 11,
    },
    {
      name: 'a date that is not a date',
      text: PLAN.replace('2024-06-27', 'soon'),
      declared: ['MP162', 'MP999'],
      ruleId: RELEASE_PLAN_RULES.invalid,
      line: 13,
      column: 11,
    },
    {
      name: 'releases out of date order',
      text: PLAN.replace('2024-06-27', '2024-01-15'),
      declared: ['MP162', 'MP999'],
      ruleId: RELEASE_PLAN_RULES.order,
      line: 13,
      column: 11,
    },
    {
      name: 'a dated release after a TBC one',
      text: PLAN.replace('date: TBC', 'date: 2023-01-01').replace('2024-06-27', 'TBC'),
      declared: ['MP162', 'MP999'],
      ruleId: RELEASE_PLAN_RULES.order,
      line: 18,
      column: 11,
    },
    { name: 'an undeclared modification', text: PLAN, declared: ['MP162'], ruleId: RELEASE_PLAN_RULES.undeclared, line: 20, column: 23 },
    {
      name: 'a declared modification no release lists',
      text: PLAN,
      declared: ['MP162', 'MP999', 'MP200'],
      ruleId: RELEASE_PLAN_RULES.unreleased,
      line: 5,
      column: 3,
    },
    {
      name: 'one part in two releases',
      text: PLAN.replace('- modification: MP999', '- modification: MP162'),
      declared: ['MP162', 'MP999'],
      ruleId: RELEASE_PLAN_RULES.partTwice,
      line: 20,
      column: 23,
    },
    {
      name: 'a duplicate release id',
      text: PLAN.replace('id: later', 'id: feb'),
      declared: ['MP162', 'MP999'],
      ruleId: RELEASE_PLAN_RULES.duplicate,
      line: 16,
      column: 9,
    },
    {
      name: 'a YAML alias',
      text: PLAN.replace('title: February', 'title: &t February').replace('title: June', 'title: *t'),
      declared: ['MP162', 'MP999'],
      ruleId: RELEASE_PLAN_RULES.yaml,
      line: 6,
      column: 15,
    },
    {
      name: 'broken YAML',
      text: PLAN.replace('    date: 2024-02-29', '   date: [2024'),
      declared: ['MP162', 'MP999'],
      ruleId: RELEASE_PLAN_RULES.yaml,
      line: 7,
      column: 1,
    },
    {
      name: 'an unknown field',
      text: PLAN.replace('    title: June', '    title: June\n    when: soon'),
      declared: ['MP162', 'MP999'],
      ruleId: RELEASE_PLAN_RULES.invalid,
      line: 11,
      column: 5,
    },
  ];
  for (const c of cases) {
    it(`reports ${c.name} as ${c.ruleId} at its place`, () => {
      const { plan, findings } = read(c.text, c.declared);
      expect(plan).toBeUndefined();
      expect(findings.length).toBeGreaterThan(0);
      expect(findings[0], JSON.stringify(findings)).toMatchObject({ ruleId: c.ruleId, line: c.line, column: c.column, fatal: true });
      expect(findings[0]?.reason).toMatch(/^Unexpected /);
    });
  }
});

describe('versions', () => {
  const plan = read(PLAN, ['MP162', 'MP999']).plan as ReleasePlan;
  it('baseline accepts no redline; modified accepts every one, naming the undated releases', () => {
    expect(selectVersion(plan, { kind: 'baseline' }).accepts('MP162', 'Section H')).toBe(false);
    const modified = selectVersion(plan, { kind: 'modified' });
    expect(modified.accepts('MP999', 'Section H')).toBe(true);
    expect(modified.undated.map((r) => r.id)).toEqual(['later']);
  });
  it('as-at a date accepts a part from its release date on, the day itself included', () => {
    const at = (date: `${number}-${number}-${number}`) => selectVersion(plan, { kind: 'as-at', date });
    expect(at('2024-02-28').accepts('MP162', 'Appendix R')).toBe(false);
    expect(at('2024-02-29').accepts('MP162', 'Appendix R')).toBe(true);
    expect(at('2024-02-29').accepts('MP162', 'Appendix AB')).toBe(false);
    expect(at('2024-06-26').accepts('MP162', 'Appendix AB')).toBe(false);
    expect(at('2024-06-27').accepts('MP162', 'Appendix AB')).toBe(true);
    expect(at('2099-01-01').accepts('MP999', 'Appendix AB')).toBe(false);
    expect(at('2099-01-01').accepts(undefined, 'Appendix AB')).toBe(false);
  });
  it('one modification alone accepts only its own redlines', () => {
    const only = selectVersion(plan, { kind: 'modification', id: 'MP999' });
    expect(only.accepts('MP999', 'Section G')).toBe(true);
    expect(only.accepts('MP162', 'Section G')).toBe(false);
    expect(only.undated.map((r) => r.id)).toEqual(['later']);
  });
});
