/**
 * Conflicts between modifications: two modifications that change the same address (a TRT cell,
 * an eligibility, a Service Request's flag, a User Role, a rule, a footnote, a clause added or
 * removed) cannot both be applied as drafted, whatever the order of their releases. Each
 * modification is compared alone with the base (base → base + ID), and an address in two of
 * those change sets is an error at the entry, naming both modifications' redlines.
 *
 * A clause's text is a conflict only when neither modification's change to it is explained by
 * entries of its tables (two modifications editing different cells of one table both change the
 * text of the clause that holds the table, and that is no conflict).
 */
import type { VFile } from 'vfile';
import { report } from '../shared/diagnostics.js';
import type { Change } from './5-link/change-set/diff.js';
import { diffRuleSets } from './5-link/change-set/diff.js';
import { compileVersion, type VersionInput } from './versions.js';

export const CONFLICT_RULES = { conflict: 'modification-conflict' } as const;

const TABLE_KINDS = new Set(['trt', 'eligibility', 'service-request', 'user-role']);

export function checkConflicts(input: VersionInput): void {
  const cited = new Set(
    input.parsed.flatMap((parsed) => parsed.facts.cites.flatMap((cite) => (cite.modification ? [cite.modification] : []))),
  );
  const declared = input.plan.modifications.map((modification) => modification.id).filter((id) => cited.has(id));
  if (declared.length < 2 || !input.ruleSets) return;
  const baseline = input.ruleSets.baseline;
  const changes = new Map<string, Change[]>();
  for (const id of declared) {
    const version = compileVersion(input, { kind: 'modification', id });
    if (version) changes.set(id, diffRuleSets(baseline, version.ruleSet, { memo: input.context.linking?.diffs }).changes);
  }
  const owners = new Map<string, Array<{ id: string; change: Change }>>();
  for (const [id, list] of changes) {
    const explained = clausesOfTableChanges(list);
    for (const change of list) {
      if (!isAddress(change, explained)) continue;
      const entry = owners.get(change.id) ?? [];
      entry.push({ id, change });
      owners.set(change.id, entry);
    }
  }
  const files = new Map(input.parsed.map((parsed) => [parsed.doc.name, parsed.doc.file]));
  for (const [address, entries] of owners) {
    if (entries.length < 2) continue;
    const [first, second] = entries;
    if (!first || !second) continue;
    const file = files.get(first.change.source.file);
    if (file) reportConflict(file, input, address, first, second);
  }
}

/** The clauses holding a table entry that a change set changes (their text changes with it). */
function clausesOfTableChanges(all: readonly Change[]): Set<string | undefined> {
  return new Set(all.flatMap((other) => (TABLE_KINDS.has(other.kind) ? [other.source.clause] : [])));
}

/** Whether a change names an address a conflict is judged on (a clause's text only when no table entry explains it). */
function isAddress(change: Change, explained: ReadonlySet<string | undefined>): boolean {
  if (change.kind === 'modification' || change.kind === 'document') return false;
  if (change.kind !== 'clause' || change.action !== 'changed') return true;
  return !explained.has(change.clause);
}

function reportConflict(file: VFile, input: VersionInput, address: string, ...sides: Array<{ id: string; change: Change }>): void {
  const [first] = sides;
  if (!first) return;
  const { source } = first.change;
  const places = sides.map((side) => `${side.id} (${redlinePlace(input, side.id, side.change)})`);
  report(
    file,
    `Unexpected change of ${first.change.subject} by two modifications, ${places.join(' and ')}, expected each address (\`${address}\`) to be changed by one modification: agree the text between them, or redraft one against the other`,
    {
      ruleId: CONFLICT_RULES.conflict,
      place: { line: source.line, column: source.column },
      actual: sides.map((side) => side.id).join(', '),
    },
  );
}

/** Where a modification's redline for a change is. */
function redlinePlace(input: VersionInput, id: string, change: Change): string {
  const { file, line } = change.source;
  const cites = input.parsed.find((parsed) => parsed.doc.name === file)?.facts.cites.filter((cite) => cite.modification === id) ?? [];
  // On the entry's line, the cite nearest the entry's column (the same cell), else the first in the document.
  const distance = (column: number) => Math.abs(column - change.source.column);
  const onLine = cites.filter((entry) => entry.line === line).sort((a, b) => distance(a.column) - distance(b.column));
  const cite = onLine[0] ?? cites[0];
  return cite ? `<… cite="${id}"> at ${file}:${cite.line}:${cite.column}` : `${file}:${line}`;
}
