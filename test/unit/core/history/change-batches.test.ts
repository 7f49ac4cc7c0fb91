import assert from 'node:assert/strict';
import type { CommitInfo, FileChange } from '../../../../src/core/history/added-lines';
import { ChangeBatcher, locateLine, textOfLines } from '../../../../src/core/history/change-batches';

const commit = (hash: string): CommitInfo => ({ hash, shortHash: hash.slice(0, 7), authorDate: '2026-01-01T00:00:00Z', subject: hash });
const change = (hash: string, path: string, texts: readonly string[], firstFileLine = 1): FileChange => ({
  commit: commit(hash),
  path,
  lines: texts.map((text, index) => ({ text, line: firstFileLine + index * 2 })),
});

describe('core/history/change-batches', () => {
  it('gives the added lines as one text, a line each', () => {
    assert.equal(textOfLines(change('a', 'x.ts', ['one', 'two']).lines), 'one\ntwo\n');
  });

  it('holds small changes to one path together and hands them over when asked, a blank line between two changes', () => {
    const batcher = new ChangeBatcher(1000);
    assert.deepEqual(batcher.add(change('c3', 'a.ts', ['three']), 0), []);
    assert.deepEqual(batcher.add(change('c2', 'b.ts', ['other']), 1), []);
    assert.deepEqual(batcher.add(change('c1', 'a.ts', ['one', 'uno'], 10), 2), []);
    const batches = batcher.takeAll();
    assert.deepEqual(batches.map((batch) => [batch.path, batch.text]), [
      ['a.ts', 'three\n\none\nuno\n'],
      ['b.ts', 'other\n'],
    ]);
    assert.deepEqual(batcher.takeAll(), []);
  });

  it('maps each line of a batch back to its change and its line in that commit, and the blank line between to none', () => {
    const batcher = new ChangeBatcher(1000);
    batcher.add(change('c3', 'a.ts', ['three', 'drei'], 5), 0);
    batcher.add(change('c1', 'a.ts', ['one', 'uno'], 10), 1);
    const [batch] = batcher.takeAll();
    const located = [1, 2, 3, 4, 5, 6].map((line) => {
      const found = locateLine(batch, line);
      return found && [found.change.change.commit.hash, found.change.order, found.fileLine];
    });
    assert.deepEqual(located, [['c3', 0, 5], ['c3', 0, 7], undefined, ['c1', 1, 10], ['c1', 1, 12], undefined]);
  });

  it('hands a batch over once it is full, and a change longer than a batch over alone', () => {
    const batcher = new ChangeBatcher(20);
    assert.deepEqual(batcher.add(change('c4', 'a.ts', ['0123456789']), 0), []);
    const full = batcher.add(change('c3', 'a.ts', ['abcdefghij']), 1);
    assert.deepEqual(full.map((batch) => batch.text), ['0123456789\n']);
    const long = batcher.add(change('c2', 'a.ts', ['x'.repeat(40)]), 2);
    assert.deepEqual(long.map((batch) => batch.changes.map((batched) => batched.change.commit.hash)), [['c3'], ['c2']]);
    assert.deepEqual(batcher.takeAll(), []);
  });

  it('scans a change alone when a comment in it reaches past its own line', () => {
    const batcher = new ChangeBatcher(1000);
    batcher.add(change('c3', 'a.ts', ['const a = 1;']), 0);
    for (const comment of ['/* secretlint-disable */', '// secret-manager-ignore-next-line', '# pragma: allowlist nextline secret']) {
      const alone = batcher.add(change('c2', 'a.ts', [comment]), 1);
      assert.deepEqual(alone.map((batch) => batch.text), [`${comment}\n`], comment);
    }
    assert.deepEqual(batcher.takeAll().map((batch) => batch.text), ['const a = 1;\n']);
  });

  it('hands every batch over once too much is waiting in all of them', () => {
    const batcher = new ChangeBatcher(1000, 25);
    assert.deepEqual(batcher.add(change('c3', 'a.ts', ['0123456789']), 0), []);
    assert.deepEqual(batcher.add(change('c2', 'b.ts', ['0123456789']), 1), []);
    const all = batcher.add(change('c1', 'c.ts', ['0123456789']), 2);
    assert.deepEqual(all.map((batch) => batch.path), ['a.ts', 'b.ts', 'c.ts']);
    assert.deepEqual(batcher.takeAll(), []);
  });
});
