import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SecretManagerError } from './errors';

/**
 * Where the local store and its key, audit log and fingerprint ledgers live:
 * $SECRET_MANAGER_HOME, else $XDG_CONFIG_HOME/secret-manager, else ~/.config/secret-manager.
 * It is a per-user folder and never the workspace.
 */
export function resolveStoreHome(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env.SECRET_MANAGER_HOME?.trim();
  if (explicit) return requireAbsoluteHome(explicit, 'SECRET_MANAGER_HOME');
  const configHome = env.XDG_CONFIG_HOME?.trim();
  if (configHome && path.isAbsolute(configHome)) return path.join(configHome, 'secret-manager');
  return path.join(env.HOME?.trim() || os.homedir(), '.config', 'secret-manager');
}

/**
 * A relative home would move the store with the current folder, into a workspace as easily as not.
 * `origin` names where the path came from, such as "SECRET_MANAGER_HOME".
 */
export function requireAbsoluteHome(home: string, origin: string): string {
  if (!path.isAbsolute(home)) {
    throw new SecretManagerError(
      'invalid-input',
      `${origin} is a relative path ("${home}"), so the store would move with the current folder and could land inside a workspace.`,
      'Use an absolute path, such as "$HOME/.config/secret-manager" (a "~" inside quotes is not expanded).',
    );
  }
  return path.resolve(home);
}

/** The files inside a store home. */
export function storeHomeFiles(home: string) {
  return {
    home,
    keyFile: path.join(home, 'key.json'),
    storeFile: path.join(home, 'store.json'),
    storeBackup: path.join(home, 'store.json.bak'),
    storeLock: path.join(home, 'store.json.lock'),
    generationPin: path.join(home, 'store.generation'),
    auditLog: path.join(home, 'audit.jsonl'),
    fingerprintFolder: path.join(home, 'fingerprints'),
  };
}

/**
 * The first of `folders` that holds `home` (or is it), else undefined: a store there sits in a
 * workspace, from where its encrypted file and key file can be committed or synced.
 */
export function folderHoldingStoreHome(home: string, folders: readonly string[], caseInsensitive = process.platform === 'win32' || process.platform === 'darwin'): string | undefined {
  const normalize = (folder: string) => (caseInsensitive ? path.resolve(folder).toLowerCase() : path.resolve(folder));
  const store = normalize(home);
  return folders.find((folder) => {
    const relative = path.relative(normalize(folder), store);
    const above = relative === '..' || relative.startsWith(`..${path.sep}`);
    return !above && !path.isAbsolute(relative);
  });
}

/**
 * The git working tree that holds `home` (the nearest folder at or above it with a `.git`), else
 * undefined: a store there can be committed with everything else.
 */
export function gitWorkTreeHolding(home: string, exists: (file: string) => boolean = existsSync): string | undefined {
  let folder = path.resolve(home);
  for (;;) {
    if (exists(path.join(folder, '.git'))) return folder;
    const parent = path.dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}
