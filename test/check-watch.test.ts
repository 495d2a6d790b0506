/**
 * `secc check --watch` as a short-lived process on a temporary copy of the project: it checks,
 * checks again after each edit of sec-text/ (showing the new finding, then the all-clear once the
 * edit is undone), parsing only the edited document again, and stops on Ctrl-C (SIGINT) with the
 * last check's exit code. Waits are on the process's output, never on the clock.
 */
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectCopy, replaceOnce, ROOT } from './support/project.js';

const AGREE = 'secc check: the legal text, rules/ and generated/ agree.';

let copy: Awaited<ReturnType<typeof projectCopy>>;
beforeAll(async () => {
  copy = await projectCopy();
});
afterAll(async () => copy?.cleanup());

/** The child's output so far, and a wait for it to satisfy a predicate. */
function output(stream: NodeJS.ReadableStream) {
  let text = '';
  const waiters: Array<{ accept: (text: string) => boolean; resolve: () => void }> = [];
  stream.on('data', (chunk: Buffer) => {
    text += chunk.toString();
    for (const waiter of [...waiters]) {
      if (!waiter.accept(text)) continue;
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  });
  return {
    text: () => text,
    until: (accept: (text: string) => boolean) =>
      accept(text) ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ accept, resolve })),
  };
}

const count = (text: string, needle: string) => text.split(needle).length - 1;

describe('secc check --watch', () => {
  it('checks again on every change of the legal text, and stops on SIGINT', async () => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'secc.js'), 'check', '--watch'], { cwd: copy.dir });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const stdout = output(child.stdout);
    const stderr = output(child.stderr);
    try {
      await stderr.until((text) => text.includes('watching sec-text/'));
      expect(count(stderr.text(), AGREE)).toBe(1);

      const file = path.join(copy.dir, 'sec-text', 'appendix-ab.md');
      const original = await readFile(file, 'utf8');
      await writeFile(file, replaceOnce(original, '| 4.6.1 | 24 hrs |', '| 4.6.1 | 24 hours |'));
      await stdout.until((text) => text.includes('trt-unknown-duration'));
      expect(stdout.text()).toMatch(/sec-text\/appendix-ab\.md:\d+:11 +error +Unexpected Target Response Time `24 hours` for SR 4\.6\.1/);
      expect(stderr.text()).toMatch(/sec-text\/appendix-ab\.md(, [^\n]*)? changed; checking again/);
      // The watch keeps its compile context: the run after the edit parsed the edited document only.
      await stderr.until((text) => count(text, 'parsed for this check') === 2);
      expect(
        stderr
          .text()
          .split('\n')
          .filter((line) => line.includes('parsed for this check'))[1],
      ).toBe('secc check --watch: 1 document parsed for this check');

      await writeFile(file, original);
      await stderr.until((text) => count(text, AGREE) === 2);

      child.kill('SIGINT');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill();
    }
  });
});
