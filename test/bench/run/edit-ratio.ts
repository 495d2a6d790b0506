/**
 * The one-cell edit against the parse of the edited document alone (issue 13 part 2): in this
 * process, the language server's analysis of the edited buffer (lsp/workspace.ts, as `secc lsp`
 * runs it on a change: compile with the kept context, then every check step), alternating with
 * the compiler's own parse of the same text alone (stage 2: remark-parse, GFM, front matter,
 * redlines) and the bare remark-parse + remark-gfm parse of it; the first run of each is a warm-up.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { parseDocument } from '../../../src/compiler/2-parse/parse.js';
import { Workspace } from '../../../src/lsp/workspace.js';
import { editOneCell } from '../corpus.js';

export interface EditRatioMeasures {
  /** ms of each analysis after a one-cell edit of the buffer. */
  languageServerMs: number[];
  /** Documents the analysis parsed (1: the edited one). */
  languageServerParsed: number[];
  /** ms of the compiler's parse (stage 2) of the edited document alone. */
  parseAloneMs: number[];
  /** ms of remark-parse + remark-gfm of the edited document alone. */
  floorAloneMs: number[];
}

export async function measureEditRatio(bench: string, textDir: string, runs: number): Promise<EditRatioMeasures> {
  const file = path.join(textDir, 'appendix-ab.md');
  const original = await readFile(file, 'utf8');
  const edited = editOneCell(original);
  const parse = { ms: 0, documents: 0 };
  const workspace = new Workspace({ root: bench, text: path.relative(bench, textDir), cwd: bench, context: { parse } });
  await workspace.analyse();
  const floor = unified().use(remarkParse).use(remarkGfm).freeze();
  const measures: EditRatioMeasures = { languageServerMs: [], languageServerParsed: [], parseAloneMs: [], floorAloneMs: [] };
  for (let run = 0; run < runs + 1; run++) {
    const text = run % 2 === 0 ? edited : original;
    workspace.setBuffer(file, text);
    parse.documents = 0;
    const start = performance.now();
    await workspace.analyse();
    const analysis = performance.now() - start;
    const parsed = parse.documents;
    const parseStart = performance.now();
    parseDocument(new VFile({ path: file, value: text }));
    const parseAlone = performance.now() - parseStart;
    const floorStart = performance.now();
    floor.parse(text);
    const floorAlone = performance.now() - floorStart;
    if (run === 0) continue;
    measures.languageServerMs.push(analysis);
    measures.languageServerParsed.push(parsed);
    measures.parseAloneMs.push(parseAlone);
    measures.floorAloneMs.push(floorAlone);
  }
  return measures;
}
