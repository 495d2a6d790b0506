/**
 * Appendix E against DCC's DUIS Service Request matrix: every row, name, flag and eligible pair,
 * compared with the JSON itself when ../shared/sources/ is present and with the tests'
 * transcription always; the documented readings are exactly the differences.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RuleSet } from '../src/shared/model.js';
import { DUIS_MATRIX_TRANSCRIPTION, DUIS_ROLE_CODES, readDuisMatrix, type MatrixEntry } from './support/duis-matrix.js';
import { MATRIX_READINGS, matrixDifferences, readmeRow, type Difference } from './support/matrix-readings.js';
import { compiledViews, ROOT, runCli } from './support/project.js';
import { REPORT_MDR_SERVICES } from './support/report-facts.js';
import { announceSkipped } from './support/sources.js';

let baseline: RuleSet;
let modified: RuleSet;

beforeAll(async () => {
  ({ baseline, modified } = await compiledViews());
});

const MATRIX = readDuisMatrix();
announceSkipped('test/appendix-e-matrix.test.ts', [
  { source: 'matrix', check: "the tests' transcription of the DUIS matrix (129 rows) against the JSON" },
  {
    source: 'matrix',
    check:
      'Appendix E (baseline and modified) and `secc export eligibility` against the DUIS matrix JSON itself: rows, names, flags, the 312 eligible pairs',
  },
]);

/** The 11 SRs of the report's table 'Valid Service Requests for an MDR User'. */
const MDR_SRS = Object.keys(REPORT_MDR_SERVICES);
const withoutReason = ({ sr, field, matrix, text }: Difference): Difference => ({ sr, field, matrix, text });
const key = (difference: Difference): string => `${difference.sr} ${difference.field}`;
const byKey = (a: Difference, b: Difference): number => key(a).localeCompare(key(b));

describe("the tests' transcription of the DUIS matrix", () => {
  it.skipIf(!MATRIX)('the DUIS matrix transcription matches the JSON field for field [skipped without duis-request-matrix.json]', () => {
    expect(DUIS_MATRIX_TRANSCRIPTION).toEqual(MATRIX);
  });
});

function describeAgainstMatrix(basis: string, matrix: readonly MatrixEntry[] | undefined): void {
  describe.skipIf(!matrix)(`Appendix E against the DUIS matrix (${basis})`, () => {
    it('has every Service Request Variant of the matrix, and no other', () => {
      for (const ruleSet of [baseline, modified]) {
        expect(ruleSet.serviceRequests.map((sr) => sr.ref).sort()).toEqual(matrix!.map((row) => row['Service Reference Variant']).sort());
      }
      expect(matrix).toHaveLength(129);
    });

    it('gives the baseline eligibility of the matrix pair for pair: 312 pairs, none for SR 7.16, 8.5 and 8.6', () => {
      const pairs = (entries: Array<[string, string]>): string[] => entries.map(([sr, role]) => `${sr} ${role}`).sort();
      const fromText = baseline.eligibility.filter((entry) => entry.eligible).map((entry): [string, string] => [entry.sr, entry.role]);
      const fromMatrix = matrix!.flatMap((row) =>
        row['Eligible User Roles'].map((code): [string, string] => [row['Service Reference Variant'], DUIS_ROLE_CODES[code] ?? code]),
      );
      expect(pairs(fromText)).toEqual(pairs(fromMatrix));
      expect(fromText).toHaveLength(312);
      const none = matrix!.filter((row) => row['Eligible User Roles'].length === 0).map((row) => row['Service Reference Variant']);
      expect(none).toEqual(['7.16', '8.5', '8.6']);
    });

    it('is what `secc export eligibility` lists: the matrix pairs in the baseline, exactly 11 more (the MDR) in the modified view', async () => {
      const exported = async (view: string): Promise<string[]> => {
        const run = await runCli(['export', 'eligibility', '--view', view, '--format', 'csv'], ROOT);
        expect(run.code).toBe(0);
        return run.stdout.trim().split('\n').slice(1).sort();
      };
      const fromMatrix = matrix!
        .flatMap((row) => row['Eligible User Roles'].map((code) => `${row['Service Reference Variant']},${DUIS_ROLE_CODES[code]}`))
        .sort();
      const baselinePairs = await exported('baseline');
      expect(baselinePairs).toEqual(fromMatrix);
      const added = (await exported('modified')).filter((pair) => !baselinePairs.includes(pair));
      expect(added.sort()).toEqual(MDR_SRS.map((sr) => `${sr},mdr`).sort());
      expect(await exported('modified')).toHaveLength(fromMatrix.length + 11);
    });

    it('differs from the matrix in the baseline exactly where the documented readings say', () => {
      expect(matrixDifferences(baseline, matrix!).sort(byKey)).toEqual(MATRIX_READINGS.map(withoutReason).sort(byKey));
    });

    it('differs in the modified view by MP162 alone: SR 4.2 DCC Scheduled, and the MDR (not in the matrix) eligible for exactly 11', () => {
      const mp162: Difference = { sr: '4.2', field: 'dccScheduled', matrix: 'No', text: 'Yes' };
      expect(matrixDifferences(modified, matrix!).sort(byKey)).toEqual([...MATRIX_READINGS.map(withoutReason), mp162].sort(byKey));
      expect(modified.eligibility.filter((entry) => entry.role === 'mdr' && entry.eligible).map((entry) => entry.sr)).toEqual(MDR_SRS);
      expect(modified.eligibility.filter((entry) => entry.eligible)).toHaveLength(312 + 11);
    });
  });
}

describeAgainstMatrix('its JSON, ../shared/sources/duis-request-matrix.json; skipped when absent', MATRIX);
describeAgainstMatrix("the tests' transcription, test/support/duis-matrix.ts", DUIS_MATRIX_TRANSCRIPTION);

describe('the documented readings of the matrix', () => {
  it('are listed in the README, exactly', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const start = readme.indexOf('<!-- matrix-readings:start -->');
    const end = readme.indexOf('<!-- matrix-readings:end -->');
    expect(start).toBeGreaterThan(-1);
    const rows = readme
      .slice(start, end)
      .split('\n')
      .filter((line) => /^\| \d/.test(line));
    expect(rows).toEqual(MATRIX_READINGS.map(readmeRow));
  });
});
