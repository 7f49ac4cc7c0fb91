import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../../../src/cli/run';
import { createMemoryIo } from './memory-io';

describe('cli restore', () => {
  let home: string;
  let env: NodeJS.ProcessEnv;

  beforeEach(() => {
    home = mkdtempSync(path.join(tmpdir(), 'secret-manager-cli-restore-'));
    env = { SECRET_MANAGER_HOME: home, SECRET_MANAGER_PASSPHRASE: 'restore test passphrase', SECRET_MANAGER_KEYCHAIN: 'off', HOME: home };
  });
  afterEach(() => rmSync(home, { recursive: true, force: true }));

  async function cli(argv: string[], stdin?: string) {
    const io = createMemoryIo({ env, stdin });
    const code = await runCli(argv, io);
    return { code, ...io.output };
  }

  async function vaultNames(): Promise<string[]> {
    const listed = await cli(['vault', 'list', '--json']);
    assert.equal(listed.code, 0, listed.stderr);
    return (JSON.parse(listed.stdout) as Array<{ name: string }>).map((vault) => vault.name);
  }

  it('refuses an older store file copied over, and uses it after --accept-current', async () => {
    await cli(['vault', 'create', 'kept']);
    await cli(['vault', 'create', 'deleted']);
    await cli(['vault', 'delete', 'deleted', '--yes']);
    copyFileSync(path.join(home, 'store.json.bak'), path.join(home, 'store.json'));

    const refused = await cli(['vault', 'list']);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /older than the last one Secret Manager saved/);
    assert.match(refused.stderr, /secret-manager restore --accept-current/);

    const accepted = await cli(['restore', '--accept-current']);
    assert.equal(accepted.code, 0, accepted.stderr);
    assert.match(accepted.stdout, /Accepted .*store\.json as the current store \(generation 2\)/);
    assert.deepEqual(await vaultNames(), ['deleted', 'kept']);
  });

  it('--from-backup puts store.json.bak in place, keeping the replaced file aside', async () => {
    await cli(['vault', 'create', 'first']);
    await cli(['vault', 'create', 'second']);
    const restored = await cli(['restore', '--from-backup', '--json']);
    assert.equal(restored.code, 0, restored.stderr);
    const reply = JSON.parse(restored.stdout) as { generation: number; setAside: string };
    assert.equal(reply.generation, 1);
    assert.ok(readdirSync(home).includes(path.basename(reply.setAside)));
    assert.deepEqual(await vaultNames(), ['first']);
  });

  it('needs exactly one of --from-backup and --accept-current', async () => {
    for (const argv of [['restore'], ['restore', '--from-backup', '--accept-current']]) {
      const result = await cli(argv);
      assert.equal(result.code, 2);
      assert.match(result.stderr, /restore needs either --from-backup or --accept-current/);
    }
  });
});
