/** `--format pretty` is unified's vfile-reporter over the same findings. */
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { report } from '../src/shared/diagnostics.js';
import { reportPretty } from '../src/features/report/pretty.js';

describe('pretty reporter', () => {
  it('groups findings by file with place, severity, reason and rule id; --quiet keeps errors', () => {
    const file = new VFile({ path: 'sec-text/appendix-ab.md' });
    report(file, 'Unexpected Target Response Time `24 hours`, expected `24 hrs`', {
      ruleId: 'trt-unknown-duration',
      place: { start: { line: 38, column: 11 }, end: { line: 38, column: 19 } },
    });
    report(file, 'Unexpected empty insertion', { ruleId: 'redline-empty', place: { line: 40, column: 3 }, severity: 'warning' });
    const out = reportPretty([file], {});
    expect(out).toMatch(/^sec-text\/appendix-ab\.md\n/);
    expect(out).toMatch(
      /38:11-38:19 +error +Unexpected Target Response Time `24 hours`, expected `24 hrs` +trt-unknown-duration +sec-rules/,
    );
    expect(out).toMatch(/40:3 +warning +Unexpected empty insertion +redline-empty/);
    expect(reportPretty([file], { quiet: true })).not.toMatch(/redline-empty/);
  });
});
