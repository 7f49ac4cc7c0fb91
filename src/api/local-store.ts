import type { KeychainMode } from '../core/keys';
import type { SecretStore } from '../core/store';
import { openLocalStore } from '../core/stores/local';

export interface LocalStoreClientOptions {
  readonly home?: string;
  readonly passphrase?: string;
  readonly keychain?: KeychainMode;
  readonly versionsToKeep?: number;
  readonly actor?: string;
  readonly env?: NodeJS.ProcessEnv;
}

/** Opens the local store (src/core/stores/local.ts); kept for callers that import it from the api layer. */
export function openLocalStoreForClient(options: LocalStoreClientOptions): Promise<SecretStore> {
  return openLocalStore(options);
}
