import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openStore } from '../../../src/api/open-store';
import { TailorStandIn } from '../../support/tailor-stand-in';
import { remoteStoreEnvironment, runRemoteStoreCli } from './remote-store-cli';

const WORKSPACE = '2f1c6a8e-5b0d-4c3e-9a7f-1d2e3f4a5b6c';
const TOKEN = 'cli-stand-in-token';
const CANARY = 'canary-tailor-cli-Qm3p-never-shown';

/** `--store tailor` against a local stand-in for Tailor's Operator API (the cloud cannot run here). */
describe('cli with --store tailor', () => {
  let standIn: TailorStandIn;
  let home: string;
  let env: NodeJS.ProcessEnv;
  let printed: string;

  beforeEach(async () => {
    standIn = await TailorStandIn.start({ tokens: [TOKEN] });
    home = mkdtempSync(path.join(tmpdir(), 'secret-manager-cli-tailor-'));
    env = remoteStoreEnvironment(home, {
      TAILOR_PLATFORM_TOKEN: TOKEN,
      TAILOR_PLATFORM_URL: standIn.url,
    });
    printed = '';
  });
  afterEach(async () => {
    await standIn.close();
    rmSync(home, { recursive: true, force: true });
  });

  async function cli(argv: string[], stdin?: string) {
    const result = await runRemoteStoreCli(['--store', 'tailor', '--workspace-id', WORKSPACE], argv, env, stdin);
    printed += result.stdout + result.stderr;
    return result;
  }

  it('manages vaults and secrets through the platform API', async () => {
    assert.equal((await cli(['vault', 'create', 'api-keys'])).code, 0);
    const created = await cli(['secret', 'create', '--vault-name', 'api-keys', '--name', 'stripe-key', '--json'], `${CANARY}\n`);
    assert.equal(created.code, 0, created.stderr);
    assert.equal(JSON.parse(created.stdout).name, 'stripe-key');
    assert.equal(standIn.storedValue(WORKSPACE, 'api-keys', 'stripe-key'), CANARY);

    const updated = await cli(['secret', 'update', '--vault-name', 'api-keys', '--name', 'stripe-key', '--value-stdin'], 'rotated');
    assert.equal(updated.code, 0, updated.stderr);
    assert.equal(standIn.storedValue(WORKSPACE, 'api-keys', 'stripe-key'), 'rotated');

    const listed = await cli(['secret', 'list', '--vault-name', 'api-keys', '--json']);
    assert.deepEqual(JSON.parse(listed.stdout).map((secret: { name: string }) => secret.name), ['stripe-key']);
    const vaults = await cli(['vault', 'list', '--json']);
    assert.deepEqual(JSON.parse(vaults.stdout).map((vault: { name: string }) => vault.name), ['api-keys']);

    assert.equal((await cli(['secret', 'delete', '--vault-name', 'api-keys', '--name', 'stripe-key', '--yes'])).code, 0);
    assert.equal((await cli(['vault', 'delete', 'api-keys', '--yes'])).code, 0);
    assert.deepEqual(JSON.parse((await cli(['vault', 'list', '--json'])).stdout), []);
    assert.ok(!printed.includes(CANARY), 'the value leaked');
  });

  it('explains that `secret get` cannot work because the platform does not return values', async () => {
    await cli(['vault', 'create', 'api-keys']);
    await cli(['secret', 'create', '--vault-name', 'api-keys', '--name', 'stripe-key'], CANARY);
    const result = await cli(['secret', 'get', '--vault-name', 'api-keys', '--name', 'stripe-key']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /cannot show a secret value: the platform never returns secret values/);
    assert.equal(result.stdout, '');
    for (const argv of [
      ['secret', 'versions', '--vault-name', 'api-keys', '--name', 'stripe-key'],
      ['secret', 'rollback', '--vault-name', 'api-keys', '--name', 'stripe-key', '--version', '1'],
      ['audit'],
    ]) {
      const refused = await cli([...argv, '--json']);
      assert.equal(refused.code, 1, argv.join(' '));
      assert.equal(JSON.parse(refused.stdout).error.code, 'unsupported');
    }
    assert.ok(!printed.includes(CANARY));
  });

  it('records a fingerprint of what it writes, so leaks can be matched', async () => {
    await cli(['vault', 'create', 'api-keys']);
    await cli(['secret', 'create', '--vault-name', 'api-keys', '--name', 'stripe-key'], CANARY);
    const client = await openStore({ kind: 'tailor', workspaceId: WORKSPACE, env, keychain: 'off' });
    try {
      const matcher = await client.fingerprintMatcher();
      assert.deepEqual(matcher(CANARY), [{ vault: 'api-keys', key: 'stripe-key' }]);
      assert.deepEqual(matcher('some other literal'), []);
    } finally {
      await client.close();
    }
  });

  it('shows the connection in status, without a key source', async () => {
    await cli(['vault', 'create', 'api-keys']);
    const status = JSON.parse((await cli(['status', '--json'])).stdout);
    assert.equal(status.store.kind, 'tailor');
    assert.equal(status.store.id, `tailor:${WORKSPACE}`);
    assert.equal(status.vaults, 1);
    assert.equal(status.keySource, undefined);
    assert.equal(status.capabilities.reveal, false);
  });

  it('fails clearly without a login', async () => {
    env = { HOME: home, XDG_CONFIG_HOME: path.join(home, 'config') };
    const result = await cli(['vault', 'list']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^Error: \S/);
    assert.match(result.stderr, /Hint: /);
  });

  it('prints a hostile server error without the token or the value, with control characters escaped, cut short, in text and --json', async () => {
    assert.equal((await cli(['vault', 'create', 'api-keys'])).code, 0);
    const hostile = `bad request from ${TOKEN} for ${CANARY}\n\u001b]0;retitled\u0007Error: forged line${'x'.repeat(5000)}`;
    for (const json of [false, true]) {
      standIn.replyNextWith('CreateSecretManagerSecret', 400, JSON.stringify({ code: 'invalid_argument', message: hostile }));
      const result = await cli(['secret', 'create', '--vault-name', 'api-keys', '--name', 'stripe-key', ...(json ? ['--json'] : [])], `${CANARY}\n`);
      assert.notEqual(result.code, 0);
      const shown = json ? (JSON.parse(result.stdout) as { error: { message: string } }).error.message : result.stderr;
      assert.match(shown, /bad request from/, 'the server words are shown');
      assert.ok(!shown.includes(TOKEN), 'the token is redacted');
      assert.ok(!shown.includes(CANARY), 'the value is redacted');
      assert.doesNotMatch(shown, /[\u0000-\u0009\u000b-\u001f\u007f]/, 'no control character but the final newline');
      assert.doesNotMatch(shown, /^Error: forged line/m, 'the server cannot start a line');
      assert.ok(shown.length < 1000, `cut short (${shown.length} characters)`);
    }
  });
});
