import { SecretManagerError } from '../../model';
import type { StoreBody, StoredSecret, StoredVersion } from './body-schema';
import { encodeStoreFile, readStoreLayout, verifyStoreFile } from './store-file';
import { StoreFileError } from './store-file-error';

export type { StoreBody, StoredSecret, StoredVault, StoredVersion } from './body-schema';

export function emptyBody(storeId: string, homeId: string): StoreBody {
  return { storeId, homeId, generation: 0, vaults: {} };
}

/** The whole store file, in the current format (see store-file.ts). */
export function serializeStore(body: StoreBody, macKey: Buffer): string {
  return encodeStoreFile(body, macKey).bytes.toString('utf8');
}

export function corruptedStoreError(storeFile: string, backupFile: string, reason: string): SecretManagerError {
  return new SecretManagerError(
    'corrupted-store',
    `The local store file ${storeFile} is damaged or was changed outside Secret Manager (${reason}).`,
    `Nothing was changed. The previous good copy is ${backupFile}: run \`secret-manager restore --from-backup\` to use it (the damaged file is kept aside).`,
  );
}

/** Parses and verifies a store file of any known format; every failure is a 'corrupted-store' error naming the backup. */
export function parseStore(text: string | Buffer, macKey: Buffer, files: { storeFile: string; storeBackup: string }, homeId: string): StoreBody {
  try {
    return verifyStoreFile(readStoreLayout(typeof text === 'string' ? Buffer.from(text, 'utf8') : text), macKey, homeId).body;
  } catch (error) {
    if (error instanceof StoreFileError) throw corruptedStoreError(files.storeFile, files.storeBackup, error.reason);
    throw error;
  }
}

/** Own-property lookup: a vault named "constructor" must not find Object.prototype.constructor. */
export function ownEntry<T>(record: Record<string, T>, name: string): T | undefined {
  return Object.hasOwn(record, name) ? record[name] : undefined;
}

export function currentVersion(secret: StoredSecret): StoredVersion {
  return secret.versions[secret.versions.length - 1];
}

export function valueContext(storeId: string, vault: string, key: string, version: number): string {
  return JSON.stringify(['secret-value', storeId, vault, key, version]);
}
