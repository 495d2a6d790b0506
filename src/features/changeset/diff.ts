/**
 * The semantic change set: what a redline does to the rules. Compares two rule sets (the baseline
 * and the modified view, or two drafts of a redline) entry by entry, by each entry's identity
 * (SR; SR and role; SR, role, SMETS generation and mode; clause id; rule id; footnote label), and
 * lists every entry added, removed or changed, with the source of the redline that causes it.
 * Pure: rule sets in, a ChangeSet out; sources are never compared, only what the rules say.
 */
import { compareSrRefs } from '../../compiler/4-extract/text.js';
import type { Change, ChangeAction, ChangeCounts, ChangeKind, ChangeSet } from '../../../generated/types.js';
import type { Clause, ClauseRule, Footnote, RuleSet, ServiceRequest, Source, Trt, UserRole } from '../../shared/model.js';

export type { Change, ChangeAction, ChangeCounts, ChangeKind, ChangeSet };

/** Kinds in the order a reader meets them: who, what, who may, how fast, then the prose. */
export const CHANGE_KINDS: readonly ChangeKind[] = [
  'modification',
  'document',
  'user-role',
  'service-request',
  'eligibility',
  'trt',
  'clause',
  'clause-rule',
  'footnote',
];

export const KIND_TITLES: Record<ChangeKind, string> = {
  modification: 'Modifications',
  document: 'Documents',
  'user-role': 'User Roles',
  'service-request': 'Service Requests',
  eligibility: 'Eligibility',
  trt: 'Target Response Times',
  clause: 'Clauses',
  'clause-rule': 'Clause rules',
  footnote: 'Footnotes',
};

export interface DiffOptions {
  from?: string;
  to?: string;
}

const SR_FIELDS = ['name', 'nonDevice', 'onDemand', 'futureDated', 'dccScheduled'] as const;
const SR_FIELD_TITLES: Record<(typeof SR_FIELDS)[number], string> = {
  name: 'name',
  nonDevice: 'Non-Device',
  onDemand: 'On Demand',
  futureDated: 'Future Dated',
  dccScheduled: 'DCC Scheduled',
};

export function diffRuleSets(before: RuleSet, after: RuleSet, options: DiffOptions = {}): ChangeSet {
  const changes: Change[] = [];
  const push = (change: Change): void => {
    changes.push(change);
  };

  // Modifications and documents: what the text declares about itself.
  pairs(
    before.modifications,
    after.modifications,
    (entry) => entry.id,
    (old, now, id) => {
      const doc = (now ? after : before).documents.find((document) => document.modifications.includes(id));
      const source = documentSource(doc?.file ?? '');
      const subject = `modification ${id}`;
      if (!old || !now)
        push(
          entryChange('modification', old ? 'removed' : 'added', `modification:${id}`, subject, { modification: id }, old ?? now!, source),
        );
      else {
        for (const field of ['title', 'implementationDate'] as const) {
          if (old[field] !== now[field])
            push(
              fieldChange(
                'modification',
                `modification:${id}:${field}`,
                subject,
                field,
                old[field],
                now[field],
                { modification: id },
                source,
                source,
              ),
            );
        }
      }
    },
  );
  pairs(
    before.documents,
    after.documents,
    (entry) => entry.file,
    (old, now, file) => {
      const source = documentSource(file);
      const subject = `document ${file}`;
      if (!old || !now) push(entryChange('document', old ? 'removed' : 'added', `document:${file}`, subject, {}, old ?? now!, source));
      else {
        for (const field of ['document', 'id', 'title', 'modifications', 'external'] as const) {
          if (!same(old[field], now[field]))
            push(fieldChange('document', `document:${file}:${field}`, subject, field, old[field], now[field], {}, source, source));
        }
      }
    },
  );

  // User Roles.
  pairs(
    before.userRoles,
    after.userRoles,
    (role) => role.id,
    (old, now, id) => {
      const subject = `User Role ${id}`;
      if (!old || !now) {
        const role = (old ?? now)!;
        push(
          entryChange(
            'user-role',
            old ? 'removed' : 'added',
            `user-role:${id}`,
            `${subject} (${role.name})`,
            { role: id },
            withoutSource(role),
            role.source,
          ),
        );
        return;
      }
      for (const field of ['name', 'partyCategory'] as const) {
        if (old[field] !== now[field])
          push(
            fieldChange(
              'user-role',
              `user-role:${id}:${field}`,
              subject,
              field,
              old[field],
              now[field],
              { role: id },
              now.source,
              old.source,
            ),
          );
      }
    },
  );

  // Service Requests and their flags.
  pairs(
    before.serviceRequests,
    after.serviceRequests,
    (sr) => sr.ref,
    (old, now, ref) => {
      const subject = `SR ${ref}`;
      if (!old || !now) {
        const sr = (old ?? now)!;
        push(
          entryChange(
            'service-request',
            old ? 'removed' : 'added',
            `service-request:${ref}`,
            `${subject} (${sr.name})`,
            { sr: ref },
            serviceRequestFields(sr),
            sr.source,
          ),
        );
        return;
      }
      for (const field of SR_FIELDS) {
        if (old[field] === now[field]) continue;
        const change = fieldChange(
          'service-request',
          `service-request:${ref}:${field}`,
          `${subject} ${SR_FIELD_TITLES[field]}`,
          field,
          old[field],
          now[field],
          { sr: ref },
          now.sources[field],
          old.sources[field],
        );
        push(change);
      }
    },
  );

  // Eligibility: the set of (SR, role) pairs that may be sent. A `No` cell is the same as no cell.
  const eligibleBefore = before.eligibility.filter((entry) => entry.eligible);
  const eligibleAfter = after.eligibility.filter((entry) => entry.eligible);
  pairs(
    eligibleBefore,
    eligibleAfter,
    (entry) => `${entry.sr} ${entry.role}`,
    (old, now) => {
      if (old && now) return;
      const entry = (old ?? now)!;
      const sign = old ? '−' : '+';
      push({
        id: `eligibility:${entry.sr}:${entry.role}`,
        kind: 'eligibility',
        action: old ? 'removed' : 'added',
        subject: `eligibility SR ${entry.sr} ${sign} ${entry.role}`,
        summary: `eligibility SR ${entry.sr} ${sign} ${entry.role}`,
        sr: entry.sr,
        role: entry.role,
        ...(old ? { before: { eligible: true } } : { after: { eligible: true } }),
        document: entry.source.file,
        source: entry.source,
      });
    },
  );

  // Target Response Times: seconds and footnotes; the spelling of a duration is not a change.
  pairs(before.trt, after.trt, trtKey, (old, now) => {
    const entry = (now ?? old)!;
    const ids = { sr: entry.sr, role: entry.role, smets: entry.smets, mode: entry.mode };
    const subject = `TRT SR ${entry.sr}, ${entry.role}, SMETS${entry.smets}, ${entry.mode}`;
    const id = `trt:${entry.sr}:${entry.role}:${entry.smets}:${entry.mode}`;
    if (!old || !now) {
      push({
        ...entryChange('trt', old ? 'removed' : 'added', id, subject, ids, trtFields(entry), entry.source),
        summary: `${subject} ${old ? 'removed' : 'added'}: ${trtValue(entry)}`,
        ...(old ? { from: trtValue(entry) } : { to: trtValue(entry) }),
      });
      return;
    }
    if (old.seconds === now.seconds && same([...old.notes].sort(), [...now.notes].sort())) return;
    push(
      entryChanged(
        'trt',
        id,
        subject,
        `${subject}: ${trtValue(old)} → ${trtValue(now)}`,
        { ...ids, from: trtValue(old), to: trtValue(now) },
        trtFields(old),
        trtFields(now),
        now.source,
        old.source,
      ),
    );
  });

  // Clauses, by fingerprint of their text.
  pairs(
    before.clauses,
    after.clauses,
    (clause) => clause.id,
    (old, now, id) => {
      const clause = (now ?? old)!;
      const title = clause.title ? ` ${clause.title}` : '';
      if (!old || !now) {
        push(
          entryChange(
            'clause',
            old ? 'removed' : 'added',
            `clause:${id}`,
            `clause ${id}${title}`,
            { clause: id },
            clauseFields(clause),
            clause.source,
          ),
        );
        return;
      }
      if (old.fingerprint === now.fingerprint && old.file === now.file) return;
      const what =
        old.title !== now.title
          ? `title “${old.title}” → “${now.title}”`
          : old.file !== now.file
            ? `moved ${old.file} → ${now.file}`
            : 'text changed';
      push(
        entryChanged(
          'clause',
          `clause:${id}`,
          `clause ${id}${title}`,
          `clause ${id}${title}: ${what}`,
          { clause: id, from: short(old.fingerprint), to: short(now.fingerprint) },
          clauseFields(old),
          clauseFields(now),
          now.source,
          old.source,
        ),
      );
    },
  );

  // Clause rules: any field of the rule (a re-reviewed fingerprint included).
  pairs(
    before.clauseRules,
    after.clauseRules,
    (rule) => rule.id,
    (old, now, id) => {
      const rule = (now ?? old)!;
      const ids = { rule: id, clause: rule.clause };
      const subject = `rule ${id} (${rule.kind})`;
      if (!old || !now) {
        push(entryChange('clause-rule', old ? 'removed' : 'added', `clause-rule:${id}`, subject, ids, withoutSource(rule), rule.source));
        return;
      }
      const a = withoutSource(old) as Record<string, unknown>;
      const b = withoutSource(now) as Record<string, unknown>;
      const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((field) => !same(a[field], b[field])).sort();
      if (fields.length === 0) return;
      push(
        entryChanged(
          'clause-rule',
          `clause-rule:${id}`,
          subject,
          `${subject}: ${fields.join(', ')} changed`,
          { ...ids, field: fields.join(',') },
          a,
          b,
          now.source,
          old.source,
        ),
      );
    },
  );

  // Footnotes, per document and label.
  pairs(
    before.footnotes,
    after.footnotes,
    (note) => `${note.file} ${note.label}`,
    (old, now) => {
      const note = (now ?? old)!;
      const subject = `footnote [^${note.label}] of ${note.file}`;
      const ids = { footnote: note.label };
      if (!old || !now) {
        push(
          entryChange(
            'footnote',
            old ? 'removed' : 'added',
            `footnote:${note.file}:${note.label}`,
            subject,
            ids,
            footnoteFields(note),
            note.source,
          ),
        );
        return;
      }
      if (old.text === now.text) return;
      push({
        ...fieldChange('footnote', `footnote:${note.file}:${note.label}`, subject, 'text', old.text, now.text, ids, now.source, old.source),
        summary: `${subject}: text changed`,
      });
    },
  );

  changes.sort(compareChanges);
  return {
    from: options.from ?? before.view,
    to: options.to ?? after.view,
    modifications: after.modifications.map((modification) => modification.id),
    summary: summarise(changes),
    changes,
  };
}

/** The change set as it is written to rules/change-set.json. */
export function changeSetJson(changeSet: ChangeSet): string {
  return `${JSON.stringify({ $schema: './schema/change-set.schema.json', ...changeSet }, null, 2)}\n`;
}

export function emptyCounts(): ChangeCounts {
  return { added: 0, removed: 0, changed: 0, total: 0 };
}

export function summarise(changes: readonly Change[]): ChangeSet['summary'] {
  const total = emptyCounts();
  const byKind: Record<string, ChangeCounts> = {};
  const byDocument: Record<string, ChangeCounts> = {};
  for (const change of changes) {
    for (const counts of [total, (byKind[change.kind] ??= emptyCounts()), (byDocument[change.document] ??= emptyCounts())]) {
      counts[change.action]++;
      counts.total++;
    }
  }
  return {
    total,
    byKind: Object.fromEntries(CHANGE_KINDS.filter((kind) => byKind[kind]).map((kind) => [kind, byKind[kind]!])),
    byDocument: Object.fromEntries(
      Object.keys(byDocument)
        .sort()
        .map((key) => [key, byDocument[key]!]),
    ),
  };
}

/** `file:line:column` of a change's source. */

/** A duration for people: `16 s`, `5,600 s`, `24 h`, `N/A`; footnotes as `[^label]`. */
export function formatSeconds(seconds: number | null): string {
  if (seconds === null) return 'N/A';
  if (seconds % 3600 === 0) return `${(seconds / 3600).toLocaleString('en-GB')} h`;
  if (seconds % 60 === 0 && seconds >= 600) return `${(seconds / 60).toLocaleString('en-GB')} min`;
  return `${seconds.toLocaleString('en-GB')} s`;
}

function trtValue(entry: Trt): string {
  return [formatSeconds(entry.seconds), ...entry.notes.map((note) => `[^${note}]`)].join(' ');
}

function trtKey(entry: Trt): string {
  return `${entry.sr} ${entry.role} ${entry.smets} ${entry.mode}`;
}

function trtFields(entry: Trt): Record<string, unknown> {
  return { seconds: entry.seconds, text: entry.text, notes: entry.notes };
}

function serviceRequestFields(sr: ServiceRequest): Record<string, unknown> {
  return Object.fromEntries(SR_FIELDS.map((field) => [field, sr[field]]));
}

function clauseFields(clause: Clause): Record<string, unknown> {
  return { title: clause.title, file: clause.file, paragraphs: clause.paragraphs, fingerprint: clause.fingerprint };
}

function footnoteFields(note: Footnote): Record<string, unknown> {
  return { file: note.file, label: note.label, text: note.text };
}

function withoutSource(entry: UserRole | ClauseRule): Record<string, unknown> {
  const { source: _source, ...rest } = entry as unknown as Record<string, unknown>;
  return rest;
}

function display(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

function short(fingerprint: string): string {
  return `${fingerprint.slice(0, 7 + 12)}…`;
}

function documentSource(file: string): Source {
  return { file, line: 1, column: 1, endLine: 1, endColumn: 1 };
}

type Identity = Partial<Pick<Change, 'sr' | 'role' | 'smets' | 'mode' | 'clause' | 'rule' | 'footnote' | 'modification'>>;

function entryChange(
  kind: ChangeKind,
  action: 'added' | 'removed',
  id: string,
  subject: string,
  ids: Identity,
  entry: object,
  source: Source,
): Change {
  return {
    id,
    kind,
    action,
    subject,
    summary: `${subject} ${action}`,
    ...ids,
    ...(action === 'removed' ? { before: entry } : { after: entry }),
    document: source.file,
    source,
  };
}

/** A whole entry that changed: its fields before and after, placed at the redline that changes it. */
function entryChanged(
  kind: ChangeKind,
  id: string,
  subject: string,
  summary: string,
  extra: Partial<Change>,
  before: object,
  after: object,
  source: Source,
  beforeSource: Source,
): Change {
  return { id, kind, action: 'changed', subject, summary, ...extra, before, after, document: source.file, source, beforeSource };
}

function fieldChange(
  kind: ChangeKind,
  id: string,
  subject: string,
  field: string,
  old: unknown,
  now: unknown,
  ids: Identity,
  source: Source,
  beforeSource: Source,
): Change {
  return {
    id,
    kind,
    action: 'changed',
    subject,
    summary: `${subject}: ${display(old)} → ${display(now)}`,
    field,
    ...ids,
    from: display(old),
    to: display(now),
    before: { [field]: old },
    after: { [field]: now },
    document: source.file,
    source,
    beforeSource,
  };
}

/** Calls `visit` once per key in either list (first occurrence wins), in a stable order. */
function pairs<T>(
  before: readonly T[],
  after: readonly T[],
  key: (entry: T) => string,
  visit: (old: T | undefined, now: T | undefined, key: string) => void,
): void {
  const old = new Map<string, T>();
  for (const entry of before) if (!old.has(key(entry))) old.set(key(entry), entry);
  const now = new Map<string, T>();
  for (const entry of after) if (!now.has(key(entry))) now.set(key(entry), entry);
  for (const [name, entry] of now) visit(old.get(name), entry, name);
  for (const [name, entry] of old) if (!now.has(name)) visit(entry, undefined, name);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function compareChanges(a: Change, b: Change): number {
  return (
    a.document.localeCompare(b.document) ||
    CHANGE_KINDS.indexOf(a.kind) - CHANGE_KINDS.indexOf(b.kind) ||
    (a.sr && b.sr ? compareSrRefs(a.sr, b.sr) : 0) ||
    a.source.line - b.source.line ||
    a.source.column - b.source.column ||
    a.id.localeCompare(b.id)
  );
}
