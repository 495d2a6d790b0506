/**
 * Validating an output by its items in a warm context: the output with its item arrays empty (its
 * head), then each item not yet seen to fit. Equivalent to validating the whole when the schema's
 * arrays constrain nothing but their items (memo.ts itemArrays); a misfit answers `false` and the
 * caller validates the whole, so findings are always the whole validation's.
 */
import type { Schemas } from '../../shared/schemas.js';
import { itemArrays, type ValidationMemo } from './memo.js';

export interface ByItemsOptions {
  /** The object an item is known by, when the item itself is made afresh from it each time (a committed change from its change). */
  keyOf?: (property: string, index: number) => unknown;
  /** What is validated for a value (the head or an item): the value itself, or its JSON read back (an output validated as written). */
  asWritten?: boolean;
}

/** Whether the value fits the schema, checking only its head and the items not seen to fit before (they are remembered when they fit). */
export function fitsByItems(schemas: Schemas, schema: string, value: object, memo: ValidationMemo, options: ByItemsOptions = {}): boolean {
  const root = schemas.validator(schema);
  const arrays = itemArrays(root.schema as Record<string, unknown>);
  const record = value as Record<string, unknown>;
  const head: Record<string, unknown> = { ...record };
  for (const property of arrays) if (Array.isArray(record[property])) head[property] = [];
  const written = (part: unknown): unknown => (options.asWritten ? (JSON.parse(JSON.stringify(part)) as unknown) : part);
  if (!root(written(head))) return false;
  return arrays.every((property) => {
    const list = record[property];
    if (!Array.isArray(list)) return true;
    const known = memo.items(schema, property);
    const validate = schemas.validator(`${schema}#/properties/${property}/items`);
    return list.every((item: unknown, index) => {
      const key = options.keyOf ? options.keyOf(property, index) : item;
      const object = typeof key === 'object' && key !== null ? key : undefined;
      if (object && known.has(object)) return true;
      if (!validate(written(item))) return false;
      if (object) known.add(object);
      return true;
    });
  });
}

/** After the whole value was found to fit: its items (by their keys) fit, so a later compilation checks only new ones. */
export function rememberItems(schemas: Schemas, schema: string, value: object, memo: ValidationMemo, options: ByItemsOptions = {}): void {
  const record = value as Record<string, unknown>;
  for (const property of itemArrays(schemas.validator(schema).schema as Record<string, unknown>)) {
    const list = record[property];
    if (!Array.isArray(list)) continue;
    const known = memo.items(schema, property);
    list.forEach((item: unknown, index) => {
      const key = options.keyOf ? options.keyOf(property, index) : item;
      if (typeof key === 'object' && key !== null) known.add(key);
    });
  }
}
