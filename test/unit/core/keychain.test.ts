import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { classifyKeychainFailure, openKeychainEntry, readKeychainPasswordOffThread, toKeychainError } from '../../../src/core/keychain';
import { isSecretManagerError } from '../../../src/core/model';
import { environmentWithoutKeychain, REGISTER } from '../helpers/temporary-home';

const NO_BUS_MESSAGE =
  'Platform failure: DBus error: Using X11 for dbus-daemon autolaunch was disabled at compile time, set your DBUS_SESSION_BUS_ADDRESS instead';

describe('core/keychain', () => {
  it('classifies failures by message', () => {
    assert.equal(classifyKeychainFailure(new Error(NO_BUS_MESSAGE)), 'unavailable');
    assert.equal(classifyKeychainFailure(new Error('Failed to connect to socket /run/user/0/bus')), 'unavailable');
    assert.equal(
      classifyKeychainFailure(new Error('The name org.freedesktop.secrets was not provided by any .service files')),
      'unavailable',
    );
    assert.equal(classifyKeychainFailure(new Error('Platform failure: prompt was dismissed')), 'locked');
    assert.equal(classifyKeychainFailure(new Error('org.freedesktop.Secret.Error.IsLocked')), 'locked');
    assert.equal(classifyKeychainFailure(new Error('Collection is locked')), 'locked');
    assert.equal(classifyKeychainFailure(new Error('something else entirely')), 'other');
  });

  it('turns failures into errors with a code and a hint', () => {
    const unavailable = toKeychainError(new Error(NO_BUS_MESSAGE));
    assert.equal(unavailable.code, 'keychain-unavailable');
    assert.match(unavailable.hint ?? '', /SECRET_MANAGER_PASSPHRASE/);
    const locked = toKeychainError(new Error('prompt was dismissed'));
    assert.equal(locked.code, 'keychain-locked');
    assert.match(locked.hint ?? '', /[Uu]nlock/);
  });

  it('reports keychain-unavailable in a process with no session bus', function () {
    this.timeout(30_000);
    const script = path.join(__dirname, 'fixtures', 'keychain-probe.ts');
    const result = spawnSync(process.execPath, ['-r', REGISTER, script, `probe-${randomUUID()}`], {
      env: environmentWithoutKeychain(),
      encoding: 'utf8',
    });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout.trim(), 'error keychain-unavailable');
  });

  it('writes, reads and removes an entry in a real keychain', async function () {
    if (!process.env.SECRET_MANAGER_TEST_KEYRING) this.skip();
    const entry = openKeychainEntry(`test-${randomUUID()}`);
    assert.equal(await entry.read(), null);
    await entry.write('stored-value');
    assert.equal(await entry.read(), 'stored-value');
    assert.equal(await entry.remove(), true);
    assert.equal(await entry.read(), null);
  });

  it("reads one entry off the main thread among the service's others, and refuses one the search did not return", async function () {
    if (!process.env.SECRET_MANAGER_TEST_KEYRING) this.skip();
    const service = `test-service-${randomUUID()}`;
    const wanted = openKeychainEntry('wanted', service);
    const other = openKeychainEntry('other', service);
    await wanted.write('the wanted value');
    await other.write('another value');
    try {
      assert.equal(await readKeychainPasswordOffThread('wanted', service), 'the wanted value');
      await assert.rejects(readKeychainPasswordOffThread('absent', service), (error) => isSecretManagerError(error, 'keychain-unavailable'));
      assert.equal(await readKeychainPasswordOffThread('wanted', service, 'darwin'), 'the wanted value', "elsewhere, the entry's own read");
    } finally {
      await wanted.remove();
      await other.remove();
    }
  });

  it('never lets a raw library error escape', async function () {
    if (process.env.DBUS_SESSION_BUS_ADDRESS) this.skip();
    await assert.rejects(openKeychainEntry('x').read(), (error) => isSecretManagerError(error, 'keychain-unavailable'));
    await assert.rejects(readKeychainPasswordOffThread('x'), (error) => isSecretManagerError(error, 'keychain-unavailable'));
  });
});
