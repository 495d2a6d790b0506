/**
 * Rule blocks the compiler would otherwise never see. A rule block is read only as a fenced
 * block with language `rule` at the top level of its clause; anything else that holds a rule is
 * reported, so that a misspelt fence (```Rule, ```yaml) or an indented block cannot silently
 * delete a rule from rules/ and generated/:
 * - a fence whose language is a variant of `rule`, or whose content reads like a rule (`kind:`
 *   with `id:`, `clause:` or `fingerprint:`), at the top level: `rule-block-unrecognised`;
 * - a rule block (or rule-like block) inside a list, block quote, footnote or HTML block:
 *   `rule-block-nested`.
 */
import type { Code, Nodes, Root } from 'mdast';
import type { VFile } from 'vfile';
import { report } from '../../shared/diagnostics.js';
import type { View } from '../../shared/vocabulary.js';
import type { ExtractionMemo } from './extraction-memo.js';

export const STRAY_RULE_BLOCK_RULES = { unrecognised: 'rule-block-unrecognised', nested: 'rule-block-nested' } as const;

const RULE_LANGUAGE = /^rules?$/i;
const YAML_KIND = /^\s*["']?kind["']?\s*:/m;
/** A fence of a rule (or rule-like) block written inside an HTML block, which the parser reads as HTML. */
const RULE_FENCE_IN_HTML = /^ {0,3}(`{3,}|~{3,})\s*rules?\b/im;
const YAML_ANCHOR = /^\s*["']?(id|clause|fingerprint)["']?\s*:/m;

/** True for a block that is a rule block in all but its fence. */
export function looksLikeRuleBlock(node: Code): boolean {
  const language = (node.lang ?? '').trim();
  if (RULE_LANGUAGE.test(language)) return true;
  return YAML_KIND.test(node.value) && YAML_ANCHOR.test(node.value);
}

/** With a memo, the code blocks nested in an unchanged block are found once. */
export function reportStrayRuleBlocks(tree: Root, context: { file: VFile; view: View }, memo?: ExtractionMemo): void {
  const nestedOf = (node: Nodes): Code[] => (memo ? memo.nestedCode(node, (block) => nestedCode(block)) : nestedCode(node));
  for (const node of tree.children) {
    if (node.type === 'code') {
      if (node.lang !== 'rule' && looksLikeRuleBlock(node)) reportUnrecognised(node, context);
      continue;
    }
    if (node.type === 'html' && RULE_FENCE_IN_HTML.test(node.value)) {
      report(
        context.file,
        'Unexpected rule block inside an HTML block, expected it at the top level right under its clause heading, with blank lines around it; it is not read as a rule',
        { ruleId: STRAY_RULE_BLOCK_RULES.nested, place: node.position, view: context.view },
      );
      continue;
    }
    for (const nested of nestedOf(node)) {
      if (nested.lang === 'rule' || looksLikeRuleBlock(nested)) {
        report(
          context.file,
          'Unexpected rule block inside a list, block quote or footnote, expected it at the top level right under its clause heading; it is not read as a rule',
          { ruleId: STRAY_RULE_BLOCK_RULES.nested, place: nested.position, view: context.view },
        );
      }
    }
  }
}

function reportUnrecognised(node: Code, context: { file: VFile; view: View }): void {
  const fence = node.lang ? `\`\`\`${node.lang}` : 'fenced or indented block without a language';
  report(
    context.file,
    `Unexpected ${fence} that reads like a rule block, expected the fence \`\`\`rule (lower case) so the rule is compiled; as written it is not read as a rule`,
    { ruleId: STRAY_RULE_BLOCK_RULES.unrecognised, place: node.position, view: context.view, actual: node.lang ?? '' },
  );
}

/** The code blocks under a node, in order (one list, not one per node: this runs over every table cell). */
function nestedCode(node: Nodes, found: Code[] = []): Code[] {
  if (!('children' in node)) return found;
  for (const child of node.children as Nodes[]) {
    if (child.type === 'code') found.push(child);
    else nestedCode(child, found);
  }
  return found;
}
