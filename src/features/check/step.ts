/**
 * The shape of one `secc check` step (drift, intent, lint). Types only, so a feature can offer a
 * step without importing the list of steps (which imports every feature's step).
 */
import type { VFile } from 'vfile';
import type { CompileResult } from '../../compiler/driver.js';

export interface CheckContext {
  result: CompileResult;
  /** Absolute project root (rules/, generated/). */
  root: string;
  /** Legal text directory as given (relative to cwd). */
  textDir: string;
  cwd: string;
}

export interface CheckStep {
  name: string;
  /** Steps that need compiled rules are skipped when compilation failed. */
  needsRules: boolean;
  run(context: CheckContext): Promise<VFile[]>;
}
