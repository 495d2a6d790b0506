/**
 * Writing outputs whole: every file goes to a temporary sibling first; only when all are staged
 * are they renamed into place. If a rename fails, the files already replaced are restored from
 * their backups, so a failed build leaves earlier outputs exactly as they were.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

interface Staged {
  temporary: string;
  target: string;
  backup: string | undefined;
}

export async function writeOutputsAtomically(root: string, outputs: ReadonlyMap<string, string>): Promise<string[]> {
  const staged: Staged[] = [];
  const changed: string[] = [];
  const suffix = `${process.pid}.${Date.now().toString(36)}`;
  try {
    for (const [relative, content] of outputs) {
      const target = path.join(root, relative);
      const existing = await readIfExists(target);
      if (existing === content) continue;
      await mkdir(path.dirname(target), { recursive: true });
      const temporary = `${target}.${suffix}.tmp`;
      await writeFile(temporary, content, 'utf8');
      staged.push({ temporary, target, backup: existing === undefined ? undefined : `${target}.${suffix}.bak` });
      changed.push(relative);
    }
  } catch (error) {
    await Promise.all(staged.map(({ temporary }) => rm(temporary, { force: true })));
    throw error;
  }
  const backedUp: Staged[] = [];
  const replaced: Staged[] = [];
  try {
    for (const entry of staged) {
      if (entry.backup) {
        await rename(entry.target, entry.backup);
        backedUp.push(entry);
      }
      await rename(entry.temporary, entry.target);
      replaced.push(entry);
    }
  } catch (error) {
    // Roll back: remove what was newly created, put every replaced file back as it was.
    for (const entry of replaced.filter((item) => !item.backup)) await rm(entry.target, { force: true }).catch(() => undefined);
    for (const { backup, target } of backedUp.reverse()) if (backup) await rename(backup, target).catch(() => undefined);
    throw error;
  } finally {
    await Promise.all(
      staged.flatMap(({ temporary, backup }) => [rm(temporary, { force: true }), backup ? rm(backup, { force: true }) : Promise.resolve()]),
    );
  }
  return changed;
}

export async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}
