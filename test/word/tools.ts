/**
 * The Word oracles need pandoc, LibreOffice (soffice) and poppler (pdftoppm), which `.ci/run`
 * installs. On a developer's machine without them the oracle tests are skipped, and say so on
 * stderr; under CI=true they run and fail.
 */
import { spawnSync } from 'node:child_process';

export function hasTool(command: string): boolean {
  const found = spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
  if (!found && !process.env.CI) {
    process.stderr.write(
      `\n*** SKIPPED: \`${command}\` is not installed; the Word oracle tests that need it do not run (.ci/run installs it). ***\n\n`,
    );
  }
  return found || Boolean(process.env.CI);
}
