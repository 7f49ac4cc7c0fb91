import assert from 'node:assert/strict';
import {
  ConflictError,
  InvalidInputError,
  parseInput,
  secretReferenceSchema,
  vaultNameSchema,
  VaultNotEmptyError,
} from '../../../src/core/model';

describe('core/model', () => {
  describe('names', () => {
    for (const good of ['api-keys', 'abc', 'a1-b2', 'x'.repeat(63), '0ab']) {
      it(`accepts "${good.slice(0, 20)}"`, () => {
        assert.equal(parseInput(vaultNameSchema, good), good);
      });
    }
    const bad: Array<[string, RegExp]> = [
      ['ab', /too short/],
      ['x'.repeat(64), /too long/],
      ['API-keys', /uppercase/],
      ['-abc', /starts or ends/],
      ['abc-', /starts or ends/],
      ['api_keys', /contains "_"/],
      ['api keys', /contains " "/],
    ];
    for (const [name, reason] of bad) {
      it(`refuses "${name.slice(0, 20)}" and states the rule`, () => {
        assert.throws(
          () => parseInput(vaultNameSchema, name),
          (error: unknown) =>
            error instanceof InvalidInputError && reason.test(error.message) && /3–63 characters/.test(error.message),
        );
      });
    }
  });

  it('parses a reference and names the bad field', () => {
    assert.deepEqual(parseInput(secretReferenceSchema, { vault: 'api-keys', key: 'stripe-secret-key' }), {
      vault: 'api-keys',
      key: 'stripe-secret-key',
    });
    assert.throws(() => parseInput(secretReferenceSchema, { vault: 'api-keys', key: 'Bad' }), /secret name "Bad"/);
  });

  it('errors say what went wrong and what to do', () => {
    const conflict = new ConflictError({ vault: 'api-keys', key: 'stripe' }, 3, 4);
    assert.equal(conflict.code, 'conflict');
    assert.match(conflict.message, /version 4, not the expected version 3/);
    assert.match(new VaultNotEmptyError('api-keys', 2).message, /still holds 2 secrets/);
  });
});
