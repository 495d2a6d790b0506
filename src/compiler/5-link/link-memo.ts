/**
 * Linking kept between compilations in one compile context (a language server; the several
 * versions one `secc check` links). Three things make an edit cost what it reaches:
 *
 * - **Facts kept the same objects.** A document's facts are new objects whenever it is extracted
 *   again (the edited document, each version's own projection of it). Each list of them (a table
 *   kind's rows, the clauses, …) and each item is compared with the lists that document had
 *   recently; an equal item or list is replaced by the earlier object.
 * - **Each part linked once per input.** A table kind's link, the clauses, the clause rules and the
 *   footnotes are each kept by their inputs' identities (the documents' lists and what the kinds
 *   before gave); the same inputs give the same entries (the very arrays) and the same findings,
 *   reported again on the new compilation's files.
 * - **Entries kept the same objects.** A part linked again makes new entries; one equal, field by
 *   field, to an entry made earlier from the same source object is replaced by that entry.
 *
 * So an unchanged entry is the same object in every compilation, and the change set (per SR,
 * change-set/diff-memo.ts) and later steps can key on identity. Results unused by the last two
 * compilations are dropped.
 */
import { jsonEqual } from '../../shared/json-equal.js';
import { sameItems } from '../../shared/same-items.js';
import type { ReportOptions } from '../../shared/diagnostics.js';
import type { Source } from '../../shared/model.js';
import type { View } from '../../shared/vocabulary.js';
import type { DocumentFacts, ViewFacts } from '../4-extract/document.js';
import { DiffMemo } from './change-set/diff-memo.js';

/** A finding a part reported, to report again when its result is reused. */
export interface KeptReport {
  document: string;
  reason: string;
  options: Omit<ReportOptions, 'view'>;
}

interface KeptPart {
  value: unknown;
  reports: KeptReport[];
  used: number;
}

interface KeptList {
  list: readonly unknown[];
  used: number;
}

export class LinkMemo {
  /** The change sets' groups (baseline → modified, base → each modification). */
  readonly diffs = new DiffMemo();
  readonly stats = { partHits: 0, partMisses: 0 };
  private generation = 0;
  private nextId = 1;
  private readonly ids = new WeakMap<object, number>();
  private readonly stable = new WeakMap<ViewFacts, ViewFacts>();
  /** Per document and facts field: the lists it had recently. */
  private readonly lists = new Map<string, KeptList[]>();
  private readonly parts = new Map<string, KeptPart>();
  /** Entries made so far, by the source object they were made from. */
  private entries = new WeakMap<Source, object[]>();
  private previousEntries = new WeakMap<Source, object[]>();
  private readonly derivedMemos = new Map<string, WeakMap<object, unknown>>();

  /**
   * A memo of a pure function of an entry or change object, by name (the intent check's pattern
   * lines and identities): those objects are the same while unchanged, so their derived values are too.
   */
  derived<K extends object, V>(name: string): WeakMap<K, V> {
    let memo = this.derivedMemos.get(name);
    if (!memo) this.derivedMemos.set(name, (memo = new WeakMap()));
    return memo as WeakMap<K, V>;
  }

  /** A new compilation starts: what the one before the last did not use is dropped. */
  nextGeneration(): void {
    this.generation++;
    this.diffs.nextGeneration();
    const stale = this.generation - 2;
    for (const [key, kept] of this.lists) {
      const fresh = kept.filter((entry) => entry.used >= stale);
      if (fresh.length === 0) this.lists.delete(key);
      else this.lists.set(key, fresh);
    }
    for (const [key, part] of this.parts) if (part.used < stale) this.parts.delete(key);
    this.previousEntries = this.entries;
    this.entries = new WeakMap();
  }

  /** A number naming an object (a list, an entry array) in signatures. */
  id(value: object): number {
    let known = this.ids.get(value);
    if (known === undefined) {
      known = this.nextId++;
      this.ids.set(value, known);
    }
    return known;
  }

  /** The view's facts of a document, each list and item replaced by an equal one the document had recently. */
  facts(document: DocumentFacts, view: View): ViewFacts {
    const facts = document.views[view];
    const known = this.stable.get(facts);
    if (known) return known;
    const out: Record<string, unknown> = { ...facts };
    for (const [field, value] of Object.entries(facts)) {
      if (Array.isArray(value)) out[field] = this.list(`${document.name}\u0000${field}`, value);
    }
    const stable = out as ViewFacts;
    this.stable.set(facts, stable);
    this.stable.set(stable, stable);
    return stable;
  }

  private list(key: string, list: readonly unknown[]): readonly unknown[] {
    const kept = this.lists.get(key) ?? [];
    this.lists.set(key, kept);
    const same = kept.find((entry) => entry.list === list);
    if (same) {
      same.used = this.generation;
      return list;
    }
    const items: unknown[] = [];
    let preferred = kept.length - 1;
    list.forEach((item, index) => {
      // The very object first (extraction keeps an unread table's rows): no comparison of values.
      if (kept.some((candidate) => candidate.list[index] === item)) {
        items.push(item);
        return;
      }
      for (let tried = 0; tried < kept.length; tried++) {
        const candidate = kept[(preferred - tried + kept.length) % kept.length] as KeptList;
        const earlier = candidate.list[index];
        // Equal as committed text (key order counts): reusing the earlier object changes no output byte.
        if (earlier !== undefined && jsonEqual(earlier, item)) {
          preferred = kept.indexOf(candidate);
          items.push(earlier);
          return;
        }
      }
      items.push(item);
    });
    const whole = kept.find((entry) => sameItems(entry.list, items));
    if (whole) {
      whole.used = this.generation;
      return whole.list;
    }
    kept.push({ list: items, used: this.generation });
    return items;
  }

  /**
   * A part's result for a signature of its inputs: kept, with its findings reported again, or
   * made by `make` (its findings recorded through the `report` it is given).
   */
  part<T>(signature: string, report: (entry: KeptReport) => void, make: (report: (entry: KeptReport) => void) => T): T {
    const kept = this.parts.get(signature);
    if (kept) {
      this.stats.partHits++;
      kept.used = this.generation;
      for (const entry of kept.reports) report(entry);
      return kept.value as T;
    }
    this.stats.partMisses++;
    const reports: KeptReport[] = [];
    const value = make((entry) => {
      reports.push(entry);
      report(entry);
    });
    this.parts.set(signature, { value, reports, used: this.generation });
    return value;
  }

  /** The array kept under `key` with the very same items, else `items` (kept for next time). */
  sameArray<T>(key: string, items: T[]): T[] {
    const kept = this.lists.get(key) ?? [];
    this.lists.set(key, kept);
    const same = kept.find((entry) => sameItems(entry.list, items));
    if (same) {
      same.used = this.generation;
      return same.list as T[];
    }
    kept.push({ list: items, used: this.generation });
    return items;
  }

  /** New entries, each replaced by an equal one (field by field) made earlier from the same source. */
  entriesOf<T extends { source: Source }>(made: T[]): T[] {
    return made.map((entry) => {
      const equal = (candidate: object) => shallowEqual(candidate, entry);
      const match = (this.entries.get(entry.source)?.find(equal) ?? this.previousEntries.get(entry.source)?.find(equal)) as T | undefined;
      const out = match ?? entry;
      const current = this.entries.get(entry.source);
      if (!current) this.entries.set(entry.source, [out]);
      else if (!current.includes(out)) current.push(out);
      return out;
    });
  }
}

/** The same keys with identical values (entries hold primitives and objects shared with their facts). */
function shallowEqual(a: object, b: object): boolean {
  if (a === b) return true;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  for (const key of keys) if (left[key] !== right[key] || !(key in right)) return false;
  return true;
}
