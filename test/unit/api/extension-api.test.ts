import assert from 'node:assert/strict';
import { matchApiVersion } from '../../../src/api/extension-api';
import { isSecretManagerError } from '../../../src/core/model';

describe('api/extension-api', () => {
  it('matches ranges to the newest provided version', () => {
    assert.equal(matchApiVersion('^1.0.0'), '1.0.0');
    assert.equal(matchApiVersion('1.x'), '1.0.0');
    assert.equal(matchApiVersion('^1.0.0', ['1.0.0', '1.2.0', '2.0.0']), '1.2.0');
    assert.equal(matchApiVersion('>=1', ['1.0.0', '2.0.0']), '2.0.0');
  });

  it('refuses a range it cannot satisfy, naming what it provides', () => {
    assert.throws(() => matchApiVersion('^2.0.0'), (error) => isSecretManagerError(error, 'unsupported') && /provides 1\.0\.0/.test(error.message));
  });

  it('refuses text that is not a range', () => {
    assert.throws(() => matchApiVersion('latest please'), (error) => isSecretManagerError(error, 'invalid-input') && /not a semver range/.test(error.message));
  });
});
