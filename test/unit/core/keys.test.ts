import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openKeychainEntry } from '../../../src/core/keychain';
import { describeKeySource, loadHomeKeys } from '../../../src/core/keys';
import { isSecretManagerError } from '../../../src/core/model';
import { environmentWithoutKeychain, makeTemporaryHome, REGISTER } from '../helpers/temporary-home';

const FAST = { N: 1024, r: 8, p: 1 };
const noEnv: NodeJS.ProcessEnv = {};

function keyFileOf(home: string) {
  return path.join(home, 'key.json');
}

describe('core/keys', () => {
  let home: string;
  let cleanup: () => void;
  beforeEach(() => ({ home, cleanup } = makeTemporaryHome()));
  afterEach(() => cleanup());

  it('creates a data key wrapped by a passphrase and unlocks it again', async () => {
    const created = await loadHomeKeys({ home, env: noEnv, passphrase: 'correct horse', keychain: 'off' }, FAST);
    assert.equal(created.source, 'passphrase');
    const reopened = await loadHomeKeys({ home, env: noEnv, passphrase: 'correct horse', keychain: 'off' });
    assert.deepEqual(reopened.dataKey, created.dataKey);
    assert.equal(reopened.homeId, created.homeId);
    assert.equal(statSync(keyFileOf(home)).mode & 0o777, 0o600);
    const nested = path.join(home, 'not', 'yet', 'there');
    await loadHomeKeys({ home: nested, env: noEnv, passphrase: 'p passphrase, long enough', keychain: 'off' }, FAST);
    assert.equal(statSync(nested).mode & 0o777, 0o700);
    const keyFile = readFileSync(keyFileOf(home));
    assert.ok(!keyFile.includes(created.dataKey.toString('base64')));
    assert.ok(!keyFile.includes(created.dataKey.toString('hex')));
    assert.ok(!keyFile.includes(Buffer.from('correct horse')));
  });

  it('refuses a passphrase shorter than 12 characters for a new store, saying why, and writes no key file', async () => {
    await assert.rejects(
      loadHomeKeys({ home, env: noEnv, passphrase: 'elevenchars', keychain: 'off' }, FAST),
      (error: unknown) =>
        isSecretManagerError(error, 'invalid-input') && /11 characters long; a new store needs at least 12/.test(error.message) && /offline/.test(error.hint ?? ''),
    );
    assert.throws(() => statSync(keyFileOf(home)), /ENOENT/);
    await loadHomeKeys({ home, env: noEnv, passphrase: 'twelve chars', keychain: 'off' }, FAST);
    await assert.rejects(loadHomeKeys({ home, env: noEnv, passphrase: 'short', keychain: 'off' }, FAST), (error: unknown) => isSecretManagerError(error, 'wrong-passphrase'));
  });

  it('takes the passphrase from SECRET_MANAGER_PASSPHRASE', async () => {
    const created = await loadHomeKeys({ home, env: { SECRET_MANAGER_PASSPHRASE: 'from-env passphrase' }, keychain: 'off' }, FAST);
    const reopened = await loadHomeKeys({ home, env: { SECRET_MANAGER_PASSPHRASE: 'from-env passphrase' }, keychain: 'off' });
    assert.deepEqual(reopened.dataKey, created.dataKey);
  });

  it('refuses a wrong passphrase, and a missing one, with wrong-passphrase', async () => {
    await loadHomeKeys({ home, env: noEnv, passphrase: 'right passphrase', keychain: 'off' }, FAST);
    await assert.rejects(loadHomeKeys({ home, env: noEnv, passphrase: 'wrong-canary-8831', keychain: 'off' }), (error) => {
      assert.ok(isSecretManagerError(error, 'wrong-passphrase'));
      assert.match(error.hint ?? '', /SECRET_MANAGER_PASSPHRASE/);
      assert.ok(!error.message.includes('wrong-canary-8831'), 'the passphrase is not echoed');
      return true;
    });
    await assert.rejects(loadHomeKeys({ home, env: noEnv, keychain: 'off' }), (error) => isSecretManagerError(error, 'wrong-passphrase'));
  });

  it('says to set SECRET_MANAGER_PASSPHRASE when there is neither keychain nor passphrase', async () => {
    await assert.rejects(loadHomeKeys({ home, env: noEnv, keychain: 'off' }), (error) => {
      assert.ok(isSecretManagerError(error, 'keychain-unavailable'));
      assert.match(error.message, /SECRET_MANAGER_PASSPHRASE/);
      return true;
    });
  });

  it('gives two processes creating the same home at once the same key', async () => {
    const options = { home, env: noEnv, passphrase: 'shared passphrase', keychain: 'off' as const };
    const [first, second, third] = await Promise.all([loadHomeKeys(options, FAST), loadHomeKeys(options, FAST), loadHomeKeys(options, FAST)]);
    assert.deepEqual(second.dataKey, first.dataKey);
    assert.deepEqual(third.dataKey, first.dataKey);
  });

  it('derives independent subkeys per purpose', async () => {
    const keys = await loadHomeKeys({ home, env: noEnv, passphrase: 'p passphrase, long enough', keychain: 'off' }, FAST);
    assert.notDeepEqual(keys.subkey('a'), keys.subkey('b'));
    assert.notDeepEqual(keys.subkey('a'), keys.dataKey);
  });

  it('reports a damaged key file as corrupted-store', async () => {
    await loadHomeKeys({ home, env: noEnv, passphrase: 'p passphrase, long enough', keychain: 'off' }, FAST);
    writeFileSync(keyFileOf(home), '{"format":"secret-manager-key-file"');
    await assert.rejects(loadHomeKeys({ home, env: noEnv, passphrase: 'p passphrase, long enough', keychain: 'off' }), (error) => isSecretManagerError(error, 'corrupted-store'));
  });

  it('says the key file is a folder rather than failing with a bare EISDIR', async () => {
    await loadHomeKeys({ home, env: noEnv, passphrase: 'p passphrase, long enough', keychain: 'off' }, FAST);
    rmSync(keyFileOf(home));
    mkdirSync(keyFileOf(home));
    await assert.rejects(
      loadHomeKeys({ home, env: noEnv, passphrase: 'p passphrase, long enough', keychain: 'off' }),
      (error) => isSecretManagerError(error, 'corrupted-store') && /key\.json is damaged \(it is a folder, not a file\)/.test(error.message),
    );
  });

  it('refuses a key file whose wrapped key was altered', async () => {
    await loadHomeKeys({ home, env: noEnv, passphrase: 'p passphrase, long enough', keychain: 'off' }, FAST);
    const file = JSON.parse(readFileSync(keyFileOf(home), 'utf8'));
    const wrapped = Buffer.from(file.slots[0].wrappedDataKey.ciphertext, 'base64');
    wrapped[5] ^= 1;
    file.slots[0].wrappedDataKey.ciphertext = wrapped.toString('base64');
    writeFileSync(keyFileOf(home), JSON.stringify(file));
    await assert.rejects(loadHomeKeys({ home, env: noEnv, passphrase: 'p passphrase, long enough', keychain: 'off' }), (error) => isSecretManagerError(error, 'wrong-passphrase'));
  });

  it('falls back to the passphrase in a process with no keychain, and fails clearly without one', function () {
    this.timeout(30_000);
    const script = path.join(__dirname, 'fixtures', 'open-store.ts');
    const run = (env: NodeJS.ProcessEnv) =>
      spawnSync(process.execPath, ['-r', REGISTER, script, home], { env, encoding: 'utf8' });
    const withoutPassphrase = run(environmentWithoutKeychain());
    assert.equal(withoutPassphrase.stdout.trim(), 'error keychain-unavailable', withoutPassphrase.stderr);
    const withPassphrase = run({ ...environmentWithoutKeychain(), SECRET_MANAGER_PASSPHRASE: 'fallback passphrase' });
    assert.equal(withPassphrase.stdout.trim(), 'source passphrase vaults 0', withPassphrase.stderr);
  });

  describe('with a real OS keychain', () => {
    before(function () {
      if (!process.env.SECRET_MANAGER_TEST_KEYRING) this.skip();
    });

    it('keeps the master key in the keychain when there is no passphrase', async () => {
      const created = await loadHomeKeys({ home, env: noEnv, keychain: 'auto' });
      assert.equal(created.source, 'keychain');
      assert.match(describeKeySource(created), /OS keychain/);
      const reopened = await loadHomeKeys({ home, env: noEnv, keychain: 'auto' });
      assert.equal(reopened.source, 'keychain');
      assert.deepEqual(reopened.dataKey, created.dataKey);
      const keyFile = JSON.parse(readFileSync(keyFileOf(home), 'utf8'));
      assert.deepEqual(keyFile.slots.map((slot: { source: string }) => slot.source), ['keychain']);
      const stored = await openKeychainEntry(created.keychainAccount!).read();
      assert.ok(stored && !readFileSync(keyFileOf(home), 'utf8').includes(stored), 'the master key is not in the key file');
      await openKeychainEntry(created.keychainAccount!).remove();
      await assert.rejects(loadHomeKeys({ home, env: noEnv, keychain: 'auto' }), (error) => isSecretManagerError(error, 'corrupted-store'));
    });

    it('adds a passphrase slot when both are there, so either one opens the home', async () => {
      const created = await loadHomeKeys({ home, env: noEnv, passphrase: 'both passphrase, long', keychain: 'auto' }, FAST);
      const byKeychain = await loadHomeKeys({ home, env: noEnv, keychain: 'auto' });
      assert.equal(byKeychain.source, 'keychain');
      const byPassphrase = await loadHomeKeys({ home, env: noEnv, passphrase: 'both passphrase, long', keychain: 'off' });
      assert.equal(byPassphrase.source, 'passphrase');
      assert.deepEqual(byKeychain.dataKey, created.dataKey);
      assert.deepEqual(byPassphrase.dataKey, created.dataKey);
      await assert.rejects(loadHomeKeys({ home, env: noEnv, passphrase: 'wrong', keychain: 'auto' }), (error) =>
        isSecretManagerError(error, 'wrong-passphrase'),
      );
      await openKeychainEntry(created.keychainAccount!).remove();
    });

    it('opens a keychain-only home in a child process, and refuses it there without a bus', async function () {
      this.timeout(30_000);
      const created = await loadHomeKeys({ home, env: noEnv, keychain: 'auto' });
      const script = path.join(__dirname, 'fixtures', 'open-store.ts');
      const withBus = spawnSync(process.execPath, ['-r', REGISTER, script, home], {
        env: { ...process.env, SECRET_MANAGER_PASSPHRASE: '' },
        encoding: 'utf8',
      });
      assert.equal(withBus.stdout.trim(), 'source keychain vaults 0', withBus.stderr);
      const withoutBus = spawnSync(process.execPath, ['-r', REGISTER, script, home], { env: environmentWithoutKeychain(), encoding: 'utf8' });
      assert.equal(withoutBus.stdout.trim(), 'error keychain-unavailable', withoutBus.stderr);
      await assert.rejects(loadHomeKeys({ home, env: noEnv, passphrase: 'cannot help', keychain: 'off' }), (error) => {
        assert.ok(isSecretManagerError(error, 'keychain-unavailable'));
        assert.match(error.message, /keeps its master key there/);
        assert.match(error.hint ?? '', /a passphrase cannot open this store/);
        // The keychain is there but was turned off: say how to turn it back on.
        assert.match(error.hint ?? '', /SECRET_MANAGER_KEYCHAIN=off/);
        return true;
      });
      await openKeychainEntry(created.keychainAccount!).remove();
    });
  });
});
