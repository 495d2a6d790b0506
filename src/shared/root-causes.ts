/**
 * Root causes first. Some findings mean the compiler could not read part of the text as the
 * drafter meant it (an unbalanced redline, a ragged table row, an undeclared `cite`): while one is
 * unfixed, what the checks across the corpus say (a User Role "undefined", a reference that does
 * not resolve, an SR "not in Appendix E", drift) follows from the misreading more often than not.
 * Those findings are folded under the root cause: left out of the report, counted in its note, and
 * shown again on the next run once the root cause is fixed. Identical findings of one rule in one
 * document (one undeclared `cite` on every cell of a column) are grouped into one, with the places.
 */
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { compareFiles, compareMessages } from './order.js';
import type { RuleId } from './rule-registry.js';

/** Findings after which the compiler's reading of the text is not what the drafter meant. */
export const ROOT_CAUSES: ReadonlySet<RuleId> = new Set<RuleId>([
  'file-binary',
  'file-encoding',
  'file-too-large',
  'file-unreadable',
  'file-not-regular',
  'document-too-deep',
  'front-matter-missing',
  'front-matter-yaml',
  'front-matter-invalid',
  'redline-unbalanced',
  'redline-crossing',
  'redline-nested',
  'redline-block-spacing',
  'redline-column-cell',
  'redline-cite-undeclared',
  'table-ragged-row',
  'table-duplicate-column',
  'table-missing-column',
  'table-unknown-column',
  'sr-invalid-reference',
  'role-invalid-identifier',
  'rule-yaml',
  'rule-schema',
  'release-plan-yaml',
  'release-plan-invalid',
  'release-plan-missing',
  'modification-manifest-unreadable',
]);

/** Findings that read the whole corpus as compiled (links, drafting rules, drift, intent): they may follow from a root cause. */
export const CORPUS_FINDINGS: ReadonlySet<RuleId> = new Set<RuleId>([
  'trt-coverage',
  'trt-scope',
  'dcc-scheduled-trt',
  'on-demand-trt',
  'user-role-undefined',
  'user-role-unused',
  'xref-unresolved',
  'clause-order',
  'clause-renumbered',
  'trt-missing',
  'trt-unknown-sr',
  'role-unknown',
  'roles-missing',
  'eligibility-missing-role',
  'rule-clause-missing',
  'rule-clause-mismatch',
  'rule-clause-empty',
  'rule-outside-clause',
  'rule-fingerprint-stale',
  'output-schema',
  'drift',
  'intent-unintended',
  'intent-missing',
  'intent-value',
  'manifest-missing',
  'changed-without-redline',
  'modification-conflict',
  'compiled-tables-stale',
]);

const isRoot = (message: VFileMessage): boolean => message.fatal === true && ROOT_CAUSES.has(message.ruleId as RuleId);
const mayFollow = (message: VFileMessage): boolean => CORPUS_FINDINGS.has(message.ruleId as RuleId);

/** The lines a finding covers (a ragged row, a broken redline tag): another finding on them is read through it. */
function linesOf(message: VFileMessage): { from: number; to: number } | undefined {
  const place = message.place;
  if (!place) return undefined;
  if ('start' in place) return { from: place.start.line, to: place.end.line };
  return { from: place.line, to: place.line };
}

function within(message: VFileMessage, root: VFileMessage): boolean {
  const span = linesOf(root);
  return span !== undefined && message.line !== undefined && message.line >= span.from && message.line <= span.to;
}

/**
 * Copies of the files with the findings that may follow from a root cause folded into the first
 * root cause (of their own document when it has one); the files as they are when there is none.
 */
export function foldConsequences(files: readonly VFile[]): VFile[] {
  const roots = files
    .flatMap((file) => file.messages.filter(isRoot).map((message) => ({ file, message })))
    .sort((a, b) => compareFiles(a.file, b.file) || compareMessages(a.message, b.message));
  const first = roots[0]?.message;
  if (first === undefined) return [...files];
  const folded = new Map<VFileMessage, VFileMessage[]>();
  const copies = files.map((file) => {
    const copy = new VFile({ path: file.path, cwd: file.cwd, value: file.value });
    const own = roots.filter((root) => root.file === file).map((root) => root.message);
    for (const message of file.messages) {
      const root = isRoot(message) ? undefined : causeOf(message, own, first);
      if (root) folded.set(root, [...(folded.get(root) ?? []), message]);
      else copy.messages.push(message);
    }
    return copy;
  });
  for (const copy of copies) copy.messages = copy.messages.map((message) => withFolded(message, folded.get(message)));
  return copies;
}

/**
 * The root cause `message` is folded under: one of its document whose lines it is on; for a
 * finding that reads the whole corpus (drift included), its document's first root cause or the
 * first of all.
 */
function causeOf(message: VFileMessage, own: readonly VFileMessage[], first: VFileMessage): VFileMessage | undefined {
  const onItsLines = own.find((candidate) => within(message, candidate));
  if (onItsLines) return onItsLines;
  return mayFollow(message) ? (own[0] ?? first) : undefined;
}

/** What a root cause's copy folded: one sentence, for reporters that show it under the finding. */
const FOLDED = new WeakMap<VFileMessage, string>();

export function foldedUnder(message: VFileMessage): string | undefined {
  return FOLDED.get(message);
}

/** The root cause, its note saying what was folded under it (a copy: the compile result is not changed). */
function withFolded(message: VFileMessage, consequences: readonly VFileMessage[] | undefined): VFileMessage {
  if (!consequences || consequences.length === 0) return message;
  const byRule = new Map<string, number>();
  for (const consequence of consequences) byRule.set(consequence.ruleId ?? '', (byRule.get(consequence.ruleId ?? '') ?? 0) + 1);
  const listed = [...byRule].map(([rule, n]) => `${n} ${rule}`).join(', ');
  const folded = `${consequences.length} finding${consequences.length === 1 ? '' : 's'} that may follow from this one ${consequences.length === 1 ? 'is' : 'are'} not listed (${listed}); fix this first and run again.`;
  const copy = cloneMessage(message);
  copy.note = message.note ? `${message.note}\n${folded}` : folded;
  FOLDED.set(copy, folded);
  return copy;
}

/**
 * One finding per rule, reason and view in a document: the first place keeps it and its reason
 * names how many places share it and where (`at 11 more places: 44:133, 45:266, …`).
 */
export function groupIdentical(files: readonly VFile[], listed = 12): VFile[] {
  return files.map((file) => {
    const groups = new Map<string, VFileMessage[]>();
    for (const message of [...file.messages].sort(compareMessages)) {
      const key = `${message.ruleId}\u0000${message.view ?? ''}\u0000${message.fatal}\u0000${message.reason}`;
      groups.set(key, [...(groups.get(key) ?? []), message]);
    }
    if ([...groups.values()].every((group) => group.length === 1)) return file;
    const copy = new VFile({ path: file.path, cwd: file.cwd, value: file.value });
    for (const [head, ...rest] of groups.values()) {
      if (!head) continue;
      if (rest.length === 0) {
        copy.messages.push(head);
        continue;
      }
      const places = rest.map((message) => `${message.line ?? '?'}:${message.column ?? '?'}`);
      const shown = places.length > listed ? `${places.slice(0, listed).join(', ')}, …` : places.join(', ');
      const grouped = cloneMessage(head);
      grouped.reason = `${head.reason} (also at ${rest.length} more place${rest.length === 1 ? '' : 's'} in this document: ${shown})`;
      grouped.message = grouped.reason;
      copy.messages.push(grouped);
    }
    return copy;
  });
}

/**
 * One finding per rule, view and place when findings there differ only in a word or two: one
 * `Eligible User Roles` cell changes a TRT for each eligible role, and each change is its own
 * finding with its own YAML line to add. They become one finding whose differing words are listed
 * in brackets, `… TRT SR 4.6.1, [gas-supplier, import-supplier], SMETS2 …` and
 * `role: [gas-supplier, import-supplier]` (a YAML list: the manifest line still pastes as one).
 * Findings whose reasons differ in more than `maxWords` words, or in their spacing, stay apart.
 */
export function groupSamePlace(files: readonly VFile[], maxWords = 2): VFile[] {
  return files.map((file) => {
    const groups = new Map<string, VFileMessage[]>();
    for (const message of [...file.messages].sort(compareMessages)) {
      const key =
        message.line === undefined
          ? `single\u0000${groups.size}`
          : `${message.ruleId}\u0000${message.view ?? ''}\u0000${message.fatal}\u0000${message.line}:${message.column ?? ''}`;
      groups.set(key, [...(groups.get(key) ?? []), message]);
    }
    if ([...groups.values()].every((group) => group.length === 1)) return file;
    const copy = new VFile({ path: file.path, cwd: file.cwd, value: file.value });
    for (const group of groups.values()) {
      const merged =
        group.length > 1
          ? mergeReasons(
              group.map((message) => message.reason),
              maxWords,
            )
          : undefined;
      const [head] = group;
      if (!head) continue;
      if (merged === undefined) {
        copy.messages.push(...group);
        continue;
      }
      const grouped = cloneMessage(head);
      grouped.reason = `${merged} (${group.length} findings at this place, one for each value in brackets)`;
      grouped.message = grouped.reason;
      copy.messages.push(grouped);
    }
    return copy;
  });
}

/** The reasons as one, each differing word a bracketed list; undefined when they differ in more than `maxWords` words. */
export function mergeReasons(reasons: readonly string[], maxWords: number): string | undefined {
  const split = reasons.map((reason) => reason.split(/(\s+)/));
  const [first] = split;
  if (!first || split.some((tokens) => tokens.length !== first.length)) return undefined;
  const differing: number[] = [];
  for (let index = 0; index < first.length; index++) {
    const values = new Set(split.map((tokens) => tokens[index]));
    if (values.size === 1) continue;
    if (index % 2 === 1) return undefined; // the spacing differs
    differing.push(index);
  }
  if (differing.length === 0 || differing.length > maxWords) return undefined;
  const out = [...first];
  for (const index of differing) out[index] = bracketed(split.map((tokens) => tokens[index] ?? ''));
  return out.join('');
}

/** Where a word may be cut: the edges of a path segment, a quoted or bracketed part, a list item. */
const BOUNDARY = /[/`'"(){}[\],;: ]/;

/**
 * `gas-supplier,` and `import-supplier,` → `[gas-supplier, import-supplier],`; the addresses
 * `trt/4.8.1/gas-supplier/smets2` and `trt/4.8.1/other-user/smets2` → `trt/4.8.1/[gas-supplier,
 * other-user]/smets2`: what the words share, up to a boundary, stays outside the brackets.
 */
function bracketed(words: readonly string[]): string {
  const prefix = words.reduce((a, b) => commonPrefix(a, b));
  const suffix = words.reduce((a, b) => commonSuffix(a, b));
  let lead = prefix.slice(0, lastBoundary(prefix) + 1);
  let trail = suffix.slice(firstBoundary(suffix));
  if (words.some((word) => word.length < lead.length + trail.length)) [lead, trail] = ['', ''];
  const cores = [...new Set(words.map((word) => word.slice(lead.length, word.length - trail.length)))];
  return `${lead}[${cores.join(', ')}]${trail}`;
}

function lastBoundary(text: string): number {
  for (let index = text.length - 1; index >= 0; index--) if (BOUNDARY.test(text.charAt(index))) return index;
  return -1;
}

function firstBoundary(text: string): number {
  for (let index = 0; index < text.length; index++) if (BOUNDARY.test(text.charAt(index))) return index;
  return text.length;
}

function commonPrefix(a: string, b: string): string {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length++;
  return a.slice(0, length);
}

function commonSuffix(a: string, b: string): string {
  let length = 0;
  while (length < a.length && length < b.length && a[a.length - 1 - length] === b[b.length - 1 - length]) length++;
  return a.slice(a.length - length);
}

function cloneMessage(message: VFileMessage): VFileMessage {
  return Object.assign(Object.create(Object.getPrototypeOf(message) as object) as VFileMessage, message);
}

/** Files with a root cause first (then by path), so the cause is read before anything else. */
export function rootCausesFirst(files: readonly VFile[]): VFile[] {
  const rank = (file: VFile): number => (file.messages.some(isRoot) ? 0 : 1);
  return [...files].sort((a, b) => rank(a) - rank(b) || compareFiles(a, b));
}
