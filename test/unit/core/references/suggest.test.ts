import assert from 'node:assert/strict';
import { editDistance, suggestClosest } from '../../../../src/core/references/suggest';

describe('core/references/suggest', () => {
  it('measures insertions, deletions, substitutions and swaps as one edit each', () => {
    assert.equal(editDistance('api-keys', 'api-keys'), 0);
    assert.equal(editDistance('api-keys', 'api-key'), 1);
    assert.equal(editDistance('api-keys', 'api-keyss'), 1);
    assert.equal(editDistance('api-keys', 'api-kexs'), 1);
    assert.equal(editDistance('api-keys', 'api-kyes'), 1);
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(editDistance('kitten', 'sitting'), 3);
  });

  it('suggests the closest candidate within a third of the length', () => {
    assert.equal(suggestClosest('api-kyes', ['mail', 'api-keys', 'api-tokens']), 'api-keys');
    assert.equal(suggestClosest('stripe-secret-kye', ['stripe-secret-key', 'stripe-public-key']), 'stripe-secret-key');
    assert.equal(suggestClosest('github', ['gitlab', 'github-token']), 'gitlab');
  });

  it('suggests nothing when nothing is close, or for an exact match', () => {
    assert.equal(suggestClosest('database-password', ['api-keys', 'mail']), undefined);
    assert.equal(suggestClosest('abc', ['xyz']), undefined);
    assert.equal(suggestClosest('api-keys', ['api-keys']), undefined);
    assert.equal(suggestClosest('api-keys', []), undefined);
  });

  it('breaks ties by name, whatever the candidates order', () => {
    assert.equal(suggestClosest('key-b', ['key-c', 'key-a']), 'key-a');
    assert.equal(suggestClosest('key-b', ['key-a', 'key-c']), 'key-a');
  });
});
