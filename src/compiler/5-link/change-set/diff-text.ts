/**
 * Changes to the prose: clauses (by fingerprint of their text), the literate clause rules (any
 * field, a re-reviewed fingerprint included) and footnotes (per document and label).
 */
import type { Clause, Footnote, RuleSet } from '../../../shared/model.js';
import { address, entryAddress } from '../../../shared/address.js';
import { type Change, entryChange, entryChanged, fieldChange, pairs, same, withoutSource } from './change.js';

export function diffClauses(before: RuleSet, after: RuleSet): Change[] {
  const changes: Change[] = [];
  pairs(
    before.clauses,
    after.clauses,
    (clause) => clause.id,
    (old, now, id) => {
      const clause = now ?? old;
      if (!clause) return;
      const subject = `clause ${id}${clause.title ? ` ${clause.title}` : ''}`;
      if (!old || !now) {
        changes.push(
          entryChange(
            'clause',
            old ? 'removed' : 'added',
            address('clause', id),
            subject,
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
      changes.push(
        entryChanged(
          'clause',
          address('clause', id),
          subject,
          `${subject}: ${what}`,
          { clause: id, from: short(old.fingerprint), to: short(now.fingerprint) },
          clauseFields(old),
          clauseFields(now),
          now.source,
          old.source,
        ),
      );
    },
  );
  return changes;
}

export function diffClauseRules(before: RuleSet, after: RuleSet): Change[] {
  const changes: Change[] = [];
  pairs(
    before.clauseRules,
    after.clauseRules,
    (rule) => rule.id,
    (old, now, id) => {
      const rule = now ?? old;
      if (!rule) return;
      const ids = { rule: id, clause: rule.clause };
      const subject = `rule ${id} (${rule.kind})`;
      if (!old || !now) {
        changes.push(
          entryChange('clause-rule', old ? 'removed' : 'added', address('clause-rule', id), subject, ids, withoutSource(rule), rule.source),
        );
        return;
      }
      const a = withoutSource(old);
      const b = withoutSource(now);
      const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((field) => !same(a[field], b[field])).sort();
      if (fields.length === 0) return;
      changes.push(
        entryChanged(
          'clause-rule',
          address('clause-rule', id),
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
  return changes;
}

export function diffFootnotes(before: RuleSet, after: RuleSet): Change[] {
  const changes: Change[] = [];
  pairs(
    before.footnotes,
    after.footnotes,
    (note) => `${note.file} ${note.label}`,
    (old, now) => {
      const note = now ?? old;
      if (!note) return;
      const subject = `footnote [^${note.label}] of ${note.file}`;
      const ids = { footnote: note.label };
      const id = entryAddress('footnote', note);
      if (!old || !now) {
        changes.push(entryChange('footnote', old ? 'removed' : 'added', id, subject, ids, footnoteFields(note), note.source));
        return;
      }
      if (old.text === now.text) return;
      changes.push({
        ...fieldChange('footnote', id, subject, 'text', old.text, now.text, ids, now.source, old.source),
        summary: `${subject}: text changed`,
      });
    },
  );
  return changes;
}

function clauseFields(clause: Clause): Record<string, unknown> {
  return { title: clause.title, file: clause.file, paragraphs: clause.paragraphs, fingerprint: clause.fingerprint };
}

function footnoteFields(note: Footnote): Record<string, unknown> {
  return { file: note.file, label: note.label, text: note.text };
}

function short(fingerprint: string): string {
  return `${fingerprint.slice(0, 7 + 12)}…`;
}
