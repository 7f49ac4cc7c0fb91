import assert from 'node:assert/strict';
import { parseConnectionSettings, openConnection } from '../../../src/core/connections';
import { copyActor, copySecret } from '../../../src/core/copy-secret';
import { isSecretManagerError } from '../../../src/core/model';
import type { SecretStore } from '../../../src/core/store';
import { openLocalStore, type LocalStore } from '../../../src/core/stores/local';
import { makeTemporaryHome, readAllFiles } from '../helpers/temporary-home';
import { TailorStandIn } from '../../support/tailor-stand-in';

const CANARY = 'canary-copy-5b1e9d0c-never-logged';
const PASSPHRASE = 'copy test passphrase';
const WORKSPACE = '11111111-2222-4333-8444-555555555555';

describe('core/copy-secret', function () {
  this.timeout(30_000);

  let standIn: TailorStandIn;
  let local: LocalStore;
  let staging: SecretStore;
  const cleanups: Array<() => void> = [];

  async function openLocal(): Promise<{ store: LocalStore; home: string }> {
    const { home, cleanup } = makeTemporaryHome('copy-secret-');
    cleanups.push(cleanup);
    return { store: await openLocalStore({ home, env: {}, passphrase: PASSPHRASE, keychain: 'off', actor: 'tester' }), home };
  }

  beforeEach(async () => {
    standIn = await TailorStandIn.start();
    ({ store: local } = await openLocal());
    await local.createVault('api-keys');
    await local.createSecret({ vault: 'api-keys', key: 'stripe-secret-key', value: CANARY, description: 'Stripe live key' });
    const [setting] = parseConnectionSettings([{ id: 'staging', kind: 'tailor', workspaceId: WORKSPACE }]);
    staging = await openConnection(setting, { TAILOR_PLATFORM_URL: standIn.url, TAILOR_PLATFORM_TOKEN: 'stand-in-token' }, { fingerprints: false });
  });

  afterEach(async () => {
    await local.close();
    await standIn.close();
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  const from = { vault: 'api-keys', key: 'stripe-secret-key' };
  const neverAsked = async () => assert.fail('confirmReplace must not be asked when the target holds no such secret');

  it('copies a local secret to Tailor, creating the missing vault, and audits the read as a copy to the target', async () => {
    const result = await copySecret({ source: local, target: staging, from, to: from, confirmReplace: neverAsked });
    assert.equal(result.outcome, 'created');
    assert.equal(result.createdVault, true);
    assert.equal(result.secret?.name, 'stripe-secret-key');
    assert.equal(standIn.storedValue(WORKSPACE, 'api-keys', 'stripe-secret-key'), CANARY);

    const audit = await local.readAudit({ vault: 'api-keys', key: 'stripe-secret-key' });
    const copies = audit.filter((record) => record.action === 'secret.copy');
    assert.equal(copies.length, 1);
    assert.equal(copies[0].actor, 'copy-to:tailor:staging');
    assert.equal(copyActor(staging), 'copy-to:tailor:staging');
    assert.ok(!JSON.stringify({ result, audit, log: standIn.log }).includes(CANARY), 'the value is in no result, audit record or server log');
  });

  it('copies into an existing vault under another name', async () => {
    standIn.seedVault(WORKSPACE, 'payments', { other: 'x-value' });
    const result = await copySecret({ source: local, target: staging, from, to: { vault: 'payments', key: 'stripe' }, confirmReplace: neverAsked });
    assert.equal(result.outcome, 'created');
    assert.equal(result.createdVault, false);
    assert.equal(standIn.storedValue(WORKSPACE, 'payments', 'stripe'), CANARY);
    assert.equal(standIn.calls('CreateSecretManagerVault'), 0);
  });

  it('replaces an existing target secret only when confirmed, and reads nothing when not', async () => {
    standIn.seedVault(WORKSPACE, 'api-keys', { 'stripe-secret-key': 'old-value' });
    let asked = 0;
    const declined = await copySecret({
      source: local,
      target: staging,
      from,
      to: from,
      confirmReplace: async () => {
        asked++;
        return false;
      },
    });
    assert.deepEqual([declined.outcome, asked], ['cancelled', 1]);
    assert.equal(standIn.storedValue(WORKSPACE, 'api-keys', 'stripe-secret-key'), 'old-value');
    assert.equal((await local.readAudit()).filter((record) => record.action === 'secret.copy').length, 0, 'a declined copy reads no value');

    const replaced = await copySecret({ source: local, target: staging, from, to: from, confirmReplace: async () => true });
    assert.equal(replaced.outcome, 'replaced');
    assert.equal(standIn.storedValue(WORKSPACE, 'api-keys', 'stripe-secret-key'), CANARY);
    assert.equal(standIn.calls('UpdateSecretManagerSecret'), 1);
    assert.equal(standIn.calls('CreateSecretManagerSecret'), 0);
  });

  it('carries the description to a store that keeps metadata, and keeps the earlier version when replacing', async () => {
    const { store: other, home } = await openLocal();
    try {
      const created = await copySecret({ source: local, target: other, from, to: from, confirmReplace: neverAsked });
      assert.equal(created.secret?.description, 'Stripe live key');
      assert.equal(await other.revealSecret(from), CANARY);

      await local.updateSecret({ ...from, value: `${CANARY}-2` });
      const replaced = await copySecret({ source: local, target: other, from, to: from, confirmReplace: async () => true });
      assert.equal(replaced.secret?.version, 2);
      assert.equal(await other.revealSecret(from), `${CANARY}-2`);
      for (const { file, bytes } of readAllFiles(home)) {
        assert.ok(!bytes.includes(Buffer.from(CANARY)), `${file} holds the value in the clear`);
      }
    } finally {
      await other.close();
    }
  });

  it('refuses to copy from a store that cannot reveal, before touching the target', async () => {
    standIn.seedVault(WORKSPACE, 'api-keys', { 'stripe-secret-key': 'remote' });
    const { store: other } = await openLocal();
    try {
      await assert.rejects(
        copySecret({ source: staging, target: other, from, to: from, confirmReplace: neverAsked }),
        (error: unknown) => isSecretManagerError(error, 'unsupported') && /Tailor · staging cannot copy api-keys\/stripe-secret-key/.test(error.message),
      );
      assert.deepEqual(await other.listVaults(), []);
    } finally {
      await other.close();
    }
  });

  it('refuses a copy onto itself and bad names, with the naming rule', async () => {
    await assert.rejects(
      copySecret({ source: local, target: local, from, to: from, confirmReplace: neverAsked }),
      (error: unknown) => isSecretManagerError(error, 'invalid-input') && /both api-keys\/stripe-secret-key in Local store/.test(error.message),
    );
    await assert.rejects(
      copySecret({ source: local, target: staging, from, to: { vault: 'API', key: 'x-y-z' }, confirmReplace: neverAsked }),
      (error: unknown) => isSecretManagerError(error, 'invalid-input') && /Invalid vault name "API"/.test(error.message),
    );
    assert.equal(standIn.calls('ListSecretManagerVaults'), 0);
  });

  it('keeps the value out of the error when the target refuses it', async () => {
    standIn.failNext(1, { method: 'CreateSecretManagerSecret', code: 'permission_denied', message: 'no write access' });
    await assert.rejects(
      copySecret({ source: local, target: staging, from, to: from, confirmReplace: neverAsked }),
      (error: unknown) => isSecretManagerError(error, 'permission-denied') && !error.message.includes(CANARY),
    );
    assert.equal(standIn.storedValue(WORKSPACE, 'api-keys', 'stripe-secret-key'), undefined);
  });
});
