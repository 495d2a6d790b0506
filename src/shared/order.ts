/**
 * Orderings that give the same bytes on every machine: strings compare by UTF-16 code unit,
 * never by the locale (`localeCompare` without a fixed locale orders `aa` after `z` in Danish).
 */
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';

/** Code-unit order: independent of LANG, LC_ALL, TZ and the ICU data Node was built with. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareFiles(a: VFile, b: VFile): number {
  return compareText(a.path ?? '', b.path ?? '');
}

/** By place, errors before warnings, then rule id and reason (what vfile-sort does, without the locale). */
export function compareMessages(a: VFileMessage, b: VFileMessage): number {
  return (
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    fatalRank(a) - fatalRank(b) ||
    compareText(a.source ?? '', b.source ?? '') ||
    compareText(a.ruleId ?? '', b.ruleId ?? '') ||
    compareText(a.reason, b.reason)
  );
}

function fatalRank(message: VFileMessage): number {
  return message.fatal === true ? 0 : message.fatal === false ? 1 : 2;
}

/** Whole numbers with comma thousands separators (`5,600`), as the SEC writes them, in any locale. */
export function groupThousands(value: number): string {
  const [whole = '', fraction] = String(value).split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = sign ? whole.slice(1) : whole;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}
