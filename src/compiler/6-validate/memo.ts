/**
 * What validation keeps between compilations in one context: the items of each output's arrays
 * found to fit their item schema (by the kept object: linking, the change set's diff and
 * shared/in-force-memo.ts keep an unchanged entry the same object), and each output's text last
 * found to fit whole. An output whose text is unchanged fits again; an output of which only some
 * items changed is checked as its head (those arrays empty) and each item not seen to fit, which
 * answers as the whole would when the schema's arrays constrain nothing but their items
 * (`itemArrays`) and everything fits; on any misfit the whole output is validated again, so the
 * findings are exactly the whole validation's.
 */
import { jsonEqual } from '../../shared/json-equal.js';

export class ValidationMemo {
  /** Interval entries that fit `in-force.schema.json#/properties/entries/items`. */
  readonly fittingEntries = new WeakSet<object>();
  /** `schema#property` → the items (or what they were made from) that fit that array's item schema. */
  private readonly fittingItems = new Map<string, WeakSet<object>>();
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

  /** The items found to fit the item schema of one array of one schema. */
  items(schema: string, property: string): WeakSet<object> {
    const key = `${schema}#${property}`;
    let known = this.fittingItems.get(key);
    if (!known) this.fittingItems.set(key, (known = new WeakSet()));
    return known;
  }
}

const ROOT_KEYS = new Set(['$schema', '$id', 'title', 'description', 'type', 'additionalProperties', 'required', 'properties', '$defs']);
const ARRAY_KEYS = new Set(['type', 'items', 'title', 'description']);

/**
 * Whether a schema's array property constrains nothing but its items, and the schema nothing
 * across properties: then the value fits when it fits with that array empty and every item
 * fits the items schema.
 */
export function splitsByItems(schema: Record<string, unknown>, property: string): boolean {
  if (!Object.keys(schema).every((key) => ROOT_KEYS.has(key))) return false;
  const properties = schema.properties as Record<string, Record<string, unknown>> | undefined;
  const array = properties?.[property];
  if (!array || array.type !== 'array' || array.items === undefined) return false;
  return Object.keys(array).every((key) => ARRAY_KEYS.has(key));
}

/** The array properties a value of the schema can be validated by (see splitsByItems); none when the schema constrains across properties. */
export function itemArrays(schema: Record<string, unknown>): string[] {
  const properties = Object.keys((schema.properties as Record<string, unknown> | undefined) ?? {});
  return properties.filter((property) => splitsByItems(schema, property));
}
