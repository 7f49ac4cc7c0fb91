import { readFile } from 'node:fs/promises';
import { KEYCHAIN_SERVICE, openKeychainEntry, readKeychainPasswordOffThread } from './keychain';
import { resolveStoreHome, storeHomeFiles } from './paths';

/** A read of the local store's master key from the OS keychain, started before the store code loaded. */
export interface KeychainReadAhead {
  readonly service: string;
  readonly account: string;
  /** The entry's password; a failure is left for the store to meet again by reading once more. */
  readonly password: Promise<string | null>;
}

/** The accounts the local store gives its master keys: `master-key:<home id>`. */
const MASTER_KEY_ACCOUNT = /^master-key:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface UncheckedSlot {
  readonly source?: unknown;
  readonly service?: unknown;
  readonly account?: unknown;
}

/**
 * Starts reading the master key that the local store in the environment's home will read next, so that
 * the keychain's round trip (on Linux, D-Bus to the Secret Service) runs while the store code loads. It
 * is the read the store would make: the key file's keychain slot, unless a passphrase will unlock the
 * store instead or the keychain is off. Nothing here is trusted: the key file is read without checks,
 * so only this product's own master-key entries are read, and the store uses the result only for the
 * slot it validated itself, after its own checks of the folder. Undefined when there is nothing to read.
 */
export async function startKeychainReadAhead(env: NodeJS.ProcessEnv): Promise<KeychainReadAhead | undefined> {
  if (env.SECRET_MANAGER_KEYCHAIN === 'off') return undefined;
  let slots: readonly UncheckedSlot[];
  try {
    const file = JSON.parse(await readFile(storeHomeFiles(resolveStoreHome(env)).keyFile, 'utf8')) as { slots?: unknown };
    slots = Array.isArray(file.slots) ? (file.slots as UncheckedSlot[]) : [];
  } catch {
    // No key file, or one the store will refuse with its own message.
    return undefined;
  }
  const slot = slots.find((candidate) => candidate?.source === 'keychain');
  if (slot?.service !== KEYCHAIN_SERVICE || typeof slot.account !== 'string' || !MASTER_KEY_ACCOUNT.test(slot.account)) return undefined;
  if (env.SECRET_MANAGER_PASSPHRASE && slots.some((candidate) => candidate?.source === 'passphrase')) return undefined;
  const password = readKeychainPasswordOffThread(slot.account, slot.service);
  password.catch(() => undefined);
  return { service: slot.service, account: slot.account, password };
}

/**
 * The password of the entry `service`/`account`: from the read started ahead when it is that entry's
 * and succeeded, else read now (a failure is then reported as any keychain read's).
 */
export async function readKeychainEntry(service: string, account: string, readAhead: KeychainReadAhead | undefined): Promise<string | null> {
  if (readAhead !== undefined && readAhead.service === service && readAhead.account === account) {
    const password = await readAhead.password.then(
      (value) => ({ value }),
      () => undefined,
    );
    if (password !== undefined) return password.value;
  }
  return openKeychainEntry(account, service).read();
}
