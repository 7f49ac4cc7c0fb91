import assert from 'node:assert/strict';
import { openStore } from '../../../src/api/open-store';
import { takeGenerateOption } from '../../../src/cli/generate-option';
import { runCli } from '../../../src/cli/run';
import { environmentWithoutKeychain, makeTemporaryHome } from '../helpers/temporary-home';
import { createMemoryIo } from './memory-io';

describe('cli/generate-option', () => {
  it('takes --generate with or without a length out of the arguments', () => {
    assert.deepEqual(takeGenerateOption('secret create', ['--name', 'n', '--generate']), { rest: ['--name', 'n'], length: 32 });
    assert.deepEqual(takeGenerateOption('secret create', ['--generate', '48', '--name', 'n']), { rest: ['--name', 'n'], length: 48 });
    assert.deepEqual(takeGenerateOption('secret create', ['--generate=20']), { rest: [], length: 20 });
    assert.deepEqual(takeGenerateOption('secret create', ['--name', 'n']), { rest: ['--name', 'n'], length: undefined });
  });

  it('refuses a bad length, and --generate twice', () => {
    assert.throws(() => takeGenerateOption('secret create', ['--generate', '8']), /--generate 8: A generated value is 16 to 4096/);
    assert.throws(() => takeGenerateOption('secret create', ['--generate=abc']), /--generate abc/);
    assert.throws(() => takeGenerateOption('secret create', ['--generate', '--generate']), /given twice/);
  });

  describe('through secret create and update', () => {
    let storeHome: ReturnType<typeof makeTemporaryHome>;
    let env: NodeJS.ProcessEnv;
    beforeEach(() => {
      storeHome = makeTemporaryHome('generate-store-');
      env = { ...environmentWithoutKeychain(), SECRET_MANAGER_HOME: storeHome.home, SECRET_MANAGER_PASSPHRASE: 'generate passphrase' };
    });
    afterEach(() => storeHome.cleanup());

    async function run(...argv: string[]) {
      const io = createMemoryIo({ env });
      return { code: await runCli(argv, io), ...io.output };
    }

    async function stored(): Promise<string> {
      const store = await openStore({ kind: 'local', env });
      try {
        return await store.revealSecret({ vault: 'app-secrets', key: 'session-key' });
      } finally {
        await store.close();
      }
    }

    it('stores a generated value without printing it, and rotates to a new one', async () => {
      await run('vault', 'create', 'app-secrets');
      const created = await run('secret', 'create', '--vault-name', 'app-secrets', '--name', 'session-key', '--generate');
      assert.equal(created.code, 0, created.stderr);
      const first = await stored();
      assert.match(first, /^[A-Za-z0-9_-]{32}$/);
      assert.ok(!created.stdout.includes(first) && !created.stderr.includes(first));
      assert.match(created.stderr, /Generated a 32-character value/);
      const updated = await run('secret', 'update', '--vault-name', 'app-secrets', '--name', 'session-key', '--generate', '64');
      assert.equal(updated.code, 0, updated.stderr);
      const second = await stored();
      assert.equal(second.length, 64);
      assert.notEqual(second, first);
    });

    it('refuses --generate together with a value', async () => {
      const result = await run('secret', 'create', '--vault-name', 'app-secrets', '--name', 'session-key', '--generate', '--value-stdin');
      assert.equal(result.code, 2);
      assert.match(result.stderr, /--generate or a value/);
    });
  });
});
