import { emptyFingerprintMatcher } from '../fingerprint-matcher';
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
  ) {}

  private ledger(): Promise<FingerprintLedger | undefined> {
    this.opened ??= this.open().catch((error: unknown) => {
      this.warn(`Leak matching is off for this Tailor connection: ${describeFailure(error)}`);
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
    const ledger = await this.ledger();
    return ledger ? ledger.matcher() : emptyFingerprintMatcher();
  }
}

/** Errors from the core never hold values, so their message is safe to repeat. */
function describeFailure(error: unknown): string {
  return isSecretManagerError(error) ? error.message : 'an unexpected error.';
}
