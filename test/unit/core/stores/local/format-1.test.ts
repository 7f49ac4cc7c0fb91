import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isSecretManagerError } from '../../../../../src/core/model';
import { openLocalStore, type LocalStore } from '../../../../../src/core/stores/local';
import { makeTemporaryHome } from '../../../helpers/temporary-home';
import { V1_STORE_EXPECTED, V1_STORE_PASSPHRASE } from '../fixtures/v1-store-expected';

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'v1-store');

describe('core/stores/local/format-1: a store written by the format-1 code', () => {
  let home: string;
  let cleanup: () => void;
  const opened: LocalStore[] = [];
  const open = async () => {
    const store = await openLocalStore({ home, env: {}, passphrase: V1_STORE_PASSPHRASE, keychain: 'off', actor: 'test:migration' });
    opened.push(store);
    return store;
  };
  beforeEach(() => {
    ({ home, cleanup } = makeTemporaryHome());
    cpSync(path.join(FIXTURE, 'key.json'), path.join(home, 'key.json'));
    cpSync(path.join(FIXTURE, 'store.json'), path.join(home, 'store.json'));
  });
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
    cleanup();
  });

  async function assertHoldsTheFixture(store: LocalStore): Promise<void> {
    assert.deepEqual(
      (await store.listVaults()).map((vault) => [vault.name, vault.secretCount]),
      [['database', 2], ['empty-vault', 0], ['payments', 2]],
    );
    for (const [vault, secrets] of Object.entries(V1_STORE_EXPECTED)) {
      assert.deepEqual((await store.listSecrets(vault)).map((secret) => secret.name), Object.keys(secrets).sort());
      for (const [key, expected] of Object.entries(secrets) as Array<[string, (typeof V1_STORE_EXPECTED)['payments']['card-processor'] & { rolledBackFrom?: number }]>) {
        const reference = { vault, key };
        const described = await store.describeSecret(reference);
        assert.equal(described.version, expected.version, `${vault}/${key}`);
        assert.equal(described.description, 'description' in expected ? expected.description : undefined);
        assert.deepEqual(described.labels, 'labels' in expected ? expected.labels : undefined);
        const versions = await store.listVersions(reference);
        assert.deepEqual(versions.map((version) => version.version), [...expected.versions]);
        assert.equal(versions[0].rolledBackFrom, expected.rolledBackFrom);
        assert.equal(await store.revealSecret(reference), expected.value);
        assert.deepEqual((await store.fingerprintMatcher())(expected.value), [reference]);
      }
    }
    assert.equal(await store.revealSecret({ vault: 'payments', key: 'card-processor' }), 'third plain value');
  }

  it('opens, with every vault, secret, version, value and fingerprint', async () => {
    const fixtureText = readFileSync(path.join(FIXTURE, 'store.json'), 'utf8');
    assert.match(fixtureText, /^\{"format":"secret-manager-local-store","formatVersion":1,"mac":/, 'the fixture is a format-1 file');
    await assertHoldsTheFixture(await open());
    assert.equal(readFileSync(path.join(home, 'store.json'), 'utf8'), fixtureText, 'reading does not rewrite the file');
  });

  it('is rewritten in format 2 by the next write, keeps the format-1 file as the backup, and reopens', async () => {
    const fixtureText = readFileSync(path.join(FIXTURE, 'store.json'), 'utf8');
    const store = await open();
    await store.updateSecret({ vault: 'payments', key: 'webhook-signing', value: 'webhook plain value', expectedVersion: 1 });
    const text = readFileSync(path.join(home, 'store.json'), 'utf8');
    assert.match(text, /^\{"format":"secret-manager-local-store","formatVersion":2,"mac":/);
    assert.equal(readFileSync(path.join(home, 'store.json.bak'), 'utf8'), fixtureText);
    const body = JSON.parse(text).body;
    const fixtureBody = JSON.parse(fixtureText).body;
    assert.equal(body.generation, fixtureBody.generation + 1);
    assert.equal(body.storeId, fixtureBody.storeId);
    // Every vault but the changed one is carried over exactly.
    assert.deepEqual(body.vaults.database, fixtureBody.vaults.database);
    assert.deepEqual(body.vaults['empty-vault'], fixtureBody.vaults['empty-vault']);
    const reopened = await open();
    assert.equal((await reopened.describeSecret({ vault: 'payments', key: 'webhook-signing' })).version, 2);
    const changed = V1_STORE_EXPECTED.payments['webhook-signing'];
    assert.equal(await reopened.revealSecret({ vault: 'payments', key: 'webhook-signing' }), changed.value);
    await reopened.deleteSecret({ vault: 'payments', key: 'webhook-signing' });
    await reopened.createSecret({ vault: 'payments', key: 'webhook-signing', value: changed.value });
    await assertHoldsTheFixture(await open());
  });

  it('is still refused when tampered with, naming the backup', async () => {
    const storeFile = path.join(home, 'store.json');
    const original = readFileSync(storeFile, 'utf8');
    writeFileSync(storeFile, original.replace('"description":"Rotated card processor key"', '"description":"Rotated card processor kez"'));
    await assert.rejects(open(), (error: unknown) => {
      assert.ok(isSecretManagerError(error, 'corrupted-store'));
      assert.match(error.hint ?? '', /store\.json\.bak/);
      return true;
    });
    assert.match(readFileSync(storeFile, 'utf8'), /kez/, 'the damaged file is left as it was');
  });
});
