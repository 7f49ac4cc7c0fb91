import assert from 'node:assert/strict';
import { chmodSync, chownSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isSecretManagerError } from '../../../../../src/core/model';
import { checkHomePermissions, repairHomePermissions } from '../../../../../src/core/stores/local/home-permissions';
import { makeTemporaryHome } from '../../../helpers/temporary-home';

const NOBODY = 65534;

describe('core/stores/local/home-permissions', () => {
  let home: string;
  let cleanup: () => void;
  beforeEach(() => {
    ({ home, cleanup } = makeTemporaryHome());
    writeFileSync(path.join(home, 'store.json'), '{}', { mode: 0o600 });
  });
  afterEach(() => cleanup());

  const refused = (pattern: RegExp) => (error: unknown) =>
    isSecretManagerError(error, 'permission-denied') && pattern.test(error.message) && /secret-manager status --fix-permissions/.test(error.hint ?? '');

  it('accepts a private home: folder 0700, files 0600, and a folder others can only read', async () => {
    await checkHomePermissions(home);
    chmodSync(home, 0o755);
    await checkHomePermissions(home);
  });

  it('refuses a folder or a file that other users can write to', async () => {
    chmodSync(home, 0o777);
    await assert.rejects(checkHomePermissions(home), refused(/folder .* is writable by other users \(mode 0777\)/));
    chmodSync(home, 0o700);
    chmodSync(path.join(home, 'store.json'), 0o666);
    await assert.rejects(checkHomePermissions(home), refused(/store\.json is writable by other users \(mode 0666\)/));
  });

  it('refuses a folder or file owned by another user', async function () {
    if (process.getuid?.() !== 0) this.skip();
    chownSync(path.join(home, 'store.json'), NOBODY, NOBODY);
    await assert.rejects(checkHomePermissions(home), refused(/store\.json is owned by another user \(uid 65534\)/));
    chownSync(home, NOBODY, NOBODY);
    await assert.rejects(checkHomePermissions(home), refused(/folder .* is owned by another user/));
  });

  it('repairs the modes of a home it owns, and then accepts it', async () => {
    chmodSync(home, 0o777);
    chmodSync(path.join(home, 'store.json'), 0o666);
    assert.deepEqual(await repairHomePermissions(home), [home, path.join(home, 'store.json')]);
    assert.equal(statSync(home).mode & 0o777, 0o700);
    assert.equal(statSync(path.join(home, 'store.json')).mode & 0o777, 0o600);
    await checkHomePermissions(home);
  });
});
