/**
 * Target Response Time cells: `30 secs`, `5,600 secs`, `24 hrs`, `1 min`, `N/A`.
 * Anything else is rejected with a reason and, where we can tell, the spelling meant.
 */

export type DurationResult = { ok: true; seconds: number | null } | { ok: false; reason: string; suggestion?: string };

const UNIT_SECONDS: Record<string, number> = { sec: 1, secs: 1, min: 60, mins: 60, hr: 3600, hrs: 3600 };
const ACCEPTED = /^(\d{1,3}(?:,\d{3})+|\d+) (secs?|mins?|hrs?)$/;
const LOOSE = /^([-+]?[\d,.]+)\s*([A-Za-z.]+)$/;

const UNIT_SPELLINGS: Record<string, 'secs' | 'mins' | 'hrs'> = {
  s: 'secs',
  sec: 'secs',
  secs: 'secs',
  second: 'secs',
  seconds: 'secs',
  'sec.': 'secs',
  'secs.': 'secs',
  m: 'mins',
  min: 'mins',
  mins: 'mins',
  minute: 'mins',
  minutes: 'mins',
  h: 'hrs',
  hr: 'hrs',
  hrs: 'hrs',
  hour: 'hrs',
  hours: 'hrs',
  'hrs.': 'hrs',
};

export const DURATION_VOCABULARY = ['<n> secs', '<n> mins', '<n> hrs', 'N/A'];

/**
 * The longest Target Response Time accepted: 30 days (720 hrs). The SEC's longest is 24 hrs; a
 * larger number is a typing error, and below this bound every value is held exactly (a 20-digit
 * amount would otherwise be stored rounded, a 401-digit one as Infinity).
 */
export const MAX_TRT_SECONDS = 30 * 24 * 3600;

export function parseDuration(raw: string): DurationResult {
  const text = raw.trim();
  if (text === 'N/A') return { ok: true, seconds: null };
  const match = ACCEPTED.exec(text);
  if (match) {
    const [, written = '', unit = ''] = match;
    const digits = written.replaceAll(',', '');
    const amount = Number(digits);
    if (digits.replace(/^0+/, '').length > 16 || amount * (UNIT_SECONDS[unit] ?? 1) > MAX_TRT_SECONDS) {
      return { ok: false, reason: `it is longer than the longest Target Response Time accepted, 30 days (720 hrs or 2,592,000 secs)` };
    }
    if (amount === 0) return { ok: false, reason: 'a Target Response Time of zero is not a time the DCC can meet' };
    const plural = unit.endsWith('s');
    if (amount === 1 && plural)
      return { ok: false, reason: 'a singular amount takes a singular unit', suggestion: `1 ${unit.slice(0, -1)}` };
    if (amount !== 1 && !plural) return { ok: false, reason: 'a plural amount takes a plural unit', suggestion: `${written} ${unit}s` };
    return { ok: true, seconds: amount * (UNIT_SECONDS[unit] ?? Number.NaN) };
  }
  return { ok: false, reason: describeProblem(text), ...suggest(text) };
}

function describeProblem(text: string): string {
  if (text === '') return 'the cell is empty';
  if (/^-/.test(text)) return 'a Target Response Time cannot be negative';
  if (!/\d/.test(text)) return 'it has no number';
  return 'it is not in the accepted form';
}

function suggest(text: string): { suggestion?: string } {
  if (/^(n\/?a|na|-|–|none)$/i.test(text)) return { suggestion: 'N/A' };
  const loose = LOOSE.exec(text.replace(/\?+$/, ''));
  if (!loose) return {};
  const [, signed = '', spelling = ''] = loose;
  const number = signed.replace(/^[+-]/, '');
  const unit = UNIT_SPELLINGS[spelling.toLowerCase()];
  if (!unit || !/^\d[\d,]*$/.test(number)) return {};
  const amount = Number(number.replaceAll(',', ''));
  if (!Number.isSafeInteger(amount) || amount <= 0) return {};
  const formatted = String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return { suggestion: amount === 1 ? `1 ${unit.slice(0, -1)}` : `${formatted} ${unit}` };
}

/** `Yes`/`No` flag cells. */
export function parseYesNo(raw: string): { ok: true; value: boolean } | { ok: false; suggestion?: string } {
  const text = raw.trim();
  if (text === 'Yes') return { ok: true, value: true };
  if (text === 'No') return { ok: true, value: false };
  if (/^(y|yes|true|✓|✔|x)$/i.test(text)) return { ok: false, suggestion: 'Yes' };
  if (/^(n|no|false|-|–|)$/i.test(text)) return { ok: false, suggestion: 'No' };
  return { ok: false };
}
