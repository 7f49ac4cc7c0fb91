import { watch as watchFolder, promises as fs, type FSWatcher } from 'node:fs';
import path from 'node:path';
import type { Disposable } from '../../store';
import { signatureOf } from './store-file-io';

const DEBOUNCE_MS = 50;

/** Identifies one content of a file that is only ever replaced by rename: a new inode every write. */
export async function fileSignature(file: string): Promise<string> {
  try {
    return signatureOf(await fs.stat(file));
  } catch {
    return 'absent';
  }
}

/**
 * Calls `listener` when `file` gets new content, from this process or another. Watches the folder,
 * because an atomic rename replaces the file's inode. Never keeps the process alive.
 */
export function watchFileChanges(file: string, listener: () => void): Disposable {
  let lastSignature: Promise<string> = fileSignature(file);
  let timer: NodeJS.Timeout | undefined;
  let disposed = false;
  const check = async () => {
    const previous = await lastSignature;
    const next = fileSignature(file);
    lastSignature = next;
    if (!disposed && (await next) !== previous) listener();
  };
  let watcher: FSWatcher | undefined;
  try {
    watcher = watchFolder(path.dirname(file), { persistent: false }, (_event, name) => {
      if (name && name.toString() !== path.basename(file)) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void check().catch(() => undefined), DEBOUNCE_MS);
      timer.unref();
    });
    watcher.on('error', () => undefined);
  } catch {
    watcher = undefined;
  }
  return {
    dispose() {
      disposed = true;
      if (timer) clearTimeout(timer);
      watcher?.close();
    },
  };
}
