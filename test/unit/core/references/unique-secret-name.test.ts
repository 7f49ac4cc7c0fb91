import assert from 'node:assert/strict';
import { NAME_PATTERN } from '../../../../src/core/model';
import { uniqueSecretName } from '../../../../src/core/references/unique-secret-name';

describe('uniqueSecretName', () => {
  it('keeps a free name', () => {
    assert.equal(uniqueSecretName('stripe-api-key', new Set(['other'])), 'stripe-api-key');
  });

  it('counts up past taken names', () => {
    assert.equal(uniqueSecretName('stripe-api-key', new Set(['stripe-api-key', 'stripe-api-key-2'])), 'stripe-api-key-3');
  });

  it('stays within 63 characters and valid when the name is already at the limit', () => {
    const long = `${'a'.repeat(60)}-bc`;
    const unique = uniqueSecretName(long, new Set([long]));
    assert.equal(unique.length <= 63, true);
    assert.match(unique, NAME_PATTERN);
    assert.ok(unique.endsWith('-2'));
    const withDash = `${'a'.repeat(61)}-b`;
    assert.match(uniqueSecretName(withDash, new Set([withDash])), /^a{61}-2$/, 'no doubled dash where the cut falls');
  });
});
