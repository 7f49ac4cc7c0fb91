import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NAME_RULE } from '../../../../src/core/model';
import type { SecretStore } from '../../../../src/core/store';
import { openTailorStore, type TailorStoreOptions } from '../../../../src/core/stores/tailor';
import { rejectsWith } from '../../../support/rejects-with';
import { TailorStandIn } from '../../../support/tailor-stand-in';

const WORKSPACE = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const TOKEN = 'stand-in-token';
const CANARY = 'canary-9f2b7c41-value-never-shown';

describe('core/stores/tailor', () => {
  let standIn: TailorStandIn;
  const open = (options: Partial<TailorStoreOptions> = {}): Promise<SecretStore> =>
    openTailorStore({
      token: TOKEN,
      workspaceId: WORKSPACE,
      baseUrl: standIn.url,
      env: {},
      retryDelayMs: 1,
      fingerprints: false,
      ...options,
    });

  beforeEach(async () => {
    standIn = await TailorStandIn.start({ tokens: [TOKEN] });
  });
  afterEach(async () => {
    await standIn.close();
  });

  describe('vaults and secrets', () => {
    it('creates, lists, describes, updates and deletes through the Connect API', async () => {
      const store = await open();
      assert.equal(store.kind, 'tailor');
      const vault = await store.createVault('api-keys');
      assert.equal(vault.name, 'api-keys');
      assert.match(vault.createdAt, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/);
      assert.deepEqual((await store.listVaults()).map((each) => each.name), ['api-keys']);

      const created = await store.createSecret({ vault: 'api-keys', key: 'stripe-key', value: 'first-value' });
      assert.equal(created.name, 'stripe-key');
      assert.equal(created.vault, 'api-keys');
      assert.equal(created.version, undefined);
      assert.equal(standIn.storedValue(WORKSPACE, 'api-keys', 'stripe-key'), 'first-value');

      const updated = await store.updateSecret({ vault: 'api-keys', key: 'stripe-key', value: 'second-value' });
      assert.equal(standIn.storedValue(WORKSPACE, 'api-keys', 'stripe-key'), 'second-value');
      assert.ok(updated.updatedAt > created.updatedAt, 'the update time moves forward');
      assert.equal(updated.createdAt, created.createdAt);

      const described = await store.describeSecret({ vault: 'api-keys', key: 'stripe-key' });
      assert.deepEqual(described, updated);
      assert.deepEqual((await store.listSecrets('api-keys')).map((each) => each.name), ['stripe-key']);

      await store.deleteSecret({ vault: 'api-keys', key: 'stripe-key' });
      assert.deepEqual(await store.listSecrets('api-keys'), []);
      await store.deleteVault('api-keys');
      assert.deepEqual(await store.listVaults(), []);
    });

    it('reports a missing secret and a duplicate vault with the product errors', async () => {
      const store = await open();
      await store.createVault('api-keys');
      await rejectsWith(store.createVault('api-keys'), 'already-exists', /Vault "api-keys" already exists/);
      await rejectsWith(store.describeSecret({ vault: 'api-keys', key: 'nothing' }), 'not-found', /api-keys\/nothing/);
      await rejectsWith(store.listSecrets('no-such-vault'), 'not-found', /Vault "no-such-vault"/);
      await rejectsWith(
        store.describeSecret({ vault: 'no-such-vault', key: 'k-1' }),
        'not-found',
        /Secret no-such-vault\/k-1 was not found\. \(Tailor Platform: vault "no-such-vault" not found\)/,
      );
    });

    it('declares no reveal, versions, rollback or metadata, and refuses them clearly', async () => {
      const store = await open();
      assert.deepEqual(store.capabilities, { reveal: false, versions: false, rollback: false, metadata: false, audit: false });
      await rejectsWith(store.revealSecret({ vault: 'api-keys', key: 'stripe-key' }), 'unsupported', /platform does not return values/);
      await rejectsWith(store.listVersions({ vault: 'api-keys', key: 'stripe-key' }), 'unsupported', /no earlier versions/);
      await rejectsWith(store.rollbackSecret({ vault: 'api-keys', key: 'stripe-key' }, 1), 'unsupported', /no earlier versions/);
      await rejectsWith(
        store.updateSecret({ vault: 'api-keys', key: 'stripe-key', value: 'x', expectedVersion: 2 }),
        'unsupported',
        /expected version/,
      );
      assert.deepEqual(await store.readAudit(), []);
      assert.equal(standIn.log.length, 0, 'nothing was sent to the platform');
    });
  });

  describe('errors from the platform', () => {
    it('maps a 401 to "unauthenticated" with the login hint', async () => {
      const store = await open({ token: 'not-the-right-token' });
      const error = await rejectsWith(store.listVaults(), 'unauthenticated', /Run `tailor-sdk login`/);
      assert.match(error.message, /ListSecretManagerVaults/);
      assert.doesNotMatch(error.message, /not-the-right-token/);
      assert.equal(standIn.calls('ListSecretManagerVaults'), 1, 'a 401 is not retried');
    });

    it('maps permission_denied', async () => {
      await standIn.close();
      standIn = await TailorStandIn.start({ tokens: [TOKEN], workspaces: ['11111111-2222-4333-8444-555555555555'] });
      const store = await open();
      await rejectsWith(store.listVaults(), 'permission-denied', /denied ListSecretManagerVaults/);
    });

    it("refuses another profile's token: a token works only in its own workspaces", async () => {
      await standIn.close();
      const otherWorkspace = '11111111-2222-4333-8444-555555555555';
      standIn = await TailorStandIn.start({ tokenWorkspaces: { [TOKEN]: [otherWorkspace], 'token-of-this-workspace': [WORKSPACE] } });
      standIn.seedVault(WORKSPACE, 'api-keys');
      await rejectsWith((await open()).listVaults(), 'permission-denied', /denied ListSecretManagerVaults/);
      const rightToken = await open({ token: 'token-of-this-workspace' });
      assert.deepEqual((await rightToken.listVaults()).map((vault) => vault.name), ['api-keys']);
    });

    it('retries a List after a 503 and recovers', async () => {
      const store = await open({ retries: 3 });
      standIn.seedVault(WORKSPACE, 'api-keys');
      standIn.failNext(2, { method: 'ListSecretManagerVaults' });
      assert.deepEqual((await store.listVaults()).map((vault) => vault.name), ['api-keys']);
      assert.equal(standIn.calls('ListSecretManagerVaults'), 3);
    });

    it('gives up after the retries when the 503 persists', async () => {
      const store = await open({ retries: 2 });
      standIn.failNext(10, { method: 'GetSecretManagerSecret' });
      await rejectsWith(store.describeSecret({ vault: 'api-keys', key: 'k-1' }), 'unavailable', /unavailable \(GetSecretManagerSecret\)/);
      assert.equal(standIn.calls('GetSecretManagerSecret'), 3, 'one attempt and two retries');
    });

    it('never retries a Create, even on a 503', async () => {
      const store = await open({ retries: 3 });
      standIn.seedVault(WORKSPACE, 'api-keys');
      standIn.failNext(1, { method: 'CreateSecretManagerSecret' });
      await rejectsWith(store.createSecret({ vault: 'api-keys', key: 'stripe-key', value: 'v-1' }), 'unavailable');
      assert.equal(standIn.calls('CreateSecretManagerSecret'), 1);
      assert.equal(standIn.storedValue(WORKSPACE, 'api-keys', 'stripe-key'), undefined);
    });

    it('retries a List when the connection is refused, then names the cause', async () => {
      const closedPort = await unusedPort();
      let attempts = 0;
      const countingFetch: typeof fetch = (input, init) => {
        attempts++;
        return fetch(input, init);
      };
      const store = await open({ baseUrl: `http://127.0.0.1:${closedPort}`, fetch: countingFetch, retries: 2 });
      await rejectsWith(store.listVaults(), 'unavailable', /Could not reach Tailor Platform .*ECONNREFUSED/);
      assert.equal(attempts, 3);
      attempts = 0;
      await rejectsWith(store.createVault('api-keys'), 'unavailable', /ECONNREFUSED/);
      assert.equal(attempts, 1, 'a Create is not retried after a network error either');
    });

    it('times out a slow server and names the method', async () => {
      const store = await open({ timeoutMs: 150 });
      standIn.delayMs = 1_000;
      const started = Date.now();
      await rejectsWith(store.listVaults(), 'timeout', /did not answer ListSecretManagerVaults within 150 ms/);
      assert.ok(Date.now() - started < 900, 'the call gave up at the timeout, not when the server answered');
      assert.equal(standIn.calls('ListSecretManagerVaults'), 1, 'a timeout is not retried');
    });

    it('rejects a malformed reply with a clear error naming the method', async () => {
      const store = await open();
      standIn.replyNextWith('ListSecretManagerVaults', 200, '{"vaults":[{"title":"api-keys"}]}');
      await rejectsWith(store.listVaults(), 'unavailable', /malformed reply to ListSecretManagerVaults: vaults\.0\.name/);
      standIn.replyNextWith('GetSecretManagerSecret', 200, '<html>gateway</html>');
      await rejectsWith(store.describeSecret({ vault: 'api-keys', key: 'k-1' }), 'unavailable', /malformed reply to GetSecretManagerSecret: the body is not JSON/);
      standIn.replyNextWith('CreateSecretManagerVault', 404, '<html>no route</html>');
      await rejectsWith(store.createVault('api-keys'), 'not-found', /Vault "api-keys"/);
    });
  });

  describe('paging', () => {
    const names = Array.from({ length: 95 }, (_, index) => `secret-${String(index).padStart(3, '0')}`);
    beforeEach(() => {
      standIn.seedVault(WORKSPACE, 'big-vault', Object.fromEntries(names.map((name) => [name, `value-of-${name}`])));
    });

    it('lists a 95-secret vault over several pages, in order, without duplicates', async () => {
      const store = await open({ pageSize: 30 });
      const listed = await store.listSecrets('big-vault');
      assert.deepEqual(listed.map((secret) => secret.name), names);
      assert.equal(standIn.calls('ListSecretManagerSecrets'), 4);
    });

    it('follows the server cap when it returns fewer than asked', async () => {
      const store = await open();
      assert.equal((await store.listSecrets('big-vault')).length, 95);
      assert.equal(standIn.calls('ListSecretManagerSecrets'), 2, 'the stand-in caps pages at 50');
    });
  });

  describe('names', () => {
    it('checks names before calling, stating the rule', async () => {
      const store = await open();
      const error = await rejectsWith(store.createVault('API_Keys'), 'invalid-input');
      assert.ok(error.message.includes(NAME_RULE));
      await rejectsWith(store.createSecret({ vault: 'api-keys', key: 'no', value: 'x' }), 'invalid-input', /too short/);
      assert.equal(standIn.log.length, 0, 'nothing reached the platform');
    });
  });

  describe('deleting a vault', () => {
    it('refuses a non-empty vault and says how many secrets it holds', async () => {
      const store = await open();
      standIn.seedVault(WORKSPACE, 'api-keys', { a11: '1', b22: '2', c33: '3' });
      await rejectsWith(store.deleteVault('api-keys'), 'vault-not-empty', /still holds 3 secrets/);
      assert.equal(standIn.calls('DeleteSecretManagerVault'), 0);
    });

    for (const refusal of ['failed_precondition', 'invalid_argument', 'permission_denied']) {
      it(`maps a ${refusal} refusal, when a secret appears between the check and the delete, to the vault's count`, async () => {
        await standIn.close();
        standIn = await TailorStandIn.start({ tokens: [TOKEN], nonEmptyVaultRefusal: refusal });
        const racingFetch: typeof fetch = async (input, init) => {
          if (String(input).endsWith('/DeleteSecretManagerVault')) standIn.seedVault(WORKSPACE, 'api-keys', { late: 'x', later: 'y' });
          return fetch(input, init);
        };
        const store = await open({ fetch: racingFetch });
        standIn.seedVault(WORKSPACE, 'api-keys');
        await rejectsWith(store.deleteVault('api-keys'), 'vault-not-empty', /still holds 2 secrets\./);
        assert.ok(standIn.log.some((line) => line.startsWith(`DeleteSecretManagerVault 4`) && line.endsWith(refusal)));
      });
    }

    it('passes on a refusal that is not about contents: the vault is still empty', async () => {
      const store = await open();
      standIn.seedVault(WORKSPACE, 'api-keys');
      standIn.failNext(1, { method: 'DeleteSecretManagerVault', code: 'permission_denied', message: 'not yours' });
      await rejectsWith(store.deleteVault('api-keys'), 'permission-denied');
    });
  });

  describe('secret values', () => {
    it('never puts a value in an error, even when the server echoes it', async () => {
      const store = await open();
      standIn.seedVault(WORKSPACE, 'api-keys');
      standIn.failNext(1, { method: 'CreateSecretManagerSecret', code: 'invalid_argument', message: `value "${CANARY}" is not allowed` });
      const rejected = await rejectsWith(store.createSecret({ vault: 'api-keys', key: 'stripe-key', value: CANARY }), 'invalid-input');
      assert.ok(!rejected.message.includes(CANARY));
      assert.match(rejected.message, /\[redacted\]/);

      const failures: Error[] = [];
      await store.createSecret({ vault: 'api-keys', key: 'stripe-key', value: CANARY });
      failures.push(await rejectsWith(store.createSecret({ vault: 'api-keys', key: 'stripe-key', value: CANARY }), 'already-exists'));
      failures.push(await rejectsWith(store.updateSecret({ vault: 'api-keys', key: 'missing', value: CANARY }), 'not-found'));
      failures.push(await rejectsWith(store.createSecret({ vault: 'nope-vault', key: 'k-1', value: CANARY }), 'not-found'));
      standIn.delayMs = 300;
      const slow = await open({ timeoutMs: 50 });
      failures.push(await rejectsWith(slow.updateSecret({ vault: 'api-keys', key: 'stripe-key', value: CANARY }), 'timeout'));
      for (const failure of failures) {
        assert.ok(!failure.message.includes(CANARY), failure.message);
        assert.ok(!(failure.stack ?? '').includes(CANARY));
      }
      assert.ok(standIn.log.length > 0);
      assert.ok(standIn.log.every((line) => !line.includes(CANARY)), 'the stand-in log holds no value');
      assert.equal(standIn.storedValue(WORKSPACE, 'api-keys', 'stripe-key'), CANARY, 'the value did reach the platform');
    });

    it('records written values in the fingerprint ledger and forgets deleted ones', async () => {
      const recorded = new Map<string, string>();
      const store = await open({
        fingerprints: {
          async record(reference, value) {
            recorded.set(`${reference.vault}/${reference.key}`, value);
          },
          async forget(reference) {
            recorded.delete(`${reference.vault}/${reference.key}`);
          },
          async matcher() {
            return (literal) =>
              [...recorded].filter(([, value]) => value === literal).map(([name]) => {
                const [vault, key] = name.split('/');
                return { vault, key };
              });
          },
        },
      });
      standIn.seedVault(WORKSPACE, 'api-keys');
      await store.createSecret({ vault: 'api-keys', key: 'stripe-key', value: 'value-one' });
      await store.updateSecret({ vault: 'api-keys', key: 'stripe-key', value: 'value-two' });
      const matcher = await store.fingerprintMatcher();
      assert.deepEqual(matcher('value-two'), [{ vault: 'api-keys', key: 'stripe-key' }]);
      assert.deepEqual(matcher('value-one'), []);
      await store.deleteSecret({ vault: 'api-keys', key: 'stripe-key' });
      assert.deepEqual((await store.fingerprintMatcher())('value-two'), []);
    });
  });
});

describe('core/stores/tailor with the default fingerprint ledger', () => {
  let standIn: TailorStandIn;
  let storeHome: string;
  beforeEach(async () => {
    standIn = await TailorStandIn.start({ tokens: [TOKEN] });
    standIn.seedVault(WORKSPACE, 'api-keys');
    storeHome = await mkdtemp(join(tmpdir(), 'tailor-ledger-'));
  });
  afterEach(async () => {
    await standIn.close();
    await rm(storeHome, { recursive: true, force: true });
  });

  it('keeps keyed fingerprints in the local store home, never the value', async () => {
    const env = { SECRET_MANAGER_HOME: storeHome, SECRET_MANAGER_PASSPHRASE: 'ledger test passphrase' };
    const warnings: string[] = [];
    const store = await openTailorStore({ token: TOKEN, workspaceId: WORKSPACE, baseUrl: standIn.url, env, id: 'tailor:ledger-test', onWarning: (message) => warnings.push(message) });
    await store.createSecret({ vault: 'api-keys', key: 'stripe-key', value: CANARY });
    assert.deepEqual((await store.fingerprintMatcher())(CANARY), [{ vault: 'api-keys', key: 'stripe-key' }]);
    assert.deepEqual(warnings, []);
    const reopened = await openTailorStore({ token: TOKEN, workspaceId: WORKSPACE, baseUrl: standIn.url, env, id: 'tailor:ledger-test' });
    assert.deepEqual((await reopened.fingerprintMatcher())(CANARY), [{ vault: 'api-keys', key: 'stripe-key' }], 'the ledger persists');
    for (const file of await readdir(storeHome, { recursive: true })) {
      const path = join(storeHome, String(file));
      if ((await stat(path)).isFile()) assert.ok(!(await readFile(path, 'utf8')).includes(CANARY), `${String(file)} holds the value`);
    }
  });

  it('still writes, and warns once, when the ledger cannot be opened', async () => {
    const notAFolder = join(storeHome, 'file');
    await writeFile(notAFolder, 'x');
    const warnings: string[] = [];
    const store = await openTailorStore({
      token: TOKEN,
      workspaceId: WORKSPACE,
      baseUrl: standIn.url,
      env: { SECRET_MANAGER_PASSPHRASE: 'p passphrase, long enough' },
      storeHome: notAFolder,
      onWarning: (message) => warnings.push(message),
    });
    await store.createSecret({ vault: 'api-keys', key: 'k-1', value: CANARY });
    await store.updateSecret({ vault: 'api-keys', key: 'k-1', value: CANARY });
    assert.equal(standIn.storedValue(WORKSPACE, 'api-keys', 'k-1'), CANARY);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /Leak matching is off/);
    assert.ok(!warnings[0].includes(CANARY));
    assert.deepEqual((await store.fingerprintMatcher())(CANARY), []);
  });

  it('touches the local home only when a value is written, not to list', async () => {
    const env = { SECRET_MANAGER_HOME: storeHome, SECRET_MANAGER_PASSPHRASE: 'ledger test passphrase' };
    const store = await openTailorStore({ token: TOKEN, workspaceId: WORKSPACE, baseUrl: standIn.url, env, id: 'tailor:ledger-test', keychain: 'off' });
    assert.deepEqual((await store.listVaults()).map((vault) => vault.name), ['api-keys']);
    assert.deepEqual(await readdir(storeHome), []);
    await store.createSecret({ vault: 'api-keys', key: 'stripe-key', value: CANARY });
    assert.notDeepEqual(await readdir(storeHome), []);
  });

  it('turns leak matching off with one warning, naming the cause, when the passphrase does not unlock the home', async () => {
    const env = (passphrase: string) => ({ SECRET_MANAGER_HOME: storeHome, SECRET_MANAGER_PASSPHRASE: passphrase });
    const options = { token: TOKEN, workspaceId: WORKSPACE, baseUrl: standIn.url, id: 'tailor:ledger-test', keychain: 'off' } as const;
    const first = await openTailorStore({ ...options, env: env('right passphrase') });
    await first.createSecret({ vault: 'api-keys', key: 'k-1', value: 'first-value' });
    const warnings: string[] = [];
    const store = await openTailorStore({ ...options, env: env('wrong'), onWarning: (message) => warnings.push(message) });
    await store.updateSecret({ vault: 'api-keys', key: 'k-1', value: CANARY });
    await store.deleteSecret({ vault: 'api-keys', key: 'k-1' });
    assert.deepEqual((await store.fingerprintMatcher())(CANARY), []);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /^Leak matching is off for this Tailor connection: The passphrase does not unlock/);
    assert.ok(!warnings[0].includes(CANARY));
  });
});

async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
