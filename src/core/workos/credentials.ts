import { openKeychainEntry, type KeychainEntry } from '../keychain';
import { SecretManagerError } from '../model';
import { WORKOS_KEY_HINT } from './errors';

/** The OS keychain account (service "secret-manager") that holds the WorkOS API key. */
export const WORKOS_KEYCHAIN_ACCOUNT = 'workos-api-key';

export type WorkosKeyReader = () => Promise<string | null>;

export function workosKeychainEntry(): KeychainEntry {
  return openKeychainEntry(WORKOS_KEYCHAIN_ACCOUNT);
}

/**
 * The API key: an explicit one, else WORKOS_API_KEY, else the OS keychain. Never from settings or
 * the workspace, where a repository could plant one.
 */
export async function resolveWorkosApiKey(
  env: NodeJS.ProcessEnv,
  explicit?: string,
  readKeychain: WorkosKeyReader = () => workosKeychainEntry().read(),
): Promise<string> {
  if (explicit?.trim()) return explicit.trim();
  const fromEnvironment = env.WORKOS_API_KEY?.trim();
  if (fromEnvironment) return fromEnvironment;
  let fromKeychain: string | null;
  try {
    fromKeychain = await readKeychain();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SecretManagerError('unauthenticated', `No WorkOS API key: WORKOS_API_KEY is not set and the OS keychain could not be read (${reason.slice(0, 200)}).`, WORKOS_KEY_HINT);
  }
  if (fromKeychain?.trim()) return fromKeychain.trim();
  throw new SecretManagerError('unauthenticated', 'No WorkOS API key: WORKOS_API_KEY is not set and the OS keychain holds none.', WORKOS_KEY_HINT);
}
