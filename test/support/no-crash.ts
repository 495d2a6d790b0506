/** What no CLI output may ever contain: a stack trace or an internal error. */
import { expect } from 'vitest';

export function expectNoCrash(text: string): void {
  expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(text).not.toMatch(/internal error|RangeError|TypeError|ReferenceError|Maximum call stack/);
}
