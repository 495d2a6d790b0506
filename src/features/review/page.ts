/**
 * The review page: one self-contained static HTML file (inline CSS and JS, nothing fetched) for a
 * drafter or a Change Board reviewer. At the top, the intent check's result; beside the text, the
 * change set as a list of links; then each document rendered from its redlined mdast tree, with
 * `insertion`/`deletion` nodes as `<ins>`/`<del>`, each changed table cell highlighted with
 * before → after, and the diagnostics next to the text they concern.
 *
 * The whole page is built as a hast tree and serialised by hast-util-to-html, so legal text only
 * ever becomes escaped text: raw HTML in the Markdown is never passed through.
 */
import type { Element, ElementContent, Properties, Root as HastRoot, RootContent as HastContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Nodes, Parents, Root, RootContent, TableCell } from 'mdast';
import { toHast, type State } from 'mdast-util-to-hast';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { severityOf } from '../../shared/diagnostics.js';
import type { ParsedDocument } from '../../compiler/4-extract/document.js';
import { clauseNumberOf } from '../../compiler/4-extract/outline.js';
import type { Change, ChangeSet } from '../changeset/diff.js';
import { CHANGE_KINDS, KIND_TITLES } from '../changeset/diff.js';
import { where } from '../../shared/vocabulary.js';
import { countsLine } from '../changeset/format.js';
import type { IntentResult } from '../changeset/intent.js';
import { isWhollyRedlined } from '../../compiler/3-project/project.js';
import type { Redline } from '../../compiler/2-parse/redline/types.js';
import { REVIEW_CSS, REVIEW_JS } from './assets.js';

export interface ReviewInput {
  /** The documents as compiled: each with its redlined mdast tree. */
  parsed: readonly ParsedDocument[];
  changeSet: ChangeSet;
  /** The intent check's result; undefined when there is no manifest. */
  intents?: IntentResult | undefined;
  /** Findings to show beside the text (compile diagnostics, lint, intent check), by file path. */
  findings: readonly VFile[];
  /** The legal text directory as named in findings (e.g. `sec-text`). */
  textDir: string;
  title?: string;
}

/** The id of the element that shows a change: a cell, a heading, a rule block, a footnote. */
export type AnchorMap = Map<string, string>;

/** Block and cell types a change or finding can point at (deepest wins). */
const ANCHORABLE = new Set(['tableCell', 'heading', 'code', 'paragraph', 'listItem', 'tableRow', 'table', 'blockquote']);

export function renderReviewPage(input: ReviewInput): string {
  const anchors: AnchorMap = new Map();
  const sections: Element[] = [];
  const byPath = new Map<string, VFileMessage[]>();
  for (const file of input.findings)
    for (const message of file.messages) byPath.set(file.path, [...(byPath.get(file.path) ?? []), message]);

  for (const document of input.parsed) {
    const name = document.doc.name;
    const changes = input.changeSet.changes.filter((change) => change.document === name);
    const messages = byPath.get(document.doc.file.path) ?? [];
    sections.push(renderDocument(document, changes, messages, anchors));
  }
  // Findings on files that are not documents (a manifest, an output file).
  const otherFindings = [...byPath.entries()].filter(([file]) => !input.parsed.some((document) => document.doc.file.path === file));

  const title = input.title ?? `Review: ${input.changeSet.modifications.join(', ') || input.textDir}`;
  const page: HastRoot = {
    type: 'root',
    children: [
      { type: 'doctype' },
      el('html', { lang: 'en' }, [
        el('head', {}, [
          el('meta', { charset: 'utf-8' }),
          el('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          el('title', {}, [text(title)]),
          el('style', {}, [text(REVIEW_CSS)]),
        ]),
        el('body', {}, [
          el('header', { className: ['page-header'] }, [
            el('h1', {}, [text(title)]),
            intentBanner(input.intents, anchors),
            summaryLine(input.changeSet),
          ]),
          el('div', { className: ['layout'] }, [
            el('nav', { className: ['change-list'], ariaLabel: 'Change set' }, changeList(input.changeSet, input.intents, anchors)),
            el('main', {}, [...(otherFindings.length > 0 ? [otherFindingsSection(otherFindings)] : []), ...sections]),
          ]),
          el('script', {}, [text(REVIEW_JS)]),
        ]),
      ]),
    ],
  };
  return `${toHtml(page)}\n`;
}

function renderDocument(
  document: ParsedDocument,
  changes: readonly Change[],
  messages: readonly VFileMessage[],
  anchors: AnchorMap,
): Element {
  const name = document.doc.name;
  const prefix = slug(name);
  const header = el('h2', { className: ['doc-name'], id: `doc-${prefix}` }, [text(name)]);
  if (!document.tree) {
    return el('section', { className: ['doc'] }, [header, ...messages.map((message) => findingAside(message, undefined))]);
  }
  const tree = structuredClone(document.tree) as Root;
  const locate = locator(tree);

  // Changes: mark the element that holds each one, and show before → after in changed cells.
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
    const data = (node.data ??= {}) as { hProperties?: Properties };
    const actions = new Set(nodeChanges.map((change) => change.action));
    data.hProperties = {
      ...data.hProperties,
      id,
      className: ['changed', ...[...actions].map((action) => `change-${action}`)],
      dataChanges: nodeChanges.map((change) => change.id).join(' '),
      title: nodeChanges.map((change) => change.summary).join('\n'),
    };
    if (node.type === 'tableCell') {
      const shown = [
        ...new Set(
          nodeChanges
            .filter((change) => change.action !== 'added')
            .map((change) => (change.action === 'removed' ? `${change.from ?? 'removed'} → removed` : `${change.from} → ${change.to}`)),
        ),
      ];
      for (const value of shown) (node as TableCell).children.push(badge(value) as never);
    }
  }

  // Every table cell gets an id, and wholly inserted or deleted cells a class.
  walk(tree, (node) => {
    if (node.type !== 'tableCell') return;
    const data = (node.data ??= {}) as { hProperties?: Properties };
    const classes = [...((data.hProperties?.className as string[] | undefined) ?? [])];
    if (isWhollyRedlined(node, 'insertion')) classes.push('cell-inserted');
    if (isWhollyRedlined(node, 'deletion')) classes.push('cell-deleted');
    data.hProperties = {
      ...data.hProperties,
      id: (data.hProperties?.id as string | undefined) ?? anchorId(prefix, node),
      ...(classes.length > 0 ? { className: classes } : {}),
    };
  });

  // Headings of clauses get a stable id too.
  walk(tree, (node) => {
    if (node.type !== 'heading') return;
    const number = clauseNumberOf(node);
    const data = (node.data ??= {}) as { hProperties?: Properties };
    if (number && !data.hProperties?.id) data.hProperties = { ...data.hProperties, id: `clause-${slug(number.id)}` };
  });

  // Findings: beside the top-level block that holds them; the element itself is flagged.
  const unplaced: VFileMessage[] = [];
  const asides = new Map<RootContent, Element[]>();
  for (const message of [...messages].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))) {
    const block = message.line === undefined ? undefined : topBlock(tree, message.line);
    if (!block) {
      unplaced.push(message);
      continue;
    }
    const node = locate(message.line!, message.column ?? 1);
    let target: string | undefined;
    if (node) {
      target = ((node.data as { hProperties?: Properties } | undefined)?.hProperties?.id as string | undefined) ?? anchorId(prefix, node);
      const data = (node.data ??= {}) as { hProperties?: Properties };
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

  const hast = toHast(tree, {
    clobberPrefix: `${prefix}-`,
    footnoteLabel: `Footnotes of ${name}`,
    handlers: { insertion: redlineHandler('ins'), deletion: redlineHandler('del'), yaml: frontMatterHandler, html: rawHtmlHandler },
  }) as HastRoot;
  return el('section', { className: ['doc'], id: `section-${prefix}` }, [
    header,
    ...unplaced.map((message) => findingAside(message, undefined)),
    el('div', { className: ['doc-body'] }, hast.children as ElementContent[]),
  ]);
}

function redlineHandler(tagName: 'ins' | 'del') {
  return (state: State, node: Redline): Element => {
    const block = node.children.some((child) => !isPhrasing(child));
    const properties: Properties = { className: [block ? 'redline-block' : 'redline', node.syntax === 'gfm' ? 'gfm' : 'html'] };
    if (node.cite) properties.cite = node.cite;
    if (node.datetime) properties.dateTime = node.datetime;
    if (node.cite) properties.title = `${tagName === 'ins' ? 'Inserted' : 'Deleted'} by ${node.cite}`;
    const result: Element = { type: 'element', tagName, properties, children: block ? state.wrap(state.all(node), true) : state.all(node) };
    state.patch(node, result);
    return result;
  };
}

function frontMatterHandler(_state: State, node: { value: string }): Element {
  return el('details', { className: ['front-matter'] }, [
    el('summary', {}, [text('Front matter')]),
    el('pre', {}, [el('code', {}, [text(node.value)])]),
  ]);
}

/** Raw HTML in the text is shown as what it is, escaped, never interpreted: a reviewer sees every character. */
function rawHtmlHandler(_state: State, node: { value: string }, parent: Parents | undefined): Element {
  const code = el('code', { className: ['raw-html'], title: 'Raw HTML in the text (shown, not interpreted)' }, [text(node.value)]);
  return parent === undefined ||
    parent.type === 'root' ||
    parent.type === 'insertion' ||
    parent.type === 'deletion' ||
    parent.type === 'blockquote' ||
    parent.type === 'listItem'
    ? el('pre', { className: ['raw-html'] }, [code])
    : code;
}

function isPhrasing(node: RootContent): boolean {
  return [
    'text',
    'emphasis',
    'strong',
    'inlineCode',
    'link',
    'linkReference',
    'break',
    'html',
    'delete',
    'footnoteReference',
    'image',
    'imageReference',
    'insertion',
    'deletion',
  ].includes(node.type);
}

/** The deepest anchorable node whose span holds the point. */
function locator(tree: Root): (line: number, column: number) => Nodes | undefined {
  return (line, column) => {
    let found: Nodes | undefined;
    const visit = (node: Nodes): void => {
      if (!contains(node, line, column)) return;
      if (ANCHORABLE.has(node.type)) found = node;
      if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
    };
    visit(tree);
    return found;
  };
}

function contains(node: Nodes, line: number, column: number): boolean {
  const position = node.position;
  if (!position) return node.type === 'root';
  const { start, end } = position;
  if (line < start.line || line > end.line) return false;
  if (line === start.line && column < start.column) return false;
  if (line === end.line && column > end.column) return false;
  return true;
}

/** The block at the top level (or directly inside a top-level block redline) that holds a line. */
function topBlock(tree: Root, line: number): RootContent | undefined {
  return tree.children.find((node) => node.position && node.position.start.line <= line && line <= node.position.end.line);
}

function anchorId(prefix: string, node: Nodes): string {
  const start = node.position?.start;
  return start ? `${prefix}-${start.line}-${start.column}` : `${prefix}-node`;
}

function walk(node: Nodes | Parents, visit: (node: Nodes) => void): void {
  visit(node as Nodes);
  if ('children' in node) for (const child of node.children as Nodes[]) walk(child, visit);
}

function intentBanner(intents: IntentResult | undefined, anchors: AnchorMap): Element {
  if (!intents || intents.manifests.length === 0) {
    return el('section', { className: ['intent', 'intent-none'], id: 'intent' }, [
      el('p', {}, [
        text(
          'Intent check: no modification manifest (sec-text/modifications/<id>.yaml), so the change set is not compared with what the modification intends.',
        ),
      ]),
    ]);
  }
  const manifestErrors = intents.files.flatMap((file) =>
    file.messages.filter((message) => message.fatal === true && !message.ruleId?.startsWith('intent-')),
  );
  const ok = intents.unintended.length === 0 && intents.missing.length === 0 && manifestErrors.length === 0;
  const names = intents.manifests.join(', ');
  const children: ElementContent[] = [
    el('p', { className: ['intent-result'] }, [
      text(
        ok
          ? `Intent check passed: every change is intended by ${names}, and every intended change is made.`
          : `Intent check failed (${names}): ${intents.unintended.length} unintended change${intents.unintended.length === 1 ? '' : 's'}, ${intents.missing.length} intended change${intents.missing.length === 1 ? '' : 's'} not made.`,
      ),
    ]),
  ];
  if (intents.unintended.length > 0) {
    children.push(el('h2', {}, [text('Changes nobody intended')]));
    children.push(
      el(
        'ul',
        { className: ['unintended'] },
        intents.unintended.map((change) =>
          el('li', {}, [
            el('a', { href: `#${anchors.get(change.id) ?? ''}` }, [text(change.summary)]),
            text(' '),
            el('code', {}, [text(where(change.source))]),
          ]),
        ),
      ),
    );
  }
  if (intents.missing.length > 0) {
    children.push(el('h2', {}, [text('Intended changes the redline does not make')]));
    children.push(
      el(
        'ul',
        { className: ['missing'] },
        intents.missing.map((entry) =>
          el('li', {}, [
            text(`${entry.description} `),
            el('span', { className: ['intent-ref'] }, [text(`(${entry.manifest}#${entry.intent})`)]),
          ]),
        ),
      ),
    );
  }
  for (const message of manifestErrors)
    children.push(el('p', { className: ['finding', 'error'] }, [text(`${message.file}:${message.line ?? 1}: ${message.reason}`)]));
  return el('section', { className: ['intent', ok ? 'intent-pass' : 'intent-fail'], id: 'intent' }, children);
}

function summaryLine(changeSet: ChangeSet): Element {
  const total = changeSet.summary.total;
  return el('p', { className: ['summary'] }, [
    text(`${changeSet.from} → ${changeSet.to}: ${total.total} change${total.total === 1 ? '' : 's'} (${countsLine(total)}).`),
  ]);
}

function changeList(changeSet: ChangeSet, intents: IntentResult | undefined, anchors: AnchorMap): ElementContent[] {
  const out: ElementContent[] = [el('h2', {}, [text('Change set')])];
  if (changeSet.changes.length === 0) return [...out, el('p', {}, [text('No semantic change.')])];
  const unintended = new Set(intents?.unintended.map((change) => change.id));
  const documents = [...new Set(changeSet.changes.map((change) => change.document))];
  for (const document of documents) {
    const inDocument = changeSet.changes.filter((change) => change.document === document);
    out.push(el('h3', {}, [el('a', { href: `#doc-${slug(document)}` }, [text(document)]), text(` (${inDocument.length})`)]));
    for (const kind of CHANGE_KINDS) {
      const ofKind = inDocument.filter((change) => change.kind === kind);
      if (ofKind.length === 0) continue;
      out.push(
        el('details', { open: true }, [
          el('summary', {}, [text(`${KIND_TITLES[kind]} (${ofKind.length})`)]),
          el(
            'ul',
            {},
            ofKind.map((change) =>
              el(
                'li',
                { className: [`action-${change.action}`, ...(unintended.has(change.id) ? ['unintended'] : [])], dataChange: change.id },
                [
                  el('a', { href: `#${anchors.get(change.id) ?? `doc-${slug(document)}`}` }, [text(change.summary)]),
                  ...(intents?.intended.get(change.id)
                    ? [el('span', { className: ['intent-ref'] }, [text(intents.intended.get(change.id)!.join(', '))])]
                    : []),
                ],
              ),
            ),
          ),
        ]),
      );
    }
  }
  return out;
}

function otherFindingsSection(entries: Array<[string, VFileMessage[]]>): Element {
  return el('section', { className: ['doc', 'other-findings'] }, [
    el('h2', {}, [text('Other findings')]),
    ...entries.flatMap(([, messages]) => messages.map((message) => findingAside(message, undefined))),
  ]);
}

function findingAside(message: VFileMessage, target: string | undefined): Element {
  const severity = severityOf(message);
  const place = `${message.file}${message.line === undefined ? '' : `:${message.line}:${message.column ?? 1}`}`;
  return el('aside', { className: ['finding', severity] }, [
    el('span', { className: ['finding-head'] }, [text(`${severity}${message.ruleId ? ` · ${message.ruleId}` : ''}`)]),
    target
      ? el('a', { href: `#${target}`, className: ['finding-place'] }, [text(place)])
      : el('span', { className: ['finding-place'] }, [text(place)]),
    el('span', { className: ['finding-reason'] }, [text(message.reason)]),
  ]);
}

function badge(value: string): RootContent {
  return {
    type: 'changeBadge',
    data: { hName: 'span', hProperties: { className: ['change-badge'] }, hChildren: [{ type: 'text', value }] },
  } as never;
}

function el(tagName: string, properties: Properties, children: ElementContent[] = []): Element {
  return { type: 'element', tagName, properties, children };
}

function text(value: string): { type: 'text'; value: string } {
  return { type: 'text', value };
}

export function slug(value: string): string {
  return value
    .replace(/\.md$/, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export type { HastContent };
