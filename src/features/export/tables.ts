/**
 * Flat exports of the compiled tables for gateway teams and spreadsheets.
 * Rows are sorted by SR (numerically, 4.2 before 4.17), then user_role, smets and mode.
 */
import { compareSrRefs } from '../../compiler/4-extract/text.js';
import type { RuleSet } from '../../shared/model.js';

export interface TrtRow {
  sr: string;
  user_role: string;
  smets: 1 | 2;
  mode: 'scheduled' | 'on-demand';
  trt_seconds: number | null;
}

export interface EligibilityRow {
  sr: string;
  user_role: string;
}

export const TRT_HEADER = ['sr', 'user_role', 'smets', 'mode', 'trt_seconds'] as const;
export const ELIGIBILITY_HEADER = ['sr', 'user_role'] as const;

export function trtRows(ruleSet: RuleSet): TrtRow[] {
  return ruleSet.trt
    .map((entry) => ({ sr: entry.sr, user_role: entry.role, smets: entry.smets, mode: entry.mode, trt_seconds: entry.seconds }))
    .sort(compareRows);
}

export function eligibilityRows(ruleSet: RuleSet): EligibilityRow[] {
  return ruleSet.eligibility
    .filter((entry) => entry.eligible)
    .map((entry) => ({ sr: entry.sr, user_role: entry.role }))
    .sort(compareRows);
}

function compareRows(a: Partial<TrtRow> & EligibilityRow, b: Partial<TrtRow> & EligibilityRow): number {
  return (
    compareSrRefs(a.sr, b.sr) || compare(a.user_role, b.user_role) || (a.smets ?? 0) - (b.smets ?? 0) || compare(a.mode ?? '', b.mode ?? '')
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** RFC 4180 CSV with a header line; null becomes an empty field. */
export function toCsv<Row extends object>(header: readonly (keyof Row & string)[], rows: readonly Row[]): string {
  const field = (value: unknown): string => {
    if (value === null || value === undefined) return '';
    const text = String(value);
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return [header.join(','), ...rows.map((row) => header.map((key) => field(row[key])).join(','))].join('\n') + '\n';
}
