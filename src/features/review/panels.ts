/** The parts of the review page around the documents: the intent check's banner, the summary line, the change list, findings. */
import type { Element, ElementContent } from 'hast';
import type { VFileMessage } from 'vfile-message';
import { severityOf } from '../../shared/diagnostics.js';
import { where } from '../../shared/vocabulary.js';
import type { ChangeSet } from '../changeset/diff.js';
import { CHANGE_KINDS, KIND_TITLES } from '../changeset/diff.js';
import { countsLine } from '../changeset/format.js';
import type { IntentResult } from '../changeset/intent.js';
import type { AnchorMap } from './locate.js';
import { el, slug, text } from './hast.js';

export function intentBanner(intents: IntentResult | undefined, anchors: AnchorMap): Element {
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
  if (intents.unintended.length > 0) {
    children.push(el('h2', {}, [text('Changes nobody intended')]));
    children.push(
      el(
        'ul',
        { className: ['unintended'] },
        intents.unintended.map((change) =>
          el('li', {}, [
            el('a', { href: `#${anchors.get(change.id) ?? ''}` }, [text(change.summary)]),
            text(' '),
            el('code', {}, [text(where(change.source))]),
          ]),
        ),
      ),
    );
  }
  if (intents.missing.length > 0) {
    children.push(el('h2', {}, [text('Intended changes the redline does not make')]));
    children.push(
      el(
        'ul',
        { className: ['missing'] },
        intents.missing.map((entry) =>
          el('li', {}, [
            text(`${entry.description} `),
            el('span', { className: ['intent-ref'] }, [text(`(${entry.manifest}#${entry.intent})`)]),
          ]),
        ),
      ),
    );
  }
  for (const message of manifestErrors)
    children.push(el('p', { className: ['finding', 'error'] }, [text(`${message.file}:${message.line ?? 1}: ${message.reason}`)]));
  return el('section', { className: ['intent', ok ? 'intent-pass' : 'intent-fail'], id: 'intent' }, children);
}

export function summaryLine(changeSet: ChangeSet): Element {
  const total = changeSet.summary.total;
  return el('p', { className: ['summary'] }, [
    text(`${changeSet.from} → ${changeSet.to}: ${total.total} change${total.total === 1 ? '' : 's'} (${countsLine(total)}).`),
  ]);
}

export function changeList(
  changeSet: ChangeSet,
  intents: IntentResult | undefined,
  anchors: AnchorMap,
  madeBy: ReadonlyMap<string, readonly string[]> = new Map(),
): ElementContent[] {
  const out: ElementContent[] = [el('h2', {}, [text('Change set')])];
  if (changeSet.changes.length === 0) return [...out, el('p', {}, [text('No semantic change.')])];
  const unintended = new Set(intents?.unintended.map((change) => change.id));
  const documents = [...new Set(changeSet.changes.map((change) => change.document))];
  for (const document of documents) {
    const inDocument = changeSet.changes.filter((change) => change.document === document);
    out.push(el('h3', {}, [el('a', { href: `#doc-${slug(document)}` }, [text(document)]), text(` (${inDocument.length})`)]));
    for (const kind of CHANGE_KINDS) {
      const ofKind = inDocument.filter((change) => change.kind === kind);
      if (ofKind.length === 0) continue;
      out.push(
        el('details', { open: true }, [
          el('summary', {}, [text(`${KIND_TITLES[kind]} (${ofKind.length})`)]),
          el(
            'ul',
            {},
            ofKind.map((change) =>
              el(
                'li',
                { className: [`action-${change.action}`, ...(unintended.has(change.id) ? ['unintended'] : [])], dataChange: change.id },
                [
                  el('a', { href: `#${anchors.get(change.id) ?? `doc-${slug(document)}`}` }, [text(change.summary)]),
                  ...modificationRef(madeBy.get(change.id)),
                  ...intentRef(intents?.intended.get(change.id)),
                ],
              ),
            ),
          ),
        ]),
      );
    }
  }
  return out;
}

export function otherFindingsSection(entries: Array<[string, VFileMessage[]]>): Element {
  return el('section', { className: ['doc', 'other-findings'] }, [
    el('h2', {}, [text('Other findings')]),
    ...entries.flatMap(([, messages]) => messages.map((message) => findingAside(message, undefined))),
  ]);
}

export function findingAside(message: VFileMessage, target: string | undefined): Element {
  const severity = severityOf(message);
  const place = `${message.file}${message.line === undefined ? '' : `:${message.line}:${message.column ?? 1}`}`;
  return el('aside', { className: ['finding', severity] }, [
    el('span', { className: ['finding-head'] }, [text(`${severity}${message.ruleId ? ` · ${message.ruleId}` : ''}`)]),
    target
      ? el('a', { href: `#${target}`, className: ['finding-place'] }, [text(place)])
      : el('span', { className: ['finding-place'] }, [text(place)]),
    el('span', { className: ['finding-reason'] }, [text(message.reason)]),
  ]);
}

/** The intents that account for a change (`MP162#mdr-trts`), when any do. */
/** The modification(s) that make a change, e.g. `MP162`. */
function modificationRef(ids: readonly string[] | undefined): Element[] {
  return ids && ids.length > 0 ? [el('span', { className: ['made-by'], title: 'made by' }, [text(ids.join(', '))])] : [];
}

function intentRef(labels: readonly string[] | undefined): Element[] {
  return labels ? [el('span', { className: ['intent-ref'] }, [text(labels.join(', '))])] : [];
}
