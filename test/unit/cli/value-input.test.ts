import assert from 'node:assert/strict';
import { UsageError } from '../../../src/cli/arguments';
import { readSecretValue } from '../../../src/cli/value-input';
import { Readable } from 'node:stream';
import { InvalidInputError } from '../../../src/core/model';
import { createMemoryIo } from './memory-io';

describe('cli/value-input', () => {
  it('reads --value-stdin and drops exactly one trailing newline', async () => {
    assert.equal(await readSecretValue('secret create', { valueStdin: true }, createMemoryIo({ stdin: 'abc\n\n' })), 'abc\n');
    assert.equal(await readSecretValue('secret create', { valueStdin: true }, createMemoryIo({ stdin: 'abc\r\n' })), 'abc');
    assert.equal(await readSecretValue('secret create', { valueStdin: true }, createMemoryIo({ stdin: 'a b\nc' })), 'a b\nc');
  });

  it('reads piped stdin when neither --value nor --value-stdin is given', async () => {
    const io = createMemoryIo({ stdin: 'piped-value\n', terminal: false });
    assert.equal(await readSecretValue('secret create', {}, io), 'piped-value');
    assert.equal(io.output.stderr, '');
  });

  it('takes --value but warns about shell history, without echoing the value', async () => {
    const io = createMemoryIo();
    assert.equal(await readSecretValue('secret create', { value: 'canary-in-argv' }, io), 'canary-in-argv');
    assert.match(io.output.stderr, /shell history/);
    assert.ok(!io.output.stderr.includes('canary'));
  });

  it('refuses standard input that is not UTF-8 text instead of storing a mangled value', async () => {
    const io = { ...createMemoryIo(), stdin: Readable.from([Buffer.from([0x63, 0x61, 0x6e, 0xff, 0xfe, 0x00, 0x80])]) };
    await assert.rejects(
      readSecretValue('secret create', { valueStdin: true }, io),
      (error: unknown) => error instanceof InvalidInputError && /not UTF-8 text/.test(error.message) && /base64/.test(error.message),
    );
  });

  it('keeps NUL and newlines inside a UTF-8 value from standard input', async () => {
    const io = createMemoryIo({ stdin: 'a\u0000b\nc\u00e9\n' });
    assert.equal(await readSecretValue('secret create', { valueStdin: true }, io), 'a\u0000b\nc\u00e9');
  });

  it('refuses --value together with --value-stdin', async () => {
    await assert.rejects(
      readSecretValue('secret create', { value: 'x', valueStdin: true }, createMemoryIo()),
      (error: unknown) => error instanceof UsageError && /not both/.test(error.message),
    );
  });

  it('asks for a value when stdin is a terminal and none was given', async () => {
    await assert.rejects(
      readSecretValue('secret update', {}, createMemoryIo({ terminal: true })),
      (error: unknown) => error instanceof UsageError && error.command === 'secret update' && /needs a value/.test(error.message),
    );
  });

  it('reads a typed value from a terminal with --value-stdin, after saying how to end it', async () => {
    const io = createMemoryIo({ terminal: true, stdin: 'typed\n' });
    assert.equal(await readSecretValue('secret create', { valueStdin: true }, io), 'typed');
    assert.match(io.output.stderr, /Ctrl-D/);
  });

  it('stops reading standard input past 64 KiB and says so, rather than growing without end', async () => {
    let produced = 0;
    // 8 MiB of bytes that are not UTF-8, as from /dev/urandom: the length must be what is reported.
    const endless = new Readable({
      read() {
        if (produced >= 8 * 1024 * 1024) return void this.push(null);
        produced += 16 * 1024;
        this.push(Buffer.alloc(16 * 1024, 0xff));
      },
    });
    const io = { ...createMemoryIo(), stdin: endless };
    await assert.rejects(
      readSecretValue('secret create', { valueStdin: true }, io),
      (error: unknown) => error instanceof InvalidInputError && /longer than 64 KiB/.test(error.message),
    );
    assert.ok(produced <= 256 * 1024, `read ${produced} bytes`);
    assert.ok(endless.destroyed, 'standard input is let go');
  });

  it('still takes a value of exactly 64 KiB with its trailing newline', async () => {
    const value = 'v'.repeat(64 * 1024);
    assert.equal(await readSecretValue('secret create', { valueStdin: true }, createMemoryIo({ stdin: `${value}\r\n` })), value);
  });
});
