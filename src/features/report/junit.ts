/**
 * `--format junit`: JUnit XML for CI dashboards. One test suite per file; each error finding is a
 * failed test case (named by rule id and place); a file without errors passes one test case.
 * Warnings are passing test cases with the finding in `system-out` (omitted with --quiet).
 */
import type { VFile } from 'vfile';
import { collectFindings, type Finding } from './findings.js';
import type { ReportOptions } from './options.js';

export function reportJunit(files: readonly VFile[], options: ReportOptions = {}): string {
  const findings = collectFindings(files, options);
  const paths = [...new Set(files.map((file) => file.path.replaceAll('\\', '/')))].sort();
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const path of paths) {
    const own = findings.filter((finding) => finding.file === path);
    const cases = own.map((finding) => testCase(path, finding));
    const suiteFailures = own.filter((finding) => finding.severity === 'error').length;
    if (suiteFailures === 0) cases.push(`    <testcase classname="${xml(path)}" name="no errors"/>`);
    tests += cases.length;
    failures += suiteFailures;
    suites.push(
      `  <testsuite name="${xml(path)}" tests="${cases.length}" failures="${suiteFailures}" errors="0" skipped="0">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  const name = `secc ${options.command ?? 'lint'}`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${xml(name)}" tests="${tests}" failures="${failures}" errors="0">\n${suites.join('\n')}\n</testsuites>\n`;
}

function testCase(path: string, finding: Finding): string {
  const place = finding.line === undefined ? '' : `:${finding.line}:${finding.column ?? 1}`;
  const name = `${finding.ruleId} ${path}${place}${finding.view ? ` [${finding.view}]` : ''}`;
  const detail = [
    finding.message,
    finding.note ?? '',
    ...finding.related.map(
      (related) => `related: ${related.file}${related.line ? `:${related.line}:${related.column ?? 1}` : ''} ${related.message}`,
    ),
  ]
    .filter(Boolean)
    .join('\n');
  const open = `    <testcase classname="${xml(path)}" name="${xml(name)}">`;
  if (finding.severity === 'error')
    return `${open}\n      <failure message="${xml(finding.message)}" type="${xml(finding.ruleId)}">${xml(detail)}</failure>\n    </testcase>`;
  return `${open}\n      <system-out>${xml(`${finding.severity}: ${detail}`)}</system-out>\n    </testcase>`;
}

/** XML-escapes text and drops characters XML 1.0 cannot carry. */
function xml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}
