/**
 * The declared scope of a partial gateway: the Service Requests it claims to implement, given as
 * `--only-sr 4.8.1,4.8.3` or as a line `# only-sr: 4.8.1, 4.8.3` above a CSV configuration's
 * header. A gateway is then judged on what it claims: combinations of other SRs are not missing,
 * and a row for one of them is a disagreement (the gateway does more than it says).
 */
import type { View } from '../../generated/types.js';
import type { GatewayTables } from './tables.js';

export interface DeclaredScope {
  /** The SR references, in the order given, without repeats. */
  srs: string[];
  /** The line of the scope line in the file (not for `--only-sr`). */
  line?: number;
}

const SR_REFERENCE = /^\d+(?:\.\d+)*$/;
const DIRECTIVE = /^#\s*only[-_ ]?sr\b/i;
const WELL_FORMED = /^#\s*only-sr\s*:(.*)$/;

/** `4.8.1, 4.8.3` as SR references; a problem for each entry that is not one. */
export function parseSrList(text: string): { srs: string[]; problems: string[] } {
  const entries = text.split(',').map((entry) => entry.trim());
  const problems = entries
    .filter((entry) => !SR_REFERENCE.test(entry))
    .map((entry) => (entry === '' ? 'an empty entry' : `\`${entry}\` is not a Service Request reference such as 4.8.1`));
  return { srs: [...new Set(entries.filter((entry) => SR_REFERENCE.test(entry)))], problems };
}

/** Whether a comment line above the header is meant as a scope line (well formed or not). */
export function isScopeLine(text: string): boolean {
  return DIRECTIVE.test(text.trim());
}

/** Reads a scope line, `# only-sr: 4.8.1, 4.8.3`. */
export function readScopeLine(text: string, line: number): { scope?: DeclaredScope; problems: Array<{ line: number; message: string }> } {
  const match = WELL_FORMED.exec(text.trim());
  if (!match)
    return {
      problems: [{ line, message: `Unexpected scope line, expected \`# only-sr: 4.8.1, 4.8.3\`, got ${JSON.stringify(text.trim())}` }],
    };
  const { srs, problems } = parseSrList(match[1] ?? '');
  if (problems.length > 0) return { problems: problems.map((problem) => ({ line, message: `scope line: ${problem}` })) };
  return { scope: { srs, line }, problems: [] };
}

/**
 * The scope a check runs with, from the file and the option: either alone, or both when they name
 * the same SRs (a file and a command line that disagree about what the gateway claims is a mistake).
 */
export function combineScopes(fromFile: DeclaredScope | undefined, fromOption: DeclaredScope | undefined): DeclaredScope | string {
  if (!fromFile || !fromOption) return fromFile ?? fromOption ?? { srs: [] };
  const same = fromFile.srs.length === fromOption.srs.length && fromFile.srs.every((sr) => fromOption.srs.includes(sr));
  if (same) return fromFile;
  return `the file declares the scope ${fromFile.srs.join(', ')} (line ${fromFile.line ?? '?'}) but --only-sr says ${fromOption.srs.join(', ')}; give one, or the same SRs in both`;
}

/** Why each SR of a scope cannot be checked in a view: not in Appendix E, or without TRTs in the corpus. */
export function scopeProblems(scope: DeclaredScope, view: View, tables: GatewayTables): string[] {
  const withTrts: string[] = tables.serviceRequests[view]
    .filter((entry) => tables.trt[view][entry.ref] !== undefined)
    .map((entry) => entry.ref);
  return scope.srs.flatMap((sr) => {
    if (!tables.serviceRequests[view].some((entry) => entry.ref === sr)) return [`SR ${sr} of the declared scope is not in Appendix E`];
    if (!withTrts.includes(sr))
      return [
        `SR ${sr} of the declared scope has no Target Response Times in the corpus (the Appendix AB table, AB1.3, covers SRs ${withTrts.join(', ')}); a configuration row needs one`,
      ];
    return [];
  });
}

/** Whether an SR is within a scope; an empty scope is the whole table. */
export function inScope(scope: DeclaredScope | undefined, sr: string): boolean {
  return !scope || scope.srs.length === 0 || scope.srs.includes(sr);
}
