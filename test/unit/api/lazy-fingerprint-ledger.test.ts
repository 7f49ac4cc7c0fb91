import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { lazyFingerprintLedger } from '../../../src/api/lazy-fingerprint-ledger';
import { openFingerprintLedger } from '../../../src/core/fingerprints';

const CANARY = 'canary-ledger-Wx19-not-in-warnings';
const REFERENCE = { vault: 'api-keys', key: 'stripe-key' };

describe('api/lazy-fingerprint-ledger', () => {
  let home: string;
  beforeEach(() => {
    home = mkdtempSync(path.join(tmpdir(), 'secret-manager-ledger-'));
  });
  afterEach(() => rmSync(home, { recursive: true, force: true }));

  it('touches nothing until it is used', () => {
    lazyFingerprintLedger({ connectionId: 'tailor:staging', env: { SECRET_MANAGER_HOME: home, SECRET_MANAGER_PASSPHRASE: 'pass' } });
    assert.deepEqual(readdirSync(home), []);
  });

  it('records and matches through the real ledger of the home', async () => {
    const env = { SECRET_MANAGER_HOME: home, SECRET_MANAGER_PASSPHRASE: 'ledger pass' };
    const ledger = lazyFingerprintLedger({ connectionId: 'tailor:staging', env, keychain: 'off' });
    await ledger.record(REFERENCE, CANARY);
    assert.deepEqual((await ledger.matcher())(CANARY), [REFERENCE]);
    const reopened = await openFingerprintLedger({ connectionId: 'tailor:staging', env, keychain: 'off' });
    assert.deepEqual((await reopened.matcher())(CANARY), [REFERENCE]);
    await ledger.forget(REFERENCE);
    assert.deepEqual((await ledger.matcher())(CANARY), []);
  });

  it('turns leak matching off with one warning when the home cannot be unlocked', async () => {
    await openFingerprintLedger({
      connectionId: 'tailor:staging',
      env: { SECRET_MANAGER_HOME: home, SECRET_MANAGER_PASSPHRASE: 'right' },
      keychain: 'off',
    });
    const warnings: string[] = [];
    const ledger = lazyFingerprintLedger({
      connectionId: 'tailor:staging',
      env: { SECRET_MANAGER_HOME: home, SECRET_MANAGER_PASSPHRASE: 'wrong' },
      keychain: 'off',
      onWarning: (message) => warnings.push(message),
    });
    await ledger.record(REFERENCE, CANARY);
    await ledger.forget(REFERENCE);
    assert.deepEqual((await ledger.matcher())(CANARY), []);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /^Leak matching is off for this Tailor connection: The passphrase does not unlock/);
    assert.ok(!warnings[0]!.includes(CANARY));
  });
});
