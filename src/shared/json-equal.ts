/**
 * Whether two values serialise to the same JSON text, without serialising them:
 * `jsonEqual(a, b) === (JSON.stringify(a) === JSON.stringify(b))` for every value, but walking
 * both at once and allocating nothing, so the compiler can ask "did this entry change?" of tens
 * of thousands of entries per keystroke. Key order counts (it is part of the text); a key whose
 * value JSON leaves out (undefined, a function, a symbol) is skipped as JSON skips it. Anything
 * that is not plain data (a `toJSON`, a Map, a class instance) is compared by its JSON text.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (special(a) || special(b)) return JSON.stringify(a) === JSON.stringify(b);
  if (typeof a === 'number' || typeof b === 'number') return numberText(a) !== undefined && numberText(a) === numberText(b);
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return omitted(a) && omitted(b);
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && arraysEqual(a, b);
  return objectsEqual(a as Record<string, unknown>, b as Record<string, unknown>);
}

/** A number's JSON text (`null` for NaN and ±Infinity); undefined for anything else. */
function numberText(value: unknown): string | undefined {
  if (typeof value !== 'number') return value === null ? 'null' : undefined;
  return Number.isFinite(value) ? String(value) : 'null';
}

/** Values JSON leaves out of an object (and writes as `null` in an array, or as nothing at the top). */
function omitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/** An object that is not plain data (a `toJSON`, a Map, a class instance): compared by its JSON text. */
function special(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return true;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return !(prototype === Object.prototype || prototype === null || Array.isArray(value));
}

function arraysEqual(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) {
    const x = a[index];
    const y = b[index];
    // In an array JSON writes an omitted value as null.
    if (!jsonEqual(omitted(x) ? null : x, omitted(y) ? null : y)) return false;
  }
  return true;
}

function objectsEqual(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < ka.length && omitted(a[ka[i] as string])) i++;
    while (j < kb.length && omitted(b[kb[j] as string])) j++;
    if (i === ka.length || j === kb.length) return i === ka.length && j === kb.length;
    const key = ka[i] as string;
    if (key !== kb[j] || !jsonEqual(a[key], b[key])) return false;
    i++;
    j++;
  }
}
