import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../../../src/cli/run';
import { createMemoryIo } from './memory-io';

describe('cli/secret update --show-usages', () => {
  let home: string;
  let workspace: string;
  let env: NodeJS.ProcessEnv;

  const write = (name: string, text: string) => {
    mkdirSync(path.dirname(path.join(workspace, name)), { recursive: true });
    writeFileSync(path.join(workspace, name), text);
  };

  beforeEach(async () => {
    home = mkdtempSync(path.join(tmpdir(), 'secret-manager-usages-'));
    workspace = mkdtempSync(path.join(tmpdir(), 'secret-manager-usages-workspace-'));
    env = { SECRET_MANAGER_HOME: home, SECRET_MANAGER_PASSPHRASE: 'usages test passphrase', SECRET_MANAGER_KEYCHAIN: 'off', HOME: home };
    assert.equal(await runCli(['vault', 'create', 'api-keys'], createMemoryIo({ env })), 0);
    assert.equal(await runCli(['secret', 'create', '--vault-name', 'api-keys', '--name', 'stripe-key'], createMemoryIo({ env, stdin: 'first value\n' })), 0);
    for (const executor of ['charge-on-order', 'refund-order', 'send-receipt']) {
      write(`executors/${executor}.ts`, `export default async () => {\n  const key = await tailor.secretmanager.getSecret("api-keys", "stripe-key");\n  return key;\n};\n`);
    }
    write('executors/unrelated.ts', 'export default async () => tailor.secretmanager.getSecret("api-keys", "github-token");\n');
    write('src/resolvers/refund.ts', 'export const r = () => tailor.secretmanager.getSecret("api-keys", "stripe-key");\n');
    write('.vscode/launch.json', '{ // debug\n "inputs": [{ "id": "stripeKey", "type": "command", "command": "secretManager.resolve", "args": "api-keys/stripe-key" }] }\n');
  });
  afterEach(() => {
    rmSync(home, { recursive: true, force: true });
    rmSync(workspace, { recursive: true, force: true });
  });

  it('lists what the rotation touches, then rotates', async () => {
    const io = createMemoryIo({ env, stdin: 'second value\n', cwd: workspace });
    assert.equal(await runCli(['secret', 'update', '--vault-name', 'api-keys', '--name', 'stripe-key', '--show-usages'], io), 0, io.output.stderr);
    assert.equal(
      io.output.stdout,
      'api-keys/stripe-key: Used by 3 executors: charge-on-order, refund-order, send-receipt; 1 resolver: refund; 1 launch input: stripeKey.\nUpdated secret api-keys/stripe-key (now version 2).\n',
    );
    assert.ok(!io.output.stdout.includes('second value'));
  });

  it('looks under the PATH given, carries the usages in JSON, and refuses a PATH without --show-usages', async () => {
    const io = createMemoryIo({ env, stdin: 'third value\n', cwd: home });
    assert.equal(await runCli(['secret', 'update', '--vault-name', 'api-keys', '--name', 'stripe-key', '--show-usages', path.join(workspace, 'src'), '--json'], io), 0, io.output.stderr);
    assert.deepEqual(JSON.parse(io.output.stdout).usages, [{ kind: 'resolver', name: 'refund' }]);

    const refused = createMemoryIo({ env, stdin: 'x\n', cwd: workspace });
    assert.equal(await runCli(['secret', 'update', '--vault-name', 'api-keys', '--name', 'stripe-key', 'src'], refused), 2);
    assert.match(refused.output.stderr, /takes no arguments besides --show-usages \[PATH\]/);
    const missing = createMemoryIo({ env, stdin: 'x\n', cwd: workspace });
    assert.equal(await runCli(['secret', 'update', '--vault-name', 'api-keys', '--name', 'stripe-key', '--show-usages', 'no-such-folder'], missing), 2);
    assert.match(missing.output.stderr, /no-such-folder is not one/);
  });
});
