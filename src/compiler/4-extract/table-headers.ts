/**
 * Header checks every data table kind shares. A header twice in a data table gives two readings
 * of one fact (a second `Other User` column saying No where the first says Yes), so it is an
 * error whatever the kind.
 */
import type { VFile } from 'vfile';
import { report } from '../../shared/diagnostics.js';
import type { View } from '../../shared/vocabulary.js';
import type { Cell } from './tables/grid.js';

export const TABLE_HEADER_RULES = { duplicateColumn: 'table-duplicate-column' } as const;

export function isDataTable(names: readonly string[]): boolean {
  return (
    (names.includes('User Role') && names.includes('Identifier')) ||
    (names.includes('SR') && names.some((name) => name === 'Service Request Name' || name.includes('/ SMETS')))
  );
}

/**
 * A header twice in a data table gives two readings of one fact (a second `Other User` column
 * saying No where the first says Yes): an error for every table kind. Headers are compared
 * without case or spacing, so `Other User` and `Other  user` are the same column.
 */
export function reportDuplicateHeaders(headers: readonly Cell[], context: { file: VFile; view: View }): void {
  const seen = new Map<string, Cell>();
  for (const header of headers) {
    const key = header.text.toLowerCase().replace(/\s+/g, ' ');
    const first = seen.get(key);
    if (!first) {
      seen.set(key, header);
      continue;
    }
    report(
      context.file,
      `Unexpected second column \`${header.text}\` (first at column ${first.source.column}), expected each header once: two columns would give two readings of the same fact`,
      { ruleId: TABLE_HEADER_RULES.duplicateColumn, place: header.node.position, view: context.view, actual: header.text },
    );
  }
}
