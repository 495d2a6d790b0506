/**
 * Changes to the tables: eligibility (Appendix E) as the set of (SR, role) pairs that may be
 * sent, and Target Response Times (Appendix AB) by seconds and footnotes.
 */
import type { RuleSet, Trt } from '../../../shared/model.js';
import { entryAddress } from '../../../shared/address.js';
import { type Change, entryChange, entryChanged, pairs, same } from './change.js';
import { groupThousands } from '../../../shared/order.js';

/** A `No` cell is the same as no cell: only eligible pairs are compared. */
export function diffEligibility(before: RuleSet, after: RuleSet): Change[] {
  const changes: Change[] = [];
  pairs(
    before.eligibility.filter((entry) => entry.eligible),
    after.eligibility.filter((entry) => entry.eligible),
    (entry) => `${entry.sr} ${entry.role}`,
    (old, now) => {
      const entry = old ?? now;
      if ((old && now) || !entry) return;
      const sign = old ? '−' : '+';
      changes.push({
        id: entryAddress('eligibility', entry),
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
  return changes;
}

/** Seconds and footnotes; the spelling of a duration is not a change. */
export function diffTrt(before: RuleSet, after: RuleSet): Change[] {
  const changes: Change[] = [];
  pairs(before.trt, after.trt, trtKey, (old, now) => {
    const entry = now ?? old;
    if (!entry || (old && now && sameTrt(old, now))) return;
    const ids = { sr: entry.sr, role: entry.role, smets: entry.smets, mode: entry.mode };
    const subject = `TRT SR ${entry.sr}, ${entry.role}, SMETS${entry.smets}, ${entry.mode}`;
    const id = entryAddress('trt', entry);
    if (!old || !now) {
      changes.push({
        ...entryChange('trt', old ? 'removed' : 'added', id, subject, ids, trtFields(entry), entry.source),
        summary: `${subject} ${old ? 'removed' : 'added'}: ${trtValue(entry)}`,
        ...(old ? { from: trtValue(entry) } : { to: trtValue(entry) }),
      });
      return;
    }
    changes.push(
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
  return changes;
}

/** A duration for people: `16 s`, `5,600 s`, `24 h`, `N/A`; footnotes as `[^label]`. */
export function formatSeconds(seconds: number | null): string {
  if (seconds === null) return 'N/A';
  if (seconds % 3600 === 0) return `${groupThousands(seconds / 3600)} h`;
  if (seconds % 60 === 0 && seconds >= 600) return `${groupThousands(seconds / 60)} min`;
  return `${groupThousands(seconds)} s`;
}

function trtValue(entry: Trt): string {
  return [formatSeconds(entry.seconds), ...entry.notes.map((note) => `[^${note}]`)].join(' ');
}

/** The same seconds and footnotes (in any order): the spelling of a duration is not a change. */
function sameTrt(old: Trt, now: Trt): boolean {
  if (old === now) return true;
  if (old.seconds !== now.seconds) return false;
  if (old.notes.length !== now.notes.length) return false;
  if (old.notes.every((note, index) => note === now.notes[index])) return true;
  return same([...old.notes].sort(), [...now.notes].sort());
}

function trtKey(entry: Trt): string {
  return `${entry.sr} ${entry.role} ${entry.smets} ${entry.mode}`;
}

function trtFields(entry: Trt): Record<string, unknown> {
  return { seconds: entry.seconds, text: entry.text, notes: entry.notes };
}
