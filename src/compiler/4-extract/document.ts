/**
 * Stage 4, extract. Takes: one view's projected tree of a document (stage 3). Returns: that
 * view's facts (`ViewFacts`): clauses, clause rules, footnotes and each table kind's facts.
 * A pure function of the tree (diagnostics go on the document's vfile); serialisable (no mdast
 * in the result), so the facts of a document can be cached by content hash.
 */
import type { FootnoteDefinition, Nodes, Root, Table } from 'mdast';
import type { VFile } from 'vfile';
import type { Schemas } from '../../shared/schemas.js';
import type { View } from '../../shared/vocabulary.js';
import type { Clause, ClauseRule, DocumentInfo, Footnote } from '../../shared/model.js';
import type { Cite } from '../2-parse/cites.js';
import type { ExtractionMemo } from './extraction-memo.js';
import { readOutline } from './outline.js';
import { readRuleBlocks, reportOrphanRuleBlocks } from './rule-blocks.js';
import { reportStrayRuleBlocks } from './stray-rule-blocks.js';
import type { TableReadings } from './unread-tables.js';
import { emptyTableFacts, readTable, TABLE_KINDS, type TableFacts, type TableKind } from './tables.js';
import { normalise, plainText, sourceOf } from './text.js';

export type ViewFacts = TableFacts & {
  clauses: Clause[];
  clauseRules: ClauseRule[];
  footnotes: Footnote[];
};

export interface DocumentFacts {
  name: string;
  info: DocumentInfo | undefined;
  /** Every redline's cite, with its place (checked against the plan's declared modifications). */
  cites: Cite[];
  views: Record<View, ViewFacts>;
}

/** What extraction needs besides the tree: which document and view, and the compile context's parts. */
export interface ExtractInput {
  file: VFile;
  name: string;
  documentId: string | undefined;
  view: View;
  schemas: Schemas;
  kinds?: readonly TableKind[];
  /** Collects which kind each table was read as, per view (to report a table only one view reads). */
  readings?: TableReadings;
  /** Readings kept between compilations (a long-lived context): a table or block already read is not read again. */
  memo?: ExtractionMemo;
}

export function emptyViewFacts(kinds: readonly TableKind[] = TABLE_KINDS): ViewFacts {
  return { ...emptyTableFacts(kinds), clauses: [], clauseRules: [], footnotes: [] };
}

export function extractView(tree: Root, input: ExtractInput): ViewFacts {
  const { file, name, view, schemas, kinds = TABLE_KINDS } = input;
  const context = { file, name, view, schemas };
  const facts = emptyViewFacts(kinds);
  const memo = input.memo;
  const textOf = memo ? memo.textOf : plainText;
  const outline = readOutline(tree, file, name, input.documentId, view, memo);
  reportOrphanRuleBlocks(outline.orphanRuleBlocks, context);
  reportStrayRuleBlocks(tree, context, memo);
  const read = (table: Table, clause: string | undefined): void => {
    const tableContext = { ...context, clause };
    const kind = memo ? memo.readTable(table, tableContext, facts, kinds, readTable) : readTable(table, tableContext, facts, kinds);
    const offset = table.position?.start.offset;
    if (offset !== undefined) input.readings?.set(offset, { ...input.readings.get(offset), [view]: kind });
  };
  for (const table of outline.orphanTables) read(table, undefined);
  for (const section of outline.sections) {
    facts.clauses.push(section.clause);
    facts.clauseRules.push(...readRuleBlocks(section, context));
    for (const table of section.tables) read(table, section.clause.id);
  }
  for (const node of tree.children) {
    if (node.type === 'footnoteDefinition') facts.footnotes.push(footnote(node, name, textOf));
  }
  return facts;
}

function footnote(node: FootnoteDefinition, name: string, textOf: (node: Nodes) => string): Footnote {
  return {
    file: name,
    label: node.identifier,
    text: normalise(node.children.map((child) => textOf(child)).join('\n')),
    source: sourceOf(name, node.position),
  };
}
