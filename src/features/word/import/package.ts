/**
 * Reading a .docx safely: it is a zip of XML parts. Sizes are checked before anything is
 * inflated (fflate inflates an entry into a buffer of its declared size and never past it, so a
 * lying header cannot grow one either), and any problem is a `BadWordFile` naming the file.
 */
import { strFromU8, unzipSync } from 'fflate';
import { CannotRun } from '../../../compiler/1-read/read.js';

/** A Word document that cannot be read: the CLI reports it with exit 2 and writes nothing. */
export class BadWordFile extends CannotRun {
  override name = 'BadWordFile';
}

/** An SEC document in Word is well under a megabyte; these leave room and stop a 50 MB one. */
export const WORD_LIMITS = {
  fileBytes: 16 * 1024 * 1024,
  partBytes: 16 * 1024 * 1024,
  totalBytes: 64 * 1024 * 1024,
  /** Inflated size over deflated size above which a large entry is a zip bomb, not a document. */
  ratio: 200,
} as const;

export const MAIN_PART = 'word/document.xml';
const PARTS = [MAIN_PART, 'word/footnotes.xml', 'word/styles.xml', 'word/numbering.xml', 'word/comments.xml', 'docProps/custom.xml'];

/** The XML parts the import reads (the main document, and footnotes, styles, numbering, comments when present). */
export function readWordParts(bytes: Uint8Array, name: string): Map<string, string> {
  if (bytes.length > WORD_LIMITS.fileBytes) {
    throw new BadWordFile(
      `${name} is ${megabytes(bytes.length)}, larger than any Word document of the SEC (at most ${megabytes(WORD_LIMITS.fileBytes)})`,
    );
  }
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) {
    throw new BadWordFile(`${name} is not a Word document (.docx): it is not a zip package`);
  }
  let total = 0;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (entry) => {
        total += entry.originalSize;
        checkEntry(name, entry, total);
        return PARTS.includes(entry.name);
      },
    });
  } catch (error) {
    if (error instanceof BadWordFile) throw error;
    throw new BadWordFile(`${name} is not a readable Word document: the zip package is damaged (${(error as Error).message})`);
  }
  if (!entries[MAIN_PART]) throw new BadWordFile(`${name} is not a Word document: it has no ${MAIN_PART}`);
  const parts = new Map<string, string>();
  for (const [part, data] of Object.entries(entries)) parts.set(part, decodeUtf8(data, name, part));
  return parts;
}

function checkEntry(name: string, entry: { name: string; size: number; originalSize: number }, total: number): void {
  if (entry.originalSize > 1024 * 1024 && entry.originalSize > entry.size * WORD_LIMITS.ratio) {
    throw new BadWordFile(
      `${name} looks like a zip bomb: ${entry.name} would inflate ${entry.size} bytes to ${megabytes(entry.originalSize)}; it was not opened`,
    );
  }
  if (entry.originalSize > WORD_LIMITS.partBytes) {
    throw new BadWordFile(
      `${name}: ${entry.name} is ${megabytes(entry.originalSize)}, larger than any part of an SEC document (at most ${megabytes(WORD_LIMITS.partBytes)})`,
    );
  }
  if (total > WORD_LIMITS.totalBytes) {
    throw new BadWordFile(`${name} would inflate to more than ${megabytes(WORD_LIMITS.totalBytes)}; it was not opened`);
  }
}

function decodeUtf8(data: Uint8Array, name: string, part: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data).replace(/^\uFEFF/, '');
  } catch {
    try {
      return strFromU8(data, true);
    } catch {
      throw new BadWordFile(`${name}: ${part} is not UTF-8 text`);
    }
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
