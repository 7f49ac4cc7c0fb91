import assert from 'node:assert/strict';
import { UsageError } from '../../../src/cli/arguments';
import { formatColumns, formatTable, reportError, truncate, writeJson } from '../../../src/cli/output';
import { ConflictError, InvalidInputError, VaultNotEmptyError } from '../../../src/core/model';
import { createMemoryIo } from './memory-io';

describe('cli/output', () => {
  it('aligns table columns and does not pad the last one', () => {
    const table = formatTable(['NAME', 'VERSION', 'NOTE'], [
      ['a-long-name', '1', 'x'],
      ['abc', '12', ''],
    ]);
    assert.equal(table, 'NAME         VERSION  NOTE\na-long-name  1        x\nabc          12\n');
  });

  it('aligns a two-column list without a header', () => {
    assert.equal(formatColumns([['Store:', 'Local store'], ['Master key:', 'keychain']]), 'Store:       Local store\nMaster key:  keychain\n');
  });

  it('truncates long text to one line', () => {
    assert.equal(truncate('a\nb', 10), 'a b');
    assert.equal(truncate('abcdefghij', 5), 'abcd…');
  });

  it('keeps terminal control sequences in stored text out of the terminal', () => {
    assert.equal(truncate('red\u001b[31mtext\u0007\u009bend', 60), 'red [31mtext end');
  });

  it('writes one JSON document', () => {
    const io = createMemoryIo();
    writeJson(io, [{ name: 'abc' }]);
    assert.deepEqual(JSON.parse(io.output.stdout), [{ name: 'abc' }]);
  });

  describe('reportError', () => {
    it('prints a usage error with the command usage and returns 2', () => {
      const io = createMemoryIo();
      assert.equal(reportError(io, new UsageError('vault create needs a name.', 'vault create'), false), 2);
      assert.match(io.output.stderr, /^secret-manager: vault create needs a name\.\n\nUsage: secret-manager vault create <name>/);
      assert.equal(io.output.stdout, '');
    });

    it('prints message and hint on separate lines and returns 1', () => {
      const io = createMemoryIo();
      assert.equal(reportError(io, new VaultNotEmptyError('api-keys', 2), false), 1);
      assert.equal(io.output.stderr, 'Error: Vault "api-keys" still holds 2 secrets.\nHint: Delete or move its secrets first.\n');
      assert.equal(io.output.stdout, '');
    });

    it('with --json also prints an error document with the code', () => {
      const io = createMemoryIo();
      assert.equal(reportError(io, new ConflictError({ vault: 'api-keys', key: 'stripe' }, 1, 2), true), 1);
      const document = JSON.parse(io.output.stdout);
      assert.equal(document.error.code, 'conflict');
      assert.match(document.error.message, /is at version 2, not the expected version 1/);
      assert.match(document.error.hint, /try again/);
      assert.match(io.output.stderr, /^Error: Secret api-keys\/stripe is at version 2/);
    });

    it('gives usage errors the code "usage" in --json mode', () => {
      const io = createMemoryIo();
      assert.equal(reportError(io, new UsageError('Unknown command "x".'), true), 2);
      assert.deepEqual(JSON.parse(io.output.stdout), { error: { code: 'usage', message: 'Unknown command "x".' } });
    });

    it('reports an error without hint and an unexpected error', () => {
      const io = createMemoryIo();
      assert.equal(reportError(io, new InvalidInputError('bad input'), false), 1);
      assert.equal(io.output.stderr, 'Error: bad input\n');
      const other = createMemoryIo();
      assert.equal(reportError(other, new Error('disk on fire'), false), 1);
      assert.match(other.output.stderr, /unexpected failure: disk on fire/);
    });
  });
});
