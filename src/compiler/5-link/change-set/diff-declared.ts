/**
 * Changes to what the text declares: its modifications and documents (front matter), the User
 * Roles of Section H1.1 and the Service Requests of Appendix E with their flags.
 */
import type { RuleSet } from '../../../shared/model.js';
import { address, fieldAddress } from '../../../shared/address.js';
import { type Change, documentSource, entryChange, fieldChange, pairs, same, withoutSource } from './change.js';

export const SR_FIELDS = ['name', 'critical', 'nonDevice', 'onDemand', 'futureDated', 'dccScheduled'] as const;
const SR_FIELD_TITLES: Record<(typeof SR_FIELDS)[number], string> = {
  name: 'name',
  critical: 'Critical',
  nonDevice: 'Non-Device',
  onDemand: 'On Demand',
  futureDated: 'Future Dated',
  dccScheduled: 'DCC Scheduled',
};

export function diffModifications(before: RuleSet, after: RuleSet): Change[] {
  const changes: Change[] = [];
  pairs(
    before.modifications,
    after.modifications,
    (entry) => entry.id,
    (old, now, id) => {
      const doc = (now ? after : before).documents.find((document) => document.modifications.includes(id));
      const source = documentSource(doc?.file ?? '');
      const subject = `modification ${id}`;
      const entry = old ?? now;
      if ((!old || !now) && entry) {
        changes.push(
          entryChange('modification', old ? 'removed' : 'added', address('modification', id), subject, { modification: id }, entry, source),
        );
        return;
      }
      for (const field of ['title', 'implementationDate'] as const) {
        if (old && now && old[field] !== now[field])
          changes.push(
            fieldChange(
              'modification',
              fieldAddress(address('modification', id), field),
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
    },
  );
  return changes;
}

export function diffDocuments(before: RuleSet, after: RuleSet): Change[] {
  const changes: Change[] = [];
  pairs(
    before.documents,
    after.documents,
    (entry) => entry.file,
    (old, now, file) => {
      const source = documentSource(file);
      const subject = `document ${file}`;
      const entry = old ?? now;
      if ((!old || !now) && entry) {
        changes.push(entryChange('document', old ? 'removed' : 'added', address('document', file), subject, {}, entry, source));
        return;
      }
      for (const field of ['document', 'id', 'title', 'modifications', 'external'] as const) {
        if (old && now && !same(old[field], now[field]))
          changes.push(
            fieldChange(
              'document',
              fieldAddress(address('document', file), field),
              subject,
              field,
              old[field],
              now[field],
              {},
              source,
              source,
            ),
          );
      }
    },
  );
  return changes;
}

export function diffUserRoles(before: RuleSet, after: RuleSet): Change[] {
  const changes: Change[] = [];
  pairs(
    before.userRoles,
    after.userRoles,
    (role) => role.id,
    (old, now, id) => {
      const subject = `User Role ${id}`;
      if (!old || !now) {
        const role = old ?? now;
        if (role)
          changes.push(
            entryChange(
              'user-role',
              old ? 'removed' : 'added',
              address('user-role', id),
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
          changes.push(
            fieldChange(
              'user-role',
              fieldAddress(address('user-role', id), field),
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
  return changes;
}

export function diffServiceRequests(before: RuleSet, after: RuleSet): Change[] {
  const changes: Change[] = [];
  pairs(
    before.serviceRequests,
    after.serviceRequests,
    (sr) => sr.ref,
    (old, now, ref) => {
      const subject = `SR ${ref}`;
      if (!old || !now) {
        const sr = old ?? now;
        if (sr)
          changes.push(
            entryChange(
              'service-request',
              old ? 'removed' : 'added',
              address('service-request', ref),
              `${subject} (${sr.name})`,
              { sr: ref },
              Object.fromEntries(SR_FIELDS.map((field) => [field, sr[field]])),
              sr.source,
            ),
          );
        return;
      }
      for (const field of SR_FIELDS) {
        if (old[field] === now[field]) continue;
        changes.push(
          fieldChange(
            'service-request',
            fieldAddress(address('service-request', ref), field),
            `${subject} ${SR_FIELD_TITLES[field]}`,
            field,
            old[field],
            now[field],
            { sr: ref },
            now.sources[field],
            old.sources[field],
          ),
        );
      }
    },
  );
  return changes;
}
