import assert from 'node:assert/strict';
import { isSecretManagerError } from '../../../src/core/model';
import { formatReferenceText, parseReferenceArgument } from '../../../src/core/reference-text';

describe('core/reference-text', () => {
  const reference = { vault: 'api-keys', key: 'stripe-secret-key' };

  it('writes each reference form', () => {
    assert.equal(formatReferenceText(reference), '{ vault: "api-keys", key: "stripe-secret-key" }');
    assert.equal(formatReferenceText(reference, 'idp'), '{ vaultName: "api-keys", secretKey: "stripe-secret-key" }');
    assert.equal(formatReferenceText(reference, 'getSecret'), 'tailor.secretmanager.getSecret("api-keys", "stripe-secret-key")');
  });

  it('reads object and "vault/key" arguments', () => {
    assert.deepEqual(parseReferenceArgument({ vault: 'api-keys', key: 'stripe-secret-key', extra: 1 }), reference);
    assert.deepEqual(parseReferenceArgument('api-keys/stripe-secret-key'), reference);
  });

  it('rejects malformed arguments with specific messages', () => {
    assert.throws(() => parseReferenceArgument('api-keys'), (error) => isSecretManagerError(error, 'invalid-input') && /vault\/key/.test(error.message));
    assert.throws(() => parseReferenceArgument(undefined), /Missing reference/);
    assert.throws(() => parseReferenceArgument({ vault: 'API', key: 'ok-key' }), /Invalid vault name "API"/);
    assert.throws(() => parseReferenceArgument('a/b/c'), /vault\/key/);
  });
});
