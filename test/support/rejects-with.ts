import assert from 'node:assert/strict';
import { isSecretManagerError, type ErrorCode } from '../../src/core/model';

/** Awaits `promise` and requires it to fail with a SecretManagerError of `code` (and a message matching `message`). */
export async function rejectsWith(promise: Promise<unknown>, code: ErrorCode, message?: RegExp): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    assert.ok(isSecretManagerError(error, code), `expected a "${code}" error, got: ${String(error)}`);
    if (message) assert.match(error.message, message);
    return error;
  }
  assert.fail(`expected a "${code}" error, but the call succeeded`);
}
