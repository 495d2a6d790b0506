/** One change of a kind the list does not fold, in the words of the text (no identifiers, no camelCase). */
import type { Change } from '../changeset/diff.js';
import { splitWords, type Words } from './words.js';

/** A piece of a line: text, a footnote reference (shown as the page numbers it), a value before/after, or a link to one change. */
export type Part = string | { note: string; document: string } | { del: string } | { ins: string } | { change: string; text: string };

export function describeChange(change: Change, words: Words): Part[] {
  switch (change.kind) {
    case 'modification':
      return entryOrField(change, `Modification ${change.modification ?? ''}`, words, titleOf(change));
    case 'document':
      return entryOrField(change, words.document(change.document), words);
    case 'user-role':
      return change.action === 'changed'
        ? fieldParts(change, `User Role ${words.role(change.role)}`, words)
        : [`User Role ${change.action}: ${words.role(change.role)}${partyCategory(change)}`];
    case 'service-request':
      return change.action === 'changed'
        ? fieldParts(change, words.serviceRequest(change.sr), words)
        : [`Service Request ${change.action}: ${words.serviceRequest(change.sr)}`];
    case 'clause':
      return [`${change.subject.replace(/^clause /, 'Clause ')}${change.action === 'changed' ? ': text changed' : ` ${change.action}`}`];
    case 'clause-rule':
      return [`Rule block of clause ${ruleClause(change)} ${change.action}${ruleKind(change)}`];
    case 'footnote':
      return ['Footnote ', { note: change.footnote ?? '', document: change.document }, ` ${change.action}`];
    default:
      return [change.summary];
  }
}

function entryOrField(change: Change, subject: string, words: Words, extra = ''): Part[] {
  return change.action === 'changed' ? fieldParts(change, subject, words) : [`${subject} ${change.action}${extra}`];
}

/** `SR 4.2 Read Instantaneous Export Register Values, DCC Scheduled: No → Yes`. */
function fieldParts(change: Change, subject: string, words: Words): Part[] {
  return [`${subject}, ${words.field(change.field)}: `, { del: change.from ?? '' }, ' → ', { ins: change.to ?? '' }];
}

function entryOf(change: Change): Record<string, unknown> {
  return (change.after ?? change.before ?? {}) as Record<string, unknown>;
}

function titleOf(change: Change): string {
  const title = entryOf(change).title;
  return typeof title === 'string' ? `: ${title}` : '';
}

function partyCategory(change: Change): string {
  const category = entryOf(change).partyCategory;
  return typeof category === 'string' ? ` (Party Category: ${category})` : '';
}

/** The clause a rule block belongs to: its own field, else the rule id without its local name. */
function ruleClause(change: Change): string {
  if (change.clause) return change.clause;
  const rule = change.rule ?? '';
  const dot = rule.lastIndexOf('.');
  return dot > 0 ? rule.slice(0, dot) : rule;
}

/** A rule block's kind as words: `role-required` → `: role required`. */
function ruleKind(change: Change): string {
  const kind = entryOf(change).kind;
  return typeof kind === 'string' ? ` (${splitWords(kind).replace(/-/g, ' ')})` : '';
}

/** An intended change the redline does not make, named as the text would name it. */
export function describeIntended(
  kind: Change['kind'],
  action: Change['action'],
  identity: Partial<Record<string, string>>,
  words: Words,
): string {
  const { sr, role, smets, mode, clause, rule, footnote, field, modification, document } = identity;
  const fieldText = field ? `, ${words.field(field)}` : '';
  switch (kind) {
    case 'eligibility':
      return `${words.role(role)} ${action === 'removed' ? 'no longer eligible to send' : 'made eligible to send'} ${words.serviceRequest(sr)}`;
    case 'trt':
      return `Target Response Time ${action} for ${words.role(role)}, ${words.serviceRequest(sr)}, ${smets ? `SMETS${smets}` : 'each SMETS generation'} ${mode ? words.mode(mode) : 'in each mode'}`;
    case 'user-role':
      return `User Role ${words.role(role)}${fieldText} ${action}`;
    case 'service-request':
      return `${words.serviceRequest(sr)}${fieldText} ${action}`;
    case 'clause':
      return `Clause ${clause ?? '(any)'} ${action}`;
    case 'clause-rule': {
      const dot = rule?.lastIndexOf('.') ?? -1;
      return rule && dot > 0
        ? `Rule block of clause ${rule.slice(0, dot)} (${rule.slice(dot + 1).replace(/-/g, ' ')}) ${action}`
        : `Rule block ${action}`;
    }
    case 'footnote':
      return `Footnote “${footnote ?? ''}” of ${document ? words.document(document) : 'a document'} ${action}`;
    case 'modification':
      return `Modification ${modification ?? ''}${fieldText} ${action}`;
    case 'document':
      return `${document ? words.document(document) : 'Document'}${fieldText} ${action}`;
  }
}
