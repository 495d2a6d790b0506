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
import type { Change, CommittedChange } from '../5-link/change-set/change.js';

export class ValidationMemo {
  /** Interval entries that fit `in-force.schema.json#/properties/entries/items`. */
  readonly fittingEntries = new WeakSet<object>();
  /** `schema#property` → the items (or what they were made from) that fit that array's item schema. */
  private readonly fittingItems = new Map<string, WeakSet<object>>();
  /** path → the text last found to fit its schema. */
  private readonly fitting = new Map<string, string>();
  /** path → the pairs of a source map's `positions` found to fit (key → value). */
  private readonly fittingPairs = new Map<string, Map<string, string>>();
  /** Each change's committed form (what rules/change-set.json holds of it), kept with the change in a warm context. */
  readonly committedChanges = new WeakMap<Change, CommittedChange>();
  /** Whether a compilation in this context has validated already (a one-shot run validates whole, with precompiled validators). */
  warm = false;

  fits(path: string, text: string): boolean {
    return this.fitting.get(path) === text;
  }

  /** The pairs of the source map at this path found to fit its schema. */
  pairs(path: string): Map<string, string> {
    let known = this.fittingPairs.get(path);
    if (!known) this.fittingPairs.set(path, (known = new Map()));
    return known;
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

const MAP_KEYS = new Set(['type', 'propertyNames', 'additionalProperties', 'title', 'description']);

/**
 * Whether a schema's object property constrains each of its members alone (their names and
 * values), and the schema nothing across properties: then the value fits when it fits with that
 * object empty and with each member alone in it.
 */
export function splitsByMembers(schema: Record<string, unknown>, property: string): boolean {
  if (!Object.keys(schema).every((key) => ROOT_KEYS.has(key))) return false;
  const properties = schema.properties as Record<string, Record<string, unknown>> | undefined;
  const object = properties?.[property];
  return object?.type === 'object' && Object.keys(object).every((key) => MAP_KEYS.has(key));
}

/** The array properties a value of the schema can be validated by (see splitsByItems); none when the schema constrains across properties. */
export function itemArrays(schema: Record<string, unknown>): string[] {
  const properties = Object.keys((schema.properties as Record<string, unknown> | undefined) ?? {});
  return properties.filter((property) => splitsByItems(schema, property));
}
