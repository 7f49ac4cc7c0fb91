// The core's error type, in a module of its own that imports no zod, so that code loaded before the
// store code (the keychain read that `secret-manager run` starts early) can throw it too.

export type ErrorCode =
  | 'invalid-input'
  | 'not-found'
  | 'already-exists'
  | 'conflict'
  | 'vault-not-empty'
  | 'keychain-unavailable'
  | 'keychain-locked'
  | 'wrong-passphrase'
  | 'corrupted-store'
  | 'unsupported'
  | 'unauthenticated'
  | 'permission-denied'
  | 'unavailable'
  | 'timeout'
  | 'denied';

/**
 * The one error type the core throws. `message` says what went wrong, `hint` what to do.
 * Neither ever contains a secret value.
 */
export class SecretManagerError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly hint?: string,
  ) {
    super(hint ? `${message} ${hint}` : message);
    this.name = 'SecretManagerError';
  }
}
