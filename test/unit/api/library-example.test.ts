import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ensureBundlesBuilt, REPOSITORY } from '../cli/built-bundles';

/** The README's example, run as written against the built package entry, so it cannot rot. */
describe('api/library-example (examples/library-example.mjs)', function () {
  this.timeout(120_000);
  before(() => ensureBundlesBuilt());

  it('runs and prints what the README says', () => {
    const result = spawnSync(process.execPath, [path.join(REPOSITORY, 'examples/library-example.mjs')], {
      cwd: REPOSITORY,
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(
      result.stdout,
      [
        'api-keys/stripe-secret-key is at version 1',
        'resolved a value of 15 characters',
        'refused: Invalid vault name "Bad_Name": it contains uppercase letters and "_". Names must be 3–63 characters: lowercase letters, digits and "-", starting and ending with a letter or digit.',
        'audit: vault.create, secret.create, secret.resolve',
        '',
      ].join('\n'),
    );
    assert.ok(!result.stdout.includes('sk_test_example'), 'the example never prints the value');
  });
});
