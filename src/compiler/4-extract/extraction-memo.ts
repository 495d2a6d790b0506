/**
 * Extraction kept between compilations in one compile context, per projected node: projections
 * keep an unchanged block the very node of last time (3-project/block-memo.ts), so a table of it
 * is read again only when the edit reached it, and a block's text and nested code blocks are
 * found once. A table's reading is kept with its findings, which are reported again (as copies:
 * later steps change the messages of a file) on the file of the extraction that reuses it. A
 * table kind reads one table alone (tables/kind.ts), so a table's facts do not depend on the
 * tables read before it.
 */
import type { Code, Heading, Nodes, RootContent, Table } from 'mdast';
import { sameItems } from '../../shared/same-items.js';
import type { OutlineTexts, SectionText } from './outline.js';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { emptyTableFacts, type Facts, type TableContext, type TableKind } from './tables.js';
import { jsonEqual } from '../../shared/json-equal.js';
import { plainText } from './text.js';

/** One table as read in one context: which kind read it, its facts, and its findings. */
interface KeptReading {
  kinds: readonly TableKind[];
  kind: string | undefined;
  facts: Facts;
  messages: VFileMessage[];
}

type ReadTable = (table: Table, context: TableContext, facts: Facts, kinds: readonly TableKind[]) => string | undefined;

export class ExtractionMemo implements OutlineTexts {
  private readonly texts = new WeakMap<Nodes, string>();
  private readonly code = new WeakMap<Nodes, Code[]>();
  private readonly sections = new WeakMap<Heading, { body: readonly RootContent[]; text: SectionText }>();
  private readonly tables = new WeakMap<Table, Map<string, KeptReading>>();
  readonly stats = { tableHits: 0, tableMisses: 0 };

  /** Per document projected by the last two compilations: the last reading of the table at each place (context and line). */
  private readonly places = new Map<string, { used: number; readings: Map<string, KeptReading> }>();
  private generation = 0;

  /** A new compilation starts: places of documents not read by the last two are dropped. */
  nextGeneration(): void {
    this.generation++;
    for (const [name, kept] of this.places) if (kept.used < this.generation - 1) this.places.delete(name);
  }

  /**
   * A table read again (an edit reached it) mostly reads as before: its facts equal, as committed
   * JSON, to those of the last reading at its place are that reading's objects, so linking knows
   * the unchanged rows by identity.
   */
  private keepUnchangedRows(reading: KeptReading, place: string, document: string): void {
    const kept = this.places.get(document) ?? { used: this.generation, readings: new Map<string, KeptReading>() };
    kept.used = this.generation;
    this.places.set(document, kept);
    const places = kept.readings;
    const last = places.get(place);
    places.set(place, reading);
    if (last?.kinds !== reading.kinds) return;
    for (const [name, list] of Object.entries(reading.facts)) {
      const earlier = last.facts[name] ?? [];
      list.forEach((item, index) => {
        if (index < earlier.length && jsonEqual(earlier[index], item)) list[index] = earlier[index];
      });
    }
  }

  /** plainText of a node, once per node. */
  readonly textOf = (node: Nodes): string => {
    let text = this.texts.get(node);
    if (text === undefined) {
      text = plainText(node);
      this.texts.set(node, text);
    }
    return text;
  };

  /** A section's text and fingerprint, once per heading and body (the same nodes in order). */
  readonly section = (heading: Heading, body: readonly RootContent[], make: () => SectionText): SectionText => {
    const kept = this.sections.get(heading);
    if (kept && sameItems(kept.body, body)) return kept.text;
    const text = make();
    this.sections.set(heading, { body: [...body], text });
    return text;
  };

  /** The code blocks nested under a node, once per node (`find` gives them). */
  nestedCode(node: Nodes, find: (node: Nodes) => Code[]): Code[] {
    let found = this.code.get(node);
    if (!found) {
      found = find(node);
      this.code.set(node, found);
    }
    return found;
  }

  /** `read(table, context, facts, kinds)`, or its kept result when this table was read in this context before. */
  readTable(table: Table, context: TableContext, facts: Facts, kinds: readonly TableKind[], read: ReadTable): string | undefined {
    const key = `${context.name}\u0000${context.clause ?? ''}\u0000${context.view}\u0000${context.file.path}`;
    const byContext = this.tables.get(table) ?? new Map<string, KeptReading>();
    this.tables.set(table, byContext);
    let kept = byContext.get(key);
    if (kept?.kinds !== kinds) {
      this.stats.tableMisses++;
      kept = readAlone(table, context, kinds, read);
      this.keepUnchangedRows(kept, `${key}\u0000${table.position?.start.line ?? ''}`, context.name);
      byContext.set(key, kept);
    } else {
      this.stats.tableHits++;
      for (const message of kept.messages) context.file.messages.push(copyOf(message));
    }
    for (const [name, list] of Object.entries(kept.facts)) (facts[name] ??= []).push(...list);
    return kept.kind;
  }
}

/** Reads a table into facts of its own, recording the findings it reports on the file. */
function readAlone(table: Table, context: TableContext, kinds: readonly TableKind[], read: ReadTable): KeptReading {
  const facts: Facts = emptyTableFacts(kinds);
  const file: VFile = context.file;
  const before = file.messages.length;
  const kind = read(table, context, facts, kinds);
  return { kinds, kind, facts, messages: file.messages.slice(before).map(copyOf) };
}

function copyOf(message: VFileMessage): VFileMessage {
  return Object.assign(Object.create(Object.getPrototypeOf(message) as object) as VFileMessage, message);
}
