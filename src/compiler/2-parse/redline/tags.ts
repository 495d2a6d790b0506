/** Recognises `<ins …>`, `<del …>`, `</ins>` and `</del>` in raw `html` nodes. */

export interface OpenTag {
  kind: 'open';
  tag: 'ins' | 'del';
  cite?: string;
  datetime?: string;
  /** Text after the tag in the same html node (a block tag not followed by a blank line). */
  trailing: string;
}

export interface CloseTag {
  kind: 'close';
  tag: 'ins' | 'del';
  trailing: string;
}

export type RedlineTag = OpenTag | CloseTag;

const OPEN = /^<(ins|del)((?:\s+[A-Za-z][\w-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*>/i;
const CLOSE = /^<\/(ins|del)\s*>/i;
const ATTRIBUTE = /([A-Za-z][\w-]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** The regexes match only `ins` or `del`, in any case. */
const tagName = (matched: string | undefined): 'ins' | 'del' => (matched?.toLowerCase() === 'del' ? 'del' : 'ins');

export function readTag(html: string): RedlineTag | undefined {
  const close = CLOSE.exec(html);
  if (close) {
    return { kind: 'close', tag: tagName(close[1]), trailing: html.slice(close[0].length) };
  }
  const open = OPEN.exec(html);
  if (!open) return undefined;
  const tag: OpenTag = { kind: 'open', tag: tagName(open[1]), trailing: html.slice(open[0].length) };
  for (const match of (open[2] ?? '').matchAll(ATTRIBUTE)) {
    const name = (match[1] ?? '').toLowerCase();
    const value = match[2] ?? match[3] ?? match[4] ?? '';
    if (name === 'cite') tag.cite = value.trim();
    if (name === 'datetime') tag.datetime = value.trim();
  }
  return tag;
}
