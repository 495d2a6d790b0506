/**
 * One document of the review page, rendered from its redlined mdast tree: the element that holds
 * each change is marked (changed cells show before → after), every table cell and clause heading
 * gets a stable id, and findings sit beside the top-level block they concern.
 */
import type { Element, ElementContent, Properties, Root as HastRoot } from 'hast';
import type { Nodes, Root, RootContent } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import type { VFileMessage } from 'vfile-message';
import { isWhollyRedlined } from '../../compiler/3-project/project.js';
import type { ParsedDocument } from '../../compiler/driver.js';
import { clauseNumberOf } from '../../compiler/4-extract/outline.js';
import { severityOf } from '../../shared/diagnostics.js';
import type { Change } from '../changeset/diff.js';
import { decorate, type PageContext } from './decorate.js';
import { finishFootnotes } from './footnotes.js';
import { frontMatterHandler, rawHtmlHandler, redlineHandler } from './handlers.js';
import { el, slug, text } from './hast.js';
import { anchorId, locator, topBlock, walk, type AnchorMap } from './locate.js';
import { findingAside } from './findings.js';

type Locate = (line: number, column: number) => Nodes | undefined;

export function renderDocument(
  document: ParsedDocument,
  changes: readonly Change[],
  messages: readonly VFileMessage[],
  page: PageContext,
): Element {
  const name = document.doc.name;
  const prefix = slug(name);
  const title = page.words.document(name);
  const header = el('h2', { className: ['doc-name'], id: `doc-${prefix}` }, [
    text(title),
    ...(title === name ? [] : [el('span', { className: ['doc-file'] }, [text(name)])]),
  ]);
  if (!document.tree) {
    return el('section', { className: ['doc'] }, [header, ...messages.map((message) => findingAside(message, undefined))]);
  }
  const tree = structuredClone(document.tree) as Root;
  const locate = locator(tree);
  markChanges(changes, locate, prefix, page.anchors);
  identifyCells(tree, prefix);
  identifyClauseHeadings(tree);
  const unplaced = placeFindings(tree, messages, locate, prefix);

  const hast = toHast(tree, {
    clobberPrefix: `${prefix}-`,
    footnoteLabel: `Footnotes of ${title}`,
    footnoteLabelProperties: { className: ['footnotes-heading'] },
    footnoteLabelTagName: 'h3',
    handlers: { insertion: redlineHandler('ins'), deletion: redlineHandler('del'), yaml: frontMatterHandler, html: rawHtmlHandler },
  }) as HastRoot;
  finishFootnotes(hast, name, prefix, page.notes, tree);
  decorate(hast, name, changes, page);
  return el('section', { className: ['doc'], id: `section-${prefix}` }, [
    header,
    ...unplaced.map((message) => findingAside(message, undefined)),
    el('div', { className: ['doc-body'] }, hast.children as ElementContent[]),
  ]);
}

function propertiesOf(node: Nodes): { hProperties?: Properties } {
  return (node.data ??= {}) as { hProperties?: Properties };
}

/** Marks the element that holds each change (decorate.ts adds what a reader sees of it). */
function markChanges(changes: readonly Change[], locate: Locate, prefix: string, anchors: AnchorMap): void {
  const byNode = new Map<Nodes, Change[]>();
  for (const change of changes) {
    if (change.kind === 'footnote' && change.footnote) {
      anchors.set(change.id, `${prefix}-fn-${encodeURIComponent(change.footnote.toLowerCase())}`);
      continue;
    }
    const node = locate(change.source.line, change.source.column);
    if (!node) {
      anchors.set(change.id, `doc-${prefix}`);
      continue;
    }
    byNode.set(node, [...(byNode.get(node) ?? []), change]);
  }
  for (const [node, nodeChanges] of byNode) {
    const id = anchorId(prefix, node);
    for (const change of nodeChanges) anchors.set(change.id, id);
    const data = propertiesOf(node);
    const actions = new Set(nodeChanges.map((change) => change.action));
    data.hProperties = {
      ...data.hProperties,
      id,
      className: ['changed', ...[...actions].map((action) => `change-${action}`)],
      dataChanges: nodeChanges.map((change) => change.id).join(' '),
    };
  }
}

/** Every table cell gets an id, and wholly inserted or deleted cells a class. */
function identifyCells(tree: Root, prefix: string): void {
  walk(tree, (node) => {
    if (node.type !== 'tableCell') return;
    const data = propertiesOf(node);
    const classes = [...((data.hProperties?.className as string[] | undefined) ?? [])];
    if (isWhollyRedlined(node, 'insertion')) classes.push('cell-inserted');
    if (isWhollyRedlined(node, 'deletion')) classes.push('cell-deleted');
    data.hProperties = {
      ...data.hProperties,
      id: (data.hProperties?.id as string | undefined) ?? anchorId(prefix, node),
      ...(classes.length > 0 ? { className: classes } : {}),
    };
  });
}

/**
 * Headings of clauses get a stable id (`clause-h4-2a`), and every heading of a document sits two
 * levels under the page's (h1 the page, h2 the document): a screen reader's outline stays whole.
 */
function identifyClauseHeadings(tree: Root): void {
  walk(tree, (node) => {
    if (node.type !== 'heading') return;
    const number = clauseNumberOf(node);
    const data = propertiesOf(node) as { hName?: string; hProperties?: Properties };
    const level = node.depth + 2;
    data.hName = `h${Math.min(level, 6)}`;
    if (level > 6) data.hProperties = { ...data.hProperties, role: 'heading', ariaLevel: level };
    if (number && !data.hProperties?.id) data.hProperties = { ...data.hProperties, id: `clause-${slug(number.id)}` };
  });
}

/** Findings beside the top-level block that holds them (the element itself flagged); returns those with no place. */
function placeFindings(tree: Root, messages: readonly VFileMessage[], locate: Locate, prefix: string): VFileMessage[] {
  const unplaced: VFileMessage[] = [];
  const asides = new Map<RootContent, Element[]>();
  for (const message of [...messages].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))) {
    const block = message.line === undefined ? undefined : topBlock(tree, message.line);
    if (!block || message.line === undefined) {
      unplaced.push(message);
      continue;
    }
    const node = locate(message.line, message.column ?? 1);
    let target: string | undefined;
    if (node) {
      const data = propertiesOf(node);
      target = (data.hProperties?.id as string | undefined) ?? anchorId(prefix, node);
      const classes = [...((data.hProperties?.className as string[] | undefined) ?? []), `flagged-${severityOf(message)}`];
      data.hProperties = { ...data.hProperties, id: target, className: classes };
    }
    asides.set(block, [...(asides.get(block) ?? []), findingAside(message, target)]);
  }
  for (const [block, notes] of asides) {
    const index = tree.children.indexOf(block);
    tree.children.splice(index + 1, 0, {
      type: 'reviewNotes',
      data: { hName: 'div', hProperties: { className: ['notes'] }, hChildren: notes },
    } as never);
  }
  return unplaced;
}
