/**
 * `secc lint`: the drafting rules. Each rule is one module in src/features/lint/rules/ with a stable id and
 * its own doc; this registry lists them. Findings are vfile messages on the documents' own vfiles
 * (as remark-lint attaches them to the file it lints), next to the compiler's diagnostics.
 * Rules that need compiled rule sets are skipped when compilation failed; tree rules still run.
 */
import type { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import type { CompileResult } from '../../compiler/driver.js';
import { mergeAcrossViews, report } from '../../shared/diagnostics.js';
import { ruleEntry, type RuleId } from '../../shared/rule-registry.js';
import type { View } from '../../shared/vocabulary.js';
import type { CompiledVersion } from '../../compiler/versions.js';
import { versionSlot } from './version.js';
import { clauseOrder } from './rules/clause-order.js';
import { clauseRenumbered } from './rules/clause-renumbered.js';
import { dccScheduledTrt, onDemandTrt } from './rules/request-mode.js';
import { redlineReinsertIdentical } from './rules/redline-reinsert-identical.js';
import { redlineUnattributed } from './rules/redline-unattributed.js';
import { trtCoverage } from './rules/trt-coverage.js';
import { trtScope } from './rules/trt-scope.js';
import { userRoleUndefined } from './rules/user-role-undefined.js';
import { userRoleUnused } from './rules/user-role-unused.js';
import { xrefUnresolved } from './rules/xref-unresolved.js';
import type { LintContext, LintDocument, LintFinding, LintRule, RuleDoc } from './types.js';
import { COMPILER_RULES } from './compiler-rules/index.js';
import { LintMemo } from './memo.js';
import type { RuleMetadata } from '../report/options.js';

export type { LintRule, ViewRule, RedlineRule, LintContext, LintDocument, RuleDoc, RuleExample, CompilerRuleDoc } from './types.js';
export { COMPILER_RULES };

/** The registry: add a rule by adding it here. Order is the order of the README's list. */
export const LINT_RULES: readonly LintRule[] = [
  trtCoverage,
  trtScope,
  dccScheduledTrt,
  onDemandTrt,
  userRoleUndefined,
  userRoleUnused,
  xrefUnresolved,
  clauseOrder,
  clauseRenumbered,
  redlineReinsertIdentical,
  redlineUnattributed,
];

export interface LintOptions {
  /** Only these rule ids (default: all). */
  rules?: readonly string[];
  /** One version of the text to lint (`--view`, `--as-at`, `--modification`); default: both views. */
  version?: CompiledVersion;
}

/**
 * Runs the drafting rules over a compile result. Findings are added to the documents' vfiles
 * (`result.files`); returns the vfiles that received lint findings.
 */
export function lint(result: CompileResult, options: LintOptions = {}): VFile[] {
  // The compile result carries each view's tree, projected once: lint reads it, never projects again.
  const documents: LintDocument[] = result.parsed.map((parsed) => ({
    name: parsed.doc.name,
    file: parsed.doc.file,
    tree: parsed.tree,
    facts: parsed.facts,
    modifications: result.plan.modifications,
    projection: (view) => parsed.projections[view],
  }));
  const slot = versionSlot(documents, result.ruleSets, options.version);
  const memo = result.context.steps.of(LintMemo);
  memo.begin();
  const byName = new Map(slot.documents.map((document) => [document.name, document]));
  const touched = new Set<VFile>();
  const rules = LINT_RULES.filter((rule) => !options.rules || options.rules.includes(rule.id));
  for (const rule of rules) {
    if (rule.needsRules && (!result.ok || !result.ruleSets)) continue;
    const makeContext = (view: View | undefined): LintContext => ({
      documents: slot.documents,
      ruleSets: rule.needsRules ? slot.ruleSets : undefined,
      document: (name) => byName.get(name),
      report(target, finding, findingView = view) {
        const document = typeof target === 'string' ? byName.get(target) : target;
        if (!document) throw new Error(`lint rule ${rule.id} reported on ${String(target)}, which is not a document of the corpus`);
        touched.add(document.file);
        return emit(document.file, rule, finding, findingView, slot.label);
      },
      kept: (document, inputs, find) => memo.findings(`${rule.id}\u0000${view ?? ''}\u0000${document.name}`, inputs, find),
      memo,
    });
    if (rule.views === 'each') for (const view of slot.views) runGuarded(() => rule.check(makeContext(view), view));
    else runGuarded(() => rule.check(makeContext(undefined)));
  }
  for (const file of touched) mergeAcrossViews(file);
  return [...touched];
}

/** A tree too deep for a rule: the parser has reported it; never a stack overflow. */
function runGuarded(check: () => void): void {
  try {
    check();
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
  }
}

function emit(file: VFile, rule: LintRule, finding: LintFinding, view: View | undefined, label: string | undefined): VFileMessage {
  let cause: VFileMessage | undefined;
  if (finding.related) {
    cause = new VFileMessage(finding.related.reason, { place: finding.related.place, ruleId: rule.id, source: 'sec-rules' });
    cause.file = finding.related.document;
  }
  // A finding in a version other than the named views says so in words (its slot is `modified`).
  const ofVersion = label !== undefined && view !== undefined;
  return report(file, ofVersion ? `${finding.reason} (in ${label})` : finding.reason, {
    ruleId: rule.id,
    place: finding.place,
    severity: finding.severity ?? ruleEntry(rule.id).severity,
    actual: finding.actual,
    expected: finding.expected,
    note: finding.note,
    view: ofVersion ? undefined : view,
    cause,
  });
}

/** Every rule `secc lint` and `secc check` can report (drafting and compiler rules), as reporters describe rules. */
export function ruleMetadata(options: { homepage?: string } = {}): RuleMetadata[] {
  return [...LINT_RULES, ...COMPILER_RULES].map((rule) => ({
    id: rule.id,
    ...ruleEntry(rule.id),
    description: rule.doc.description,
    help: helpMarkdown(rule.id, rule.doc),
    ...(options.homepage ? { helpUri: `${options.homepage.replace(/#.*$/, '')}#rule-${rule.id}` } : {}),
  }));
}

/** A rule's doc and examples as Markdown (SARIF's `help`, what `secc explain` prints as text). */
export function helpMarkdown(id: RuleId, doc: RuleDoc): string {
  const { severity, summary } = ruleEntry(id);
  const examples = doc.examples.map((example) => {
    const edits = (example.edits ?? []).map((edit) => `  - in \`${edit.file}\`: \`${edit.find}\` → \`${edit.replace}\``);
    const found = example.expect.length === 0 ? ['  - no finding'] : example.expect.map((entry) => `  - finds \`${entry}\``);
    return [`- ${example.title}`, ...edits, ...found].join('\n');
  });
  return [
    `**${id}** (${severity}): ${summary}`,
    '',
    doc.description,
    ...(examples.length > 0 ? ['', '**Examples**', '', ...examples] : []),
    '',
    `Run \`secc explain ${id}\` for this text in a terminal.`,
  ].join('\n');
}
