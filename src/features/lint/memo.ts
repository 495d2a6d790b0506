/**
 * What lint keeps between runs in one long-lived compile context (the language server's): each
 * rule's findings on each document with the inputs they were found from, so a document whose
 * inputs are the same objects (an unchanged document keeps its tree and facts) is not linted again;
 * its findings are replayed in the same order. Also walks of a tree that several rules read.
 */
import type { Root } from 'mdast';
import type { View } from '../../shared/vocabulary.js';
import type { RedlineVisit } from './rules/redlines.js';
import type { LintFinding, LintWalks } from './types.js';
import type { RuleSet } from '../../shared/model.js';
import { roleIndex, type RoleIndex } from './role-index.js';

interface Kept {
  inputs: readonly unknown[];
  findings: LintFinding[];
}

export class LintMemo implements LintWalks {
  private last = new Map<string, Kept>();
  private current = new Map<string, Kept>();
  /** Findings replayed (hits) and found again (misses), since this context was made. */
  readonly stats = { hits: 0, misses: 0 };
  /** The redlines of each tree, walked once for every rule that reads them. */
  readonly redlines = new WeakMap<Root, RedlineVisit[]>();
  /** Per facts object, per view: what cross-references resolve against in that document (xref-unresolved). */
  readonly clauseSignatures = new WeakMap<object, Partial<Record<View, string>>>();

  /** The role index of a rule set, made once for the rules that read it. */
  roleIndex(ruleSet: RuleSet): RoleIndex {
    let index = this.roleIndexes.get(ruleSet);
    if (!index) this.roleIndexes.set(ruleSet, (index = roleIndex(ruleSet)));
    return index;
  }

  private readonly roleIndexes = new WeakMap<RuleSet, RoleIndex>();

  /** A lint run starts: what the last run kept is offered once, what this run does not ask for is dropped. */
  begin(): void {
    this.last = this.current;
    this.current = new Map();
  }

  /** The findings kept under `key` when they were found from the same inputs (by identity), else found now and kept. */
  findings(key: string, inputs: readonly unknown[], find: () => LintFinding[]): LintFinding[] {
    const known = this.current.get(key) ?? this.last.get(key);
    if (known && sameInputs(known.inputs, inputs)) {
      this.current.set(key, known);
      this.stats.hits++;
      return known.findings;
    }
    this.stats.misses++;
    const findings = find();
    this.current.set(key, { inputs, findings });
    return findings;
  }
}

function sameInputs(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((input, index) => input === b[index]);
}
