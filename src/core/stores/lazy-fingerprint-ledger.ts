import { emptyFingerprintMatcher } from '../fingerprint-matcher';
import { openFingerprintLedger } from '../fingerprints';
import type { KeychainMode } from '../keys';
import { formatReference, isSecretManagerError, type SecretReference } from '../model';
import type { FingerprintLedger, FingerprintMatcher } from '../store';

/**
 * Opens the ledger on first use, so listing never pays for the local keys. Leak matching is a help,
 * not the job: when the ledger cannot be opened or written, the platform call still counts, and the
 * user is told once.
 */
export class LazyFingerprintLedger implements FingerprintLedger {
  private opened?: Promise<FingerprintLedger | undefined>;
  private warned = false;

  constructor(
    private readonly open: () => Promise<FingerprintLedger | undefined>,
    private readonly onWarning?: (message: string) => void,
    /** The kind of store, for the warning: "Tailor", "WorkOS". */
    private readonly storeKind = 'Tailor',
  ) {}

  private ledger(): Promise<FingerprintLedger | undefined> {
    this.opened ??= this.open().catch((error: unknown) => {
      this.warn(`Leak matching is off for this ${this.storeKind} connection: ${describeFailure(error)}`);
      return undefined;
    });
    return this.opened;
  }

  private warn(message: string): void {
    if (this.warned) return;
    this.warned = true;
    this.onWarning?.(message);
  }

  async record(reference: SecretReference, value: string): Promise<void> {
    try {
      await (await this.ledger())?.record(reference, value);
    } catch (error) {
      this.warn(`The value was saved, but its fingerprint was not recorded for leak matching: ${describeFailure(error)}`);
    }
  }

  async forget(reference: SecretReference): Promise<void> {
    try {
      await (await this.ledger())?.forget(reference);
    } catch (error) {
      this.warn(`The fingerprint of ${formatReference(reference)} could not be removed: ${describeFailure(error)}`);
    }
  }

  async matcher(): Promise<FingerprintMatcher> {
    return matcherOfLedger(await this.ledger());
  }
}

/** The ledger's matcher, or one that matches nothing when leak matching is off (no ledger). */
export function matcherOfLedger(ledger: Pick<FingerprintLedger, 'matcher'> | undefined): Promise<FingerprintMatcher> {
  return ledger ? ledger.matcher() : Promise.resolve(emptyFingerprintMatcher());
}

/** Errors from the core never hold values, so their message is safe to repeat. */
function describeFailure(error: unknown): string {
  return isSecretManagerError(error) ? error.message : 'an unexpected error.';
}

export interface ConnectionLedgerOptions {
  /** A ledger to use, or `false` for none; by default the one for `connectionId` in the local store home. */
  readonly fingerprints?: FingerprintLedger | false;
  readonly connectionId: string;
  readonly env: NodeJS.ProcessEnv;
  readonly home?: string;
  readonly keychain?: KeychainMode;
  readonly onWarning?: (message: string) => void;
  readonly storeKind: string;
}

/** The fingerprint ledger of a remote connection, opened on first use; undefined when leak matching is off. */
export function connectionLedger(options: ConnectionLedgerOptions): FingerprintLedger | undefined {
  const { fingerprints } = options;
  if (fingerprints === false) return undefined;
  const open = fingerprints
    ? async () => fingerprints
    : () => openFingerprintLedger({ connectionId: options.connectionId, env: options.env, home: options.home, keychain: options.keychain });
  return new LazyFingerprintLedger(open, options.onWarning, options.storeKind);
}
