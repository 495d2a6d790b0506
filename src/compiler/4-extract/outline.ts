/**
 * The clause outline of one projected document: each numbered heading opens a clause whose
 * text runs to the next heading. Rule blocks and tables are attached to the clause they sit in.
 */
import type { Code, Heading, Nodes, Root, RootContent, Table } from 'mdast';
import type { VFile } from 'vfile';
import { report } from '../../shared/diagnostics.js';
import type { View } from '../../shared/vocabulary.js';
import type { Clause } from '../../shared/model.js';
import { fingerprint, normalise, plainText, sourceOf } from './text.js';

export const OUTLINE_RULES = {
  duplicate: 'clause-duplicate',
  prefix: 'clause-prefix',
} as const;

export interface ClauseSection {
  clause: Clause;
  heading: Heading;
  /** Text of the clause without its heading (to detect emptied clauses). */
  bodyText: string;
  ruleBlocks: Code[];
  tables: Table[];
}

export interface Outline {
  sections: ClauseSection[];
  /** Rule blocks and tables before the first clause heading. */
  orphanRuleBlocks: Code[];
  orphanTables: Table[];
}

const CLAUSE_NUMBER = /^([A-Z]{1,2}\d+(?:\.\d+)*[A-Z]?)(?:\s+(.*))?$/s;

export function clauseNumberOf(heading: Heading, textOf: (node: Nodes) => string = plainText): { id: string; title: string } | undefined {
  const match = CLAUSE_NUMBER.exec(normalise(textOf(heading)));
  const [, id, title = ''] = match ?? [];
  return id === undefined ? undefined : { id, title };
}

/** How the outline finds texts: plainText, or a memo's (an unchanged node's text, an unchanged section's, found once). */
export interface OutlineTexts {
  textOf: (node: Nodes) => string;
  section: (heading: Heading, body: readonly RootContent[], make: () => SectionText) => SectionText;
}

export interface SectionText {
  bodyText: string;
  fingerprint: string;
}

const PLAIN: OutlineTexts = { textOf: plainText, section: (_heading, _body, make) => make() };

export function readOutline(
  tree: Root,
  file: VFile,
  name: string,
  documentId: string | undefined,
  view: View,
  texts: OutlineTexts = PLAIN,
): Outline {
  const outline: Outline = { sections: [], orphanRuleBlocks: [], orphanTables: [] };
  const seen = new Map<string, Heading>();
  const { textOf } = texts;
  let current: { section: ClauseSection; body: RootContent[] } | undefined;

  const close = (): void => {
    if (!current) return;
    const { section, body } = current;
    const text = texts.section(section.heading, body, () => sectionText(section.heading, body, textOf));
    section.bodyText = text.bodyText;
    section.clause.fingerprint = text.fingerprint;
    outline.sections.push(section);
    current = undefined;
  };

  for (const node of tree.children) {
    if (node.type === 'heading') {
      const number = clauseNumberOf(node, textOf);
      close();
      if (!number) continue;
      if (documentId !== undefined && !number.id.startsWith(documentId)) {
        report(
          file,
          `Unexpected clause number \`${number.id}\` in a document whose id is \`${documentId}\`, expected it to start with \`${documentId}\``,
          {
            ruleId: OUTLINE_RULES.prefix,
            place: node.position,
            view,
          },
        );
      }
      const previous = seen.get(number.id);
      if (previous) {
        report(
          file,
          `Unexpected second clause \`${number.id}\`, expected each clause number once (first at line ${previous.position?.start.line ?? '?'})`,
          {
            ruleId: OUTLINE_RULES.duplicate,
            place: node.position,
            view,
          },
        );
      }
      seen.set(number.id, node);
      current = {
        section: {
          clause: {
            id: number.id,
            title: number.title,
            file: name,
            paragraphs: [],
            fingerprint: '',
            source: sourceOf(name, node.position, { clause: number.id }),
          },
          heading: node,
          bodyText: '',
          ruleBlocks: [],
          tables: [],
        },
        body: [],
      };
      continue;
    }
    if (node.type === 'code' && node.lang === 'rule') {
      (current ? current.section.ruleBlocks : outline.orphanRuleBlocks).push(node);
      continue;
    }
    if (node.type === 'footnoteDefinition' || node.type === 'yaml' || node.type === 'definition') continue;
    if (node.type === 'table') (current ? current.section.tables : outline.orphanTables).push(node);
    if (current) {
      current.body.push(node);
      if (node.type === 'list') current.section.clause.paragraphs.push(...paragraphLabels(node, textOf));
      if (node.type === 'paragraph') {
        const label = /^\(([a-z]{1,3})\)\s/.exec(normalise(textOf(node)))?.[1];
        if (label) current.section.clause.paragraphs.push(label);
      }
    }
  }
  close();
  return outline;
}

function sectionText(heading: Heading, body: readonly RootContent[], textOf: (node: Nodes) => string): SectionText {
  const bodyText = normalise(body.map((node) => textOf(node)).join('\n'));
  const headingText = normalise(textOf(heading));
  // Both parts are normalised already: joining them with a space is normalise(`${heading}\n${body}`).
  return {
    bodyText,
    fingerprint: fingerprint(bodyText === '' ? headingText : headingText === '' ? bodyText : `${headingText} ${bodyText}`),
  };
}

function paragraphLabels(list: RootContent & { type: 'list' }, textOf: (node: Nodes) => string): string[] {
  return list.children.flatMap((item) => {
    const label = /^\(([a-z]{1,3})\)(\s|$)/.exec(normalise(textOf(item)))?.[1];
    return label ? [label] : [];
  });
}
