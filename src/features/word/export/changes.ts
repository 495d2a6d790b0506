/**
 * Tracked-change bookkeeping for one exported document: the redline a node sits in, and a
 * counter for the `w:id` every `w:ins` / `w:del` needs (unique within the document, and the
 * same on every run, so the bytes are too).
 */
import type { Modification } from '../../../shared/model.js';
import type { Redline } from '../../../compiler/2-parse/redline/types.js';
import { changeDate, UNATTRIBUTED_AUTHOR } from '../version.js';

export interface Change {
  kind: 'insertion' | 'deletion';
  author: string;
  date: string;
}

/** The attributes docx wants on a tracked change, with a fresh id. */
export interface ChangeAttributes {
  id: number;
  author: string;
  date: string;
}

export class ChangeIds {
  private next = 1;
  constructor(private readonly modifications: readonly Modification[]) {}

  /** The change a redline node stands for. */
  changeOf(node: Redline): Change {
    return {
      kind: node.type,
      author: node.cite ?? UNATTRIBUTED_AUTHOR,
      date: changeDate(this.modifications, node.cite),
    };
  }

  attributes(change: Change): ChangeAttributes {
    return { id: this.next++, author: change.author, date: change.date };
  }
}
