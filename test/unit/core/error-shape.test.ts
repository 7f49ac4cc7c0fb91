import assert from 'node:assert/strict';
import { isSecretManagerError } from '../../../src/core/error-shape';
import { ConflictError, SecretManagerError } from '../../../src/core/model';

describe('core/error-shape', () => {
  it('recognises core errors, including subclasses, by shape', () => {
    const conflict = new ConflictError({ vault: 'api-keys', key: 'token-key' }, 1, 2);
    assert.equal(isSecretManagerError(conflict), true);
    assert.equal(isSecretManagerError(conflict, 'conflict'), true);
    assert.equal(isSecretManagerError(conflict, 'not-found'), false);
  });

  it('recognises an error from another bundle that has the same shape', () => {
    const foreign = Object.assign(new Error('Vault "x" was not found.'), { name: 'SecretManagerError', code: 'not-found' });
    assert.equal(isSecretManagerError(foreign, 'not-found'), true);
  });

  it('does not take other errors for core errors', () => {
    assert.equal(isSecretManagerError(new Error('boom')), false);
    assert.equal(isSecretManagerError(Object.assign(new Error('x'), { name: 'SecretManagerError' })), false);
    assert.equal(isSecretManagerError({ name: 'SecretManagerError', code: 'conflict', message: 'x' }), false);
    const denied = new SecretManagerError('denied', 'No.');
    assert.equal(isSecretManagerError(denied) && denied.message, 'No.');
  });
});
