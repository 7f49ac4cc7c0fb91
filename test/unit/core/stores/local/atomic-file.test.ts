import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  createFileExclusively,
  ensurePrivateFolder,
  findAbandonedTemporaryFiles,
  removeAbandonedTemporaryFiles,
  writeFileAtomically,
} from '../../../../../src/core/stores/local/atomic-file';
import { isSecretManagerError } from '../../../../../src/core/model';
import { makeTemporaryHome } from '../../../helpers/temporary-home';

describe('core/stores/local/atomic-file', () => {
  let home: string;
  let cleanup: () => void;
  beforeEach(() => ({ home, cleanup } = makeTemporaryHome()));
  afterEach(() => cleanup());

  it('replaces a file, keeps the old content as the backup, and leaves no temp file', async () => {
    const file = path.join(home, 'store.json');
    const backup = path.join(home, 'store.json.bak');
    await writeFileAtomically(file, 'first', { backup });
    assert.deepEqual(readdirSync(home), ['store.json']);
    await writeFileAtomically(file, 'second', { backup });
    assert.equal(readFileSync(file, 'utf8'), 'second');
    assert.equal(readFileSync(backup, 'utf8'), 'first');
    await writeFileAtomically(file, 'third', { backup });
    assert.equal(readFileSync(backup, 'utf8'), 'second');
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.deepEqual(readdirSync(home).sort(), ['store.json', 'store.json.bak']);
  });

  it('writes content given as byte ranges in order, more ranges than one writev takes included', async () => {
    const file = path.join(home, 'store.json');
    const parts = Array.from({ length: 3000 }, (_, index) => Buffer.from(`${index};`.repeat((index % 7) + 1)));
    await writeFileAtomically(file, parts);
    assert.deepEqual(readFileSync(file), Buffer.concat(parts));
    await writeFileAtomically(file, [Buffer.alloc(0), Buffer.from('x'.repeat(4 * 1024 * 1024)), Buffer.from('end')]);
    assert.equal(readFileSync(file, 'utf8'), `${'x'.repeat(4 * 1024 * 1024)}end`);
    assert.deepEqual(readdirSync(home), ['store.json']);
  });

  it('says clearly when the folder to create is a file, or sits under one', async () => {
    const file = path.join(home, 'not-a-folder');
    writeFileSync(file, 'x');
    for (const folder of [file, path.join(file, 'below')]) {
      await assert.rejects(
        ensurePrivateFolder(folder),
        (error: unknown) =>
          isSecretManagerError(error, 'invalid-input') && error.message.includes(file) && /is a file, not a folder/.test(error.message),
      );
    }
  });

  it('creates a file only once', async () => {
    const file = path.join(home, 'key.json');
    assert.equal(await createFileExclusively(file, 'mine'), true);
    assert.equal(await createFileExclusively(file, 'theirs'), false);
    assert.equal(readFileSync(file, 'utf8'), 'mine');
    assert.deepEqual(readdirSync(home), ['key.json']);
  });

  it('removes temp files of dead writers only', async () => {
    const deadPid = Number(spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' }).stdout.trim());
    writeFileSync(path.join(home, `store.json.tmp-${deadPid}-0123456789ab`), 'abandoned');
    writeFileSync(path.join(home, `store.json.tmp-${process.ppid}-0123456789ab`), 'a live writer');
    writeFileSync(path.join(home, 'store.json'), 'kept');
    assert.deepEqual(await findAbandonedTemporaryFiles(home), [path.join(home, `store.json.tmp-${deadPid}-0123456789ab`)]);
    await removeAbandonedTemporaryFiles(home);
    assert.deepEqual(await findAbandonedTemporaryFiles(home), []);
    assert.deepEqual(readdirSync(home).sort(), ['store.json', `store.json.tmp-${process.ppid}-0123456789ab`]);
  });
});
