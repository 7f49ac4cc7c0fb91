import { SecretManagerError } from '../model';

/** The keyring service the tailor-sdk CLI stores its tokens under; the account is the config's user key. */
export const TAILOR_KEYRING_SERVICE = 'tailor-platform-cli';

/** Reads the raw keyring password for a user key; `null` when there is no item. */
export type TailorKeyringReader = (userKey: string) => Promise<string | null>;

const NO_SECRET_SERVICE = /autolaunch|Failed to connect|not provided by any \.service files|org\.freedesktop\.secrets|No such file|DBUS/i;
const LOCKED = /prompt was dismissed|IsLocked|locked/i;

/** Reads the CLI's item with @napi-rs/keyring, as the CLI writes it (keytar cannot see these items). */
export const readTailorKeyring: TailorKeyringReader = async (userKey) => {
  try {
    const { AsyncEntry } = await import('@napi-rs/keyring');
    // The constructor itself throws when there is no session bus.
    const entry = new AsyncEntry(TAILOR_KEYRING_SERVICE, userKey, { linux: { store: 'secret-service' } });
    return await entry.getPassword();
  } catch (error) {
    throw classifyKeyringError(error, userKey);
  }
};

export function classifyKeyringError(error: unknown, userKey: string): SecretManagerError {
  const message = error instanceof Error ? error.message : String(error);
  if (LOCKED.test(message)) {
    return new SecretManagerError(
      'keychain-locked',
      `The OS keyring is locked, so the tailor-sdk token of "${userKey}" cannot be read.`,
      'Unlock the keyring, or set TAILOR_PLATFORM_TOKEN.',
    );
  }
  const why = NO_SECRET_SERVICE.test(message) ? 'there is no Secret Service (OS keyring) in this session' : message.slice(0, 200);
  return new SecretManagerError(
    'keychain-unavailable',
    `Cannot read the tailor-sdk token of "${userKey}" from the OS keyring: ${why}.`,
    'Set TAILOR_PLATFORM_TOKEN, or run `tailor-sdk login` where a keyring is available.',
  );
}

/**
 * Takes the access token out of a keyring password. The CLI stores `{"accessToken", "refreshToken"}`
 * as JSON; a raw token or `access_token` is accepted too.
 */
export function accessTokenFromKeyringPassword(password: string): string | undefined {
  const trimmed = password.trim();
  if (trimmed.startsWith('{')) {
    try {
      const data = JSON.parse(trimmed) as Record<string, unknown>;
      const token = data.accessToken ?? data.access_token;
      return typeof token === 'string' && token.length > 0 ? token : undefined;
    } catch {
      return undefined;
    }
  }
  return trimmed.length > 0 ? trimmed : undefined;
}
