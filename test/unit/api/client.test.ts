import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createSecretManagerClient, type SecretManagerClient } from '../../../src/api/client';
import { openStore } from '../../../src/api/open-store';
import { isSecretManagerError } from '../../../src/core/model';
import type { SecretStore } from '../../../src/core/store';

const CANARY = 'canary-api-Vv81-do-not-print';

describe('api/client', () => {
  let home: string;
  let client: SecretManagerClient;
  beforeEach(async () => {
    home = mkdtempSync(path.join(tmpdir(), 'secret-manager-client-'));
    client = await openStore({ home, passphrase: 'client test passphrase', keychain: 'off' });
    await client.createVault('api-keys');
    await client.createSecret({ vault: 'api-keys', key: 'stripe-key', value: CANARY });
  });
  afterEach(async () => {
    await client.close();
    rmSync(home, { recursive: true, force: true });
  });

  it('resolves a reference to its value and audits it as a resolve, without the value', async () => {
    assert.equal(await client.resolve({ vault: 'api-keys', key: 'stripe-key' }), CANARY);
    const records = await client.readAudit({ vault: 'api-keys' });
    assert.deepEqual(records.map((record) => record.action), ['vault.create', 'secret.create', 'secret.resolve']);
    assert.ok(!JSON.stringify(records).includes(CANARY));
  });

  it('validates the reference before touching the store', async () => {
    await assert.rejects(client.resolve({ vault: 'API', key: 'stripe-key' }), (error: unknown) => {
      return isSecretManagerError(error, 'invalid-input') && /Invalid vault name "API"/.test(error.message);
    });
    await assert.rejects(client.resolve({ vault: 'api-keys' } as never), (error: unknown) => isSecretManagerError(error, 'invalid-input'));
    assert.deepEqual((await client.readAudit()).map((record) => record.action), ['vault.create', 'secret.create']);
  });

  it('says which secret is missing', async () => {
    await assert.rejects(client.resolve({ vault: 'api-keys', key: 'missing-key' }), (error: unknown) => {
      return isSecretManagerError(error, 'not-found') && !error.message.includes(CANARY);
    });
  });

  it('refuses to resolve on a store that cannot reveal, explaining why', async () => {
    // The same real store, declaring what a Tailor store declares.
    const noReveal: SecretStore = Object.create(client.store, {
      capabilities: { value: { ...client.store.capabilities, reveal: false } },
      label: { value: 'Tailor · test' },
    });
    const limited = createSecretManagerClient(noReveal);
    await assert.rejects(limited.resolve({ vault: 'api-keys', key: 'stripe-key' }), (error: unknown) => {
      return isSecretManagerError(error, 'unsupported') && /Tailor · test cannot resolve a secret/.test(error.message);
    });
  });

  it('passes every store method through to the store', async () => {
    assert.equal(client.label, 'Local store');
    assert.deepEqual(client.capabilities, client.store.capabilities);
    const updated = await client.updateSecret({ vault: 'api-keys', key: 'stripe-key', value: 'second', expectedVersion: 1 });
    assert.equal(updated.version, 2);
    assert.equal((await client.describeSecret({ vault: 'api-keys', key: 'stripe-key' })).version, 2);
    assert.equal((await client.listVersions({ vault: 'api-keys', key: 'stripe-key' })).length, 2);
    assert.equal((await client.rollbackSecret({ vault: 'api-keys', key: 'stripe-key' }, 1)).version, 3);
    assert.equal(await client.revealSecret({ vault: 'api-keys', key: 'stripe-key' }), CANARY);
    const matcher = await client.fingerprintMatcher();
    assert.deepEqual(matcher(CANARY), [{ vault: 'api-keys', key: 'stripe-key' }]);
    await client.deleteSecret({ vault: 'api-keys', key: 'stripe-key' });
    assert.deepEqual(await client.listSecrets('api-keys'), []);
    await client.deleteVault('api-keys');
    assert.deepEqual(await client.listVaults(), []);
  });

  it('wraps a client only once', () => {
    assert.equal(createSecretManagerClient(client), client);
  });
});
