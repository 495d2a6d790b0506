/**
 * Projections kept per top-level block between compilations in one compile context, so that after
 * an edit a document's views and versions project again only the blocks the edit reached. A block
 * is known by what decides its parse: its type, where it starts and ends (line, column, offset),
 * its text, and the labels the document defines (a reference parses as one only when its label is
 * defined); the redline plugin pairs tags among siblings, so nothing outside a top-level block
 * changes its redlines. A block without redlines projects to itself in every version; one with
 * redlines is kept per version (which redlines it accepts). An unchanged block's projection is the
 * very node of last time, so extraction (4-extract/extraction-memo.ts) knows it by identity.
 * A document is kept while the last two compilations projected it, and only the blocks of its
 * last two texts.
 */
import type { Nodes, Root, RootContent } from 'mdast';
import { isRedline } from '../2-parse/redline/types.js';
import { projectVersion, type AcceptRedline } from './project.js';

/** A tree's top-level blocks as known to the memo: each block's key (undefined: not kept) and whether it holds redlines. */
interface TreeBlocks {
  keys: Array<string | undefined>;
  redlined: boolean[];
}

/** A block's projections by version ('' for a block without redlines: the same in every version). */
type Projections = Map<string, RootContent[]>;

interface DocumentBlocks {
  current: Map<string, Projections>;
  previous: Map<string, Projections>;
  /** The compilation that last projected the document. */
  used: number;
  /** The text the current blocks were projected from. */
  text: string;
}

export class ProjectionMemo {
  private readonly documents = new Map<string, DocumentBlocks>();
  private generation = 0;
  private trees = new WeakMap<Root, TreeBlocks>();
  readonly stats = { hits: 0, misses: 0 };

  /**
   * The projection of a document's tree (parsed from `text`) for a version named `version` (a
   * view, or which of its cited modifications the version accepts) that accepts what `accepts` says.
   */
  project(name: string, text: string, tree: Root, version: string, accepts: AcceptRedline): Root {
    const blocks = this.blocksOf(tree, text);
    const kept = this.documentFor(name, text);
    const children: RootContent[] = [];
    tree.children.forEach((node, index) => {
      const base = blocks.keys[index];
      if (base === undefined) {
        children.push(...projectVersion({ type: 'root', children: [node] }, accepts).children);
        return;
      }
      const versions = kept.current.get(base) ?? new Map(kept.previous.get(base));
      kept.current.set(base, versions);
      const key = blocks.redlined[index] ? version : '';
      let projected = versions.get(key);
      if (projected) this.stats.hits++;
      else {
        this.stats.misses++;
        projected = projectVersion({ type: 'root', children: [node] }, accepts).children;
        versions.set(key, projected);
      }
      children.push(...projected);
    });
    return { ...tree, children };
  }

  /** A new compilation starts: documents not projected by the last two are dropped. */
  nextGeneration(): void {
    this.generation++;
    for (const [name, kept] of this.documents) if (kept.used < this.generation - 1) this.documents.delete(name);
  }

  /** The kept blocks of a document, a new generation of them for a new text. */
  private documentFor(name: string, text: string): DocumentBlocks {
    let kept = this.documents.get(name);
    if (!kept) kept = { current: new Map(), previous: new Map(), used: this.generation, text };
    else if (kept.text !== text) kept = { current: new Map(), previous: kept.current, used: this.generation, text };
    kept.used = this.generation;
    this.documents.set(name, kept);
    return kept;
  }

  private blocksOf(tree: Root, text: string): TreeBlocks {
    const known = this.trees.get(tree);
    if (known) return known;
    const scan = tree.children.map(scanBlock);
    const labels = [...new Set(scan.flatMap((block) => block.labels))].sort().join('\u0001');
    const keys = tree.children.map((node) => blockKey(node, text, labels));
    const blocks = { keys, redlined: scan.map((block) => block.redlined) };
    this.trees.set(tree, blocks);
    return blocks;
  }
}

/** What decides a top-level block's parse; undefined when its place is not known. */
function blockKey(node: RootContent, text: string, labels: string): string | undefined {
  const start = node.position?.start;
  const end = node.position?.end;
  if (start?.offset === undefined || end?.offset === undefined) return undefined;
  const place = `${node.type}@${start.line}:${start.column}:${start.offset}-${end.line}:${end.column}:${end.offset}`;
  return `${place}\u0000${labels}\u0000${text.slice(start.offset, end.offset)}`;
}

/** Whether a block holds a redline, and the labels it defines (link references and footnotes). */
function scanBlock(node: RootContent): { redlined: boolean; labels: string[] } {
  const labels: string[] = [];
  let redlined = false;
  const stack: Nodes[] = [node];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    if (isRedline(next)) redlined = true;
    if (next.type === 'definition') labels.push(`d:${next.identifier}`);
    if (next.type === 'footnoteDefinition') labels.push(`f:${next.identifier}`);
    if ('children' in next) for (const child of next.children as Nodes[]) stack.push(child);
  }
  return { redlined, labels };
}
