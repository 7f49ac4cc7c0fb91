import { existsSync } from 'node:fs';
import { resolveStoreHome, storeHomeFiles } from '../../core/paths';
import { restoreLocalStore } from '../../core/stores/local';
import { parseCommandArguments, UsageError } from '../arguments';
import type { CommandHandler } from '../command';
import { writeJson } from '../output';
import { keychainMode } from '../store-session';

/** `restore --from-backup | --accept-current`: the deliberate step after a damaged or replaced store file. */
export const restoreCommand: CommandHandler = async (args, globals, io) => {
  const command = 'restore';
  const { values } = parseCommandArguments(
    command,
    args,
    { 'from-backup': { type: 'boolean' }, 'accept-current': { type: 'boolean' } },
    { min: 0, max: 0 },
  );
  if (Boolean(values['from-backup']) === Boolean(values['accept-current'])) {
    throw new UsageError('restore needs either --from-backup or --accept-current.', command);
  }
  if (globals.store !== 'local') throw new UsageError('restore works on the local store only.', command);
  const source = values['from-backup'] ? 'backup' : 'current';
  const restored = await restoreLocalStore({ env: io.env, keychain: keychainMode(io.env) }, source);
  if (globals.json) {
    writeJson(io, restored);
    return 0;
  }
  if (source === 'backup') {
    io.stdout(`Restored store.json from store.json.bak (generation ${restored.generation}).\n`);
    if (restored.setAside) io.stdout(`The replaced file is kept as ${restored.setAside}.\n`);
  } else {
    const { storeFile } = storeHomeFiles(resolveStoreHome(io.env));
    io.stdout(
      existsSync(storeFile)
        ? `Accepted the store file ${storeFile} as the current store (generation ${restored.generation}).\n`
        : `Accepted that ${storeFile} is gone: the next command starts an empty store.\n`,
    );
  }
  return 0;
};
