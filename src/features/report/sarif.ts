/**
 * `--format sarif`: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers. Rules are
 * described from the metadata in the options (the CLI passes every lint and compiler rule's
 * docs; a reporter never imports the rules); results carry regions with end positions and the other
 * side of a contradiction as a related location. The tests validate it against the SARIF schema.
 */
import { pathToFileURL } from 'node:url';
import type { VFile } from 'vfile';
import { collectFindings, type Finding, type Span } from './findings.js';
import { FINGERPRINT_KEY, fingerprints } from './fingerprints.js';
import type { ReportOptions, RuleMetadata } from './options.js';

/** Paths in results are relative to this base, which `originalUriBaseIds` resolves (the folder secc ran in). */
const SRCROOT = '%SRCROOT%';

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
      ...(doc ? { help: { text: doc.help ?? doc.description, ...(doc.help ? { markdown: doc.help } : {}) } } : {}),
      ...(doc?.helpUri ? { helpUri: doc.helpUri } : {}),
      defaultConfiguration: { level: LEVEL[doc?.severity ?? 'error'] },
    };
  });
  const lines = sourceLines(files);
  const hashes = fingerprints(findings, (file, line) => lines.get(file)?.[line - 1]);
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'secc', semanticVersion: '0.1.0', rules } },
        invocations: [{ executionSuccessful: true, ...(options.command ? { commandLine: `secc ${options.command}` } : {}) }],
        originalUriBaseIds: {
          [SRCROOT]: options.baseDir
            ? { uri: pathToFileURL(options.baseDir.endsWith('/') ? options.baseDir : `${options.baseDir}/`).href }
            : { description: { text: 'The folder secc ran in: result paths are relative to it.' } },
        },
        columnKind: 'utf16CodeUnits',
        results: findings.map((finding, index) => ({
          ...result(finding, ids.indexOf(finding.ruleId)),
          partialFingerprints: { [FINGERPRINT_KEY]: hashes[index] },
        })),
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
  return { physicalLocation: { artifactLocation: { uri: encodeURI(file), uriBaseId: SRCROOT }, ...region } };
}

/** Each file's text by line, keyed like the findings' paths, for the fingerprints. */
function sourceLines(files: readonly VFile[]): Map<string, string[]> {
  const lines = new Map<string, string[]>();
  for (const file of files) {
    if (file.value === undefined || file.value === null) continue;
    const text = typeof file.value === 'string' ? file.value : new TextDecoder().decode(file.value);
    lines.set(file.path.split('\\').join('/'), text.split(/\r?\n/));
  }
  return lines;
}
