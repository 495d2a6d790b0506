/** Runs a rule doc's example: edits the MP162 corpus in memory, compiles, lints, lists findings. */
import type { RuleExample } from '../../src/features/lint/types.js';
import { lint } from '../../src/features/lint/index.js';
import { isRuleId } from '../../src/shared/rule-registry.js';
import { compileStrings, replaceOnce, textDocuments } from './project.js';

export async function exampleCorpus(example: RuleExample): Promise<Record<string, string>> {
  const documents = await textDocuments();
  for (const edit of example.edits ?? []) documents[edit.file] = replaceOnce(documents[edit.file]!, edit.find, edit.replace);
  return { ...documents, ...(example.add ?? {}) };
}

/** The separator between an expectation's place and the full message text it asserts. */
export const MESSAGE_SEPARATOR = ' — ';

/** `file:line:column [view] — message` of every finding with this rule id, sorted. */
export async function runExample(example: RuleExample, ruleId: string): Promise<{ got: string[]; want: string[] }> {
  const documents = await exampleCorpus(example);
  const result = await compileStrings(documents, false);
  lint(result);
  const unregistered = result.files.flatMap((file) => file.messages.filter((message) => !isRuleId(message.ruleId)).map(String));
  if (unregistered.length > 0) throw new Error(`findings with an unregistered rule id: ${unregistered.join('; ')}`);
  return {
    got: findingsOf(result.files, ruleId, true),
    want: example.expect.map((entry) => resolveExpectation(entry, documents)).sort(),
  };
}

/**
 * An expectation is `file:line:column [view]`, or `file:{text} [view]` for the place where `text`
 * occurs (once) in the edited file, or `file:{before»text}` for the first `text` after `before`.
 * Markers keep the examples right when the corpus around them changes.
 */
export function resolveExpectation(entry: string, documents: Record<string, string>): string {
  const at = entry.indexOf(MESSAGE_SEPARATOR);
  if (at !== -1) return `${resolvePlace(entry.slice(0, at), documents)}${entry.slice(at)}`;
  return resolvePlace(entry, documents);
}

function resolvePlace(entry: string, documents: Record<string, string>): string {
  const match = /^([^:]+):\{(.*)\}((?: \[(?:baseline|modified)\])?)$/s.exec(entry);
  if (!match) return entry;
  const [, file, marker, view] = match as unknown as [string, string, string, string];
  const text = documents[file!];
  if (text === undefined) throw new Error(`no document ${file}`);
  const [before, at] = marker.includes('»') ? [marker.slice(0, marker.indexOf('»')), marker.slice(marker.indexOf('»') + 1)] : ['', marker];
  const from = before === '' ? 0 : text.indexOf(before);
  if (from === -1 || (before !== '' && text.indexOf(before, from + 1) !== -1))
    throw new Error(`marker ${before} must occur once in ${file}`);
  const index = text.indexOf(at, from + before.length);
  if (index === -1) throw new Error(`marker ${at} not found in ${file}`);
  if (before === '' && text.indexOf(at, index + 1) !== -1) throw new Error(`marker ${at} must occur once in ${file}`);
  const lines = text.slice(0, index).split('\n');
  return `${file}:${lines.length}:${lines[lines.length - 1]!.length + 1}${view}`;
}

export function findingsOf(
  files: ReadonlyArray<{
    path: string;
    messages: Array<{
      ruleId?: string | undefined;
      line?: number | undefined;
      column?: number | undefined;
      view?: string | undefined;
      reason: string;
    }>;
  }>,
  ruleId: string,
  withMessages = false,
): string[] {
  return files
    .flatMap((file) =>
      file.messages
        .filter((message) => message.ruleId === ruleId)
        .map(
          (message) =>
            `${file.path.replace(/^.*\//, '')}:${message.line ?? '?'}:${message.column ?? '?'}${message.view ? ` [${message.view}]` : ''}${withMessages ? `${MESSAGE_SEPARATOR}${message.reason}` : ''}`,
        ),
    )
    .sort();
}
