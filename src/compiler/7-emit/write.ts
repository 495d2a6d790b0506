/**
 * Writing outputs all or nothing, even when the process is killed or the disk is full.
 *
 * 1. Stage: every changed output is written whole (and fsynced) under `<root>/.secc-txn/new/`;
 *    each existing output is hard-linked under `.secc-txn/old/`. Nothing visible has changed.
 * 2. Commit: `.secc-txn/journal.json` appears by a single rename. Before it exists, the write
 *    has not happened; after, it has.
 * 3. Switch: each staged file is renamed over its output, then `.secc-txn/` is removed.
 *
 * The commit and the switch use synchronous renames: one thread, in journal order, so the
 * sequence is the same in every run (and a test can kill the process at each rename in turn).
 *
 * A kill before the commit leaves a staging folder without a journal: the next run deletes it
 * (all old). A kill after it leaves a journal: the next run finishes the renames (all new), or,
 * if a rename cannot be done, puts every output back from `old/` (all old). A failure while
 * staging (ENOSPC) removes the staging folder and names the path it was writing.
 */
import { renameSync } from 'node:fs';
import { copyFile, link, lstat, mkdir, open, readFile, rename, rm, rmdir, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

/** Relative to the root; listed in .gitignore (only ever there between a kill and the next run). */
export const TRANSACTION_DIR = '.secc-txn';

interface Journal {
  /** Outputs to switch, relative to the root. */
  files: string[];
  /** Those of them that existed before (a copy is in `old/`); the others are new files. */
  previous: string[];
}

/** Text is written as UTF-8; bytes (a .docx) as they are. */
export async function writeOutputsAtomically(root: string, outputs: ReadonlyMap<string, string | Uint8Array>): Promise<string[]> {
  await recoverInterruptedWrite(root);
  const changed: string[] = [];
  for (const [relative, content] of outputs) if (!(await sameAsOnDisk(path.join(root, relative), content))) changed.push(relative);
  if (changed.length === 0) return [];
  const txn = path.join(root, TRANSACTION_DIR);
  const created: string[] = [];
  const journal: Journal = { files: changed, previous: [] };
  try {
    if (!(await exists(root))) {
      await mkdir(root, { recursive: true });
      created.push(root);
    }
    await rm(txn, { recursive: true, force: true });
    for (const relative of changed) {
      await stageFile(path.join(txn, 'new', relative), outputs.get(relative) ?? '', path.join(root, relative));
      if (await keepPrevious(root, txn, relative, created)) journal.previous.push(relative);
    }
    await stageFile(path.join(txn, 'journal.json.next'), JSON.stringify(journal), path.join(txn, 'journal.json'));
    renameSync(path.join(txn, 'journal.json.next'), path.join(txn, 'journal.json'));
  } catch (error) {
    await rm(txn, { recursive: true, force: true }).catch(() => undefined);
    for (const dir of created.reverse()) await rmdir(dir).catch(() => undefined);
    throw error;
  }
  await applyJournal(root, txn, journal);
  return changed;
}

/**
 * Completes (journal present) or rolls back (no journal) a write that a kill interrupted.
 * Returns what it did, for a one-line note, or undefined when there was nothing to do.
 */
export async function recoverInterruptedWrite(root: string): Promise<string | undefined> {
  const txn = path.join(root, TRANSACTION_DIR);
  if (!(await exists(txn))) return undefined;
  let journal: Journal | undefined;
  try {
    const parsed = JSON.parse(await readFile(path.join(txn, 'journal.json'), 'utf8')) as Journal;
    if (Array.isArray(parsed.files) && Array.isArray(parsed.previous)) journal = parsed;
  } catch {
    journal = undefined;
  }
  if (!journal) {
    await rm(txn, { recursive: true, force: true });
    return 'an interrupted build had not started writing; its staged files were removed (outputs unchanged)';
  }
  await applyJournal(root, txn, journal);
  return `an interrupted build was completed (${journal.files.join(', ')})`;
}

/** Renames every staged file into place; if one cannot be, puts every output back as it was. */
async function applyJournal(root: string, txn: string, journal: Journal): Promise<void> {
  try {
    for (const relative of journal.files) {
      const staged = path.join(txn, 'new', relative);
      if (await exists(staged)) renameSync(staged, path.join(root, relative));
    }
  } catch (error) {
    for (const relative of journal.files) {
      const target = path.join(root, relative);
      const old = path.join(txn, 'old', relative);
      if (journal.previous.includes(relative)) await rename(old, target).catch(() => undefined);
      else await rm(target, { force: true });
    }
    await rm(txn, { recursive: true, force: true });
    throw error;
  }
  await rm(txn, { recursive: true, force: true });
}

/** Writes a file whole and flushes it to disk; a failure (ENOSPC) names the output it was for. */
async function stageFile(file: string, content: string | Uint8Array, forOutput: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    handle = await open(file, 'wx');
    await handle.writeFile(content, typeof content === 'string' ? 'utf8' : undefined);
    await handle.sync();
  } catch (error) {
    // Whichever call failed (open, write, fsync), what could not be written is this output.
    const failure = error as NodeJS.ErrnoException;
    failure.path = forOutput;
    failure.syscall = 'write';
    throw failure;
  } finally {
    await handle?.close();
  }
}

/**
 * Makes room for an output (its folder exists, nothing but a file is in its place) and keeps a
 * hard link to its current version. Returns whether there was a current version.
 */
async function keepPrevious(root: string, txn: string, relative: string, created: string[]): Promise<boolean> {
  const target = path.join(root, relative);
  const folder = path.dirname(target);
  if (!(await exists(folder))) {
    await mkdir(folder, { recursive: true });
    created.push(folder);
  }
  const info = await lstat(target).catch(() => undefined);
  if (!info) return false;
  if (!info.isFile()) {
    throw Object.assign(new Error(`${target} is not a file`), { code: 'EISDIR', syscall: 'replace', path: target });
  }
  const old = path.join(txn, 'old', relative);
  await mkdir(path.dirname(old), { recursive: true });
  // A hard link costs nothing and keeps the old bytes; a file system without links gets a copy.
  await link(target, old).catch(() => copyFile(target, old));
  return true;
}

async function exists(file: string): Promise<boolean> {
  return (await lstat(file).catch(() => undefined)) !== undefined;
}

export async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

async function sameAsOnDisk(file: string, content: string | Uint8Array): Promise<boolean> {
  if (typeof content === 'string') return (await readIfExists(file)) === content;
  try {
    return Buffer.from(await readFile(file)).equals(content);
  } catch {
    return false;
  }
}
