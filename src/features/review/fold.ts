/**
 * The change list as a reviewer reads it: one line per thing the redline does, in the words of
 * the text. A TRT cell of the `Eligible User Roles` columns changes one entry per eligible role,
 * so the same before → after for the same SR and mode is one line (`for all Users` when, after
 * the change, every User with that TRT has the new value); a User Role's new TRTs are one line
 * per SR, folded under one line per role; a role's new eligibility is one line. Every change of
 * the change set belongs to exactly one line.
 */
import { groupBy } from '../../shared/group-by.js';
import type { Change, ChangeAction, ChangeKind } from '../changeset/diff.js';
import { describeChange, type Part } from './describe.js';
import { listWords, trtValue, type Words } from './words.js';

export type { Part };

export interface Line {
  kind: ChangeKind;
  action: ChangeAction | 'mixed';
  /** Every change the line stands for (members' included). */
  changes: Change[];
  parts: Part[];
  /** Lines folded under this one, shown on demand. */
  members?: Line[];
}

/** The lines of one kind of change in one document, in the order of the text. */
export function foldChanges(kind: ChangeKind, changes: readonly Change[], words: Words): Line[] {
  const lines =
    kind === 'trt'
      ? [...trtChangedLines(changes, words), ...trtWholeLines(changes, words)]
      : kind === 'eligibility'
        ? eligibilityLines(changes, words)
        : changes.map((change) => ({ kind, action: change.action, changes: [change], parts: describeChange(change, words) }));
  return lines.sort((a, b) => comparePlace(a.changes[0], b.changes[0]));
}

function comparePlace(a: Change | undefined, b: Change | undefined): number {
  return (a?.source.line ?? 0) - (b?.source.line ?? 0) || (a?.source.column ?? 0) - (b?.source.column ?? 0);
}

/** Items grouped by a key, as lists in the order their first item comes. */
function groupsOf<T>(items: readonly T[], key: (item: T) => string): T[][] {
  return [...groupBy(items, key).values()];
}

function valueParts(value: { text: string; notes: string[] }, document: string, wrap: 'del' | 'ins' | undefined): Part[] {
  const text: Part = wrap === 'del' ? { del: value.text } : wrap === 'ins' ? { ins: value.text } : value.text;
  return [text, ...value.notes.map((note) => ({ note, document }))];
}

/** Changed TRTs: the same SR, mode, before and after and roles are one line (SMETS generations joined). */
function trtChangedLines(changes: readonly Change[], words: Words): Line[] {
  const changed = changes.filter((change) => change.action === 'changed');
  const key = (change: Change) => {
    const { text: from, notes: fromNotes } = trtValue(change, 'before');
    const { text: to, notes: toNotes } = trtValue(change, 'after');
    return JSON.stringify([change.sr, change.mode, from, fromNotes, to, toNotes]);
  };
  const lines: Line[] = [];
  for (const sameValue of groupsOf(changed, key)) {
    // One line per set of roles: SMETS generations whose cells change the same roles go together.
    const bySmets = groupsOf(sameValue, (change) => String(change.smets));
    const byRoles = groupsOf(bySmets, (group) => rolesKey(group));
    for (const smetsGroups of byRoles) {
      const group = smetsGroups.flat();
      const [first] = group;
      if (!first) continue;
      const smets = smetsGroups.map((entries) => `SMETS${entries[0]?.smets ?? ''}`);
      lines.push({
        kind: 'trt',
        action: 'changed',
        changes: group,
        parts: [
          `${words.serviceRequest(first.sr)}, ${listWords(smets)} ${words.mode(first.mode)}: `,
          ...valueParts(trtValue(first, 'before'), first.document, 'del'),
          ' → ',
          ...valueParts(trtValue(first, 'after'), first.document, 'ins'),
          ` ${whoseTrt(smetsGroups, words)}`,
        ],
      });
    }
  }
  return lines;
}

function rolesKey(changes: readonly Change[]): string {
  return changes
    .map((change) => change.role ?? '')
    .sort()
    .join(' ');
}

/**
 * `for all Users` when, for each SMETS generation, the change reaches every role that had this TRT
 * and every role with it afterwards has the new value; otherwise the roles by name.
 */
function whoseTrt(smetsGroups: readonly Change[][], words: Words): string {
  const all = smetsGroups.every((group) => {
    const [first] = group;
    if (!first?.sr || first.smets === undefined || !first.mode) return false;
    const reached = new Set(group.map((change) => change.role));
    const before = words.trtRoles('baseline', first.sr, first.smets, first.mode);
    const after = words.trtRoles('modified', first.sr, first.smets, first.mode);
    const seconds = (first.after as { seconds?: number | null } | undefined)?.seconds;
    return [...before.keys()].every((role) => reached.has(role)) && [...after.values()].every((value) => value === seconds);
  });
  if (all) return 'for all Users';
  const roles = [...new Set(smetsGroups.flat().map((change) => change.role ?? ''))].sort((a, b) => words.roleOrder(a) - words.roleOrder(b));
  return `for ${roles.length > 3 ? `${roles.length} User Roles: ` : ''}${listWords(roles.map((role) => words.role(role)))}`;
}

/** A role's TRTs added or removed: one line per SR with its values, folded under one line per role. */
function trtWholeLines(changes: readonly Change[], words: Words): Line[] {
  const whole = changes.filter((change) => change.action !== 'changed');
  const lines: Line[] = [];
  for (const ofRole of groupsOf(whole, (change) => `${change.action}|${change.role ?? ''}`)) {
    const [first] = ofRole;
    if (!first) continue;
    const verb = first.action === 'added' ? 'added' : 'removed';
    const side = first.action === 'added' ? 'after' : 'before';
    const perSr = groupsOf(ofRole, (change) => change.sr ?? '').map((ofSr): Line => ({
      kind: 'trt',
      action: first.action,
      changes: ofSr,
      parts: [
        `${words.serviceRequest(ofSr[0]?.sr)}: `,
        ...ofSr.flatMap((change, index) => [
          ...(index > 0 ? ['; '] : []),
          `SMETS${change.smets ?? ''} ${words.mode(change.mode)} `,
          ...valueParts(trtValue(change, side), change.document, undefined),
        ]),
      ],
    }));
    const role = words.role(first.role);
    if (perSr.length === 1 && perSr[0]) {
      lines.push({ ...perSr[0], parts: [`Target Response Times ${verb} for ${role}, `, ...perSr[0].parts] });
      continue;
    }
    lines.push({
      kind: 'trt',
      action: first.action,
      changes: ofRole,
      parts: [`Target Response Times ${verb} for ${role}: ${perSr.length} Service Requests, ${ofRole.length} values`],
      members: perSr,
    });
  }
  return lines;
}

/** A role made eligible (or no longer eligible) for several SRs is one line listing them. */
function eligibilityLines(changes: readonly Change[], words: Words): Line[] {
  return groupsOf(changes, (change) => `${change.action}|${change.role ?? ''}`).map((group) => {
    const [first] = group;
    const role = words.role(first?.role);
    const verb = first?.action === 'removed' ? 'no longer eligible to send' : 'made eligible to send';
    if (group.length === 1)
      return {
        kind: 'eligibility',
        action: first?.action ?? 'added',
        changes: group,
        parts: [`${role} ${verb} ${words.serviceRequest(first?.sr)}`],
      };
    // Each SR its own link, to its cell in Appendix E.
    const links: Part[] = group.flatMap((change, index) => [
      ...(index === 0 ? [] : [index === group.length - 1 ? ' and ' : ', ']),
      { change: change.id, text: change.sr ?? '' },
    ]);
    return {
      kind: 'eligibility',
      action: first?.action ?? 'added',
      changes: group,
      parts: [`${role} ${verb} ${group.length} Service Requests: SR `, ...links],
    };
  });
}
