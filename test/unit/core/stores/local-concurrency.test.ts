import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { openLocalStore } from '../../../../src/core/stores/local';
import { makeTemporaryHome, REGISTER } from '../../helpers/temporary-home';

const PASSPHRASE = 'concurrency passphrase';
const WRITER = path.join(__dirname, 'fixtures', 'writer.ts');

interface Writer {
  readonly child: ChildProcess;
  readonly acks: number[];
  readonly stderr: string[];
  readonly stdout: string[];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startWriter(home: string, args: string[]): Writer {
  const child = spawn(process.execPath, ['-r', REGISTER, WRITER, home, ...args], {
    env: { ...process.env, SECRET_MANAGER_PASSPHRASE: PASSPHRASE },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const writer: Writer = {
    child,
    acks: [],
    stderr: [],
    stdout: [],
    exited: new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal }))),
  };
  let pending = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop()!;
    for (const line of lines) {
      writer.stdout.push(line);
      const match = /^ack (\d+)$/.exec(line);
      if (match) writer.acks.push(Number(match[1]));
    }
  });
  child.stderr!.on('data', (chunk: Buffer) => writer.stderr.push(chunk.toString()));
  return writer;
}

async function prepareStore(home: string): Promise<void> {
  const store = await openLocalStore({ home, env: {}, passphrase: PASSPHRASE, keychain: 'off' });
  await store.createVault('shared');
  await store.createSecret({ vault: 'shared', key: 'counter', value: '1' });
  await store.close();
}

describe('core/stores/local across processes', function () {
  this.timeout(120_000);
  let home: string;
  let cleanup: () => void;
  beforeEach(() => ({ home, cleanup } = makeTemporaryHome()));
  afterEach(() => cleanup());

  it('loses no secret when several processes create at the same moment', async () => {
    await prepareStore(home);
    const writers = ['alpha', 'bravo', 'charlie', 'delta'].map((prefix) => startWriter(home, ['create', prefix, '25']));
    const results = await Promise.all(writers.map((writer) => writer.exited));
    results.forEach((result, index) => assert.equal(result.code, 0, writers[index].stderr.join('')));
    const store = await openLocalStore({ home, env: {}, passphrase: PASSPHRASE, keychain: 'off' });
    const names = new Set((await store.listSecrets('shared')).map((secret) => secret.name));
    assert.equal(names.size, 4 * 25 + 1);
    for (const prefix of ['alpha', 'bravo', 'charlie', 'delta']) {
      for (let index = 0; index < 25; index++) assert.ok(names.has(`${prefix}-${index}`), `${prefix}-${index} was lost`);
    }
    assert.equal(await store.revealSecret({ vault: 'shared', key: 'delta-24' }), 'value-delta-24');
    const created = (await store.readAudit({ vault: 'shared' })).filter((record) => record.action === 'secret.create');
    assert.equal(created.length, 4 * 25 + 1);
  });

  it('loses no update when processes race with expectedVersion', async () => {
    await prepareStore(home);
    const startAt = String(Date.now() + 3_000);
    const writers = [0, 1, 2].map(() => startWriter(home, ['increment', '15', startAt]));
    const results = await Promise.all(writers.map((writer) => writer.exited));
    results.forEach((result, index) => assert.equal(result.code, 0, writers[index].stderr.join('')));
    const conflicts = writers.map((writer) => Number(/^conflicts (\d+)$/.exec(writer.stdout.find((line) => line.startsWith('conflicts')) ?? '')?.[1]));
    assert.ok(conflicts.every(Number.isFinite), `every writer reported its conflicts: ${writers.map((writer) => writer.stdout.join('|')).join(' / ')}`);
    assert.ok(conflicts.reduce((sum, count) => sum + count, 0) > 0, 'the writers really collided: some update met a conflict');
    const store = await openLocalStore({ home, env: {}, passphrase: PASSPHRASE, keychain: 'off', versionsToKeep: 100 });
    const counter = await store.describeSecret({ vault: 'shared', key: 'counter' });
    assert.equal(counter.version, 1 + 3 * 15);
    assert.equal(await store.revealSecret({ vault: 'shared', key: 'counter' }), String(1 + 3 * 15));
  });

  it('keeps every acknowledged write when writers are killed with SIGKILL at random moments', async () => {
    await prepareStore(home);
    for (let round = 0; round < 2; round++) {
      const writers = [0, 1, 2].map((index) => startWriter(home, ['create', `round${round}-writer${index}`, '100000']));
      await Promise.all(
        writers.map(
          (writer) =>
            new Promise<void>((resolve) => {
              const killAfterAcks = 5 + Math.floor(Math.random() * 40);
              const timer = setInterval(() => {
                if (writer.acks.length >= killAfterAcks || writer.child.exitCode !== null) {
                  clearInterval(timer);
                  // A random extra delay so the kill lands anywhere inside the next write.
                  setTimeout(() => {
                    writer.child.kill('SIGKILL');
                    resolve();
                  }, Math.random() * 15);
                }
              }, 1);
            }),
        ),
      );
      const results = await Promise.all(writers.map((writer) => writer.exited));
      results.forEach((result, index) => assert.equal(result.signal, 'SIGKILL', writers[index].stderr.join('')));
      const store = await openLocalStore({ home, env: {}, passphrase: PASSPHRASE, keychain: 'off' });
      const names = new Set((await store.listSecrets('shared')).map((secret) => secret.name));
      writers.forEach((writer, index) => {
        assert.ok(writer.acks.length >= 5);
        for (const acknowledged of writer.acks) {
          assert.ok(names.has(`round${round}-writer${index}-${acknowledged}`), `acknowledged write ${acknowledged} of writer ${index} was lost`);
        }
      });
      // The store still takes writes: a lock left by a killed writer is broken.
      await store.createSecret({ vault: 'shared', key: `after-round-${round}`, value: 'still writable' });
      assert.equal(await store.revealSecret({ vault: 'shared', key: `after-round-${round}` }), 'still writable');
      await store.close();
    }
    assert.ok(!existsSync(path.join(home, 'store.json.lock')));
    assert.deepEqual(readdirSync(home).filter((name) => name.includes('.tmp-')), [], 'temp files of killed writers are cleaned up');
  });
});
