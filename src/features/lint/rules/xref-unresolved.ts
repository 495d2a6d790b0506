/**
 * `xref-unresolved`: every cross-reference resolves, in the same projection, to a clause,
 * lettered paragraph or document that exists, or to an SEC part the front matter lists as
 * `external`.
 */
import type { Clause, DocumentInfo } from '../../../shared/model.js';
import type { View } from '../../../shared/vocabulary.js';
import type { LintContext, LintDocument, LintFinding, LintRule } from '../types.js';
import { matchPlace, proseTexts, type TextHit } from '../util.js';
import { didYouMean, nearest } from '../../../shared/did-you-mean.js';

/** `Section H3.13A`, `Appendix AB`, `clause H4.2A(b)`. */
const KEYWORD = /\b(Section|Appendix|[Cc]lause)\s+([A-Z]{1,2})((?:\d+(?:\.\d+)*[A-Z]?)?)((?:\([a-z]{1,3}\))*)(?![A-Za-z0-9])/g;
/** `G5.3(a)`, `H3.13A`: a clause number on its own (at least one dot). */
const BARE = /(?<![\w./-])([A-Z]{1,2})(\d+(?:\.\d+)+[A-Z]?)((?:\([a-z]{1,3}\))*)(?![\w])/g;

interface Reference {
  kind: 'Section' | 'Appendix' | 'clause' | undefined;
  letter: string;
  number: string;
  paragraphs: string[];
  index: number;
  length: number;
  text: string;
}

/** What every reference contains (a keyword, or a part letter before a digit): a text without it has none, and is not scanned. */
const MAYBE = /Section|Appendix|[Cc]lause|[A-Z]\d/;

function references(text: string): Reference[] {
  const found: Reference[] = [];
  if (!MAYBE.test(text)) return found;
  // Every group of both patterns takes part in a match (possibly empty), so the defaults never apply.
  for (const match of text.matchAll(KEYWORD)) {
    const [whole, keyword = '', letter = '', number = '', paragraphs = ''] = match;
    const kind = keyword.toLowerCase() === 'clause' ? 'clause' : (keyword as 'Section' | 'Appendix');
    found.push({ kind, letter, number, paragraphs: labels(paragraphs), index: match.index, length: whole.length, text: whole });
  }
  for (const match of text.matchAll(BARE)) {
    if (found.some((ref) => match.index >= ref.index && match.index < ref.index + ref.length)) continue;
    const [whole, letter = '', number = '', paragraphs = ''] = match;
    found.push({ kind: undefined, letter, number, paragraphs: labels(paragraphs), index: match.index, length: whole.length, text: whole });
  }
  return found;
}

/**
 * The references of each prose text node of a tree, found once: a projected tree is the same
 * object while its document's text is, and so is its list of text nodes (util.ts), so an edit
 * re-reads only the edited document. Only the nodes with a reference are listed.
 */
const referencesOf = new WeakMap<readonly TextHit[], Array<{ hit: TextHit; refs: Reference[] }>>();

function treeReferences(hits: readonly TextHit[]): Array<{ hit: TextHit; refs: Reference[] }> {
  let found = referencesOf.get(hits);
  if (!found) {
    found = hits.flatMap((hit) => {
      const refs = references(hit.value);
      return refs.length > 0 ? [{ hit, refs }] : [];
    });
    referencesOf.set(hits, found);
  }
  return found;
}

function labels(text: string): string[] {
  return [...text.matchAll(/\(([a-z]{1,3})\)/g)].map(([, label = '']) => label);
}

export const xrefUnresolved: LintRule = {
  id: 'xref-unresolved',
  needsRules: false,
  views: 'each',
  doc: {
    description:
      'A cross-reference must point at something that exists in the same text: a clause, a lettered paragraph of it, or a document of the corpus, or an SEC part the document lists in its front matter under `external`. Both projections are checked on their own, so a reference to a clause that the redline deletes is an error in the modified text, and existing text that refers to a clause only the redline inserts is an error in the baseline text (the reference must be inserted with it).',
    examples: [
      { title: 'MP162 as drafted: every reference resolves in both views', expect: [] },
      {
        title: 'A reference to a clause that does not exist, and to a paragraph it does not have',
        edits: [
          { file: 'section-h.md', find: 'in accordance with Section H3.13. The User may send', replace: 'in accordance with Section H3.31. The User may send' },
          { file: 'section-h.md', find: '- (a) Subject to clause H4.2A(b), an MDR User', replace: '- (a) Subject to clause H4.2A(c), an MDR User' },
        ],
        expect: ['section-h.md:{Section H3.31} [modified] — Unexpected reference `Section H3.31`: there is no clause H3.31 in Section H, expected the number of an existing clause; did you mean `Section H3.13`, `Section H3.13A` or `Section H3.14`?', 'section-h.md:{clause H4.2A(c)} [modified] — Unexpected reference `clause H4.2A(c)`: clause H4.2A has no paragraph (c), expected one of (a), (b)'],
      },
      {
        title: 'Existing text refers to a clause only the redline inserts',
        edits: [{ file: 'section-h.md', find: 'until the schedule ends or is deleted.', replace: 'until the schedule ends or is deleted, subject to Section H3.13A.' }],
        expect: ['section-h.md:{subject to »Section H3.13A} [baseline] — Unexpected reference `Section H3.13A`: clause H3.13A exists only after the modification, expected existing text to refer to clauses that exist before it (insert the reference with the clause)'],
      },
    ],
  },
  check(context, view) {
    const signature = corpusSignature(context, view);
    let index: CorpusIndex | undefined;
    for (const document of context.documents) {
      const info = document.facts.info;
      const tree = document.projection(view);
      if (!tree || !info) continue;
      const find = () => unresolved(treeReferences(proseTexts(tree, document.file)), info, (index ??= corpusIndex(context.documents, view)), view);
      for (const finding of context.kept(document, [tree, info, signature], find)) context.report(document, finding);
    }
  },
};

/** What references resolve against: the corpus's documents by part and letter, and its clauses in the view and in the other. */
interface CorpusIndex {
  byPart: Map<string, LintDocument>;
  byId: Map<string, { document: LintDocument; info: DocumentInfo }>;
  clauses: Map<string, Clause>;
  otherClauses: Set<string>;
}

function corpusIndex(all: readonly LintDocument[], view: View): CorpusIndex {
  const documents = all.flatMap((document) => (document.facts.info ? [{ document, info: document.facts.info }] : []));
  const byPart = new Map(documents.map(({ document, info }) => [info.document.replace(/^SEC /, ''), document]));
  const byId = new Map(documents.map(({ document, info }) => [info.id, { document, info }]));
  const clauses = new Map<string, Clause>();
  for (const document of all) for (const clause of document.facts.views[view].clauses) if (!clauses.has(clause.id)) clauses.set(clause.id, clause);
  const other = view === 'modified' ? 'baseline' : 'modified';
  const otherClauses = new Set(all.flatMap((document) => document.facts.views[other].clauses.map((clause) => clause.id)));
  return { byPart, byId, clauses, otherClauses };
}

/**
 * Everything of every document the index is made from, as one text: while it is unchanged (and a
 * document's tree and info are), that document's findings are too. Kept per facts object.
 */
function corpusSignature(context: LintContext, view: View): string {
  const other = view === 'modified' ? 'baseline' : 'modified';
  return context.documents
    .map(({ facts }) => {
      const kept = context.memo.clauseSignatures.get(facts) ?? {};
      let signature = kept[view];
      if (signature === undefined) {
        const clauses = facts.views[view].clauses.map((clause) => [clause.id, clause.paragraphs]);
        signature = JSON.stringify([facts.info?.id, facts.info?.document, clauses, facts.views[other].clauses.map((clause) => clause.id)]);
        context.memo.clauseSignatures.set(facts, { ...kept, [view]: signature });
      }
      return signature;
    })
    .join('\n');
}

/** The findings on one document's references that do not resolve. */
function unresolved(found: ReturnType<typeof treeReferences>, info: DocumentInfo, index: CorpusIndex, view: View): LintFinding[] {
  const { byPart, byId, clauses, otherClauses } = index;
  const external = new Set(info.external ?? []);
  const findings: LintFinding[] = [];
  let suggested: string[] = [];
      for (const { hit, refs } of found) {
        for (const ref of refs) {
          if (hit.headingStart && ref.index === hit.value.search(/\S/) && ref.kind === undefined) continue; // the heading's own number
          suggested = [];
          const problem = resolve(ref);
          if (!problem) continue;
          findings.push({
            reason: `Unexpected reference \`${ref.text}\`: ${problem}`,
            place: matchPlace(hit, ref.index, ref.length),
            actual: ref.text,
            ...(suggested.length > 0 ? { expected: suggested.map((id) => ref.text.replace(`${ref.letter}${ref.number}`, id)) } : {}),
          });
        }
      }


  return findings;

      function resolve(ref: Reference): string | undefined {
        const parts = ref.kind === 'Section' || ref.kind === 'Appendix' ? [`${ref.kind} ${ref.letter}`] : [`Section ${ref.letter}`, `Appendix ${ref.letter}`];
        const isExternal = parts.some((part) => external.has(part));
        if (ref.number === '') {
          if (ref.kind === 'clause') return undefined;
          if (byPart.has(parts[0] ?? '') || isExternal) return undefined;
          return `there is no ${parts[0]} in this text, expected a document of the corpus or a part listed under \`external\` in the front matter (${[...external].join(', ') || 'none listed'})`;
        }
        const id = `${ref.letter}${ref.number}`;
        const owner = byId.get(ref.letter);
        if (!owner) {
          if (isExternal) return undefined;
          return `clause ${id} belongs to ${parts.join(' or ')}, which is neither in this text nor listed under \`external\` in the front matter`;
        }
        const clause = clauses.get(id);
        if (!clause) {
          if (!otherClauses.has(id)) {
            // Same part only: `A…` must not suggest `AB2.1`.
            const sameDocument = [...clauses.keys()].filter(
              (known) => known.startsWith(ref.letter) && /^\d/.test(known.slice(ref.letter.length)),
            );
            const near = nearest(id, sameDocument);
            suggested = near;
            return `there is no clause ${id} in ${owner.info.document.replace(/^SEC /, '')}, expected the number of an existing clause${didYouMean(near.map((meant) => ref.text.replace(id, meant)))}`;
          }
          return view === 'modified'
            ? `clause ${id} does not exist after the modification (the redline deletes or renumbers it), expected a clause of the modified text`
            : `clause ${id} exists only after the modification, expected existing text to refer to clauses that exist before it (insert the reference with the clause)`;
        }
        const missing = ref.paragraphs.slice(0, 1).filter((label) => !clause.paragraphs.includes(label));
        if (missing.length > 0) {
          return `clause ${id} has no paragraph (${missing[0]}), expected one of ${clause.paragraphs.map((label) => `(${label})`).join(', ') || 'none: it has no lettered paragraphs'}`;
        }
        return undefined;
      }
}
