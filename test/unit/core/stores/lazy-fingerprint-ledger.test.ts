import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openFingerprintLedger } from '../../../../src/core/fingerprints';
import { InvalidInputError } from '../../../../src/core/model';
import { LazyFingerprintLedger } from '../../../../src/core/stores/lazy-fingerprint-ledger';

const CANARY = 'canary-lazy-ledger-5d1e-never-in-warnings';
const REFERENCE = { vault: 'api-keys', key: 'stripe-key' };

describe('core/stores/lazy-fingerprint-ledger', () => {
  let home: string;
  beforeEach(() => {
    home = mkdtempSync(path.join(tmpdir(), 'secret-manager-lazy-ledger-'));
  });
  afterEach(() => rmSync(home, { recursive: true, force: true }));

  const openReal = () =>
    openFingerprintLedger({ connectionId: 'tailor:staging', env: { SECRET_MANAGER_HOME: home, SECRET_MANAGER_PASSPHRASE: 'ledger passphrase, long' }, keychain: 'off' });

  it('opens the real ledger on first use only, and once', async () => {
    let opened = 0;
    const ledger = new LazyFingerprintLedger(() => {
      opened += 1;
      return openReal();
    });
    assert.equal(opened, 0);
    assert.deepEqual(readdirSync(home), []);
    await ledger.record(REFERENCE, CANARY);
    assert.deepEqual((await ledger.matcher())(CANARY), [REFERENCE]);
    await ledger.forget(REFERENCE);
    assert.deepEqual((await ledger.matcher())(CANARY), []);
    assert.equal(opened, 1);
  });

  it('turns leak matching off with one warning when the ledger cannot be opened', async () => {
    const warnings: string[] = [];
    const ledger = new LazyFingerprintLedger(
      () => Promise.reject(new InvalidInputError('The passphrase does not unlock this store.')),
      (message) => warnings.push(message),
    );
    await ledger.record(REFERENCE, CANARY);
    await ledger.forget(REFERENCE);
    assert.deepEqual((await ledger.matcher())(CANARY), []);
    assert.deepEqual(warnings, ['Leak matching is off for this Tailor connection: The passphrase does not unlock this store.']);
  });

  it('repeats only the product\'s own error messages, which never hold values', async () => {
    const warnings: string[] = [];
    const ledger = new LazyFingerprintLedger(() => Promise.reject(new Error(`disk full while writing ${CANARY}`)), (message) => warnings.push(message));
    await ledger.record(REFERENCE, CANARY);
    assert.deepEqual(warnings, ['Leak matching is off for this Tailor connection: an unexpected error.']);
  });
});
