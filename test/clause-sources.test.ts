/**
 * Every clause of sec-text/ is traced to a source document or declared background (see
 * test/support/clause-sources.ts): a clause that states a duty must say where the duty comes from.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { RuleSet } from '../src/shared/model.js';
import { CLAUSE_SOURCES } from './support/clause-sources.js';
import { compileProject, textDocuments } from './support/project.js';
import { announceSkipped, normalise, readSource, type SourceName } from './support/sources.js';

let views: RuleSet[];
let documents: Record<string, string>;

beforeAll(async () => {
  const result = await compileProject();
  views = [result.ruleSets!.baseline, result.ruleSets!.modified];
  documents = await textDocuments();
});

const OBLIGATION = /\b(shall|must|is required to|are required to)\b/i;

/** A clause's text as written (redline tags included): its heading line up to the next heading. */
function clauseText(file: string, id: string): string {
  const lines = documents[file]!.split('\n');
  const start = lines.findIndex((line) => new RegExp(`^#{1,6} ${id.replace(/\./g, '\\.')} `).test(line));
  const end = lines.findIndex((line, index) => index > start && /^#{1,6} /.test(line));
  return lines.slice(start, end === -1 ? undefined : end).join('\n');
}

const traced = Object.entries(CLAUSE_SOURCES).flatMap(([id, entry]) => ('quotes' in entry ? [{ id, ...entry }] : []));
const sourcesUsed = [...new Set(traced.map((entry) => entry.source))];
announceSkipped(
  'test/clause-sources.test.ts',
  sourcesUsed.map((source) => ({
    source,
    check: `the quotes that support ${traced.filter((entry) => entry.source === source).length} clauses`,
  })),
);

describe('the source of every clause', () => {
  it('is recorded for every clause of both views, and for no clause that does not exist', () => {
    const ids = [...new Set(views.flatMap((view) => view.clauses.map((clause) => clause.id)))].sort();
    expect(Object.keys(CLAUSE_SOURCES).sort()).toEqual(ids);
  });

  it('is a source quote for every clause that states a duty; background clauses state none', () => {
    const clauses = new Map(views.flatMap((view) => view.clauses.map((clause) => [clause.id, clause.file] as const)));
    const background = Object.entries(CLAUSE_SOURCES).filter(([, entry]) => 'background' in entry);
    expect(background.length).toBeGreaterThan(0);
    for (const [id] of background) {
      const text = clauseText(clauses.get(id)!, id);
      expect(text, id).not.toBe('');
      expect(text.replace(/^#.*\n?/, ''), `${id} is background but states a duty`).not.toMatch(OBLIGATION);
    }
  });

  for (const source of sourcesUsed) {
    const text = readSource(source as SourceName);
    it.skipIf(!text)(`is supported by quotes found in the ${source} source [skipped when ../shared/sources/ lacks it]`, () => {
      const haystack = normalise(text!);
      for (const entry of traced.filter((candidate) => candidate.source === source)) {
        for (const quote of entry.quotes) expect(haystack.includes(normalise(quote)), `${entry.id}: "${quote}"`).toBe(true);
      }
    });
  }
});
