/**
 * mdast node types for redlines. `insertion` and `deletion` wrap the content between an
 * `<ins>`/`<del>` tag pair (or a GFM `~~strikethrough~~`, read as an unattributed deletion).
 */
import type { Data, Parent, RootContent } from 'mdast';

export interface RedlineFields {
  /** The modification the redline belongs to (`cite` attribute), e.g. `MP162`. */
  cite?: string;
  /** Optional `datetime` attribute, kept verbatim. */
  datetime?: string;
  /** How the redline was written. */
  syntax: 'html' | 'gfm';
}

export interface Insertion extends Parent, RedlineFields {
  type: 'insertion';
  children: RootContent[];
  data?: Data;
}

export interface Deletion extends Parent, RedlineFields {
  type: 'deletion';
  children: RootContent[];
  data?: Data;
}

export type Redline = Insertion | Deletion;

declare module 'mdast' {
  interface RootContentMap {
    insertion: Insertion;
    deletion: Deletion;
  }
  interface PhrasingContentMap {
    insertion: Insertion;
    deletion: Deletion;
  }
  interface BlockContentMap {
    insertion: Insertion;
    deletion: Deletion;
  }
}

export function isRedline(node: { type: string }): node is Redline {
  return node.type === 'insertion' || node.type === 'deletion';
}
