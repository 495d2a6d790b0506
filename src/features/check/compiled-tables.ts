/**
 * The compiled JavaScript of the tables follows the text: `dist/generated/` (the compiler
 * package's `sec-rules/generated`) and `packages/tables/dist/` (the `@sec-rules/tables` package)
 * are what consumers import, and `secc build` writes only `generated/*.ts`. This step loads each
 * compiled module that exists and compares its exported data with the tables compiled from the text,
 * so a consumer never type-checks or runs against stale tables while `secc check` says all agree.
 * It also checks that the tables package is versioned with the SEC release the text is compiled to.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { VFile } from 'vfile';
import { report } from '../../shared/diagnostics.js';
import type { RuleSet } from '../../shared/model.js';
import type { View } from '../../shared/vocabulary.js';
import { tableData } from '../../shared/table-data.js';

export const COMPILED_TABLES_RULE = 'compiled-tables-stale';
export const TABLES_VERSION_RULE = 'tables-package-version';

/** Where the compiled tables live, relative to the project root, and who imports them. */
export const COMPILED_TABLES = [
  { dir: 'dist/generated', consumer: '`sec-rules/generated`' },
  { dir: 'packages/tables/dist', consumer: 'the `@sec-rules/tables` package' },
] as const;

export const TABLES_PACKAGE_JSON = 'packages/tables/package.json';

/** The exports compared, with what the text says they must hold. */
function expectedExports(ruleSets: Record<View, RuleSet>): Record<string, unknown> {
  const data = tableData(ruleSets);
  return {
    SR_REFS: data.srRefs,
    TRT_SR_REFS: data.trtSrRefs,
    ROLE_IDS: data.roleIds,
    MODIFICATIONS: ruleSets.modified.modifications,
    USER_ROLES: data.userRoles,
    SERVICE_REQUESTS: data.serviceRequests,
    TRT_TABLE: data.trt,
    ELIGIBILITY_TABLE: data.eligibility,
    CLAUSE_RULES: data.clauseRules,
  };
}

/** The SEC release a compilation describes, as a package version: the newest implementation date, `YYYY.M.D`. */
export function tablesVersion(ruleSets: Record<View, RuleSet>): string | undefined {
  const dates = ruleSets.modified.modifications.map((modification) => modification.implementationDate).sort();
  const newest = dates.at(-1);
  if (newest === undefined) return undefined;
  const [year, month, day] = newest.split('-').map(Number);
  return `${year}.${month}.${day}`;
}

export async function checkCompiledTables(ruleSets: Record<View, RuleSet>, root: string): Promise<VFile[]> {
  const files: VFile[] = [];
  // The expected tables are built (and written as JSON) once, and only when some compiled module exists to compare.
  let expected: Record<string, string> | undefined;
  for (const { dir, consumer } of COMPILED_TABLES) {
    const modulePath = path.join(root, dir, 'tables.js');
    if (!existsSync(modulePath)) continue; // not built here: nothing a consumer could import stale
    const actual = (await import(pathToFileURL(modulePath).href)) as Record<string, unknown>;
    expected ??= Object.fromEntries(Object.entries(expectedExports(ruleSets)).map(([name, value]) => [name, JSON.stringify(value)]));
    const wanted = expected;
    const stale = Object.keys(wanted).filter((name) => JSON.stringify(actual[name]) !== wanted[name]);
    if (stale.length === 0) continue;
    const file = new VFile({ path: `${dir}/tables.js` });
    report(
      file,
      `Unexpected ${stale.join(', ')} in ${dir}/tables.js (${consumer}): it was compiled from other tables than generated/ now holds, expected it rebuilt; run \`npm run build\``,
      { ruleId: COMPILED_TABLES_RULE },
    );
    files.push(file);
  }
  const packageJson = path.join(root, TABLES_PACKAGE_JSON);
  const version = tablesVersion(ruleSets);
  if (existsSync(packageJson) && version !== undefined) {
    const declared = (JSON.parse(await readFile(packageJson, 'utf8')) as { version?: unknown }).version;
    if (declared !== version) {
      const file = new VFile({ path: TABLES_PACKAGE_JSON });
      report(
        file,
        `Unexpected version ${String(declared)} of @sec-rules/tables, expected ${version}: the package is versioned with the SEC release its tables are compiled to (the newest implementation date in the text)`,
        { ruleId: TABLES_VERSION_RULE, actual: String(declared), expected: [version] },
      );
      files.push(file);
    }
  }
  return files;
}
