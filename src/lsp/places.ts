/**
 * Where things are, in the editor's terms: file paths ↔ `file://` URIs, and vfile places
 * (1-based line and column) ↔ LSP ranges (0-based; both count UTF-16 code units, so columns map
 * one to one).
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Point, Position } from 'unist';
import type { VFileMessage } from 'vfile-message';
import type { Range } from 'vscode-languageserver';

export function uriOfPath(absolute: string): string {
  return pathToFileURL(absolute).href;
}

/** The absolute path of a `file://` URI; undefined for any other scheme (an untitled buffer). */
export function pathOfUri(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return path.resolve(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

function positionOf(point: Point): { line: number; character: number } {
  return { line: Math.max(0, point.line - 1), character: Math.max(0, point.column - 1) };
}

/** A finding's range: its place (a point is an empty range); none: the start of the file. */
export function rangeOfMessage(message: VFileMessage): Range {
  const place = message.place;
  if (!place) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  if ('start' in place) return rangeOfPosition(place);
  const start = positionOf(place);
  return { start, end: start };
}

export function rangeOfPosition(position: Position): Range {
  return { start: positionOf(position.start), end: positionOf(position.end) };
}

/** Whether an LSP position (0-based) falls inside a 1-based source span, ends included. */
export function spanContains(
  span: { line: number; column: number; endLine: number; endColumn: number },
  at: { line: number; character: number },
): boolean {
  const line = at.line + 1;
  const column = at.character + 1;
  if (line < span.line || line > span.endLine) return false;
  if (line === span.line && column < span.column) return false;
  if (line === span.endLine && column > span.endColumn) return false;
  return true;
}
