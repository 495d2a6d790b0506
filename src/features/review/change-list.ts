/**
 * The change set beside the text: by document and kind, each line folded (fold.ts) and written in
 * the text's words, linked to its place, with the modification that made it and the intent that
 * accounts for it visible on the line.
 */
import type { Element, ElementContent } from 'hast';
import type { Change, ChangeSet } from '../changeset/diff.js';
import { CHANGE_KINDS, KIND_TITLES } from '../changeset/diff.js';
import type { IntentResult } from '../changeset/intent.js';
import { footnoteSup, type PageContext } from './decorate.js';
import { foldChanges, type Line } from './fold.js';
import { el, slug, text } from './hast.js';

export function changeList(changeSet: ChangeSet, intents: IntentResult | undefined, page: PageContext): ElementContent[] {
  const out: ElementContent[] = [el('h2', {}, [text('Change set')])];
  if (changeSet.changes.length === 0) return [...out, el('p', {}, [text('The redline makes no change to the rules.')])];
  const unintended = new Set(intents?.unintended.map((change) => change.id));
  const documents = [...new Set(changeSet.changes.map((change) => change.document))];
  for (const document of documents) {
    const inDocument = changeSet.changes.filter((change) => change.document === document);
    const kinds = CHANGE_KINDS.flatMap((kind) => {
      const ofKind = inDocument.filter((change) => change.kind === kind);
      return ofKind.length === 0 ? [] : [{ kind, lines: foldChanges(kind, ofKind, page.words) }];
    });
    const lineCount = kinds.reduce((sum, entry) => sum + entry.lines.length, 0);
    out.push(
      el('h3', {}, [
        el('a', { href: `#doc-${slug(document)}` }, [text(page.words.document(document))]),
        text(` (${plural(lineCount, 'line')}, ${plural(inDocument.length, 'change')})`),
      ]),
    );
    for (const { kind, lines } of kinds) {
      out.push(
        el('details', { open: true }, [
          el('summary', {}, [text(`${KIND_TITLES[kind]} (${lines.length})`)]),
          el(
            'ul',
            {},
            lines.map((line, index) =>
              lineItem(line, document, page, intents, unintended, index > 0 && sameIntents(line, lines[index - 1], intents)),
            ),
          ),
        ]),
      );
    }
  }
  return out;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** One line: its words (linked to its place), who made it, which intent accounts for it; folded lines under it. */
export function lineItem(
  line: Line,
  document: string,
  page: PageContext,
  intents: IntentResult | undefined,
  unintended: ReadonlySet<string>,
  /** The line above is accounted for by the same intents: say so briefly instead of repeating them. */
  asAbove = false,
): Element {
  const flagged = line.changes.some((change) => unintended.has(change.id));
  const properties = {
    className: [`action-${line.action}`, ...(flagged ? ['unintended'] : [])],
    dataChanges: line.changes.map((change) => change.id).join(' '),
  };
  const body: ElementContent[] = [
    ...lineParts(line, document, page),
    ...madeByTag(line.changes, page),
    ...(flagged ? [el('strong', { className: ['unintended-note'] }, [text(' not intended by any manifest')])] : []),
    ...(asAbove
      ? [text(' '), el('span', { className: ['intent-ref'] }, [text('Intended: as above.')])]
      : intentNote(line.changes, intents)),
  ];
  if (!line.members) return el('li', properties, body);
  return el('li', properties, [
    el('details', {}, [
      el('summary', {}, body),
      el(
        'ul',
        {},
        line.members.map((member) => lineItem(member, document, page, undefined, unintended)),
      ),
    ]),
  ]);
}

/** The line's words: its first words link to its place unless its parts carry links of their own. */
function lineParts(line: Line, document: string, page: PageContext): ElementContent[] {
  const anchor = (change: Change | undefined) => `#${(change && page.anchors.get(change.id)) ?? `doc-${slug(document)}`}`;
  const ownLinks = line.parts.some((part) => typeof part === 'object' && 'change' in part);
  return line.parts.map((part, index): ElementContent => {
    if (typeof part === 'string') return index === 0 && !ownLinks ? el('a', { href: anchor(line.changes[0]) }, [text(part)]) : text(part);
    if ('note' in part) return footnoteSup(part.document, part.note, page.notes);
    if ('del' in part) return el('del', {}, [text(part.del)]);
    if ('ins' in part) return el('ins', {}, [text(part.ins)]);
    return el('a', { href: anchor(line.changes.find((change) => change.id === part.change)) }, [text(part.text)]);
  });
}

function madeByTag(changes: readonly Change[], page: PageContext): ElementContent[] {
  const ids = [...new Set(changes.flatMap((change) => page.madeBy.get(change.id) ?? []))];
  return ids.length > 0 ? [text(' '), el('span', { className: ['made-by'] }, [text(ids.join(', '))])] : [];
}

function intentLabels(changes: readonly Change[], intents: IntentResult | undefined): string[] {
  return [...new Set(changes.flatMap((change) => intents?.intended.get(change.id) ?? []))];
}

function sameIntents(line: Line, previous: Line | undefined, intents: IntentResult | undefined): boolean {
  const labels = intentLabels(line.changes, intents);
  return labels.length > 0 && previous !== undefined && labels.join(' ') === intentLabels(previous.changes, intents).join(' ');
}

/** What the intents that account for the line say (the manifest's words). */
function intentNote(changes: readonly Change[], intents: IntentResult | undefined): ElementContent[] {
  const labels = intentLabels(changes, intents);
  if (!intents || labels.length === 0) return [];
  const said = labels.map((label) => intents.says.get(label) ?? `as ${label.replace('#', ' intends under ')}`);
  return [text(' '), el('span', { className: ['intent-ref'] }, [text(`Intended: ${[...new Set(said)].join(' ')}`)])];
}
