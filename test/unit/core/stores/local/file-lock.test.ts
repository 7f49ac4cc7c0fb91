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

  it('breaks a fresh lock whose process id is in use again, or that another host left, once unrefreshed for 10 s: before a waiter gives up at 20 s', async function () {
    this.timeout(40_000);
    const reusedPid = path.join(home, 'reused-pid.lock');
    const otherHost = path.join(home, 'other-host.lock');
    writeFileSync(reusedPid, JSON.stringify({ pid: process.pid, hostname: os.hostname(), token: 'left-by-a-killed-process' }));
    writeFileSync(otherHost, JSON.stringify({ pid: 1, hostname: `not-${os.hostname()}`, token: 'left-on-another-host' }));
    const started = Date.now();
    const results = await Promise.allSettled([withFileLock(reusedPid, async () => Date.now()), withFileLock(otherHost, async () => Date.now())]);
    for (const result of results) {
      assert.equal(result.status, 'fulfilled', result.status === 'rejected' ? String(result.reason) : '');
      const waitedMs = (result as PromiseFulfilledResult<number>).value - started;
      assert.ok(waitedMs >= 9_000 && waitedMs < 15_000, `broken after ${waitedMs} ms`);
    }
  });

  it('keeps a held lock fresh, so a waiter never breaks it while its holder works past the stale limit', async () => {
    const options = { staleAfterMs: 400, timeoutMs: 5_000 };
    const events: string[] = [];
    const holder = withFileLock(lockFile, async () => {
      events.push('holder in');
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      events.push('holder out');
    }, options);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const waiter = withFileLock(lockFile, async () => void events.push('waiter in'), options);
    await Promise.all([holder, waiter]);
    assert.deepEqual(events, ['holder in', 'holder out', 'waiter in']);
  });
});
