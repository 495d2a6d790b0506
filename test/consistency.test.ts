/**
 * Class 2 of issue 11, "no contradictory reading": over the MP162 corpus and over generated
 * corpora, the generated lookups (`isEligible`, `eligibilityFor`, `trtSeconds`, `trtFor`), the
 * exports (`secc export eligibility|trt`) and the compiled rules say the same for every SR, User
 * Role, SMETS generation, mode and view — eligible exactly when a time (or N/A) is given, never
 * eligible in one and not in another; within the TRT table's scope (AB1.3), a time is given
 * exactly for the eligible pairs.
 */
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { generateTables } from '../src/compiler/7-emit/tables.js';
import { eligibilityRows, trtRows } from '../src/features/export/tables.js';
import type { RuleSet } from '../src/shared/model.js';
import { planFromTexts } from '../src/compiler/1-read/plan.js';
import { Schemas } from '../src/shared/schemas.js';
import { generateCorpus } from './bench/corpus.js';
import { compileStrings, textDocuments } from './support/project.js';

type Lookups = {
  isEligible(query: { sr: string; role: string; view: string }): boolean;
  eligibilityFor(query: { sr: string; role: string; view: string }): unknown;
  trtSeconds(query: { sr: string; role: string; smets: number; mode: string; view: string }): number | null | undefined;
  trtFor(query: { sr: string; role: string; smets: number; mode: string; view: string }): { seconds: number | null } | undefined;
};

async function lookupsOf(ruleSets: Record<'baseline' | 'modified', RuleSet>): Promise<Lookups> {
  const { outputText } = ts.transpileModule(generateTables(ruleSets), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  return (await import(`data:text/javascript;base64,${Buffer.from(outputText).toString('base64')}`)) as Lookups;
}

/** Every way of asking, compared: returns the disagreements (empty when all agree). */
async function disagreements(ruleSets: Record<'baseline' | 'modified', RuleSet>): Promise<string[]> {
  const lookups = await lookupsOf(ruleSets);
  const problems: string[] = [];
  for (const view of ['baseline', 'modified'] as const) {
    const ruleSet = ruleSets[view];
    const exportedPairs = new Set(eligibilityRows(ruleSet).map((row) => `${row.sr}|${row.user_role}`));
    const exportedTimes = new Map(trtRows(ruleSet).map((row) => [`${row.sr}|${row.user_role}|${row.smets}|${row.mode}`, row.trt_seconds]));
    const ruleTimes = new Map(ruleSet.trt.map((entry) => [`${entry.sr}|${entry.role}|${entry.smets}|${entry.mode}`, entry.seconds]));
    const scope = ruleSet.clauseRules.find((rule) => rule.kind === 'trt-scope') as { serviceRequests?: string[] } | undefined;
    const inScope = (ref: string): boolean => scope?.serviceRequests === undefined || scope.serviceRequests.includes(ref);
    const ruleEligible = new Map<string, boolean>();
    for (const entry of ruleSet.eligibility) {
      const key = `${entry.sr}|${entry.role}`;
      if (ruleEligible.has(key) && ruleEligible.get(key) !== entry.eligible)
        problems.push(`${view} ${key}: two eligibility entries disagree`);
      ruleEligible.set(key, entry.eligible);
    }
    for (const sr of ruleSet.serviceRequests) {
      for (const role of ruleSet.userRoles) {
        const key = `${sr.ref}|${role.id}`;
        const query = { sr: sr.ref, role: role.id, view };
        const readings = {
          rules: ruleEligible.get(key) === true,
          export: exportedPairs.has(key),
          isEligible: lookups.isEligible(query),
          eligibilityFor: (lookups.eligibilityFor(query) as { eligible?: boolean } | undefined)?.eligible === true,
        };
        if (new Set(Object.values(readings)).size !== 1) problems.push(`${view} ${key}: ${JSON.stringify(readings)}`);
        for (const smets of [1, 2]) {
          for (const mode of ['scheduled', 'on-demand']) {
            const timeKey = `${key}|${smets}|${mode}`;
            const asked = { ...query, smets, mode };
            const times = {
              rules: ruleTimes.get(timeKey),
              export: exportedTimes.get(timeKey),
              trtSeconds: lookups.trtSeconds(asked),
              trtFor: lookups.trtFor(asked)?.seconds,
            };
            if (new Set(Object.values(times)).size !== 1) problems.push(`${view} ${timeKey}: ${JSON.stringify(times)}`);
            // Within the TRT table's scope (AB1.3), a time (or N/A) is given exactly when the pair is eligible.
            if (inScope(sr.ref) && (times.rules !== undefined) !== readings.rules)
              problems.push(`${view} ${timeKey}: eligible ${readings.rules} but time ${String(times.rules)}`);
          }
        }
      }
    }
  }
  return problems;
}

describe('lookups, exports and compiled rules never disagree', () => {
  it('on the MP162 corpus', async () => {
    const result = await compileStrings(await textDocuments(), false);
    expect(result.ok).toBe(true);
    expect(await disagreements(result.ruleSets!)).toEqual([]);
  });

  for (const seed of [1, 7, 162]) {
    it(`on a generated corpus (seed ${seed})`, async () => {
      const corpus = generateCorpus({ seed, documents: 4, serviceRequests: 40, clausesPerDocument: 6 });
      const result = await compileStrings(corpus.files, false, planFromTexts(corpus.plan, 'sec-text', new Schemas()));
      expect(result.files.flatMap((file) => file.messages.filter((message) => message.fatal).map(String))).toEqual([]);
      expect(await disagreements(result.ruleSets!)).toEqual([]);
    }, 60_000);
  }

  it('the comparison can fail: a contradictory rule set is caught', async () => {
    const result = await compileStrings(await textDocuments(), false);
    const ruleSets = structuredClone(result.ruleSets!);
    const entry = ruleSets.modified.eligibility.find((item) => item.sr === '4.8.1' && item.role === 'other-user')!;
    ruleSets.modified.eligibility.push({ ...entry, eligible: !entry.eligible });
    expect(await disagreements(ruleSets)).not.toEqual([]);
  });
});
