/**
 * The parser: remark-parse + front matter + GFM (single tildes off, so `20~25` stays text)
 * + the redline plugin. One processor, frozen, reused for every document.
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
import { parseCounters } from '../timings.js';

export const PARSE_RULES = { tooDeep: 'document-too-deep' } as const;

const processor = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkGfm, { singleTilde: false })
  .use(remarkRedline)
  .freeze();

/** Parses a document into mdast with redline nodes; returns undefined (with a diagnostic) if it cannot. */
export function parseDocument(file: VFile): Root | undefined {
  const start = performance.now();
  parseCounters.documents++;
  const deep = tooDeepAt(String(file.value));
  if (deep) {
    report(file, `Unexpected nesting more than ${MAX_NESTING} levels deep, expected a document of ordinary depth`, {
      ruleId: PARSE_RULES.tooDeep,
      place: deep,
    });
    return undefined;
  }
  try {
    const tree = processor.parse(file);
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
    parseCounters.ms += performance.now() - start;
  }
}
