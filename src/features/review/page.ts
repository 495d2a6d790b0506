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
import type { Element, Root as HastRoot, RootContent as HastContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { ParsedDocument } from '../../compiler/driver.js';
import type { RuleSet } from '../../shared/model.js';
import type { View } from '../../shared/vocabulary.js';
import type { ChangeSet } from '../changeset/diff.js';
import type { IntentResult } from '../changeset/intent.js';
import { REVIEW_CSS, REVIEW_JS } from './assets.js';
import { changeList } from './change-list.js';
import type { PageContext } from './decorate.js';
import { renderDocument } from './document.js';
import { el, text } from './hast.js';
import { intentBanner, otherFindingsSection, summaryLine } from './panels.js';
import { wordsOf } from './words.js';

export type { AnchorMap } from './locate.js';
export type { PageContext } from './decorate.js';
export { slug } from './hast.js';
export type { HastContent };

export interface ReviewInput {
  /** The documents as compiled: each with its redlined mdast tree. */
  parsed: readonly ParsedDocument[];
  /** The baseline → modified change set; undefined when the text does not compile (the page says so). */
  changeSet: ChangeSet | undefined;
  /** Both views' rule sets, for the names the text gives User Roles, Service Requests and documents. */
  ruleSets?: Partial<Record<View, RuleSet>> | undefined;
  /** The modifications with a manifest (sec-text/modifications/), named when the text does not compile. */
  manifests?: readonly string[];
  /** The intent check's result; undefined when there is no manifest. */
  intents?: IntentResult | undefined;
  /** Findings to show beside the text (compile diagnostics, lint, intent check), by file path. */
  findings: readonly VFile[];
  /** The legal text directory as named in findings (e.g. `sec-text`). */
  textDir: string;
  title?: string;
  /** change id → the modifications that make it (features/changeset/attribute.ts). */
  madeBy?: ReadonlyMap<string, readonly string[]>;
}

export function renderReviewPage(input: ReviewInput): string {
  const context: PageContext = {
    anchors: new Map(),
    notes: new Map(),
    words: wordsOf(input.ruleSets ?? {}),
    madeBy: input.madeBy ?? new Map(),
  };
  const sections: Element[] = [];
  const byPath = new Map<string, VFileMessage[]>();
  for (const file of input.findings)
    for (const message of file.messages) byPath.set(file.path, [...(byPath.get(file.path) ?? []), message]);

  for (const document of input.parsed) {
    const name = document.doc.name;
    const changes = input.changeSet?.changes.filter((change) => change.document === name) ?? [];
    const messages = byPath.get(document.doc.file.path) ?? [];
    sections.push(renderDocument(document, changes, messages, context));
  }
  // Findings on files that are not documents (a manifest, an output file).
  const otherFindings = [...byPath.entries()].filter(([file]) => !input.parsed.some((document) => document.doc.file.path === file));

  const modifications = input.changeSet?.modifications ?? input.manifests ?? [];
  const title = input.title ?? `Review: ${modifications.join(', ') || input.textDir}`;
  const errors = input.findings.reduce((sum, file) => sum + file.messages.filter((message) => message.fatal === true).length, 0);
  const status = { compiled: input.changeSet !== undefined, errors, manifests: input.manifests ?? [] };
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
            intentBanner(input.intents, context, status),
            summaryLine(input.changeSet),
          ]),
          el('div', { className: ['layout'] }, [
            el(
              'nav',
              { className: ['change-list'], ariaLabel: 'Change set' },
              input.changeSet
                ? changeList(input.changeSet, input.intents, context)
                : [
                    el('h2', {}, [text('Change set')]),
                    el('p', {}, [text('None: the text does not compile (see the errors beside the text).')]),
                  ],
            ),
            el('main', {}, [...(otherFindings.length > 0 ? [otherFindingsSection(otherFindings)] : []), ...sections]),
          ]),
          el('script', {}, [text(REVIEW_JS)]),
        ]),
      ]),
    ],
  };
  return `${toHtml(page)}\n`;
}
