/**
 * Literate rule blocks: ```rule fences of YAML under the clause whose text states the rule.
 * Each records the fingerprint of the clause text it was reviewed against. The guard fails when
 * the clause text changed, when the clause was emptied, when the block names another clause or
 * none, and when the YAML does not parse or does not fit its schema.
 */
import type { Code } from 'mdast';
import type { VFile } from 'vfile';
import { report } from '../../shared/diagnostics.js';
import type { View } from '../../shared/vocabulary.js';
import { parseYamlNode } from '../2-parse/frontmatter.js';
import type { ClauseRule } from '../../shared/model.js';
import { describeErrors, type Schemas } from '../../shared/schemas.js';
import type { ClauseSection } from './outline.js';
import { sourceOf } from './text.js';

export const RULE_BLOCK_RULES = {
  yaml: 'rule-yaml',
  schema: 'rule-schema',
  clauseMissing: 'rule-clause-missing',
  clauseMismatch: 'rule-clause-mismatch',
  clauseEmpty: 'rule-clause-empty',
  stale: 'rule-fingerprint-stale',
  outsideClause: 'rule-outside-clause',
} as const;

interface Context {
  file: VFile;
  name: string;
  view: View;
  schemas: Schemas;
}

export function readRuleBlocks(section: ClauseSection, context: Context): ClauseRule[] {
  const rules: ClauseRule[] = [];
  for (const block of section.ruleBlocks) {
    const rule = readRuleBlock(block, section, context);
    if (rule) rules.push(rule);
  }
  return rules;
}

export function reportOrphanRuleBlocks(blocks: readonly Code[], context: Context): void {
  for (const block of blocks) {
    report(
      context.file,
      'Unexpected rule block before any numbered clause, expected it right under the clause whose text states the rule',
      {
        ruleId: RULE_BLOCK_RULES.outsideClause,
        place: block.position,
        view: context.view,
      },
    );
  }
}

function readRuleBlock(block: Code, section: ClauseSection, context: Context): ClauseRule | undefined {
  const { file, view } = context;
  const clause = section.clause;
  const data = parseYamlNode(block, file, RULE_BLOCK_RULES.yaml, 1);
  if (data === undefined) return undefined;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    report(
      file,
      `Unexpected rule block content under ${clause.id}, expected a YAML mapping with \`id\`, \`clause\`, \`fingerprint\` and \`kind\``,
      {
        ruleId: RULE_BLOCK_RULES.yaml,
        place: block.position,
        view,
      },
    );
    return undefined;
  }
  const fields = data as Record<string, unknown>;
  const label = typeof fields.id === 'string' ? `Rule \`${fields.id}\`` : `A rule block under ${clause.id}`;
  let ok = true;
  if ('source' in fields) {
    report(file, `${label} has a \`source\` field, expected none: the compiler records where each rule comes from`, {
      ruleId: RULE_BLOCK_RULES.schema,
      place: block.position,
      view,
    });
    ok = false;
  }
  if (fields.clause === undefined) {
    report(file, `${label} does not name its clause, expected \`clause: ${clause.id}\``, {
      ruleId: RULE_BLOCK_RULES.clauseMissing,
      place: block.position,
      view,
      expected: [clause.id],
    });
    ok = false;
  } else if (fields.clause !== clause.id) {
    report(file, `${label} names clause \`${String(fields.clause)}\`, expected \`${clause.id}\`, the clause it sits under`, {
      ruleId: RULE_BLOCK_RULES.clauseMismatch,
      place: block.position,
      view,
      actual: String(fields.clause),
      expected: [clause.id],
    });
    ok = false;
  }
  if (section.bodyText === '') {
    report(file, `${label} rests on clause ${clause.id}, which has no text, expected the clause to state the rule`, {
      ruleId: RULE_BLOCK_RULES.clauseEmpty,
      place: block.position,
      view,
    });
    ok = false;
  } else if (fields.fingerprint !== clause.fingerprint) {
    report(
      file,
      `${label} was reviewed against other text of clause ${clause.id}, expected its fingerprint to be \`${clause.fingerprint}\` after review`,
      {
        ruleId: RULE_BLOCK_RULES.stale,
        place: block.position,
        view,
        actual: String(fields.fingerprint),
        expected: [clause.fingerprint],
        note: 'The clause text changed since the rule was reviewed. Check that the rule still says what the clause says, then run `secc fingerprint --write` to record the review.',
      },
    );
    ok = false;
  }
  const rule = { ...fields, source: sourceOf(context.name, block.position, { clause: clause.id }) };
  const validate = context.schemas.validator('clause-rule.schema.json');
  if (!validate(rule)) {
    for (const line of schemaProblems(fields, validate.errors, context.schemas)) {
      report(file, `${label} does not fit its kind: ${line}`, { ruleId: RULE_BLOCK_RULES.schema, place: block.position, view });
    }
    return undefined;
  }
  return ok ? (rule as ClauseRule) : undefined;
}

/** oneOf errors are noisy; keep the errors of the branch whose `kind` matches. */
function schemaProblems(fields: Record<string, unknown>, errors: Parameters<typeof describeErrors>[0], schemas: Schemas): string[] {
  const kinds = kindNames(schemas);
  if (typeof fields.kind !== 'string' || !kinds.has(fields.kind)) {
    return [`/kind: must be one of ${[...kinds.keys()].join(', ')}`];
  }
  const branch = kinds.get(fields.kind);
  const validate = schemas.validator(`clause-rule.schema.json#/$defs/${branch ?? ''}`);
  validate({ ...fields, source: { file: 'x.md', line: 1, column: 1, endLine: 1, endColumn: 1 } });
  const own = describeErrors(validate.errors);
  return own.length > 0 ? own : describeErrors(errors);
}

/** kind value → $defs name, read from the schema itself (only on the error path). */
function kindNames(schemas: Schemas): Map<string, string> {
  const kinds = new Map<string, string>();
  const schema = schemas.validator('clause-rule.schema.json').schema as {
    $defs: Record<string, { properties?: { kind?: { const?: string } } }>;
  };
  for (const [name, definition] of Object.entries(schema.$defs)) {
    const kind = definition.properties?.kind?.const;
    if (kind) kinds.set(kind, name);
  }
  return kinds;
}
