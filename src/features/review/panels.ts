/** The parts of the review page around the documents: the intent check's banner, the summary line, findings on other files. */
import type { Element, ElementContent } from 'hast';
import type { VFileMessage } from 'vfile-message';
import type { ChangeSet } from '../changeset/diff.js';
import { countsLine } from '../changeset/format.js';
import type { IntentResult } from '../changeset/intent.js';
import { lineItem } from './change-list.js';
import type { PageContext } from './decorate.js';
import { describeIntended } from './describe.js';
import { findingAside } from './findings.js';
import { foldChanges } from './fold.js';
import { el, text } from './hast.js';

/** Whether the text compiled; when it did not, how many errors and which manifests exist, so the page can say so. */
export interface CompileStatus {
  compiled: boolean;
  errors: number;
  /** The modifications with a manifest in sec-text/modifications/ (read even when the text does not compile). */
  manifests: readonly string[];
}

export function intentBanner(intents: IntentResult | undefined, page: PageContext, status: CompileStatus): Element {
  if (!status.compiled) return notCompiledBanner(status);
  if (!intents || intents.manifests.length === 0) {
    return el('section', { className: ['intent', 'intent-none'], id: 'intent' }, [
      el('p', {}, [
        text(
          'Intent check: no modification manifest (sec-text/modifications/<id>.yaml), so the change set is not compared with what the modification intends.',
        ),
      ]),
    ]);
  }
  const manifestErrors = intents.files.flatMap((file) =>
    file.messages.filter((message) => message.fatal === true && !message.ruleId?.startsWith('intent-')),
  );
  const ok = intents.unintended.length === 0 && intents.missing.length === 0 && manifestErrors.length === 0;
  const names = intents.manifests.join(', ');
  const children: ElementContent[] = [
    el('p', { className: ['intent-result'] }, [
      text(
        ok
          ? `Intent check passed: every change is intended by ${names}, and every intended change is made.`
          : `Intent check failed (${names}): ${intents.unintended.length} unintended change${intents.unintended.length === 1 ? '' : 's'}, ${intents.missing.length} intended change${intents.missing.length === 1 ? '' : 's'} not made.`,
      ),
    ]),
  ];
  if (intents.unintended.length > 0) children.push(...unintendedList(intents, page));
  if (intents.missing.length > 0) {
    children.push(el('h2', {}, [text('Intended changes the redline does not make')]));
    children.push(
      el(
        'ul',
        { className: ['missing'] },
        intents.missing.map((entry) =>
          el('li', {}, [
            text(entry.identity ? describeIntended(entry.kind, entry.action, entry.identity, page.words) : entry.description),
            text(' '),
            el('span', { className: ['intent-ref'] }, [text(intents.says.get(`${entry.manifest}#${entry.intent}`) ?? entry.manifest)]),
          ]),
        ),
      ),
    );
  }
  for (const message of manifestErrors)
    children.push(el('p', { className: ['finding', 'error'] }, [text(`${message.file}:${message.line ?? 1}: ${message.reason}`)]));
  return el('section', { className: ['intent', ok ? 'intent-pass' : 'intent-fail'], id: 'intent' }, children);
}

/** The unintended changes, folded and worded like the change list. */
function unintendedList(intents: IntentResult, page: PageContext): ElementContent[] {
  const ids = new Set(intents.unintended.map((change) => change.id));
  const items: Element[] = [];
  for (const document of new Set(intents.unintended.map((change) => change.document))) {
    const inDocument = intents.unintended.filter((change) => change.document === document);
    for (const kind of new Set(inDocument.map((change) => change.kind)))
      for (const line of foldChanges(
        kind,
        inDocument.filter((change) => change.kind === kind),
        page.words,
      ))
        items.push(lineItem(line, document, page, undefined, ids));
  }
  return [el('h2', {}, [text('Changes nobody intended')]), el('ul', { className: ['unintended'] }, items)];
}

/** The text did not compile: no change set and no intent check can be computed, and the page says so. */
function notCompiledBanner(status: CompileStatus): Element {
  const manifests =
    status.manifests.length > 0
      ? `${status.manifests.length === 1 ? 'The manifest of' : 'The manifests of'} ${status.manifests.join(', ')} ${status.manifests.length === 1 ? 'is' : 'are'} in place; the intent check runs once the text compiles.`
      : 'The intent check runs once the text compiles.';
  return el('section', { className: ['intent', 'intent-fail', 'not-compiled'], id: 'intent' }, [
    el('p', { className: ['intent-result'] }, [
      text(
        `The text does not compile: ${status.errors} error${status.errors === 1 ? '' : 's'}, shown beside the text below. Until ${status.errors === 1 ? 'it is' : 'they are'} fixed there is no change set to review. ${manifests}`,
      ),
    ]),
  ]);
}

export function summaryLine(changeSet: ChangeSet | undefined): Element {
  if (!changeSet) return el('p', { className: ['summary'] }, [text('No change set: the text does not compile.')]);
  const total = changeSet.summary.total;
  return el('p', { className: ['summary'] }, [
    text(
      `Changes to the rules from the ${changeSet.from} text to the ${changeSet.to} text: ${total.total} change${total.total === 1 ? '' : 's'} (${countsLine(total)}).`,
    ),
  ]);
}

export function otherFindingsSection(entries: Array<[string, VFileMessage[]]>): Element {
  return el('section', { className: ['doc', 'other-findings'] }, [
    el('h2', {}, [text('Other findings')]),
    ...entries.flatMap(([, messages]) => messages.map((message) => findingAside(message, undefined))),
  ]);
}
