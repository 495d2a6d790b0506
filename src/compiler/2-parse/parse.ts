/**
 * Stage 2, parse. Takes: a document's vfile (stage 1). Returns: its mdast tree with redline
 * nodes (`Root`), or undefined with a diagnostic.
 *
 * remark-parse + front matter + GFM (single tildes off, so `20~25` stays text) + the redline
 * plugin. One processor, frozen (immutable), reused for every document.
 */
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { VFile } from 'vfile';
import { report } from '../../shared/diagnostics.js';
import { MAX_NESTING, tooDeepAt } from './depth-guard.js';
import remarkRedline from './redline/plugin.js';
import { parseLargeTablesInChunks } from './large-tables.js';
import type { ParseMemo } from './incremental/memo.js';
import { copyNode } from './incremental/tree-copy.js';

export const PARSE_RULES = { tooDeep: 'document-too-deep' } as const;

const processor = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkGfm, { singleTilde: false })
  .use(remarkRedline)
  .freeze();

/** What the parser adds to per document, for timings: owned by the caller's compile context. */
export interface ParseCounters {
  ms: number;
  documents: number;
}

const parseText = (text: string): Root => processor.parse(text);
const parseWhole = (text: string): Root => parseLargeTablesInChunks(text, parseText);

/**
 * Parses a document into mdast with redline nodes; returns undefined (with a diagnostic) if it
 * cannot. With a memo (a long-lived process), the document's previous tree is kept and an edit
 * re-parses only the blocks it reached (incremental/reparse.ts); the redline plugin then runs
 * over a copy of the whole tree, as after a whole parse.
 */
export function parseDocument(file: VFile, counters: ParseCounters = { ms: 0, documents: 0 }, memo?: ParseMemo): Root | undefined {
  const start = performance.now();
  counters.documents++;
  const deep = tooDeepAt(String(file.value));
  if (deep) {
    report(file, `Unexpected nesting more than ${MAX_NESTING} levels deep, expected a document of ordinary depth`, {
      ruleId: PARSE_RULES.tooDeep,
      place: deep,
    });
    return undefined;
  }
  try {
    const text = String(file.value);
    const tree = memo && file.path ? copyNode(memo.parse(file.path, text, parseWhole, parseText)) : parseWhole(text);
    return processor.runSync(tree, file);
  } catch (error) {
    if (error instanceof RangeError) {
      report(file, 'Unexpected nesting too deep to read, expected a document of ordinary depth', {
        ruleId: PARSE_RULES.tooDeep,
        place: { line: 1, column: 1 },
      });
      return undefined;
    }
    throw error;
  } finally {
    counters.ms += performance.now() - start;
  }
}
