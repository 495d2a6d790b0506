/**
 * A Markdown footnote label travels through Word in a bookmark name: Word numbers footnotes
 * itself, but the change set names footnotes by label (`ab-fn4`). Bookmark names allow letters,
 * digits and `_`, so every other character (and `_`) is written as `_<hex>_`; the leading `_`
 * hides the bookmark in Word's bookmark list. Word gives each reference its own footnote, and
 * bookmark names are unique, so the second footnote of a label ends `__2`.
 */
const PREFIX = '_secfn_';

export function footnoteBookmark(label: string, repeat = 1): string {
  const suffix = repeat > 1 ? `__${repeat}` : '';
  return (
    PREFIX + [...label].map((char) => (/[A-Za-z0-9]/.test(char) ? char : `_${(char.codePointAt(0) ?? 0).toString(16)}_`)).join('') + suffix
  );
}

/** The label a bookmark name carries, or undefined when it is not one of ours. */
export function footnoteLabelOf(name: string): string | undefined {
  if (!name.startsWith(PREFIX)) return undefined;
  // LibreOffice renames a bookmark it copies (`…_Copy_1`).
  const encoded = name
    .slice(PREFIX.length)
    .replace(/(?:_Copy_\d+)+$/, '')
    .replace(/__\d+$/, '');
  if (!/^(?:[A-Za-z0-9]|_[0-9a-f]{1,6}_)*$/.test(encoded)) return undefined;
  return encoded.replace(/_([0-9a-f]{1,6})_/g, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)));
}
