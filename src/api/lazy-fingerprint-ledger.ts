import { openFingerprintLedger } from '../core/fingerprints';
import type { KeychainMode } from '../core/keys';
import { isSecretManagerError, type SecretReference } from '../core/model';
import type { FingerprintLedger, FingerprintMatcher } from '../core/store';

/**
 * The fingerprint ledger of a store that cannot reveal values (Tailor), opened on first use:
 * read-only commands never need the local home's key. When that key is not available
 * (no keychain, no passphrase), leak matching is off, with one warning; the store still works.
 */
export function lazyFingerprintLedger(options: {
  connectionId: string;
  env: NodeJS.ProcessEnv;
  keychain?: KeychainMode;
  onWarning?: (message: string) => void;
}): FingerprintLedger {
  const { connectionId, env, keychain, onWarning } = options;
  let opening: Promise<FingerprintLedger | undefined> | undefined;
  const ledger = () => {
    opening ??= openFingerprintLedger({ connectionId, env, keychain }).catch((error: unknown) => {
      if (!isSecretManagerError(error)) throw error;
      onWarning?.(`Leak matching is off for this Tailor connection: ${error.message}`);
      return undefined;
    });
    return opening;
  };
  return {
    async record(reference: SecretReference, value: string): Promise<void> {
      await (await ledger())?.record(reference, value);
    },
    async forget(reference: SecretReference): Promise<void> {
      await (await ledger())?.forget(reference);
    },
    async matcher(): Promise<FingerprintMatcher> {
      return (await (await ledger())?.matcher()) ?? (() => []);
    },
  };
}
