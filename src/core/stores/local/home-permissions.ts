import { promises as fs, type Stats } from 'node:fs';
import path from 'node:path';
import { SecretManagerError } from '../../model';
import { isErrorCode, PRIVATE_FILE_MODE, PRIVATE_FOLDER_MODE } from './atomic-file';

/** The entries of a store home whose owner and mode matter: someone who can replace them controls the store. */
const HOME_ENTRIES = ['key.json', 'store.json', 'store.json.bak', 'store.generation', 'audit.jsonl', 'fingerprints'];

const REPAIR_HINT = 'Run `secret-manager status --fix-permissions` (it makes the folder 0700 and its files 0600), or fix them by hand; check first that nobody else changed them.';

function octal(mode: number): string {
  return (mode & 0o777).toString(8).padStart(4, '0');
}

/** Why another user could change this entry, or undefined. */
function problemOf(stats: Pick<Stats, 'uid' | 'mode'>, ownUid: number): string | undefined {
  if (stats.uid !== ownUid) return `is owned by another user (uid ${stats.uid})`;
  if ((stats.mode & 0o022) !== 0) return `is writable by other users (mode ${octal(stats.mode)})`;
  return undefined;
}

async function statIfPresent(entry: string): Promise<Stats | undefined> {
  try {
    return await fs.stat(entry);
  } catch (error) {
    if (isErrorCode(error, 'ENOENT')) return undefined;
    throw error;
  }
}

/** The home folder and the entries in it that exist, all looked at at once. */
async function presentEntries(home: string): Promise<Array<{ entry: string; stats: Stats }>> {
  const entries = [home, ...HOME_ENTRIES.map((name) => path.join(home, name))];
  const found = await Promise.all(entries.map(async (entry) => ({ entry, stats: await statIfPresent(entry) })));
  if (found[0]!.stats === undefined) return [];
  return found.filter((item): item is { entry: string; stats: Stats } => item.stats !== undefined);
}

/**
 * Refuses a store home that another user owns or can write to, like the code cache does for its folder:
 * such a user could swap the key file or the store. Nothing is checked where there are no Unix owners.
 */
export async function checkHomePermissions(home: string): Promise<void> {
  const ownUid = process.getuid?.();
  if (ownUid === undefined) return;
  for (const { entry, stats } of await presentEntries(home)) {
    const problem = problemOf(stats, ownUid);
    if (problem) {
      const what = entry === home ? `The store folder ${home}` : `The store's ${entry}`;
      throw new SecretManagerError('permission-denied', `${what} ${problem}, so Secret Manager does not use it.`, REPAIR_HINT);
    }
  }
}

/** Makes the home 0700 and its entries 0600 (folders 0700); returns what it changed. Refuses what another user owns. */
export async function repairHomePermissions(home: string): Promise<string[]> {
  const ownUid = process.getuid?.();
  if (ownUid === undefined) return [];
  const changed = [];
  for (const { entry, stats } of await presentEntries(home)) {
    if (stats.uid !== ownUid) {
      throw new SecretManagerError('permission-denied', `${entry} is owned by another user (uid ${stats.uid}); only its owner or root can hand it over.`, 'Nothing was changed after it.');
    }
    const mode = stats.isDirectory() ? PRIVATE_FOLDER_MODE : PRIVATE_FILE_MODE;
    if ((stats.mode & 0o777) !== mode) {
      await fs.chmod(entry, mode);
      changed.push(entry);
    }
  }
  return changed;
}
