import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isSecretManagerError } from '../../../../../src/core/model';
import { withFileLock } from '../../../../../src/core/stores/local/file-lock';
import { makeTemporaryHome } from '../../../helpers/temporary-home';

function deadProcessId(): number {
  const result = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
  return Number(result.stdout.trim());
}

describe('core/stores/local/file-lock', () => {
  let home: string;
  let cleanup: () => void;
  let lockFile: string;
  beforeEach(() => {
    ({ home, cleanup } = makeTemporaryHome());
    lockFile = path.join(home, 'store.json.lock');
  });
  afterEach(() => cleanup());

  it('runs actions one at a time and removes the lock afterwards', async () => {
    let inside = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 8 }, () =>
        withFileLock(lockFile, async () => {
          inside += 1;
          most = Math.max(most, inside);
          await new Promise((resolve) => setTimeout(resolve, 5));
          inside -= 1;
        }),
      ),
    );
    assert.equal(most, 1);
    assert.ok(!existsSync(lockFile));
  });

  it('releases the lock when the action throws', async () => {
    await assert.rejects(withFileLock(lockFile, async () => Promise.reject(new Error('boom'))), /boom/);
    assert.ok(!existsSync(lockFile));
  });

  it('breaks a lock left by a dead process', async () => {
    writeFileSync(lockFile, JSON.stringify({ pid: deadProcessId(), hostname: os.hostname(), token: 'abandoned' }));
    assert.equal(await withFileLock(lockFile, async () => 'ran', { timeoutMs: 2000 }), 'ran');
  });

  it('breaks an empty lock file once it is old, and a very old one even if its process lives', async () => {
    writeFileSync(lockFile, '');
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockFile, old, old);
    assert.equal(await withFileLock(lockFile, async () => 'ran', { timeoutMs: 2000 }), 'ran');
    writeFileSync(lockFile, JSON.stringify({ pid: process.pid, hostname: os.hostname(), token: 'held-long' }));
    utimesSync(lockFile, old, old);
    assert.equal(await withFileLock(lockFile, async () => 'ran', { timeoutMs: 2000 }), 'ran');
  });

  it('waits for a live holder and times out with a clear error', async () => {
    writeFileSync(lockFile, JSON.stringify({ pid: process.pid, hostname: os.hostname(), token: 'held' }));
    await assert.rejects(withFileLock(lockFile, async () => 'ran', { timeoutMs: 300 }), (error) => {
      assert.ok(isSecretManagerError(error, 'timeout'));
      assert.match(error.message, /store\.json\.lock/);
      assert.match(error.message, new RegExp(`held by process ${process.pid} on ${os.hostname()}`));
      return true;
    });
    assert.ok(existsSync(lockFile), 'a live holder keeps its lock');
  });
});
