/**
 * The shape of a drafting rule. Like remark-lint, a rule is a small module with a stable id
 * that only reports; where findings go (and how they are printed) is not its business.
 * Each rule carries its own doc: what it checks, why, and examples that the tests execute,
 * so the docs cannot lie.
 */
import type { Root } from 'mdast';
import type { Point, Position } from 'unist';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { Severity } from '../../shared/diagnostics.js';
import type { RuleId } from '../../shared/rule-registry.js';
import type { View } from '../../shared/vocabulary.js';
import type { DocumentFacts } from '../../compiler/4-extract/document.js';
import type { Modification, RuleSet } from '../../shared/model.js';
import type { RoleIndex } from './role-index.js';
import type { RedlineVisit } from './rules/redlines.js';

/** One document as lint sees it: its file, its tree with redline nodes, its facts per view. */
export interface LintDocument {
  /** Name relative to the corpus directory, e.g. `appendix-e.md`. */
  name: string;
  file: VFile;
  /** The parsed tree with `insertion`/`deletion` nodes; undefined when the file could not be parsed. */
  tree: Root | undefined;
  facts: DocumentFacts;
  /** Modifications the corpus's plan declares (sec-text/modifications/). */
  modifications: Modification[];
  /** The projection of the tree in a view (computed once); undefined without a tree. */
  projection(view: View): Root | undefined;
}

export interface LintFinding {
  reason: string;
  place?: Position | Point | undefined;
  /** Defaults to the rule's severity. */
  severity?: Severity;
  actual?: string;
  expected?: string[];
  note?: string;
  /** A related place (the other side of a contradiction), linked like remark-lint's `cause`. */
  related?: { document: string; place: Position | Point; reason: string };
}

export interface LintContext {
  documents: readonly LintDocument[];
  /** Compiled rule sets; only given to rules with `needsRules` when compilation succeeded. */
  ruleSets: Record<View, RuleSet> | undefined;
  document(name: string): LintDocument | undefined;
  /** Reports a finding of the running rule on a document, in a view (or in both when omitted). */
  report(document: LintDocument | string, finding: LintFinding, view?: View): VFileMessage;
  /**
   * The running rule's findings on one document (in this view), found again only when one of
   * `inputs` (compared by identity: objects, or strings by value) differs from the last lint in the
   * same long-lived compile context. `inputs` must name everything the findings are made from.
   */
  kept(document: LintDocument, inputs: readonly unknown[], find: () => LintFinding[]): LintFinding[];
  /** What lint keeps in this compile context (walks of a tree several rules read). */
  memo: LintWalks;
}

/** What several rules read and lint makes once: kept in the compile context (memo.ts). */
export interface LintWalks {
  /** The redlines of each tree. */
  readonly redlines: WeakMap<Root, RedlineVisit[]>;
  /** Per facts object, per view: what cross-references resolve against in that document (xref-unresolved). */
  readonly clauseSignatures: WeakMap<object, Partial<Record<View, string>>>;
  /** The role index of a rule set. */
  roleIndex(ruleSet: RuleSet): RoleIndex;
}

/** An example in a rule's doc: edits to the MP162 corpus, and the findings they must produce. */
export interface RuleExample {
  title: string;
  /** Replace text in a document of the MP162 corpus (each `find` must occur exactly once). */
  edits?: Array<{ file: string; find: string; replace: string }>;
  /** Documents to add (or replace whole) in the corpus. */
  add?: Record<string, string>;
  /**
   * The findings of this rule the example produces, as `file:line:column` optionally followed by
   * ` [baseline]` or ` [modified]` when the finding concerns one view only, then ` — ` and the
   * full message text (as remark-lint's tests assert it). Empty: a passing example.
   */
  expect: string[];
}

export interface RuleDoc {
  /** One paragraph: what the rule checks and why it matters to a drafter. */
  description: string;
  examples: RuleExample[];
}

interface LintRuleBase {
  /** Stable id, shown with every finding and used in SARIF, JUnit and the README; its severity and summary are in the registry. */
  id: RuleId;
  doc: RuleDoc;
  /** Needs compiled rule sets (skipped when compilation failed). */
  needsRules: boolean;
}

/** A rule about what the text says: called once per projection, its findings name the view. */
export interface ViewRule extends LintRuleBase {
  views: 'each';
  /** Reports through `context.report`. */
  check(context: LintContext, view: View): void;
}

/** A rule about the redline as written: called once on the redlined tree, its findings in no view. */
export interface RedlineRule extends LintRuleBase {
  views: 'once';
  /** Reports through `context.report`. */
  check(context: LintContext): void;
}

export type LintRule = ViewRule | RedlineRule;

/** A rule the compiler itself enforces: documented and exemplified here, detected there. */
export interface CompilerRuleDoc {
  /** Its severity and summary are in the registry (src/shared/rule-registry.ts). */
  id: RuleId;
  doc: RuleDoc;
}
