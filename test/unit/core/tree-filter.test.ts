import assert from 'node:assert/strict';
import { matchesTreeFilter, normalizeTreeFilter } from '../../../src/core/tree-filter';

describe('core/tree-filter', () => {
  it('treats blank input as no filter', () => {
    assert.equal(normalizeTreeFilter('   '), undefined);
    assert.equal(normalizeTreeFilter(undefined), undefined);
    assert.equal(normalizeTreeFilter(' Stripe '), 'stripe');
  });

  it('matches names by case-insensitive substring', () => {
    assert.equal(matchesTreeFilter('stripe-secret-key', 'secret'), true);
    assert.equal(matchesTreeFilter('stripe-secret-key', normalizeTreeFilter('STRIPE')), true);
    assert.equal(matchesTreeFilter('github-token', 'stripe'), false);
    assert.equal(matchesTreeFilter('github-token', undefined), true);
  });
});
