/**
 * The project a command works on, found from any folder inside it: without `--text` and
 * `--root`, secc walks up from the working directory to the first folder that holds a
 * `sec-text/` folder and a `package.json` (or a `.secc-root` marker file), like git finds its
 * repository. Paths stay relative to the working directory, so findings open where they are.
 */
import { statSync } from 'node:fs';
import path from 'node:path';

export const TEXT_FOLDER = 'sec-text';
export const ROOT_MARKER = '.secc-root';

/** The folder at or above `cwd` that is a project root; undefined when there is none. */
export function findProjectRoot(cwd: string): string | undefined {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (isProjectRoot(dir)) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

function isProjectRoot(dir: string): boolean {
  if (!isDirectory(path.join(dir, TEXT_FOLDER))) return false;
  return isFile(path.join(dir, 'package.json')) || isFile(path.join(dir, ROOT_MARKER));
}

/**
 * `--text` and `--root` as the command should read them: given ones are kept; missing ones come
 * from the project root found above `cwd` (relative to `cwd`), or the defaults when none is found.
 */
export function locateProject(cwd: string, given: { text?: string; root?: string }): { text: string; root: string } {
  const defaults = { text: given.text ?? TEXT_FOLDER, root: given.root ?? '.' };
  if (given.text !== undefined || given.root !== undefined) return defaults;
  if (isDirectory(path.join(cwd, TEXT_FOLDER))) return defaults;
  const root = findProjectRoot(cwd);
  if (root === undefined) return defaults;
  return { text: path.relative(cwd, path.join(root, TEXT_FOLDER)) || '.', root: path.relative(cwd, root) || '.' };
}

function isDirectory(file: string): boolean {
  return statSync(file, { throwIfNoEntry: false })?.isDirectory() === true;
}

function isFile(file: string): boolean {
  return statSync(file, { throwIfNoEntry: false })?.isFile() === true;
}
