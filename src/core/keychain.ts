import type * as KeyringModule from '@napi-rs/keyring';
import { SecretManagerError } from './errors';

/** The service name under which this product keeps its master keys in the OS keychain. */
export const KEYCHAIN_SERVICE = 'secret-manager';

export type KeychainFailureKind = 'unavailable' | 'locked' | 'other';

const UNAVAILABLE_PATTERNS = [
  /autolaunch/i,
  /failed to connect/i,
  /not provided by any \.service files/i,
  /no such file or directory/i,
  /DBUS_SESSION_BUS_ADDRESS/,
  /cannot (load|find) module/i,
  /platform failure/i,
];
const LOCKED_PATTERNS = [/prompt was dismissed/i, /IsLocked/, /\blocked\b/i];

/**
 * @napi-rs/keyring reports every failure with code 'GenericFailure', so failures are told apart by message.
 * "Locked" is checked first: a locked keyring's message may also mention the platform.
 */
export function classifyKeychainFailure(error: unknown): KeychainFailureKind {
  const message = error instanceof Error ? error.message : String(error);
  if (LOCKED_PATTERNS.some((pattern) => pattern.test(message))) return 'locked';
  if (UNAVAILABLE_PATTERNS.some((pattern) => pattern.test(message))) return 'unavailable';
  return 'other';
}

export function keychainUnavailableError(detail?: string): SecretManagerError {
  return new SecretManagerError(
    'keychain-unavailable',
    `The OS keychain is not available${detail ? ` (${detail})` : ''}.`,
    'Set SECRET_MANAGER_PASSPHRASE to protect the local store with a passphrase instead, or start a keychain (Secret Service, such as gnome-keyring).',
  );
}

export function keychainLockedError(): SecretManagerError {
  return new SecretManagerError(
    'keychain-locked',
    'The OS keychain is locked.',
    'Unlock your keychain (log in to your desktop session or unlock it in your keyring manager) and try again, or set SECRET_MANAGER_PASSPHRASE.',
  );
}

/** Turns any keychain failure into a SecretManagerError with a hint. The message never holds a secret. */
export function toKeychainError(error: unknown): SecretManagerError {
  const kind = classifyKeychainFailure(error);
  if (kind === 'locked') return keychainLockedError();
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 200);
  return kind === 'unavailable' ? keychainUnavailableError(message) : keychainUnavailableError(`unexpected failure: ${message}`);
}

/** One password entry in the OS keychain. Every method throws SecretManagerError on failure. */
export interface KeychainEntry {
  read(): Promise<string | null>;
  write(password: string): Promise<void>;
  remove(): Promise<boolean>;
}

type AsyncEntryInstance = {
  getPassword(): Promise<string | null>;
  setPassword(password: string): Promise<void>;
  deletePassword(): Promise<boolean>;
};

/**
 * The native binding of this platform, required directly when it is installed: the package's own
 * loader first probes for files and reads /usr/bin/ldd to tell glibc from musl, which costs about 2 ms
 * before every `secret-manager run`. A binding that is absent or does not load (musl) leaves the choice
 * to that loader.
 */
function loadKeyring(): typeof KeyringModule {
  try {
    const binding = requirePlatformBinding();
    if (binding !== undefined) return binding;
  } catch {
    // Not installed here, or built for another C library: the package's loader knows which one to use.
  }
  return require('@napi-rs/keyring') as typeof KeyringModule;
}

/** The platform packages @napi-rs/keyring depends on, each named in full so that the bundler leaves it external. */
function requirePlatformBinding(): typeof KeyringModule | undefined {
  switch (`${process.platform}-${process.arch}`) {
    case 'linux-x64':
      return require('@napi-rs/keyring-linux-x64-gnu') as typeof KeyringModule;
    case 'linux-arm64':
      return require('@napi-rs/keyring-linux-arm64-gnu') as typeof KeyringModule;
    case 'darwin-x64':
      return require('@napi-rs/keyring-darwin-x64') as typeof KeyringModule;
    case 'darwin-arm64':
      return require('@napi-rs/keyring-darwin-arm64') as typeof KeyringModule;
    case 'win32-x64':
      return require('@napi-rs/keyring-win32-x64-msvc') as typeof KeyringModule;
    default:
      return undefined;
  }
}

/**
 * Loads the native module and opens the entry synchronously, so that a read started by `read()` is
 * on its way to the keychain (off the main thread) by the time `read()` returns.
 */
function createAsyncEntry(service: string, account: string): AsyncEntryInstance {
  try {
    const keyring = loadKeyring();
    // On Linux, pin the Secret Service: the default falls back to the kernel keyring, which forgets at reboot.
    return new keyring.AsyncEntry(service, account, { linux: { store: 'secret-service' } });
  } catch (error) {
    // The constructor throws synchronously when there is no session bus.
    throw toKeychainError(error);
  }
}

/**
 * The password of `service`/`account`, read entirely on the thread pool. On Linux the library opens
 * an entry synchronously (a D-Bus connection and its key exchange, about 7 ms on the main thread);
 * its search of a service's entries connects inside the background task instead. The search returns
 * every entry of the service (this product's master keys, usually one per store home): only
 * `account`'s is kept. An entry the search did not return is an error, for the caller to read again
 * the usual way. Elsewhere, the entry's own read.
 */
export function readKeychainPasswordOffThread(account: string, service = KEYCHAIN_SERVICE, platform = process.platform): Promise<string | null> {
  if (platform !== 'linux') return openKeychainEntry(account, service).read();
  let search: Promise<{ account: string; password: string }[]>;
  try {
    search = loadKeyring().findCredentialsAsync(service);
  } catch (error) {
    return Promise.reject(toKeychainError(error));
  }
  return search.then(
    (credentials) => {
      const found = credentials.find((credential) => credential.account === account);
      if (found === undefined) throw keychainUnavailableError('the search of the keychain did not return the entry');
      return found.password;
    },
    (error: unknown) => {
      throw toKeychainError(error);
    },
  );
}

export function openKeychainEntry(account: string, service = KEYCHAIN_SERVICE): KeychainEntry {
  let entry: AsyncEntryInstance | undefined;
  const use = async <T>(action: (instance: AsyncEntryInstance) => Promise<T>): Promise<T> => {
    entry ??= createAsyncEntry(service, account);
    try {
      return await action(entry);
    } catch (error) {
      throw toKeychainError(error);
    }
  };
  return {
    read: () => use((instance) => instance.getPassword()),
    write: (password) => use((instance) => instance.setPassword(password)),
    remove: () => use((instance) => instance.deletePassword()),
  };
}
