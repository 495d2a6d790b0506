/** Front matter: YAML at the top of each document, validated against front-matter.schema.json. */
import type { Root, Yaml } from 'mdast';
import type { VFile } from 'vfile';
import { LineCounter, parseDocument as parseYaml } from 'yaml';
import { yamlValueProblems } from './yaml-values.js';
import { report, type RuleId } from '../../shared/diagnostics.js';
import type { DocumentInfo } from '../../shared/model.js';
import type { FrontMatter } from '../../../generated/types.js';
import { describeErrors, type Schemas } from '../../shared/schemas.js';

export const FRONT_MATTER_RULES = {
  missing: 'front-matter-missing',
  yaml: 'front-matter-yaml',
  invalid: 'front-matter-invalid',
} as const;

/** The document's front matter; which modifications it carries comes from its redlines' cites. */
export function readFrontMatter(
  tree: Root,
  file: VFile,
  name: string,
  schemas: Schemas,
  cited: readonly string[],
): DocumentInfo | undefined {
  const node = tree.children[0];
  if (node?.type !== 'yaml') {
    report(file, 'Missing front matter, expected the document to start with `---`, YAML naming `document`, `id` and `title`, and `---`', {
      ruleId: FRONT_MATTER_RULES.missing,
      place: { line: 1, column: 1 },
    });
    return undefined;
  }
  const data = parseYamlNode(node, file, FRONT_MATTER_RULES.yaml, 1);
  if (data === undefined) return undefined;
  const validate = schemas.validator('front-matter.schema.json');
  if (!validate(data)) {
    for (const line of describeErrors(validate.errors)) {
      report(file, `Unexpected front matter: ${line}`, { ruleId: FRONT_MATTER_RULES.invalid, place: node.position });
    }
    return undefined;
  }
  const front = data as FrontMatter;
  return {
    file: name,
    document: front.document,
    id: front.id,
    title: front.title,
    modifications: [...cited].sort(),
    external: front.external ?? [],
  };
}

/**
 * Parses YAML held in a node, reporting syntax errors at their place in the file.
 * `offsetLines` is how many lines the YAML starts below the node's first line (1 for a fence).
 */
export function parseYamlNode(
  node: Yaml | { value: string; position?: Yaml['position'] },
  file: VFile,
  ruleId: RuleId,
  offsetLines: number,
): unknown {
  const lines = new LineCounter();
  const document = parseYaml(node.value, { prettyErrors: true, uniqueKeys: true, strict: true, lineCounter: lines });
  const base = (node.position?.start.line ?? 1) + offsetLines - 1;
  const problems = [...document.errors, ...document.warnings];
  if (problems.length > 0) {
    for (const problem of problems) {
      const at = problem.linePos?.[0];
      report(file, `Unexpected YAML: ${problem.message.split('\n')[0]}`, {
        ruleId,
        place: at ? { line: base + at.line, column: at.col } : node.position,
      });
    }
    return undefined;
  }
  const invalid = yamlValueProblems(document, node.value, lines);
  for (const problem of invalid) {
    report(file, problem.reason, { ruleId: problem.ruleId ?? ruleId, place: { line: base + problem.line, column: problem.column } });
  }
  if (invalid.length > 0) return undefined;
  try {
    return document.toJS({ maxAliasCount: 0 });
  } catch (error) {
    // Anything else the YAML library refuses is still a finding about this block, never a crash.
    report(file, `Unexpected YAML: ${error instanceof Error ? error.message : String(error)}`, { ruleId, place: node.position });
    return undefined;
  }
}
