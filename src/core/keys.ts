import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as z from 'zod';
import {
  AuthenticationFailedError,
  DEFAULT_SCRYPT_PARAMETERS,
  deriveKeyFromPassphrase,
  deriveSubkey,
  generateKey,
  open,
  seal,
  type SealedBox,
  type ScryptParameters,
} from './crypto';
import { KEYCHAIN_SERVICE, keychainUnavailableError, openKeychainEntry } from './keychain';
import { readKeychainEntry, type KeychainReadAhead } from './keychain-read-ahead';
import { SecretManagerError, isSecretManagerError } from './model';
import { storeHomeFiles } from './paths';
import { createFileExclusively, ensurePrivateFolder, isErrorCode } from './stores/local/atomic-file';

/**
 * One store home has one random data key. A master key wraps it, once per "slot": a master key kept in
 * the OS keychain, and/or one derived with scrypt from SECRET_MANAGER_PASSPHRASE. The key file holds
 * only wrapped keys, salts and the home's id; no key is ever written in the clear.
 */
export type KeySource = 'keychain' | 'passphrase';
export type KeychainMode = 'auto' | 'off';

export interface HomeKeyOptions {
  readonly home: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Defaults to env SECRET_MANAGER_PASSPHRASE. */
  readonly passphrase?: string;
  readonly keychain?: KeychainMode;
  /** A read of the keychain slot's entry started earlier (`secret-manager run`); used only if it is that slot's. */
  readonly keychainReadAhead?: KeychainReadAhead;
}

export interface HomeKeys {
  readonly homeId: string;
  /** Which master key unlocked the data key this time. */
  readonly source: KeySource;
  readonly keychainAccount?: string;
  readonly dataKey: Buffer;
  /** An independent key for one purpose (HKDF from the data key). */
  subkey(purpose: string): Buffer;
}

const sealedBoxSchema = z.object({ nonce: z.string(), ciphertext: z.string() });
const keychainSlotSchema = z.object({
  source: z.literal('keychain'),
  service: z.string(),
  account: z.string(),
  wrappedDataKey: sealedBoxSchema,
});
const passphraseSlotSchema = z.object({
  source: z.literal('passphrase'),
  kdf: z.object({
    algorithm: z.literal('scrypt'),
    salt: z.string(),
    N: z.number().int().min(1024).max(2 ** 22),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
  }),
  wrappedDataKey: sealedBoxSchema,
});
const keyFileSchema = z.object({
  format: z.literal('secret-manager-key-file'),
  formatVersion: z.literal(1),
  homeId: z.uuid(),
  createdAt: z.string(),
  slots: z.array(z.discriminatedUnion('source', [keychainSlotSchema, passphraseSlotSchema])).min(1),
});
type KeyFile = z.infer<typeof keyFileSchema>;
type KeychainSlot = z.infer<typeof keychainSlotSchema>;
type PassphraseSlot = z.infer<typeof passphraseSlotSchema>;

function wrappingContext(homeId: string, source: KeySource): string {
  return JSON.stringify(['data-key', homeId, source]);
}

export function passphraseFrom(options: HomeKeyOptions): string | undefined {
  const passphrase = options.passphrase ?? (options.env ?? process.env).SECRET_MANAGER_PASSPHRASE;
  return passphrase ? passphrase : undefined;
}

function corruptedKeyFile(keyFile: string, reason: string): SecretManagerError {
  return new SecretManagerError(
    'corrupted-store',
    `The key file ${keyFile} is damaged (${reason}).`,
    'Restore it from a backup; without it the local store cannot be decrypted.',
  );
}

function makeHomeKeys(homeId: string, source: KeySource, dataKey: Buffer, keychainAccount?: string): HomeKeys {
  return {
    homeId,
    source,
    dataKey,
    keychainAccount,
    subkey: (purpose) => deriveSubkey(dataKey, purpose),
  };
}

async function readKeyFile(keyFile: string): Promise<KeyFile | undefined> {
  let text: string;
  try {
    text = await fs.readFile(keyFile, 'utf8');
  } catch (error) {
    if (isErrorCode(error, 'ENOENT')) return undefined;
    if (isErrorCode(error, 'EISDIR')) throw corruptedKeyFile(keyFile, 'it is a folder, not a file');
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw corruptedKeyFile(keyFile, 'it is not valid JSON');
  }
  const parsed = keyFileSchema.safeParse(json);
  if (!parsed.success) throw corruptedKeyFile(keyFile, 'its structure is not valid');
  return parsed.data;
}

/**
 * Master keys derived in this process, by salt, cost and a hash of the passphrase, so opening the store
 * and a fingerprint ledger of the same home runs scrypt once. Memory only; nothing is cached on disk.
 */
const derivedMasterKeys = new Map<string, Promise<Buffer>>();

function derivePassphraseKey(passphrase: string, salt: Buffer, parameters: ScryptParameters): Promise<Buffer> {
  const cacheKey = createHash('sha256')
    .update(JSON.stringify([salt.toString('base64'), parameters.N, parameters.r, parameters.p]))
    .update(passphrase)
    .digest('base64');
  let derived = derivedMasterKeys.get(cacheKey);
  if (!derived) {
    derived = deriveKeyFromPassphrase(passphrase, salt, parameters);
    derived.catch(() => derivedMasterKeys.delete(cacheKey));
    if (derivedMasterKeys.size >= 16) derivedMasterKeys.clear();
    derivedMasterKeys.set(cacheKey, derived);
  }
  return derived;
}

async function wrapWithPassphrase(homeId: string, dataKey: Buffer, passphrase: string, parameters: ScryptParameters): Promise<PassphraseSlot> {
  const salt = randomBytes(16);
  const masterKey = await derivePassphraseKey(passphrase, salt, parameters);
  return {
    source: 'passphrase',
    kdf: { algorithm: 'scrypt', salt: salt.toString('base64'), ...parameters },
    wrappedDataKey: seal(masterKey, dataKey, wrappingContext(homeId, 'passphrase')),
  };
}

async function wrapWithKeychain(homeId: string, dataKey: Buffer): Promise<KeychainSlot> {
  const account = `master-key:${homeId}`;
  const masterKey = generateKey();
  const entry = openKeychainEntry(account);
  await entry.write(masterKey.toString('base64'));
  // Read it back: a key the keychain did not really keep would leave the store unopenable.
  if ((await entry.read()) !== masterKey.toString('base64')) {
    await entry.remove().catch(() => undefined);
    throw keychainUnavailableError('it did not keep the key written to it');
  }
  return {
    source: 'keychain',
    service: KEYCHAIN_SERVICE,
    account,
    wrappedDataKey: seal(masterKey, dataKey, wrappingContext(homeId, 'keychain')),
  };
}

/** Checked only when a store is created, so a store made with a shorter one still opens. */
const MINIMUM_PASSPHRASE_LENGTH = 12;

function requireStrongEnoughPassphrase(passphrase: string): void {
  const length = [...passphrase].length;
  if (length >= MINIMUM_PASSPHRASE_LENGTH) return;
  throw new SecretManagerError(
    'invalid-input',
    `The passphrase (SECRET_MANAGER_PASSPHRASE) is ${length} character${length === 1 ? '' : 's'} long; a new store needs at least ${MINIMUM_PASSPHRASE_LENGTH}.`,
    'Whoever gets a copy of key.json can try passphrases offline; scrypt slows each try, but cannot save a short passphrase. Use a few random words.',
  );
}

/** Creates the home's key file. Returns undefined when another process created one first. */
async function createKeyFile(options: HomeKeyOptions, parameters: ScryptParameters): Promise<HomeKeys | undefined> {
  const { keyFile } = storeHomeFiles(options.home);
  const passphrase = passphraseFrom(options);
  if (passphrase !== undefined) requireStrongEnoughPassphrase(passphrase);
  const homeId = randomUUID();
  const dataKey = generateKey();
  const slots: Array<KeychainSlot | PassphraseSlot> = [];
  if ((options.keychain ?? 'auto') === 'auto') {
    try {
      slots.push(await wrapWithKeychain(homeId, dataKey));
    } catch (error) {
      if (!passphrase) throw error;
    }
  }
  if (passphrase) slots.push(await wrapWithPassphrase(homeId, dataKey, passphrase, parameters));
  if (slots.length === 0) {
    throw new SecretManagerError(
      'keychain-unavailable',
      'There is no key to protect the local store: the OS keychain is turned off and SECRET_MANAGER_PASSPHRASE is not set.',
      'Set SECRET_MANAGER_PASSPHRASE, or turn the keychain on.',
    );
  }
  const file: KeyFile = { format: 'secret-manager-key-file', formatVersion: 1, homeId, createdAt: new Date().toISOString(), slots };
  const keychainSlot = slots.find((slot): slot is KeychainSlot => slot.source === 'keychain');
  if (!(await createFileExclusively(keyFile, `${JSON.stringify(file, null, 2)}\n`))) {
    // Another process made the home's key first; ours is discarded.
    if (keychainSlot) await openKeychainEntry(keychainSlot.account).remove().catch(() => undefined);
    return undefined;
  }
  return makeHomeKeys(homeId, passphrase ? 'passphrase' : 'keychain', dataKey, keychainSlot?.account);
}

async function unlockWithPassphrase(file: KeyFile, slot: PassphraseSlot, passphrase: string): Promise<Buffer> {
  const { salt, N, r, p } = slot.kdf;
  const masterKey = await derivePassphraseKey(passphrase, Buffer.from(salt, 'base64'), { N, r, p });
  try {
    return open(masterKey, slot.wrappedDataKey as SealedBox, wrappingContext(file.homeId, 'passphrase'));
  } catch (error) {
    if (!(error instanceof AuthenticationFailedError)) throw error;
    throw new SecretManagerError(
      'wrong-passphrase',
      'The passphrase does not unlock the local store.',
      'Check SECRET_MANAGER_PASSPHRASE: it must be the passphrase the store was created with.',
    );
  }
}

async function unlockWithKeychain(file: KeyFile, slot: KeychainSlot, keyFile: string, readAhead: KeychainReadAhead | undefined): Promise<Buffer> {
  const stored = await readKeychainEntry(slot.service, slot.account, readAhead);
  if (!stored) {
    throw new SecretManagerError(
      'corrupted-store',
      `The master key of the local store is missing from the OS keychain (service "${slot.service}", account "${slot.account}").`,
      `Restore that keychain entry, or set SECRET_MANAGER_PASSPHRASE if the store also has a passphrase. The key file is ${keyFile}.`,
    );
  }
  try {
    return open(Buffer.from(stored, 'base64'), slot.wrappedDataKey, wrappingContext(file.homeId, 'keychain'));
  } catch {
    throw new SecretManagerError(
      'corrupted-store',
      `The master key in the OS keychain (account "${slot.account}") does not unlock the local store.`,
      `The keychain entry or ${keyFile} was changed. Restore them from a backup.`,
    );
  }
}

async function unlockKeyFile(file: KeyFile, options: HomeKeyOptions): Promise<HomeKeys> {
  const { keyFile } = storeHomeFiles(options.home);
  const passphrase = passphraseFrom(options);
  const passphraseSlot = file.slots.find((slot): slot is PassphraseSlot => slot.source === 'passphrase');
  const keychainSlot = file.slots.find((slot): slot is KeychainSlot => slot.source === 'keychain');
  // A passphrase that was given is always checked, so a wrong one is refused rather than ignored.
  if (passphrase && passphraseSlot) {
    return makeHomeKeys(file.homeId, 'passphrase', await unlockWithPassphrase(file, passphraseSlot, passphrase), keychainSlot?.account);
  }
  if (keychainSlot && (options.keychain ?? 'auto') === 'auto') {
    try {
      return makeHomeKeys(file.homeId, 'keychain', await unlockWithKeychain(file, keychainSlot, keyFile, options.keychainReadAhead), keychainSlot.account);
    } catch (error) {
      if (!isSecretManagerError(error, 'keychain-unavailable') || passphraseSlot) throw error;
      // The generic hint suggests a passphrase, which cannot open a store whose only master key is in the keychain.
      throw keychainOnlyHomeError(keychainSlot.account, 'is not available');
    }
  }
  if (passphraseSlot) {
    throw new SecretManagerError(
      'wrong-passphrase',
      'The local store is protected by a passphrase, and none was given.',
      'Set SECRET_MANAGER_PASSPHRASE to the passphrase the store was created with.',
    );
  }
  throw keychainOnlyHomeError(keychainSlot?.account ?? 'unknown', 'is turned off');
}

function keychainOnlyHomeError(account: string, problem: 'is not available' | 'is turned off'): SecretManagerError {
  const remedy =
    problem === 'is turned off'
      ? 'Turn the keychain back on (unset SECRET_MANAGER_KEYCHAIN=off, or pass keychain: "auto")'
      : 'Make the keychain available (log in to a desktop session, or start a Secret Service such as gnome-keyring)';
  return new SecretManagerError(
    'keychain-unavailable',
    `The OS keychain ${problem}, and this local store keeps its master key there (account "${account}").`,
    `${remedy} and try again; a passphrase cannot open this store.`,
  );
}

/** Loads the home's data key, creating the key file (and the keychain entry) the first time. */
export async function loadHomeKeys(options: HomeKeyOptions, parameters: ScryptParameters = DEFAULT_SCRYPT_PARAMETERS): Promise<HomeKeys> {
  const { home, keyFile } = storeHomeFiles(options.home);
  await ensurePrivateFolder(home);
  for (;;) {
    const existing = await readKeyFile(keyFile);
    if (existing) return unlockKeyFile(existing, options);
    const created = await createKeyFile(options, parameters);
    if (created) return created;
  }
}

export function describeKeySource(keys: Pick<HomeKeys, 'source' | 'keychainAccount'>): string {
  return keys.source === 'keychain'
    ? `The master key is kept in the OS keychain (service "${KEYCHAIN_SERVICE}", account "${keys.keychainAccount}").`
    : 'The master key is derived from the passphrase in SECRET_MANAGER_PASSPHRASE (scrypt).';
}
