/**
 * "Did you mean": the candidates nearest to a word by edit distance (fastest-levenshtein), when
 * they are near enough to be a slip rather than another word. Among equally near candidates those
 * sharing the longest start with the word win (`AB2.3` → `AB2.1`, `AB2.2`, not `AB1.3`); the rest of
 * the ties are all returned (at most `limit`), in the candidates' order: the drafter chooses.
 */
import { distance } from 'fastest-levenshtein';

export function nearest(word: string, candidates: Iterable<string>, options: { maxDistance?: number; limit?: number } = {}): string[] {
  // About a third of the word may differ (`dirft` → `drift`: two edits in five), never more than two edits.
  const maxDistance = options.maxDistance ?? Math.min(2, Math.max(1, Math.ceil(word.length / 3)));
  const limit = options.limit ?? 3;
  const scored = [...new Set(candidates)]
    .filter((candidate) => candidate !== word)
    .map((candidate) => ({ candidate, distance: distance(word, candidate), prefix: commonPrefix(word, candidate) }))
    .filter((entry) => entry.distance <= maxDistance);
  const best = Math.min(...scored.map((entry) => entry.distance));
  const closest = scored.filter((entry) => entry.distance === best);
  const longest = Math.max(...closest.map((entry) => entry.prefix));
  return closest
    .filter((entry) => entry.prefix === longest)
    .slice(0, limit)
    .map((entry) => entry.candidate);
}

function commonPrefix(a: string, b: string): number {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length++;
  return length;
}

/** `; did you mean \`AB2.1\`?` (or `\`AB2.1\` or \`AB2.2\``), or nothing. */
export function didYouMean(suggestions: readonly string[]): string {
  if (suggestions.length === 0) return '';
  const quoted = suggestions.map((suggestion) => `\`${suggestion}\``);
  const list = quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1) ?? ''}`;
  return `; did you mean ${list}?`;
}
