/**
 * `--format sarif`: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers. Rules are
 * described from the metadata in the options (the CLI passes every lint and compiler rule's
 * docs; a reporter never imports the rules); results carry regions with end positions and the other
 * side of a contradiction as a related location. The tests validate it against the SARIF schema.
 */
import type { VFile } from 'vfile';
import { collectFindings, type Finding, type Span } from './findings.js';
import type { ReportOptions, RuleMetadata } from './options.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

export function reportSarif(files: readonly VFile[], options: ReportOptions = {}): string {
  const findings = collectFindings(files, options);
  const documented = new Map<string, RuleMetadata>((options.rules ?? []).map((rule) => [rule.id, rule]));
  const ids = [...new Set([...documented.keys(), ...findings.map((finding) => finding.ruleId)])];
  const rules = ids.map((id) => {
    const doc = documented.get(id);
    return {
      id,
      shortDescription: { text: doc?.summary ?? id },
      ...(doc ? { fullDescription: { text: doc.description } } : {}),
      defaultConfiguration: { level: LEVEL[doc?.severity ?? 'error'] },
    };
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'secc', semanticVersion: '0.1.0', rules } },
        invocations: [{ executionSuccessful: true, ...(options.command ? { commandLine: `secc ${options.command}` } : {}) }],
        columnKind: 'utf16CodeUnits',
        results: findings.map((finding) => result(finding, ids.indexOf(finding.ruleId))),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function result(finding: Finding, ruleIndex: number) {
  const text = [finding.message, finding.view ? `(${finding.view} text)` : '', finding.note ?? ''].filter(Boolean).join(' ');
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: LEVEL[finding.severity],
    message: { text },
    locations: [location(finding.file, finding)],
    ...(finding.related.length > 0
      ? {
          relatedLocations: finding.related.map((related, id) => ({
            id,
            ...location(related.file, related),
            message: { text: related.message },
          })),
        }
      : {}),
    ...(finding.view ? { properties: { view: finding.view } } : {}),
  };
}

function location(file: string, span: Partial<Span>) {
  const region =
    span.line !== undefined && span.line >= 1
      ? {
          region: {
            startLine: span.line,
            startColumn: Math.max(1, span.column ?? 1),
            ...(span.endLine !== undefined && span.endLine >= span.line ? { endLine: span.endLine } : {}),
            ...(span.endColumn !== undefined && span.endLine !== undefined && span.endLine >= span.line
              ? { endColumn: Math.max(1, span.endColumn) }
              : {}),
          },
        }
      : {};
  return { physicalLocation: { artifactLocation: { uri: encodeURI(file) }, ...region } };
}
