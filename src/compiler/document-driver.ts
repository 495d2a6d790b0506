/**
 * The driver's chain for one document, loaded only when a document has to be extracted (a warm
 * cache needs none of the parser): parse (stage 2, with its front matter) → project each view
 * (stage 3) → extract each projected tree (stage 4). Returns the document's facts, its tree and
 * its projections, which the compile result carries so nothing projects them again.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { report } from '../shared/diagnostics.js';
import { VIEWS, type View } from '../shared/vocabulary.js';
import type { SourceDocument } from './1-read/read.js';
import { citedModifications, citesOf } from './2-parse/cites.js';
import { readFrontMatter } from './2-parse/frontmatter.js';
import { parseDocument, PARSE_RULES } from './2-parse/parse.js';
import { project, viewAccepts } from './3-project/project.js';
import { emptyViewFacts, extractView, type DocumentFacts } from './4-extract/document.js';
import { reportTablesReadInOneView, type TableReadings } from './4-extract/unread-tables.js';
import type { CompileContext } from './context.js';

export type Projections = Record<View, Root | undefined>;

export interface ExtractedWithTrees {
  facts: DocumentFacts;
  tree: Root | undefined;
  projections: Projections;
}

export function emptyDocumentFacts(name: string, context: Pick<CompileContext, 'kinds'>): DocumentFacts {
  return {
    name,
    info: undefined,
    cites: [],
    views: { baseline: emptyViewFacts(context.kinds), modified: emptyViewFacts(context.kinds) },
  };
}

export function extractDocument(doc: SourceDocument, context: CompileContext): ExtractedWithTrees {
  const facts = emptyDocumentFacts(doc.name, context);
  const projections: Projections = { baseline: undefined, modified: undefined };
  const tree = doc.readable ? parseDocument(doc.file, context.parse, context.parses) : undefined;
  if (!tree) return { facts, tree, projections };
  facts.cites = citesOf(tree);
  facts.info = readFrontMatter(tree, doc.file, doc.name, context.schemas, citedModifications(facts.cites));
  const readings: TableReadings = new Map();
  const text = String(doc.file.value);
  for (const view of VIEWS) {
    try {
      // Through the memos, only the blocks an edit reached are projected and read again.
      const { blocks } = context.reading;
      const projected = blocks ? blocks.project(doc.name, text, tree, view, viewAccepts(view)) : project(tree, view);
      projections[view] = projected;
      facts.views[view] = extractView(projected, {
        file: doc.file,
        name: doc.name,
        documentId: facts.info?.id,
        view,
        schemas: context.schemas,
        kinds: context.kinds,
        readings,
        memo: context.reading.extraction,
      });
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      report(doc.file, 'Unexpected nesting too deep to read, expected a document of ordinary depth', { ruleId: PARSE_RULES.tooDeep, view });
    }
  }
  reportTablesReadInOneView(readings, tree, doc.file);
  return { facts, tree, projections };
}

/** The tree of a cached document, parsed again (into a scratch vfile the caller gives). */
export function reparse(file: VFile, context: CompileContext): Root | undefined {
  return parseDocument(file, context.parse, context.parses);
}
