import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { openKeychainEntry } from '../../../src/core/keychain';
import { readKeychainEntry, startKeychainReadAhead, type KeychainReadAhead } from '../../../src/core/keychain-read-ahead';
import { loadHomeKeys } from '../../../src/core/keys';
import { makeTemporaryHome } from '../helpers/temporary-home';

describe('core/keychain-read-ahead', () => {
  let home: ReturnType<typeof makeTemporaryHome>;
  beforeEach(() => {
    home = makeTemporaryHome('read-ahead-');
  });
  afterEach(() => home.cleanup());

  const account = () => `master-key:${randomUUID()}`;
  function writeKeyFile(slots: unknown[]): void {
    writeFileSync(path.join(home.home, 'key.json'), JSON.stringify({ format: 'secret-manager-key-file', formatVersion: 1, slots }));
  }
  const keychainSlot = (overrides: Record<string, unknown> = {}) => ({ source: 'keychain', service: 'secret-manager', account: account(), ...overrides });

  describe('startKeychainReadAhead', () => {
    it('starts nothing without a key file, with a damaged one, or with the keychain off', async () => {
      const env = { SECRET_MANAGER_HOME: home.home };
      assert.equal(await startKeychainReadAhead(env), undefined);
      writeFileSync(path.join(home.home, 'key.json'), '{ not json');
      assert.equal(await startKeychainReadAhead(env), undefined);
      writeKeyFile([keychainSlot()]);
      assert.equal(await startKeychainReadAhead({ ...env, SECRET_MANAGER_KEYCHAIN: 'off' }), undefined);
    });

    it('starts nothing when the passphrase will unlock the store instead', async () => {
      writeKeyFile([keychainSlot(), { source: 'passphrase' }]);
      assert.equal(await startKeychainReadAhead({ SECRET_MANAGER_HOME: home.home, SECRET_MANAGER_PASSPHRASE: 'a passphrase that is given' }), undefined);
    });

    it("reads only this product's master-key entries, whatever an unchecked key file names", async () => {
      for (const slot of [keychainSlot({ service: 'tailor-platform-cli' }), keychainSlot({ account: 'someone-else' }), keychainSlot({ account: 42 })]) {
        writeKeyFile([slot]);
        assert.equal(await startKeychainReadAhead({ SECRET_MANAGER_HOME: home.home }), undefined, JSON.stringify(slot));
      }
    });

    it('starts nothing for a relative SECRET_MANAGER_HOME, which the store refuses itself', async () => {
      assert.equal(await startKeychainReadAhead({ SECRET_MANAGER_HOME: 'relative/home' }), undefined);
    });
  });

  describe('readKeychainEntry', () => {
    it("uses the read started ahead when it is that entry's", async () => {
      const name = account();
      const readAhead: KeychainReadAhead = { service: 'secret-manager', account: name, password: Promise.resolve('from the read ahead') };
      assert.equal(await readKeychainEntry('secret-manager', name, readAhead), 'from the read ahead');
    });

    describe('with a real OS keychain', () => {
      before(function () {
        if (!process.env.SECRET_MANAGER_TEST_KEYRING) this.skip();
      });

      it("reads again when the read ahead failed, and ignores a read ahead of another entry", async () => {
        const name = account();
        const entry = openKeychainEntry(name);
        await entry.write('stored');
        try {
          const failed: KeychainReadAhead = { service: 'secret-manager', account: name, password: Promise.reject(new Error('lost')) };
          failed.password.catch(() => undefined);
          assert.equal(await readKeychainEntry('secret-manager', name, failed), 'stored');
          const other: KeychainReadAhead = { service: 'secret-manager', account: account(), password: Promise.resolve('not this one') };
          assert.equal(await readKeychainEntry('secret-manager', name, other), 'stored');
        } finally {
          await entry.remove();
        }
      });

      it("reads the master key of a keychain store's slot, as the store then uses it", async () => {
        const env: NodeJS.ProcessEnv = { ...process.env, SECRET_MANAGER_HOME: home.home };
        delete env.SECRET_MANAGER_PASSPHRASE;
        delete env.SECRET_MANAGER_KEYCHAIN;
        const created = await loadHomeKeys({ home: home.home, env, keychain: 'auto' });
        try {
          const readAhead = await startKeychainReadAhead(env);
          assert.equal(readAhead?.account, created.keychainAccount);
          assert.equal(await readAhead!.password, await openKeychainEntry(created.keychainAccount!).read());
          const reopened = await loadHomeKeys({ home: home.home, env, keychain: 'auto', keychainReadAhead: readAhead });
          assert.equal(reopened.source, 'keychain');
          assert.deepEqual(reopened.dataKey, created.dataKey);
        } finally {
          await openKeychainEntry(created.keychainAccount!).remove();
        }
      });
    });
  });
});
