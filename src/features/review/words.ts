/**
 * The review page speaks as the text does: User Roles by the names Section H1.1 gives them
 * (`Meter Data Retriever`, never `mdr`), Service Request flags by their column headings in
 * Appendix E (`DCC Scheduled`, never `dccScheduled`), documents by their names (`SEC Appendix AB`),
 * request modes as Appendix AB heads its columns (`On-Demand`), durations as the cell spells them.
 */
import type { RuleSet } from '../../shared/model.js';
import type { View } from '../../shared/vocabulary.js';
import type { Change } from '../changeset/diff.js';

/** Field names of the change set → the words of the text (Appendix E's column headings, Section H1.1's). */
const FIELD_WORDS: Readonly<Record<string, string>> = {
  name: 'name',
  critical: 'Critical',
  nonDevice: 'Non-Device',
  onDemand: 'On Demand',
  futureDated: 'Future Dated',
  dccScheduled: 'DCC Scheduled',
  partyCategory: 'Party Category',
  implementationDate: 'implementation date',
  title: 'title',
  document: 'document name',
  id: 'reference',
  modifications: 'modifications',
  external: 'documents referred to',
};

const MODE_WORDS: Readonly<Record<string, string>> = { scheduled: 'Scheduled', 'on-demand': 'On-Demand' };

export interface Words {
  /** `mdr` → `Meter Data Retriever` (the id itself only for a role neither view names). */
  role(id: string | undefined): string;
  /** `dccScheduled` → `DCC Scheduled`; an unknown field is split into words, never shown in camelCase. */
  field(name: string | undefined): string;
  /** `on-demand` → `On-Demand`. */
  mode(mode: string | undefined): string;
  /** `SR 8.2 Read Inventory` (the name from the later view, else the earlier). */
  serviceRequest(ref: string | undefined): string;
  /** `appendix-ab.md` → `SEC Appendix AB` (the file name when no view names it). */
  document(file: string): string;
  /** Every role with a TRT for an SR, SMETS generation and mode, in a view, with its seconds. */
  trtRoles(view: View, sr: string, smets: number, mode: string): ReadonlyMap<string, number | null>;
  /** The order of User Roles in Section H1.1, to list roles as the text does. */
  roleOrder(id: string): number;
}

export function wordsOf(ruleSets: Partial<Record<View, RuleSet>>): Words {
  const views = [ruleSets.modified, ruleSets.baseline].filter((set): set is RuleSet => set !== undefined);
  const roleNames = new Map<string, string>();
  const srNames = new Map<string, string>();
  const documentNames = new Map<string, string>();
  const order: string[] = [];
  for (const set of views) {
    for (const role of set.userRoles) {
      if (!roleNames.has(role.id)) order.push(role.id);
      if (!roleNames.has(role.id)) roleNames.set(role.id, role.name);
    }
    for (const sr of set.serviceRequests) if (!srNames.has(sr.ref)) srNames.set(sr.ref, sr.name);
    for (const document of set.documents) if (!documentNames.has(document.file)) documentNames.set(document.file, document.document);
  }
  const trtIndex = new Map<string, Map<string, number | null>>();
  for (const view of ['baseline', 'modified'] as const) {
    for (const entry of ruleSets[view]?.trt ?? []) {
      const key = `${view}|${entry.sr}|${entry.smets}|${entry.mode}`;
      const roles = trtIndex.get(key) ?? new Map<string, number | null>();
      roles.set(entry.role, entry.seconds);
      trtIndex.set(key, roles);
    }
  }
  return {
    role: (id) => (id === undefined ? 'every User Role' : (roleNames.get(id) ?? id)),
    field: (name) => (name === undefined ? '' : (FIELD_WORDS[name] ?? splitWords(name))),
    mode: (mode) => (mode === undefined ? '' : (MODE_WORDS[mode] ?? mode)),
    serviceRequest: (ref) => {
      if (ref === undefined) return 'every Service Request';
      const name = srNames.get(ref);
      return name ? `SR ${ref} ${name}` : `SR ${ref}`;
    },
    // A change to the plan itself (a modification no document cites) has no document.
    document: (file) => (file === '' ? 'Modifications' : (documentNames.get(file) ?? file)),
    trtRoles: (view, sr, smets, mode) => trtIndex.get(`${view}|${sr}|${smets}|${mode}`) ?? new Map(),
    roleOrder: (id) => {
      const index = order.indexOf(id);
      return index < 0 ? order.length : index;
    },
  };
}

/** `partyCategory` → `party category`: never an identifier in camelCase on the page. */
export function splitWords(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

/** A list as prose: `A`, `A and B`, `A, B and C`. */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

/** The value of a TRT as the cell spells it (`16 secs`), with its footnote labels. */
export function trtValue(change: Change, side: 'before' | 'after'): { text: string; notes: string[] } {
  const entry = (change[side] ?? {}) as { text?: unknown; notes?: unknown; seconds?: unknown };
  const fallback = side === 'before' ? change.from : change.to;
  const text = typeof entry.text === 'string' ? entry.text : (fallback ?? '').replace(/\s*\[\^[^\]]+\]/g, '');
  const notes = Array.isArray(entry.notes) ? entry.notes.map(String) : [];
  return { text, notes };
}
