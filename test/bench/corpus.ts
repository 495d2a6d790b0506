/**
 * A deterministic, seeded generator of an SEC-scale redlined corpus, in the project's own
 * conventions (README "Document conventions"), for the benchmark (`npm run bench`) and its tests.
 *
 * What it writes (defaults): 60 documents, over 5 MB:
 * - section-h.md: the User Roles table, with the Meter Data Retriever row inserted by MP162;
 * - appendix-e.md: services tables for 360 Service Requests across service groups, one column per
 *   User Role, the Meter Data Retriever column inserted, rows inserted and deleted, cells replaced;
 * - appendix-ab.md: Target Response Time tables for every SR (Eligible User Roles columns plus the
 *   inserted Meter Data Retriever columns), redlined cells and rows matching Appendix E, footnotes;
 * - 57 further Sections and Appendices of numbered clauses: prose with inline redlines,
 *   lettered paragraphs, cross-references, prose tables with inserted rows and columns, whole
 *   clauses inserted and deleted, and literate rule blocks (redlined where their clause changes).
 *
 * Rule-block fingerprints are not computed here: every block is written with a placeholder and
 * then given the fingerprint the project's own extraction expects, exactly as
 * `secc fingerprint --write` does (planFingerprintUpdates / applyFingerprintUpdates).
 *
 * Run: `npx tsx test/bench/corpus.ts --out DIR [--seed N] [--documents N] [--srs N]`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createCompileContext, type CompileContext } from '../../src/compiler/context.js';
import { extractDocument } from '../../src/compiler/document-driver.js';
import { applyFingerprintUpdates, planFingerprintUpdates } from '../../src/features/fingerprint/record.js';
import { corpusFromStrings } from '../../src/compiler/1-read/read.js';
import { MODIFICATIONS_DIR } from '../../src/compiler/1-read/plan.js';
import { RELEASE_PLAN_FILE } from '../../src/compiler/1-read/release-plan.js';
import { declareIntents } from './corpus/intents.js';
import { DEFAULTS, type Corpus, type CorpusOptions } from './corpus/options.js';
import { type ClauseRef, proseDocument, sectionH } from './corpus/prose.js';
import { appendixAB, appendixE, serviceRequests } from './corpus/services.js';
import { Random } from './corpus/vocabulary.js';
import { type DocumentPlan, type Writer, frontMatter, furtherDocuments, planTexts } from './corpus/writer.js';

export { DEFAULTS, type Corpus, type CorpusOptions } from './corpus/options.js';

/** Generates the corpus in memory; same options, same bytes. */
export function generateCorpus(input: CorpusOptions = {}): Corpus {
  const options = { ...DEFAULTS, ...input };
  if (options.documents < 4) throw new Error('a corpus needs at least 4 documents');
  const random = new Random(options.seed);
  const further = furtherDocuments(options.documents - 3);
  const scopes = [
    'Section H',
    ...further.filter((plan) => plan.document.includes('Section')).map((plan) => plan.document.replace('SEC ', '')),
  ];
  const stable: ClauseRef[] = [];
  const srs = serviceRequests(random, options.serviceRequests);
  const written: Array<{ plan: DocumentPlan; writer: Writer }> = [];
  written.push({
    plan: { file: 'section-h.md', document: 'SEC Section H', id: 'H', title: 'DCC Services' },
    writer: sectionH(random, options, stable, scopes),
  });
  written.push({
    plan: { file: 'appendix-e.md', document: 'SEC Appendix E', id: 'E', title: 'DCC User Interface Services Schedule' },
    writer: appendixE(random, srs),
  });
  written.push({
    plan: { file: 'appendix-ab.md', document: 'SEC Appendix AB', id: 'AB', title: 'Service Request Processing Document' },
    writer: appendixAB(random, srs),
  });
  for (const plan of further) written.push({ plan, writer: proseDocument(plan, options, random, stable, scopes) });

  const files: Record<string, string> = {};
  const stats = { documents: 0, bytes: 0, serviceRequests: srs.length, clauses: 0, ruleBlocks: 0, redlines: 0 };
  const context = createCompileContext();
  const used = new Set<string>();
  for (const { plan, writer } of written) {
    for (const id of writer.used) used.add(id);
    const text = frontMatter(plan, []) + '\n' + writer.text();
    files[plan.file] = writer.ruleBlocks > 0 && options.recordReviews ? recordReviews(plan.file, text, context) : text;
    stats.documents++;
    stats.clauses += writer.clauses;
    stats.ruleBlocks += writer.ruleBlocks;
    stats.redlines += writer.redlines;
  }
  stats.bytes = Object.values(files).reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  return { files, plan: planTexts(used), stats };
}

/** Gives each rule block the fingerprint of its clause, as `secc fingerprint --write` does. */
function recordReviews(name: string, text: string, context: CompileContext): string {
  const [doc] = corpusFromStrings({ [name]: text });
  extractDocument(doc!, context);
  const plan = planFingerprintUpdates([doc!.file]);
  if (plan.conflicts.length > 0)
    throw new Error(
      `generator bug: ${name} has rule blocks needing two fingerprints (lines ${plan.conflicts.map((c) => c.line).join(', ')})`,
    );
  return applyFingerprintUpdates(text, plan.updates);
}

/** Writes the corpus to `dir` (created if needed). */
export async function writeCorpus(dir: string, corpus: Corpus): Promise<void> {
  await mkdir(dir, { recursive: true });
  await mkdir(path.join(dir, MODIFICATIONS_DIR), { recursive: true });
  const planFiles = Object.entries(corpus.plan.manifests).map(([name, text]) => [path.join(MODIFICATIONS_DIR, name), text] as const);
  if (corpus.plan.releases !== undefined) planFiles.push([RELEASE_PLAN_FILE, corpus.plan.releases]);
  const all = [...Object.entries(corpus.files), ...planFiles];
  await Promise.all(all.map(([name, text]) => writeFile(path.join(dir, name), text, 'utf8')));
}

/**
 * A one-cell edit for the incremental benchmark: the first unredlined `30 secs` TRT cell in
 * Appendix AB becomes `31 secs`. Returns the new text (throws if there is no such cell).
 */
export function editOneCell(text: string): string {
  const match = /^\| \d+\.\d+(?:\.\d+)? \|(?: [^|]*\|)*? 30 secs \|/m.exec(text);
  if (!match) throw new Error('no unredlined `30 secs` cell to edit');
  const at = match.index + match[0].lastIndexOf(' 30 secs |');
  return `${text.slice(0, at)} 31 secs |${text.slice(at + ' 30 secs |'.length)}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { out: { type: 'string' }, seed: { type: 'string' }, documents: { type: 'string' }, srs: { type: 'string' } },
  });
  if (!values.out) throw new Error('usage: tsx test/bench/corpus.ts --out DIR [--seed N] [--documents N] [--srs N]');
  const corpus = await declareIntents(
    generateCorpus({
      ...(values.seed ? { seed: Number(values.seed) } : {}),
      ...(values.documents ? { documents: Number(values.documents) } : {}),
      ...(values.srs ? { serviceRequests: Number(values.srs) } : {}),
    }),
  );
  await writeCorpus(values.out, corpus);
  process.stdout.write(`${JSON.stringify(corpus.stats)}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
