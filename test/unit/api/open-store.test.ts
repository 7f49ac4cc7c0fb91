import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openStore } from '../../../src/api/open-store';
import { isSecretManagerError } from '../../../src/core/model';

describe('api/open-store', () => {
  let home: string;
  beforeEach(() => {
    home = mkdtempSync(path.join(tmpdir(), 'secret-manager-api-'));
  });
  afterEach(() => rmSync(home, { recursive: true, force: true }));

  it('opens the local store by default, from the options', async () => {
    const client = await openStore({ home, passphrase: 'api test passphrase', keychain: 'off', actor: 'script:test' });
    try {
      assert.equal(client.kind, 'local');
      assert.equal(client.id, 'local');
      assert.equal(client.home, home);
      assert.equal(client.keySource, 'passphrase');
      await client.createVault('api-keys');
      assert.deepEqual((await client.listVaults()).map((vault) => vault.name), ['api-keys']);
      const [record] = await client.readAudit();
      assert.equal(record!.actor, 'script:test');
    } finally {
      await client.close();
    }
  });

  it('reads home and passphrase from env when not given', async () => {
    const env = { SECRET_MANAGER_HOME: home, SECRET_MANAGER_PASSPHRASE: 'env passphrase' };
    const first = await openStore({ kind: 'local', env, keychain: 'off' });
    await first.createVault('from-env');
    await first.close();
    const second = await openStore({ kind: 'local', home, passphrase: 'env passphrase', keychain: 'off' });
    try {
      assert.deepEqual((await second.listVaults()).map((vault) => vault.name), ['from-env']);
    } finally {
      await second.close();
    }
  });

  const badOptions: Array<[string, unknown, RegExp]> = [
    ['an unknown option', { home: 'x', passphrse: 'typo' }, /passphrse/],
    ['an unknown kind', { kind: 'cloud' }, /kind/],
    ['a Tailor option on the local store', { kind: 'local', profile: 'staging' }, /profile/],
    ['a bad keychain mode', { keychain: 'sometimes' }, /keychain/],
    ['a bad versionsToKeep', { versionsToKeep: 0 }, /versionsToKeep/],
    ['an empty home', { home: '' }, /home/],
  ];
  for (const [what, options, message] of badOptions) {
    it(`refuses ${what} with a specific error`, async () => {
      await assert.rejects(openStore(options as never), (error: unknown) => {
        return isSecretManagerError(error, 'invalid-input') && message.test(error.message);
      });
    });
  }

  it('never echoes a passphrase given with the wrong type', async () => {
    await assert.rejects(openStore({ passphrase: 12345678 } as never), (error: unknown) => {
      return isSecretManagerError(error, 'invalid-input') && !error.message.includes('12345678');
    });
  });

  it('opens the Tailor store through its own opener, which fails clearly without credentials', async () => {
    await assert.rejects(
      openStore({ kind: 'tailor', profile: 'nobody-here', env: { HOME: home, XDG_CONFIG_HOME: home } }),
      (error: unknown) => isSecretManagerError(error) && error.message.length > 0,
    );
  });
});
