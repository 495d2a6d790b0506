/**
 * Watching folders for `secc check --watch`: fs.watch on each folder (recursively, so a manifest
 * in sec-text/modifications/ counts), a burst of events (an editor's save is several) coalesced
 * into one call once the folders have been quiet for `quietMs`, and never two calls at once: a
 * change during a run schedules one more run after it.
 */
import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

export interface Watcher {
  close(): void;
}

export interface WatchOptions {
  /** Absolute folders to watch; a folder that does not exist is skipped. */
  folders: readonly string[];
  /** Quiet time before a run, in ms. */
  quietMs: number;
  /** Called with the changed paths (absolute) once they are quiet. */
  onChange: (changed: string[]) => Promise<void>;
  /** A folder could not be watched (or a watcher failed). */
  onError: (error: Error) => void;
}

export function watchFolders(options: WatchOptions): Watcher {
  const changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;

  const run = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        const paths = [...changed].sort();
        changed.clear();
        await options.onChange(paths);
      } while (again || changed.size > 0);
    } finally {
      running = false;
    }
  };
  const schedule = (file: string): void => {
    changed.add(file);
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void run().catch(options.onError), options.quietMs);
  };

  const watchers: FSWatcher[] = [];
  for (const folder of options.folders) {
    try {
      const watcher = watch(folder, { recursive: true }, (_event, name) => schedule(path.join(folder, name ? String(name) : '')));
      watcher.on('error', options.onError);
      watchers.push(watcher);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') options.onError(error as Error);
    }
  }
  return {
    close() {
      if (timer) clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    },
  };
}
