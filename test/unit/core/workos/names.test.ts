import assert from 'node:assert/strict';
import { NAME_PATTERN } from '../../../../src/core/model';
import { DEFAULT_WORKOS_VAULT, objectNameOf, referenceOfObjectName } from '../../../../src/core/workos/names';

describe('core/workos/names', () => {
  it('reads "vault/key" as that vault and key, and writes it back the same way', () => {
    const reference = referenceOfObjectName('api-keys/stripe-key');
    assert.deepEqual(reference, { vault: 'api-keys', key: 'stripe-key' });
    assert.equal(objectNameOf(reference), 'api-keys/stripe-key');
  });

  it('puts a bare name that follows the rule in the default vault', () => {
    assert.deepEqual(referenceOfObjectName('stripe-key'), { vault: DEFAULT_WORKOS_VAULT, key: 'stripe-key' });
  });

  it('gives any other name a key in the default vault that follows the rule and differs per name', () => {
    const names = ['Stripe Live Key', 'stripe live key', 'a/b/c', 'API_KEY', '__', 'x'.repeat(200), 'Vault/Key'];
    const keys = names.map((name) => referenceOfObjectName(name));
    for (const reference of keys) {
      assert.equal(reference.vault, DEFAULT_WORKOS_VAULT);
      assert.match(reference.key, NAME_PATTERN);
    }
    assert.equal(new Set(keys.map((reference) => reference.key)).size, names.length);
    assert.match(referenceOfObjectName('Stripe Live Key').key, /^stripe-live-key-[0-9a-f]{6}$/);
    assert.match(referenceOfObjectName('__').key, /^object-[0-9a-f]{6}$/);
  });
});
