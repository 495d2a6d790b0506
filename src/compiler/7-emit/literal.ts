/** Literals for generated code. */

/** A JS literal for any JSON value; U+2028/2029 escaped for older parsers. */
export function literal(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
