/**
 * Everything one document says, in both views, before documents are linked together.
 * Pure and serialisable (no mdast in the result), so it can be cached by content hash.
 */
import type { FootnoteDefinition, Root } from 'mdast';
import { report } from '../../shared/diagnostics.js';
import type { View } from '../../shared/vocabulary.js';
import { readFrontMatter } from '../2-parse/frontmatter.js';
import type { Clause, ClauseRule, DocumentInfo, Footnote, Modification } from '../../shared/model.js';
import { parseDocument } from '../2-parse/parse.js';
import type { SourceDocument } from '../1-read/read.js';
import { project } from '../3-project/project.js';
import { VIEWS } from '../../shared/vocabulary.js';
import { readOutline } from './outline.js';
import { readRuleBlocks, reportOrphanRuleBlocks } from './rule-blocks.js';
import { emptyTableFacts, readTable, type TableFacts } from './tables.js';
import { normalise, plainText, sourceOf } from './text.js';

export interface ViewFacts extends TableFacts {
  clauses: Clause[];
  clauseRules: ClauseRule[];
  footnotes: Footnote[];
}

export interface DocumentFacts {
  name: string;
  info: DocumentInfo | undefined;
  modifications: Modification[];
  views: Record<View, ViewFacts>;
}

export interface ParsedDocument {
  doc: SourceDocument;
  tree: Root | undefined;
  facts: DocumentFacts;
}

export function extractDocument(doc: SourceDocument): ParsedDocument {
  const facts: DocumentFacts = {
    name: doc.name,
    info: undefined,
    modifications: [],
    views: { baseline: emptyViewFacts(), modified: emptyViewFacts() },
  };
  if (!doc.readable) return { doc, tree: undefined, facts };
  const tree = parseDocument(doc.file);
  if (!tree) return { doc, tree, facts };
  const front = readFrontMatter(tree, doc.file, doc.name);
  if (front) {
    facts.info = front.info;
    facts.modifications = front.modifications;
  }
  for (const view of VIEWS) {
    try {
      facts.views[view] = extractView(project(tree, view), doc, facts.info?.id, view);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      report(doc.file, 'Unexpected nesting too deep to read, expected a document of ordinary depth', { ruleId: 'document-too-deep', view });
    }
  }
  return { doc, tree, facts };
}

function emptyViewFacts(): ViewFacts {
  return { ...emptyTableFacts(), clauses: [], clauseRules: [], footnotes: [] };
}

function extractView(tree: Root, doc: SourceDocument, documentId: string | undefined, view: View): ViewFacts {
  const context = { file: doc.file, name: doc.name, view };
  const facts = emptyViewFacts();
  const outline = readOutline(tree, doc.file, doc.name, documentId, view);
  reportOrphanRuleBlocks(outline.orphanRuleBlocks, context);
  for (const table of outline.orphanTables) readTable(table, { ...context, clause: undefined }, facts);
  for (const section of outline.sections) {
    facts.clauses.push(section.clause);
    facts.clauseRules.push(...readRuleBlocks(section, context));
    for (const table of section.tables) readTable(table, { ...context, clause: section.clause.id }, facts);
  }
  for (const node of tree.children) {
    if (node.type === 'footnoteDefinition') facts.footnotes.push(footnote(node, doc.name));
  }
  return facts;
}

function footnote(node: FootnoteDefinition, name: string): Footnote {
  return {
    file: name,
    label: node.identifier,
    text: normalise(node.children.map((child) => plainText(child)).join('\n')),
    source: sourceOf(name, node.position),
  };
}
