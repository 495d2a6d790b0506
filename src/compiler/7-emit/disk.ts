/**
 * The outputs on disk as last read, kept per disk state: a file is read again only when its
 * stat (size, modification and change times in nanoseconds, inode) changed, and what a reader
 * derives from one state of a file (the committed interval file parsed and keyed) is kept with
 * it. For the language server, which compares every compilation with the same committed files.
 */
import { stat } from 'node:fs/promises';
import { readIfExists } from './write.js';

export interface DiskText {
  text: string | undefined;
  /** What readers derived from this text, by their own key. */
  derived: Map<string, unknown>;
}

export class DiskTexts {
  private readonly known = new Map<string, { stamp: string; read: DiskText }>();

  async read(file: string): Promise<DiskText> {
    const stamp = await stampOf(file);
    const known = this.known.get(file);
    if (known && stamp !== undefined && known.stamp === stamp) return known.read;
    const read: DiskText = { text: await readIfExists(file), derived: new Map() };
    // A file that changes while it is read gets a new stamp; keep only what was read under a stable one.
    if (stamp !== undefined && stamp === (await stampOf(file))) this.known.set(file, { stamp, read });
    else this.known.delete(file);
    return read;
  }
}

async function stampOf(file: string): Promise<string | undefined> {
  try {
    const info = await stat(file, { bigint: true });
    return `${info.size}:${info.mtimeNs}:${info.ctimeNs}:${info.ino}`;
  } catch {
    return undefined;
  }
}
