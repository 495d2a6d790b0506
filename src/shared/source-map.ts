/**
 * Source maps: where in sec-text/ each entry of an output was read, kept apart from the output
 * so that a prose edit that moves lines rewrites the map and nothing else. One map per output
 * (`rules/in-force.json` → `rules/in-force.sourcemap.json`), from a key that names the entry
 * (its stable address, and which interval or side of it) to `file:line:column-endLine:endColumn`.
 */
import type { Source } from './model.js';
import type { Place } from './address.js';

export interface SourceMap {
  /** The output this map belongs to, relative to the project root. */
  output: string;
  /** key → `file:line:column-endLine:endColumn`, keys in code-point order. */
  positions: Record<string, string>;
}

export interface Position {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

const POSITION = /^(.+):(\d+):(\d+)-(\d+):(\d+)$/;

export function positionText(source: Position): string {
  return `${source.file}:${source.line}:${source.column}-${source.endLine}:${source.endColumn}`;
}

export function parsePosition(text: string): Position | undefined {
  const match = POSITION.exec(text);
  if (!match) return undefined;
  const [, file = '', line, column, endLine, endColumn] = match;
  return { file, line: Number(line), column: Number(column), endLine: Number(endLine), endColumn: Number(endColumn) };
}

/** A place and its position back together as a compiled entry's source. */
export function sourceAt(place: Place, position: Position | undefined): Source {
  const at = position ?? { file: place.file, line: 1, column: 1, endLine: 1, endColumn: 1 };
  const { file, ...anchor } = place;
  return { file, line: at.line, column: at.column, endLine: at.endLine, endColumn: at.endColumn, ...anchor };
}

/** Collects positions while an output is written, then renders the map. */
export class SourceMapBuilder {
  private readonly positions = new Map<string, string>();

  constructor(private readonly output: string) {}

  add(key: string, source: Position): void {
    this.positions.set(key, positionText(source));
  }

  /** A position already written as text (positionText). */
  addText(key: string, position: string): void {
    this.positions.set(key, position);
  }

  /** The map, keys in code-point order (`sort`: a sort that may reuse an earlier order of the same keys). */
  map(sort: (keys: string[]) => string[] = (keys) => keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))): SourceMap {
    const keys = sort([...this.positions.keys()]);
    return { output: this.output, positions: Object.fromEntries(keys.map((key) => [key, this.positions.get(key) ?? ''])) };
  }
}

/** The path of an output's source map: `rules/in-force.json` → `rules/in-force.sourcemap.json`. */
export function sourceMapPath(output: string): string {
  return output.replace(/\.(json|ts)$/, '.sourcemap.json');
}

export function sourceMapJson(map: SourceMap): string {
  return `${JSON.stringify({ $schema: schemaPathFor(map.output), ...map }, null, 2)}\n`;
}

/** The schema reference, relative to where the map is written. */
function schemaPathFor(output: string): string {
  return output.startsWith('rules/') ? './schema/source-map.schema.json' : '../rules/schema/source-map.schema.json';
}
