import assert from 'node:assert/strict';
import { formatSecretUri, parseSecretUri, secretUriParts, secretUriProblem } from '../../../../src/core/env-file/secret-uri';

describe('core/env-file/secret-uri', () => {
  it('round-trips a reference', () => {
    const uri = formatSecretUri({ vault: 'api-keys', key: 'stripe-secret-key' });
    assert.equal(uri, 'secret-manager://api-keys/stripe-secret-key');
    assert.deepEqual(parseSecretUri(uri), { vault: 'api-keys', key: 'stripe-secret-key' });
  });

  it('is not a reference without the scheme', () => {
    assert.equal(parseSecretUri('api-keys/stripe-secret-key'), undefined);
    assert.equal(secretUriParts('https://api-keys/x'), undefined);
  });

  it('says what is wrong with a malformed reference', () => {
    assert.match(secretUriProblem('secret-manager://api-keys')!, /names no secret/);
    assert.match(secretUriProblem('secret-manager://API/stripe-key')!, /"API" is not a valid vault name/);
    assert.match(secretUriProblem('secret-manager://api-keys/a/b')!, /"a\/b" is not a valid secret name/);
    assert.equal(parseSecretUri('secret-manager://api-keys/x'), undefined);
  });

  it('gives the offsets of a half-typed reference', () => {
    assert.deepEqual(secretUriParts('secret-manager://api'), { vault: 'api', key: '', vaultStart: 17, keyStart: 20, hasSeparator: false });
    assert.deepEqual(secretUriParts('secret-manager://api-keys/st'), { vault: 'api-keys', key: 'st', vaultStart: 17, keyStart: 26, hasSeparator: true });
  });
});
