/**
 * Writing outputs whole: every file goes to a temporary sibling first, then all are renamed
 * into place. If any write fails, the temporaries are removed and earlier outputs stay as they were.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export async function writeOutputsAtomically(root: string, outputs: ReadonlyMap<string, string>): Promise<string[]> {
  const staged: Array<{ temporary: string; target: string }> = [];
  const changed: string[] = [];
  try {
    for (const [relative, content] of outputs) {
      const target = path.join(root, relative);
      if ((await readIfExists(target)) === content) continue;
      await mkdir(path.dirname(target), { recursive: true });
      const temporary = `${target}.${process.pid}.tmp`;
      await writeFile(temporary, content, 'utf8');
      staged.push({ temporary, target });
      changed.push(relative);
    }
  } catch (error) {
    await Promise.all(staged.map(({ temporary }) => rm(temporary, { force: true })));
    throw error;
  }
  try {
    for (const { temporary, target } of staged) await rename(temporary, target);
  } finally {
    await Promise.all(staged.map(({ temporary }) => rm(temporary, { force: true })));
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
