/**
 * Stage 5, link. Takes: every document's facts (stage 4) and a view. Returns: that view's
 * `RuleSet`. This is where a role name in an Appendix E header becomes the identifier Section H
 * defines, and where "Eligible User Roles" in Appendix AB expands to the roles Appendix E makes
 * eligible. Small passes, each returning its entries and reporting its own findings: the
 * document passes, then each table kind's link (in registry order), then clauses and rules.
 */
import { didYouMean, nearest } from '../../shared/did-you-mean.js';
import type { VFile } from 'vfile';
import { report, type ReportOptions } from '../../shared/diagnostics.js';
import type { DocumentFacts } from '../4-extract/document.js';
import { TABLE_KINDS, type Facts, type LinkedTables, type TableKind } from '../4-extract/tables.js';
import { compareSrRefs } from '../4-extract/text.js';
import { MODES, type View } from '../../shared/vocabulary.js';
import type { ClauseRule, DocumentInfo, Modification, RuleSet, Source, UserRole } from '../../shared/model.js';
import { ROLE_LINK_RULES } from '../4-extract/tables/roles.js';
import { SERVICE_LINK_RULES } from '../4-extract/tables/services.js';
import { TRT_LINK_RULES } from '../4-extract/tables/trt.js';
import { compareText } from '../../shared/order.js';
import type { KeptReport, LinkMemo } from './link-memo.js';

export const LINK_RULES = {
  documentDuplicate: 'document-duplicate',
  ...ROLE_LINK_RULES,
  ...SERVICE_LINK_RULES,
  ...TRT_LINK_RULES,
  clauseDuplicate: 'clause-duplicate',
  ruleDuplicate: 'rule-duplicate-id',
} as const;

/** Fields of clause rules that hold User Role identifiers. */
const ROLE_FIELDS = ['role', 'roles', 'partyRoles', 'mustUseRole', 'as', 'exemptWhenAlreadyAssessedAs'] as const;

/** What every pass reads: the documents (with this view's facts) and how to report on one of them. */
interface Pass {
  view: View;
  documents: readonly DocumentFacts[];
  report(document: string, reason: string, options: Omit<ReportOptions, 'view'>): void;
}

const at = (source: Source): { line: number; column: number } => ({ line: source.line, column: source.column });
const TOP = { line: 1, column: 1 };

/** What linking needs besides the documents' facts: their files, the declared modifications, the table kinds. */
export interface LinkInput {
  files: ReadonlyMap<string, VFile>;
  /** The modifications the plan declares (sec-text/modifications/), recorded in every rule set. */
  modifications: readonly Modification[];
  kinds?: readonly TableKind[];
  /** Linking kept between compilations (the compile context's): unchanged parts are not linked again. */
  memo?: LinkMemo;
}

export function link(
  documents: readonly DocumentFacts[],
  view: View,
  { files, modifications, kinds = TABLE_KINDS, memo }: LinkInput,
): RuleSet {
  const pass: Pass = {
    view,
    // With a memo, each document's lists are the objects it had when they were equal (link-memo.ts).
    documents: memo
      ? documents.map((document) => ({ ...document, views: { ...document.views, [view]: memo.facts(document, view) } }))
      : documents,
    report(document, reason, options) {
      const file = files.get(document);
      if (file) report(file, reason, { ...options, view });
    },
  };
  const part = keptPart(pass, memo);
  const infos = linkDocuments(pass);
  const tables = linkTables(pass, kinds, part, memo);
  const clauses = part('clauses', [part.lists('clauses')], () => linkClauses(pass));
  const clauseRules = part('clause-rules', [part.lists('clauseRules'), part.ids(tables.userRoles)], () =>
    linkClauseRules(pass, tables.userRoles),
  );
  const footnotes = part('footnotes', [part.lists('footnotes')], () =>
    pass.documents.flatMap((document) => document.views[view].footnotes),
  );
  const sorted = part('sorted', [part.ids(tables.userRoles, tables.serviceRequests, tables.eligibility, tables.trt)], () =>
    sortedTables(tables),
  );
  return {
    view,
    modifications: [...modifications].sort((a, b) => compareText(a.id, b.id)),
    documents: infos,
    ...sorted,
    clauses,
    clauseRules,
    footnotes,
  };
}

/** A part of linking, kept by the memo under its name, the view and its inputs' signature (made each time without a memo). */
interface PartRunner {
  <T>(name: string, inputs: readonly string[], make: () => T): T;
  /** The identities of objects, as a signature's part. */
  ids(...values: object[]): string;
  /** Each document's name and the identity of one of its facts lists, as a signature's part. */
  lists(field: string): string;
}

function keptPart(pass: Pass, memo: LinkMemo | undefined): PartRunner {
  const run = <T>(name: string, inputs: readonly string[], make: () => T): T => {
    if (!memo) return make();
    const report = pass.report;
    const replay = (entry: KeptReport) => report(entry.document, entry.reason, entry.options);
    return memo.part(`${name}|${pass.view}|${inputs.join('|')}`, replay, (record) => {
      pass.report = (document, reason, options) => record({ document, reason, options });
      try {
        return make();
      } finally {
        pass.report = report;
      }
    });
  };
  // An empty list is named by its emptiness: each link starts its tables with new empty arrays.
  const idOf = (value: object): string => (Array.isArray(value) && value.length === 0 ? 'empty' : String(memo?.id(value)));
  const ids = (...values: object[]): string => (memo ? values.map(idOf).join(',') : '');
  const lists = (field: string): string => {
    if (!memo) return '';
    return pass.documents
      .map((document) => {
        const list = (document.views[pass.view] as unknown as Record<string, unknown>)[field];
        return `${document.name}:${typeof list === 'object' && list !== null ? memo.id(list) : '-'}`;
      })
      .join(',');
  };
  return Object.assign(run, { ids, lists });
}

function linkDocuments(pass: Pass): DocumentInfo[] {
  const documentIds = new Map<string, string>();
  for (const document of pass.documents) {
    if (!document.info) continue;
    const other = documentIds.get(document.info.id);
    if (other) {
      pass.report(document.name, `Unexpected document id \`${document.info.id}\`, expected it to differ from ${other}'s`, {
        ruleId: LINK_RULES.documentDuplicate,
        place: TOP,
      });
    }
    documentIds.set(document.info.id, document.name);
  }
  return pass.documents.flatMap((document) => (document.info ? [document.info] : []));
}

/**
 * Each table kind links its own facts, in registry order, seeing what the kinds before it gave.
 * With a memo, a kind is linked again only when its facts (its own lists, as `empty()` names
 * them, and the clause rules) or the earlier kinds' entries changed, and its new entries that equal
 * earlier ones are those objects.
 */
function linkTables(pass: Pass, kinds: readonly TableKind[], part: PartRunner, memo: LinkMemo | undefined): LinkedTables {
  const linked: LinkedTables = { userRoles: [], serviceRequests: [], eligibility: [], trt: [] };
  const clauseRules = pass.documents.flatMap((document) => document.views[pass.view].clauseRules);
  for (const kind of kinds) {
    const documents = pass.documents.map((document) => ({ name: document.name, facts: document.views[pass.view] as unknown as Facts }));
    const inputs = memo
      ? [
          kind.name,
          part.ids(kind),
          ...Object.keys(kind.empty()).map((field) => part.lists(field)),
          part.lists('clauseRules'),
          part.ids(linked.userRoles, linked.serviceRequests, linked.eligibility, linked.trt),
        ]
      : [];
    const own = part(`kind`, inputs, () => {
      const made = kind.link({ view: pass.view, documents, clauseRules, report: pass.report }, linked);
      return memo ? keptEntries(memo, kind.name, made) : made;
    });
    Object.assign(linked, own);
  }
  return linked;
}

/** A kind's new entries, each the earlier object when equal, in the earlier array when all are. */
function keptEntries(memo: LinkMemo, kind: string, made: Partial<LinkedTables>): Partial<LinkedTables> {
  const out: Partial<LinkedTables> = {};
  for (const [section, entries] of Object.entries(made) as Array<[keyof LinkedTables, Array<{ source: Source }>]>) {
    (out as Record<string, unknown>)[section] = memo.sameArray(`${kind}\u0000${section}`, memo.entriesOf(entries));
  }
  return out;
}

/** Stable output order: SRs by reference; eligibility and TRTs by SR, then role order, then generation and mode. */
function sortedTables(tables: LinkedTables): LinkedTables {
  const roleOrder = new Map(tables.userRoles.map((role, index) => [role.id, index]));
  const srOrder = srRanks([
    ...tables.serviceRequests.map((sr) => sr.ref),
    ...tables.eligibility.map((entry) => entry.sr),
    ...tables.trt.map((entry) => entry.sr),
  ]);
  const bySr = (a: string, b: string): number => (srOrder.get(a) ?? 0) - (srOrder.get(b) ?? 0);
  const bySrThenRole = (a: { sr: string; role: string }, b: { sr: string; role: string }): number =>
    bySr(a.sr, b.sr) || (roleOrder.get(a.role) ?? 0) - (roleOrder.get(b.role) ?? 0);
  return {
    userRoles: tables.userRoles,
    serviceRequests: [...tables.serviceRequests].sort((a, b) => bySr(a.ref, b.ref)),
    eligibility: [...tables.eligibility].sort(bySrThenRole),
    trt: [...tables.trt].sort((a, b) => bySrThenRole(a, b) || b.smets - a.smets || MODES.indexOf(a.mode) - MODES.indexOf(b.mode)),
  };
}

/** Each SR reference's rank in reference order (equal references share one): sorting compares numbers, not parsed references. */
function srRanks(refs: readonly string[]): Map<string, number> {
  const unique = [...new Set(refs)].sort(compareSrRefs);
  const ranks = new Map<string, number>();
  let rank = 0;
  unique.forEach((ref, index) => {
    if (index > 0 && compareSrRefs(unique[index - 1] as string, ref) !== 0) rank++;
    ranks.set(ref, rank);
  });
  return ranks;
}

const byPlace = (a: { source: Source }, b: { source: Source }): number =>
  compareText(a.source.file, b.source.file) || a.source.line - b.source.line || a.source.column - b.source.column;

function linkClauses(pass: Pass): RuleSet['clauses'] {
  const clauses = pass.documents.flatMap((document) => document.views[pass.view].clauses);
  const clauseFile = new Map<string, string>();
  for (const clause of clauses) {
    const other = clauseFile.get(clause.id);
    if (other && other !== clause.file) {
      pass.report(clause.file, `Unexpected clause ${clause.id}, also in ${other}, expected clause numbers unique across documents`, {
        ruleId: LINK_RULES.clauseDuplicate,
        place: at(clause.source),
      });
    }
    clauseFile.set(clause.id, clause.file);
  }
  return [...clauses].sort(byPlace);
}

function linkClauseRules(pass: Pass, userRoles: readonly UserRole[]): ClauseRule[] {
  const clauseRules = pass.documents.flatMap((document) => document.views[pass.view].clauseRules);
  const ruleIds = new Map<string, ClauseRule>();
  for (const rule of clauseRules) {
    const first = ruleIds.get(rule.id);
    if (first) {
      pass.report(
        rule.source.file,
        `Unexpected second rule \`${rule.id}\`, expected rule ids unique (first in ${first.source.file}:${first.source.line})`,
        {
          ruleId: LINK_RULES.ruleDuplicate,
          place: at(rule.source),
        },
      );
    }
    ruleIds.set(rule.id, rule);
    reportUnknownRoles(pass, rule, userRoles);
  }
  return [...clauseRules].sort(byPlace);
}

function reportUnknownRoles(pass: Pass, rule: ClauseRule, userRoles: readonly UserRole[]): void {
  if (userRoles.length === 0) return;
  const known = userRoles.map((role) => role.id);
  const fields = new Map<string, unknown>(Object.entries(rule));
  for (const field of ROLE_FIELDS) {
    const value = fields.get(field);
    const ids = Array.isArray(value) ? value : typeof value === 'string' && value !== 'all' ? [value] : [];
    for (const id of ids as string[]) {
      if (known.includes(id)) continue;
      pass.report(
        rule.source.file,
        `Unexpected User Role \`${id}\` in rule \`${rule.id}\` (${field}), expected an identifier from the User Roles table${didYouMean(nearest(id, known))}`,
        {
          ruleId: LINK_RULES.roleUnknown,
          place: at(rule.source),
          actual: id,
          expected: nearest(id, known).length > 0 ? nearest(id, known) : known,
        },
      );
    }
  }
}
