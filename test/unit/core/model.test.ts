import assert from 'node:assert/strict';
import {
  ConflictError,
  InvalidInputError,
  parseInput,
  secretReferenceSchema,
  secretValueSchema,
  updateSecretInputSchema,
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
      ['Bad_Name', /it contains uppercase letters and "_"\./],
      ['_x', /is too short \(2 characters\) and contains "_"\./],
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

  it('names every problem of a bad name at once: "Bad_Name" has uppercase letters and "_"', () => {
    assert.throws(
      () => parseInput(vaultNameSchema, 'Bad_Name'),
      (error: unknown) => error instanceof InvalidInputError && /it contains uppercase letters and "_"\./.test(error.message),
    );
    assert.throws(
      () => parseInput(vaultNameSchema, '-A'),
      (error: unknown) => error instanceof InvalidInputError && /it is too short \(2 characters\), contains uppercase letters and starts or ends with "-"\./.test(error.message),
    );
  });

  it('shows control characters in a refused name as escapes, so the message cannot drive a terminal', () => {
    assert.throws(
      () => parseInput(vaultNameSchema, 'abc\u001b[2Jdef\nx'),
      (error: unknown) =>
        error instanceof InvalidInputError &&
        !/[\u0000-\u001f]/.test(error.message) &&
        error.message.includes('"abc\\u001b[2Jdef\\nx"'),
    );
    assert.throws(() => parseInput(vaultNameSchema, 'abc\tdef'), (error: unknown) => error instanceof Error && error.message.includes('contains "\\t"'));
    assert.throws(() => parseInput(vaultNameSchema, 'abc\u009bdef'), (error: unknown) => error instanceof Error && error.message.includes('contains "\\u009b"'));
  });

  it('measures the 64 KiB value limit in UTF-8 bytes, not characters', () => {
    assert.equal(parseInput(secretValueSchema, 'x'.repeat(64 * 1024)).length, 64 * 1024);
    assert.equal(parseInput(secretValueSchema, '\u20ac'.repeat(21845)).length, 21845);
    for (const tooLong of ['\u20ac'.repeat(21846), '\u{1f511}'.repeat(16385), 'x'.repeat(64 * 1024 + 1)]) {
      assert.throws(() => parseInput(secretValueSchema, tooLong), (error: unknown) => error instanceof InvalidInputError && /longer than 64 KiB/.test(error.message));
    }
  });

  it('refuses a misspelled field in an update instead of silently dropping the version check', () => {
    assert.throws(
      () => parseInput(updateSecretInputSchema, { vault: 'api-keys', key: 'stripe', value: 'v', expectedVerison: 3 }),
      (error: unknown) => error instanceof InvalidInputError && /expectedVerison/.test(error.message),
    );
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
