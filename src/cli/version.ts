/**
 * `--view`, `--as-at` and `--modification`: which version of the text a command reads. At most
 * one of them; a date must exist (2024-02-30 does not), a modification must be declared.
 */
import { CannotRun } from '../compiler/1-read/read.js';
import type { CompileResult } from '../compiler/driver.js';
import { compileVersion, type CompiledVersion } from '../compiler/versions.js';
import { isCalendarDate } from '../shared/dates.js';
import type { VersionSpec } from '../shared/release-plan.js';
import type { Options } from './context.js';

/** The version the options name; `fallback` when none is given. Throws CannotRun (exit 2) on a bad value. */
export function versionSpec(
  options: Pick<Options, 'view' | 'asAt' | 'modification'>,
  fallback: VersionSpec = { kind: 'modified' },
): VersionSpec {
  const given = [options.view, options.asAt, options.modification].filter((value) => value !== undefined);
  if (given.length > 1) throw new CannotRun('give at most one of --view, --as-at and --modification');
  if (options.asAt !== undefined) {
    if (!isCalendarDate(options.asAt)) throw new CannotRun(`--as-at must be a day that exists, as YYYY-MM-DD, got \`${options.asAt}\``);
    return { kind: 'as-at', date: options.asAt };
  }
  if (options.modification !== undefined) return { kind: 'modification', id: options.modification };
  if (options.view === undefined) return fallback;
  if (options.view !== 'baseline' && options.view !== 'modified')
    throw new CannotRun(`--view must be baseline or modified, got \`${options.view}\``);
  return { kind: options.view };
}

/** The version the options name, or undefined when none is given (the command's own default). */
export function chosenVersion(options: Pick<Options, 'view' | 'asAt' | 'modification'>): VersionSpec | undefined {
  if (options.view === undefined && options.asAt === undefined && options.modification === undefined) return undefined;
  return versionSpec(options);
}

/**
 * A command that reads the text itself (lint, report, Word) cannot read a day before the base:
 * that text is consolidated away, and only its rules are frozen. Throws CannotRun (exit 2).
 */
export function requireText(compiled: CompiledVersion | undefined, command: string): void {
  if (!compiled?.frozen) return;
  const { id } = compiled.frozen;
  throw new CannotRun(
    `${command} reads the legal text, and the text as in force ${compiled.version.label.replace(/^as-at /, 'on ')} is consolidated into a later base; only its rules are frozen (rules/releases/${id}.rules.json: use secc export or secc diff for it)`,
  );
}

/** The rule set of the version, after checking that a named modification is declared; warns about undated releases taking part. */
export function selectedVersion(result: CompileResult, spec: VersionSpec, warn: (text: string) => void): CompiledVersion | undefined {
  if (spec.kind === 'modification' && !result.plan.modifications.some((modification) => modification.id === spec.id)) {
    const declared = result.plan.modifications.map((modification) => modification.id).join(', ') || 'none';
    throw new CannotRun(`--modification ${spec.id} is not declared in modifications/ (declared: ${declared})`);
  }
  const compiled = compileVersion(result, spec);
  for (const release of compiled?.version.undated ?? []) {
    warn(`warning: release ${release.id} has no date yet (TBC); it takes part in ${compiled?.version.label ?? ''}\n`);
  }
  return compiled;
}
