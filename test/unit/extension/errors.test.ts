import assert from 'node:assert/strict';
import { ConflictError, SecretManagerError } from '../../../src/core/model';
import { asSecretManagerError } from '../../../src/extension/errors';

describe('extension/errors', () => {
  it('recognises core errors, including subclasses, by shape', () => {
    const conflict = new ConflictError({ vault: 'api-keys', key: 'token-key' }, 1, 2);
    assert.equal(asSecretManagerError(conflict)?.code, 'conflict');
    assert.equal(asSecretManagerError(conflict, 'conflict'), conflict);
    assert.equal(asSecretManagerError(conflict, 'not-found'), undefined);
  });

  it('recognises an error from another bundle that has the same shape', () => {
    const foreign = Object.assign(new Error('Vault "x" was not found.'), { name: 'SecretManagerError', code: 'not-found' });
    assert.equal(asSecretManagerError(foreign, 'not-found'), foreign);
  });

  it('does not take other errors for core errors', () => {
    assert.equal(asSecretManagerError(new Error('boom')), undefined);
    assert.equal(asSecretManagerError(Object.assign(new Error('x'), { name: 'SecretManagerError' })), undefined);
    assert.equal(asSecretManagerError({ name: 'SecretManagerError', code: 'conflict', message: 'x' }), undefined);
    assert.equal(asSecretManagerError(new SecretManagerError('denied', 'No.'))?.message, 'No.');
  });
});
