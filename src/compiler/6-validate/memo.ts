/**
 * What validation keeps between compilations in one context: the interval file's entries found to
 * fit their item schema (by the kept entry object: shared/in-force-memo.ts keeps an unchanged
 * entry the same object), and each output's text last found to fit whole. An output whose text is
 * unchanged fits again; an interval file of which only some entries changed is checked entry by
 * entry, which answers as the whole would when the schema's `entries` is a plain array of items
 * (`splitsByItems`) and every entry fits; on any misfit the whole file is validated again, so
 * the findings are exactly the whole validation's.
 */
import { jsonEqual } from '../../shared/json-equal.js';

export class ValidationMemo {
  /** Interval entries that fit `in-force.schema.json#/properties/entries/items`. */
  readonly fittingEntries = new WeakSet<object>();
  /** path → the text last found to fit its schema. */
  private readonly fitting = new Map<string, string>();
  /** path → the value (a source map) last found to fit its schema. */
  private readonly fittingValues = new Map<string, unknown>();
  /** Whether a compilation in this context has validated already (a one-shot run validates whole, with precompiled validators). */
  warm = false;

  fits(path: string, text: string): boolean {
    return this.fitting.get(path) === text;
  }

  /** Whether the value is JSON-equal to the one last found to fit at this path (its JSON would fit again). */
  fitsValue(path: string, value: unknown): boolean {
    const known = this.fittingValues.get(path);
    return known !== undefined && jsonEqual(known, value);
  }

  rememberValue(path: string, value: unknown): void {
    this.fittingValues.set(path, value);
  }

  remember(path: string, text: string | undefined): void {
    if (text === undefined) this.fitting.delete(path);
    else this.fitting.set(path, text);
  }
}

/**
 * Whether a schema's array property constrains nothing but its items, and the schema nothing
 * across properties: then the value fits when it fits with that array empty and every item
 * fits the items schema.
 */
export function splitsByItems(schema: Record<string, unknown>, property: string): boolean {
  const rootKeys = new Set(['$schema', '$id', 'title', 'description', 'type', 'additionalProperties', 'required', 'properties', '$defs']);
  if (!Object.keys(schema).every((key) => rootKeys.has(key))) return false;
  const properties = schema.properties as Record<string, Record<string, unknown>> | undefined;
  const array = properties?.[property];
  if (!array || array.type !== 'array' || array.items === undefined) return false;
  return Object.keys(array).every((key) => ['type', 'items', 'title', 'description'].includes(key));
}
