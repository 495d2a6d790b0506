/**
 * A toy table kind, in one module, for the registry test: a glossary (`Term | Meaning`). It
 * recognises its headers, reads each row into `glossaryRows` (a Meaning left empty is reported),
 * has empty facts, and links by reporting a term defined in two documents. It adds nothing to the
 * rule set, so the rule-set schema needs no change; a real kind would add its entries and schema.
 */
import { report, type RuleId } from '../../src/shared/diagnostics.js';
import type { Source } from '../../src/shared/model.js';
import type { Cell, TableKind } from '../../src/compiler/4-extract/tables.js';

export interface GlossaryRow {
  term: string;
  meaning: string;
  source: Source;
}

export type GlossaryFacts = { glossaryRows: GlossaryRow[] };

/** A toy kind's own ids, outside the registry on purpose (a kind plugged in by a test): cast where reported. */
export const GLOSSARY_RULES = { emptyMeaning: 'glossary-empty-meaning', duplicateTerm: 'glossary-duplicate-term' } as const;

export const glossaryTable: TableKind<GlossaryFacts> = {
  name: 'glossary',
  recognises: (headers) => headers.length === 2 && headers[0] === 'Term' && headers[1] === 'Meaning',
  read(grid, context, facts) {
    for (const [term, meaning] of grid.rows as Array<[Cell, Cell]>) {
      if (meaning.text === '') {
        report(context.file, `Missing meaning for \`${term.text}\`, expected a definition`, {
          ruleId: GLOSSARY_RULES.emptyMeaning as unknown as RuleId,
          place: meaning.node.position,
          view: context.view,
        });
        continue;
      }
      facts.glossaryRows.push({ term: term.text, meaning: meaning.text, source: term.source });
    }
  },
  empty: () => ({ glossaryRows: [] }),
  link(input) {
    const first = new Map<string, string>();
    for (const { name, facts } of input.documents) {
      for (const row of facts.glossaryRows) {
        const other = first.get(row.term);
        if (other === undefined) first.set(row.term, name);
        else {
          input.report(name, `Unexpected second definition of \`${row.term}\`, expected each term once (first in ${other})`, {
            ruleId: GLOSSARY_RULES.duplicateTerm as unknown as RuleId,
            place: { line: row.source.line, column: row.source.column },
            severity: 'warning',
          });
        }
      }
    }
    return {};
  },
};
