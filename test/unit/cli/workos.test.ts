import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openStore } from '../../../src/api/open-store';
import { WorkosStandIn } from '../../support/workos-stand-in';
import { remoteStoreEnvironment, runRemoteStoreCli } from './remote-store-cli';

const API_KEY = ['sk', 'test', randomBytes(12).toString('hex')].join('_');
const CANARY = `canary-workos-cli-${randomBytes(4).toString('hex')}-never-shown`;

/** `--store workos` against a local stand-in for the WorkOS Vault API, with WorkOS's own SDK as the client. */
describe('cli with --store workos', () => {
  let standIn: WorkosStandIn;
  let home: string;
  let env: NodeJS.ProcessEnv;
  let printed: string;

  beforeEach(async () => {
    standIn = await WorkosStandIn.start({ apiKeys: [API_KEY] });
    home = mkdtempSync(path.join(tmpdir(), 'secret-manager-cli-workos-'));
    env = remoteStoreEnvironment(home, {
      WORKOS_API_KEY: API_KEY,
      WORKOS_API_URL: standIn.url,
    });
    printed = '';
  });
  afterEach(async () => {
    await standIn.close();
    rmSync(home, { recursive: true, force: true });
  });

  async function cli(argv: string[], stdin?: string) {
    const result = await runRemoteStoreCli(['--store', 'workos'], argv, env, stdin);
    printed += result.stdout + result.stderr;
    return result;
  }

  it('creates, reads, rotates with --expected-version, lists versions, audits and deletes', async () => {
    const created = await cli(['secret', 'create', '--vault-name', 'api-keys', '--name', 'stripe-key', '--json'], `${CANARY}\n`);
    assert.equal(created.code, 0, created.stderr);
    assert.equal(standIn.storedValue('api-keys/stripe-key'), CANARY);
    assert.equal(JSON.parse(created.stdout).version, 1);

    const stale = await cli(['secret', 'update', '--vault-name', 'api-keys', '--name', 'stripe-key', '--expected-version', '2', '--value-stdin'], 'rotated');
    assert.equal(stale.code, 1);
    assert.match(stale.stderr, /version 1, not the expected version 2/);
    const updated = await cli(['secret', 'update', '--vault-name', 'api-keys', '--name', 'stripe-key', '--expected-version', '1', '--value-stdin'], 'rotated');
    assert.equal(updated.code, 0, updated.stderr);
    assert.equal(standIn.storedValue('api-keys/stripe-key'), 'rotated');

    const got = await cli(['secret', 'get', '--vault-name', 'api-keys', '--name', 'stripe-key']);
    assert.equal(got.code, 0, got.stderr);
    assert.equal(got.stdout.trim(), 'rotated');
    const versions = await cli(['secret', 'versions', '--vault-name', 'api-keys', '--name', 'stripe-key', '--json']);
    assert.deepEqual(JSON.parse(versions.stdout).map((version: { version: number }) => version.version), [2, 1]);
    const audit = await cli(['audit', '--json']);
    assert.deepEqual(JSON.parse(audit.stdout).map((record: { action: string }) => record.action), ['secret.create', 'secret.update', 'secret.reveal']);

    assert.equal((await cli(['secret', 'delete', '--vault-name', 'api-keys', '--name', 'stripe-key', '--yes'])).code, 0);
    assert.deepEqual(JSON.parse((await cli(['vault', 'list', '--json'])).stdout), []);
    assert.ok(!printed.includes(CANARY), 'the value leaked');
    assert.ok(!printed.includes(API_KEY), 'the key leaked');
  });

  it('refuses WORKOS_API_URL with plain http to a host other than loopback', async () => {
    env.WORKOS_API_URL = 'http://vault.example.com';
    const result = await cli(['vault', 'list']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /WORKOS_API_URL uses plain http/);
    assert.equal(standIn.requests.length, 0);
  });

  it('the library opens the same store with openStore({ kind: "workos" })', async () => {
    standIn.seed('payments/webhook', CANARY, { organization_id: 'org_1' });
    const client = await openStore({ kind: 'workos', env, keychain: 'off' });
    try {
      assert.equal(client.kind, 'workos');
      assert.deepEqual((await client.listVaults()).map((vault) => vault.name), ['payments']);
      assert.equal(await client.revealSecret({ vault: 'payments', key: 'webhook' }), CANARY);
    } finally {
      await client.close();
    }
  });
});
