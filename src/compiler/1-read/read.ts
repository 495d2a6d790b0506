/**
 * Stage 1, read. Takes: a directory (or, in tests and the benchmark, name → text). Returns: a
 * `SourceDocument` per `*.md` file: its name and its vfile. Bytes are checked before
 * they reach the parser: binary files and invalid UTF-8 get a positioned diagnostic instead.
 * A byte-order mark is dropped; CRLF line ends are left to the parser, which handles them.
 */
import { constants, type Dirent } from 'node:fs';
import { open, readdir, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { report } from '../../shared/diagnostics.js';
import { compareText } from '../../shared/order.js';

export const READ_RULES = {
  binary: 'file-binary',
  encoding: 'file-encoding',
  unreadable: 'file-unreadable',
  tooLarge: 'file-too-large',
  notRegular: 'file-not-regular',
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
  let entries: Dirent[];
  try {
    const info = await stat(absolute);
    if (!info.isDirectory()) throw new CannotRun(`${dir} is not a directory`);
    entries = await readdir(absolute, { withFileTypes: true });
  } catch (error) {
    if (error instanceof CannotRun) throw error;
    throw new CannotRun(`cannot read the legal text directory ${dir}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const documents = entries.filter((entry) => entry.name.endsWith('.md')).sort((a, b) => compareText(a.name, b.name));
  if (documents.length === 0) throw new CannotRun(`no Markdown documents (*.md) in ${dir}`);
  const read = await Promise.all(
    documents.map(async (entry) => {
      const filePath = path.join(absolute, entry.name);
      const file = new VFile({ path: path.relative(cwd, filePath) || filePath, cwd });
      return readRegularFile(entry, filePath, file);
    }),
  );
  const refused = read.filter((doc) => !doc.readable && doc.file.messages.some((message) => REFUSALS.has(message.ruleId ?? '')));
  const files = [...refused.map((doc) => doc.file), ...(await refusedManifestEntries(absolute, entries, cwd))];
  if (files.length > 0) throw new CorpusRefused(files);
  return read;
}

/** The folder of intent manifests inside the corpus (src/features/changeset/intent.ts reads it). */
const MANIFEST_FOLDER = 'modifications';

/**
 * The rest of the corpus the compiler reads — YAML at the top (the release plan, releases.yaml)
 * and the manifests folder with its `*.yaml` — must be regular files and a real folder too
 * (checked by type only; they are read later by their own readers).
 */
async function refusedManifestEntries(absolute: string, entries: readonly Dirent[], cwd: string): Promise<VFile[]> {
  const refusal = (name: string, kind: string): VFile => {
    const file = new VFile({ path: path.relative(cwd, path.join(absolute, name)), cwd });
    report(file, `Unexpected ${kind} \`${name}\` in the legal text folder, expected only regular files and folders: it was not read`, {
      ruleId: READ_RULES.notRegular,
      place: { line: 1, column: 1 },
    });
    return file;
  };
  const refused = entries
    .filter((entry) => /\.ya?ml$/.test(entry.name) && !entry.isFile())
    .map((entry) => refusal(entry.name, kindOf(entry)));
  const folder = entries.find((entry) => entry.name === MANIFEST_FOLDER);
  if (!folder) return refused;
  if (!folder.isDirectory()) return [...refused, refusal(MANIFEST_FOLDER, kindOf(folder))];
  const inside = await readdir(path.join(absolute, MANIFEST_FOLDER), { withFileTypes: true });
  return [
    ...refused,
    ...inside
      .filter((entry) => /\.ya?ml$/.test(entry.name) && !entry.isFile())
      .map((entry) => refusal(path.join(MANIFEST_FOLDER, entry.name), kindOf(entry))),
  ];
}

/** Findings that mean the corpus itself cannot be read as given: every command stops with exit 2. */
const REFUSALS = new Set<string>([READ_RULES.unreadable, READ_RULES.notRegular]);

/** The corpus holds something that is not a readable regular file; `files` carry the findings. */
export class CorpusRefused extends CannotRun {
  override name = 'CorpusRefused';
  constructor(readonly files: VFile[]) {
    super(
      `the legal text folder holds ${files.length === 1 ? 'an entry' : `${files.length} entries`} that cannot be read as documents; nothing was compiled`,
    );
  }
}

/**
 * Only a regular file inside the folder is a document. A symbolic link (to /etc/passwd, to a
 * credentials file, to a document elsewhere), a FIFO (which would block the read forever), a
 * directory or a device is refused by its type, without opening it. The open itself refuses to
 * follow a link and never blocks, so an entry swapped after the listing is refused as well.
 */
async function readRegularFile(entry: Dirent, filePath: string, file: VFile): Promise<SourceDocument> {
  const name = entry.name;
  const refuse = (kind: string): SourceDocument => {
    report(file, `Unexpected ${kind} \`${name}\` in the legal text folder, expected only regular files: it was not read`, {
      ruleId: READ_RULES.notRegular,
      place: { line: 1, column: 1 },
    });
    return { name, file, readable: false };
  };
  if (!entry.isFile()) return refuse(kindOf(entry));
  let handle: FileHandle | undefined;
  try {
    handle = await open(filePath, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    const info = await handle.stat();
    if (!info.isFile()) return refuse(kindOf(info));
    // A hard link is a regular file like any other (checkouts copied with `cp -al` or a CI cache are
    // all hard links): its content is the file's own, and Linux lets a user link only files they
    // could already read and write (fs.protected_hardlinks), so it discloses nothing a copy would not.
    if (info.size > MAX_DOCUMENT_BYTES) return tooLarge(name, file, info.size);
    return decodeDocument(name, file, await handle.readFile());
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return refuse('symbolic link');
    report(file, `Cannot read the file: ${code ?? String(error)}`, { ruleId: READ_RULES.unreadable });
    return { name, file, readable: false };
  } finally {
    await handle?.close();
  }
}

function kindOf(entry: { isSymbolicLink(): boolean; isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean }): string {
  if (entry.isSymbolicLink()) return 'symbolic link';
  if (entry.isDirectory()) return 'folder';
  if (entry.isFIFO()) return 'named pipe (FIFO)';
  if (entry.isSocket()) return 'socket';
  return 'device or special file';
}

/** Turns bytes into the vfile's text, or reports why it cannot. */
export function decodeDocument(name: string, file: VFile, bytes: Uint8Array): SourceDocument {
  if (bytes.length > MAX_DOCUMENT_BYTES) return tooLarge(name, file, bytes.length);
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

function tooLarge(name: string, file: VFile, size: number): SourceDocument {
  report(
    file,
    `Unexpected file of ${(size / 1024 / 1024).toFixed(1)} MiB, expected a document of at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MiB`,
    { ruleId: READ_RULES.tooLarge, place: { line: 1, column: 1 } },
  );
  return { name, file, readable: false };
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
