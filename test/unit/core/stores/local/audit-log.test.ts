import assert from 'node:assert/strict';
import { appendFileSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AuditRecord } from '../../../../../src/core/model';
import { AuditLog, AuditWriteError } from '../../../../../src/core/stores/local/audit-log';
import { makeTemporaryHome } from '../../../helpers/temporary-home';

function record(key: string): AuditRecord {
  return { time: '2026-01-01T00:00:00.000Z', actor: 'test:alice', action: 'secret.create', store: 'local', vault: 'api-keys', key, version: 1 };
}

describe('core/stores/local/audit-log', () => {
  let home: string;
  let cleanup: () => void;
  let file: string;
  beforeEach(() => {
    ({ home, cleanup } = makeTemporaryHome());
    file = path.join(home, 'audit.jsonl');
  });
  afterEach(() => cleanup());

  it('appends records and reads them back, newest last', async () => {
    const log = new AuditLog(file);
    await log.append(record('first'));
    await log.append(record('second'));
    assert.deepEqual((await log.read()).map((entry) => entry.key), ['first', 'second']);
    assert.deepEqual((await log.read({ limit: 1 })).map((entry) => entry.key), ['second']);
  });

  it('starts a record on a new line after a line cut short by a crash, so the record is not lost', async () => {
    const log = new AuditLog(file);
    await log.append(record('before-crash'));
    appendFileSync(file, '{"time":"2026-01-01T00:00:00.000Z","actor":"te');
    await log.append(record('after-crash'));
    assert.deepEqual((await log.read()).map((entry) => entry.key), ['before-crash', 'after-crash']);
    assert.equal(readFileSync(file, 'utf8').split('\n').filter(Boolean).length, 3, 'the cut line stays where it was');
  });

  it('skips lines it cannot read and says how many, without stopping', async () => {
    const log = new AuditLog(file);
    await log.append(record('good-one'));
    appendFileSync(file, 'garbage{\n{"time":1}\n');
    await log.append(record('good-two'));
    const skipped: number[] = [];
    const records = await log.read({}, (count) => skipped.push(count));
    assert.deepEqual(records.map((entry) => entry.key), ['good-one', 'good-two']);
    assert.deepEqual(skipped, [2]);
  });

  it('does not report skipped lines when there are none', async () => {
    writeFileSync(file, '');
    const log = new AuditLog(file);
    await log.append(record('only-one'));
    const skipped: number[] = [];
    await log.read({}, (count) => skipped.push(count));
    assert.deepEqual(skipped, []);
  });

  it('refuses an audit.jsonl that is a symbolic link, writing nothing to where it points', async () => {
    const elsewhere = path.join(home, 'elsewhere.txt');
    writeFileSync(elsewhere, 'untouched\n');
    symlinkSync(elsewhere, file);
    await assert.rejects(
      new AuditLog(file).append(record('first')),
      (error: unknown) => error instanceof AuditWriteError && /symbolic link/.test(error.reason),
    );
    assert.equal(readFileSync(elsewhere, 'utf8'), 'untouched\n');
  });
});
