/**
 * Stage 1, read. Takes: a directory (or, in tests and the benchmark, name → text). Returns: a
 * `SourceDocument` per `*.md` file: its name and its vfile. Bytes are checked before
 * they reach the parser: binary files and invalid UTF-8 get a positioned diagnostic instead.
 * A byte-order mark is dropped; CRLF line ends are left to the parser, which handles them.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { report } from '../../shared/diagnostics.js';

export const READ_RULES = {
  binary: 'file-binary',
  encoding: 'file-encoding',
  unreadable: 'file-unreadable',
  tooLarge: 'file-too-large',
} as const;

/** No part of the SEC comes near this; a larger file is not a document (and would only be slow). */
export const MAX_DOCUMENT_BYTES = 4 * 1024 * 1024;

/** A problem that stops the run before any document is read (exit code 2). */
export class CannotRun extends Error {
  override name = 'CannotRun';
}

export interface SourceDocument {
  /** Name relative to the corpus directory, e.g. `appendix-ab.md`: what rule sources cite. */
  name: string;
  file: VFile;
  /** False when the bytes could not be turned into text (the file carries the diagnostic). */
  readable: boolean;
}

export async function readCorpus(dir: string, cwd: string): Promise<SourceDocument[]> {
  const absolute = path.resolve(cwd, dir);
  let entries: string[];
  try {
    const info = await stat(absolute);
    if (!info.isDirectory()) throw new CannotRun(`${dir} is not a directory`);
    entries = await readdir(absolute);
  } catch (error) {
    if (error instanceof CannotRun) throw error;
    throw new CannotRun(`cannot read the legal text directory ${dir}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const names = entries.filter((name) => name.endsWith('.md')).sort();
  if (names.length === 0) throw new CannotRun(`no Markdown documents (*.md) in ${dir}`);
  return Promise.all(
    names.map(async (name) => {
      const filePath = path.join(absolute, name);
      const file = new VFile({ path: path.relative(cwd, filePath) || filePath, cwd });
      try {
        return decodeDocument(name, file, await readFile(filePath));
      } catch (error) {
        report(file, `Cannot read the file: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { ruleId: READ_RULES.unreadable });
        return { name, file, readable: false };
      }
    }),
  );
}

/** Turns bytes into the vfile's text, or reports why it cannot. */
export function decodeDocument(name: string, file: VFile, bytes: Uint8Array): SourceDocument {
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    report(
      file,
      `Unexpected file of ${(bytes.length / 1024 / 1024).toFixed(1)} MiB, expected a document of at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MiB`,
      {
        ruleId: READ_RULES.tooLarge,
        place: { line: 1, column: 1 },
      },
    );
    return { name, file, readable: false };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    report(file, 'Unexpected binary content (a NUL byte), expected a UTF-8 Markdown text', {
      ruleId: READ_RULES.binary,
      place: pointAt(bytes, nul),
    });
    return { name, file, readable: false };
  }
  try {
    file.value = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    report(file, 'Unexpected bytes that are not UTF-8, expected the file to be saved as UTF-8', {
      ruleId: READ_RULES.encoding,
      place: pointAt(bytes, offset),
    });
    return { name, file, readable: false };
  }
  return { name, file, readable: true };
}

/** A corpus given in memory (tests, editors): name → text. */
export function corpusFromStrings(documents: Record<string, string>, dir = 'sec-text'): SourceDocument[] {
  return Object.entries(documents)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, text]) => {
      const file = new VFile({ path: path.join(dir, name) });
      return decodeDocument(name, file, new TextEncoder().encode(text));
    });
}

function pointAt(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset; index++) {
    if (bytes[index] === 0x0a) {
      line++;
      lineStart = index + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let index = 0; index < bytes.length;) {
    const byte = bytes[index] ?? 0;
    const length = byte < 0x80 ? 1 : byte >> 5 === 0x6 ? 2 : byte >> 4 === 0xe ? 3 : byte >> 3 === 0x1e ? 4 : 0;
    if (length === 0) return index;
    for (let k = 1; k < length; k++) {
      const next = bytes[index + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return index;
    }
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(index, index + length));
    } catch {
      return index;
    }
    index += length;
  }
  return bytes.length;
}
