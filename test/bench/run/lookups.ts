/** Lookups: the generated trtFor / isEligible against plain property reads of the same data. */
import { pathToFileURL } from 'node:url';
import { stat, type Stat } from './process.js';

interface LookupModule {
  TRT_TABLE: Record<string, Record<string, Record<string, Record<string, Record<string, { seconds: number | null }>>>>>;
  ELIGIBILITY_TABLE: Record<string, Record<string, Record<string, { eligible: boolean }>>>;
  trtFor(query: { view: string; sr: string; role: string; smets: number; mode: string }): { seconds: number | null } | undefined;
  isEligible(query: { view: string; sr: string; role: string }): boolean;
}

/** ops/s of the generated lookups and of plain nested property reads of a copy of the same data. */
export async function measureLookups(tablesFile: string, runs: number) {
  const tables = (await import(pathToFileURL(tablesFile).href)) as LookupModule;
  const plainTrt = JSON.parse(JSON.stringify(tables.TRT_TABLE)) as LookupModule['TRT_TABLE'];
  const plainEligibility = JSON.parse(JSON.stringify(tables.ELIGIBILITY_TABLE)) as LookupModule['ELIGIBILITY_TABLE'];
  const trtQueries: Array<{ view: string; sr: string; role: string; smets: number; mode: string }> = [];
  for (const [view, bySr] of Object.entries(plainTrt)) {
    for (const [sr, byRole] of Object.entries(bySr)) {
      for (const [role, bySmets] of Object.entries(byRole)) {
        for (const [smets, byMode] of Object.entries(bySmets))
          for (const mode of Object.keys(byMode)) trtQueries.push({ view, sr, role, smets: Number(smets), mode });
      }
    }
  }
  const eligibilityQueries = Object.entries(plainEligibility).flatMap(([view, bySr]) =>
    Object.entries(bySr).flatMap(([sr, byRole]) => Object.keys(byRole).map((role) => ({ view, sr, role }))),
  );
  shuffle(trtQueries);
  shuffle(eligibilityQueries);
  const time = (loop: () => number, operations: number): number => {
    const start = process.hrtime.bigint();
    const sink = loop();
    const ns = Number(process.hrtime.bigint() - start);
    if (sink === -1) process.stdout.write(''); // keep the result alive
    return operations / (ns / 1e9);
  };
  const repeat = Math.max(1, Math.round(2_000_000 / trtQueries.length));
  const trtApi = (): number => {
    let sink = 0;
    for (let r = 0; r < repeat; r++) for (const q of trtQueries) sink += tables.trtFor(q)?.seconds ?? 1;
    return sink;
  };
  const trtPlain = (): number => {
    let sink = 0;
    for (let r = 0; r < repeat; r++) for (const q of trtQueries) sink += plainTrt[q.view]![q.sr]![q.role]![q.smets]![q.mode]!.seconds ?? 1;
    return sink;
  };
  const eRepeat = Math.max(1, Math.round(2_000_000 / eligibilityQueries.length));
  const eligibleApi = (): number => {
    let sink = 0;
    for (let r = 0; r < eRepeat; r++) for (const q of eligibilityQueries) sink += tables.isEligible(q) ? 1 : 0;
    return sink;
  };
  const eligiblePlain = (): number => {
    let sink = 0;
    for (let r = 0; r < eRepeat; r++)
      for (const q of eligibilityQueries) sink += plainEligibility[q.view]![q.sr]![q.role]!.eligible === true ? 1 : 0;
    return sink;
  };
  const samples = { trtApi: [] as number[], trtPlain: [] as number[], eligibleApi: [] as number[], eligiblePlain: [] as number[] };
  for (let run = 0; run < runs * 2 + 1; run++) {
    const a = time(trtApi, repeat * trtQueries.length);
    const b = time(trtPlain, repeat * trtQueries.length);
    const c = time(eligibleApi, eRepeat * eligibilityQueries.length);
    const d = time(eligiblePlain, eRepeat * eligibilityQueries.length);
    if (run === 0) continue; // warm-up
    samples.trtApi.push(a);
    samples.trtPlain.push(b);
    samples.eligibleApi.push(c);
    samples.eligiblePlain.push(d);
  }
  const mops = (values: number[]): Stat => stat(values.map((value) => value / 1e6));
  return {
    trtEntries: trtQueries.length,
    eligibilityEntries: eligibilityQueries.length,
    trtForMopsPerS: mops(samples.trtApi),
    trtPlainMopsPerS: mops(samples.trtPlain),
    trtRatio: stat(samples.trtApi.map((value, index) => value / samples.trtPlain[index]!)),
    isEligibleMopsPerS: mops(samples.eligibleApi),
    eligiblePlainMopsPerS: mops(samples.eligiblePlain),
    eligibleRatio: stat(samples.eligibleApi.map((value, index) => value / samples.eligiblePlain[index]!)),
    target: 0.5,
  };
}

/** Deterministic Fisher-Yates (a fixed LCG), so every run asks the same queries in the same order. */
function shuffle<T>(items: T[]): void {
  let state = 162;
  for (let index = items.length - 1; index > 0; index--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const other = state % (index + 1);
    [items[index], items[other]] = [items[other]!, items[index]!];
  }
}
