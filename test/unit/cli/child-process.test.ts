import assert from 'node:assert/strict';
import { runChildProcess } from '../../../src/cli/child-process';
import { createMemoryIo } from './memory-io';

const VALUE = ['child', 'value', 'Xy12'].join('-');

describe('cli/child-process', function () {
  this.timeout(30_000);

  async function runNode(script: string, maskedValues?: readonly string[]) {
    const io = createMemoryIo();
    const code = await runChildProcess({ command: process.execPath, args: ['-e', script], env: { ...process.env, VALUE }, maskedValues }, io);
    return { code, ...io.output };
  }

  it('resolves to the exit code', async () => {
    assert.equal((await runNode('process.exit(3)')).code, 3);
  });

  it('resolves to 128 + the signal number when a signal ends the child', async () => {
    assert.equal((await runNode('process.kill(process.pid, "SIGKILL")')).code, 128 + 9);
  });

  it('masks values in both streams, even one written a byte at a time', async () => {
    const script = 'const v = Buffer.from(process.env.VALUE); let i = 0; const t = setInterval(() => { if (i < v.length) process.stdout.write(v.subarray(i, ++i)); else { clearInterval(t); console.error(process.env.VALUE); } }, 2)';
    const result = await runNode(script, [VALUE]);
    assert.equal(result.stdout, '<concealed by secret-manager>');
    assert.equal(result.stderr, '<concealed by secret-manager>\n');
  });

  it('keeps multi-byte characters split across writes whole', async () => {
    const result = await runNode('const b = Buffer.from("é€"); process.stdout.write(b.subarray(0, 1)); setTimeout(() => process.stdout.write(b.subarray(1)), 20)', [VALUE]);
    assert.equal(result.stdout, 'é€');
  });

  it('leaves output alone without values to mask', async () => {
    assert.equal((await runNode('process.stdout.write(process.env.VALUE)')).stdout, VALUE);
  });

  it('rejects when the command cannot start', async () => {
    await assert.rejects(runChildProcess({ command: '/no/such/program', args: [], env: {} }, createMemoryIo()), { code: 'ENOENT' });
  });
});
