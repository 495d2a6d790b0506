/**
 * What YAML must not do in front matter and rule blocks, found before its values are used:
 * - anchors and aliases (`&a`, `*a`, `<<: *a`): one value standing for another is not how the
 *   SEC states a rule, and resolving them is how a small file becomes a huge one;
 * - numbers that cannot be held exactly (`99999999999999999999`, `9007199254740993`, `1e400`):
 *   the value read would silently differ from the value written;
 * - dates that do not exist (`2024-02-30`).
 * Each problem is returned with its line and column in the YAML text.
 */
import type { RuleId } from '../../shared/rule-registry.js';
import { isScalar, visit, type Document, type LineCounter } from 'yaml';

export interface YamlProblem {
  reason: string;
  /** 1-based, within the YAML text. */
  line: number;
  column: number;
  /** A rule id of its own (dates); otherwise the caller's YAML rule. */
  ruleId?: RuleId;
}

export const YAML_VALUE_RULES = { date: 'date-invalid' } as const;

const NUMBER_LIKE = /^[-+]?(\.\d|\d)[\d_,.]*(e[-+]?\d+)?$|^[-+]?0[xo][\da-f]+$|^[-+]?\.inf$/i;
const DATE_LIKE = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ].*)?$/;

export function yamlValueProblems(document: Document, text: string, lines: LineCounter): YamlProblem[] {
  const problems: YamlProblem[] = [];
  const at = (offset: number, reason: string, ruleId?: RuleId): void => {
    const { line, col } = lines.linePos(offset);
    problems.push({ reason, line, column: col, ...(ruleId ? { ruleId } : {}) });
  };
  visit(document, {
    Alias(_, node) {
      at(node.range?.[0] ?? 0, `Unexpected YAML alias \`*${node.source}\`, expected the value written out in full`);
    },
    Node(_, node) {
      if (node.anchor) {
        const start = node.range?.[0] ?? 0;
        const anchorAt = text.lastIndexOf(`&${node.anchor}`, start);
        at(
          anchorAt >= 0 ? anchorAt : start,
          `Unexpected YAML anchor \`&${node.anchor}\`, expected plain values without anchors or aliases`,
        );
      }
      if (!isScalar(node) || node.range === undefined || node.range === null) return;
      const source = text.slice(node.range[0], node.range[1]);
      if (typeof node.value === 'number' || (node.value === null && NUMBER_LIKE.test(source))) {
        const problem = numberProblem(source, node.value);
        if (problem) at(node.range[0], problem);
      }
      if (typeof node.value === 'string') {
        const problem = dateProblem(node.value);
        if (problem) at(node.range[0], problem, YAML_VALUE_RULES.date);
      }
    },
  });
  return problems;
}

/** The largest whole number a JSON reader holds exactly: 2^53 − 1. */
const MAX_EXACT = Number.MAX_SAFE_INTEGER;

function numberProblem(source: string, value: unknown): string | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return `Unexpected number \`${source}\`: it is too large to be held at all, expected a whole number of at most ${MAX_EXACT}`;
  }
  if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
    return `Unexpected number \`${source}\`: it would be read as ${value}, expected a whole number of at most ${MAX_EXACT}`;
  }
  return undefined;
}

/** A `YYYY-MM-DD` value (alone or starting a date-time) must be a day of the calendar. */
export function dateProblem(value: string): string | undefined {
  const match = DATE_LIKE.exec(value.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (isCalendarDate(year, month, day)) return undefined;
  return `Unexpected date \`${value}\`: there is no such day, expected a date that exists (YYYY-MM-DD)`;
}

export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}
