import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CANARY, createSecretThroughCommands, treeSnapshot, useFreshStore } from './helpers';

interface KeyFileSlots {
  readonly slots: ReadonlyArray<{ readonly source: string }>;
}

// Runs only in the keychain pass (SECRET_MANAGER_TEST_KEYCHAIN=only): no passphrase is set, so the OS keychain
// (gnome-keyring under dbus-run-session) alone keeps the store's master key.
describe('keychain without a passphrase', function () {
  this.timeout(60_000);

  it('runs with no passphrase in the environment', () => {
    assert.equal(process.env.SECRET_MANAGER_PASSPHRASE, undefined);
  });

  it('creates a store whose only key slot is the keychain, and reads it back', async () => {
    const home = await useFreshStore();
    await createSecretThroughCommands('api-keys', 'stripe-secret-key', CANARY);
    const keyFile = JSON.parse(readFileSync(path.join(home, 'key.json'), 'utf8')) as KeyFileSlots;
    assert.deepEqual(
      keyFile.slots.map((slot) => slot.source),
      ['keychain'],
    );
    const vaults = (await treeSnapshot()).map((node) => node.label);
    assert.ok(vaults.includes('api-keys'), `the tree shows ${JSON.stringify(vaults)}`);
  });
});
