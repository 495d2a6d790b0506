/** Where User Roles are defined and where they are named, per view (shared by the two role rules). */
import type { Root } from 'mdast';
import type { Position } from 'unist';
import type { View } from '../../../shared/vocabulary.js';
import type { RoleRow } from '../../../compiler/4-extract/tables.js';
import { ELIGIBLE_USER_ROLES } from '../../../shared/vocabulary.js';
import type { LintDocument } from '../types.js';
import { matchPlace, proseTexts } from '../util.js';

export interface RoleMention {
  document: LintDocument;
  name: string;
  place: Position | undefined;
}

/** Words that open a sentence before `User Role` without naming a role. */
const NOT_A_ROLE = new Set(['The', 'A', 'An', 'Each', 'Every', 'That', 'This', 'Any', 'Its', 'Their', 'One', 'Which', 'Such', 'Same', 'Other']);
const BEFORE = /((?:[A-Z][\w-]*\s)+)User Roles?\b/g;
const AFTER = /\bUser Roles? of\s/g;
const NAME = /^[A-Z][\w-]*(?: [A-Z][\w-]*)*/;
const JOINER = /^(?:,\s+(?:or\s+|and\s+)?|\s+or\s+|\s+and\s+)(?=[A-Z])/;

export function definedRoles(documents: readonly LintDocument[], view: View): Array<{ document: LintDocument; row: RoleRow }> {
  return documents.flatMap((document) => document.facts.views[view].roleRows.map((row) => ({ document, row })));
}

/** Role names in prose: `X User Role`, `User Role of X, Y or Z`. */
export function proseMentions(documents: readonly LintDocument[], view: View): RoleMention[] {
  return documents.flatMap((document) => {
    const tree = document.projection(view);
    if (!tree) return [];
    return documentMentions(tree, document.file).map((mention) => ({ document, ...mention }));
  });
}

/** The User Roles a projected tree's prose names, in text order (walked once per tree). */
export function documentMentions(tree: Root, file: { value: unknown }): ReadonlyArray<Omit<RoleMention, 'document'>> {
  let found = mentionsIn.get(tree);
  if (!found) {
    found = treeMentions(tree, file);
    mentionsIn.set(tree, found);
  }
  return found;
}

/** By projected tree, which is never changed once made: each is read once however many rules ask. */
const mentionsIn = new WeakMap<Root, Array<Omit<RoleMention, 'document'>>>();

function treeMentions(tree: Root, file: { value: unknown }): Array<Omit<RoleMention, 'document'>> {
  const mentions: Array<Omit<RoleMention, 'document'>> = [];
  for (const hit of proseTexts(tree, file)) {
    if (!hit.value.includes('User Role')) continue; // both patterns name `User Role`: most text (every table cell) is not scanned
    for (const match of hit.value.matchAll(BEFORE)) {
      // Read back from `User Role` while the words are capitalised words (not `H1`, not `MDR`).
      const [, before = ''] = match;
      const words: string[] = [];
      for (const word of before.trim().split(' ').reverse()) {
        if (!/^[A-Z][a-z][\w'-]*$/.test(word) || NOT_A_ROLE.has(word)) break;
        words.unshift(word);
      }
      if (words.length === 0) continue;
      const name = words.join(' ');
      if (name === ELIGIBLE_USER_ROLES.replace(/ User Roles$/, '')) continue;
      const offset = match.index + match[0].indexOf(name);
      mentions.push({ name, place: matchPlace(hit, offset, name.length) });
    }
    for (const match of hit.value.matchAll(AFTER)) {
      let offset = match.index + match[0].length;
      for (;;) {
        const name = NAME.exec(hit.value.slice(offset))?.[0];
        if (!name) break;
        mentions.push({ name, place: matchPlace(hit, offset, name.length) });
        offset += name.length;
        const joiner = JOINER.exec(hit.value.slice(offset));
        if (!joiner) break;
        offset += joiner[0].length;
      }
    }
  }
  return mentions;
}

/** A mention names a role, or a family of roles (`Supplier User Roles`: every `… Supplier`). */
export function resolvesTo(name: string, roleNames: readonly string[]): string[] {
  if (roleNames.includes(name)) return [name];
  return roleNames.filter((role) => role.endsWith(` ${name}`));
}
