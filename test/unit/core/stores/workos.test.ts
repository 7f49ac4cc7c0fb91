import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SecretStore } from '../../../../src/core/store';
import { openWorkosStore, type WorkosStoreOptions } from '../../../../src/core/stores/workos';
import { rejectsWith } from '../../../support/rejects-with';
import { WorkosStandIn } from '../../../support/workos-stand-in';

// Assembled at run time: no key-shaped literal in the repository.
const API_KEY = ['sk', 'test', randomBytes(12).toString('hex')].join('_');
const CANARY = `canary-${randomBytes(6).toString('hex')}-value-never-shown`;

describe('core/stores/workos', () => {
  let standIn: WorkosStandIn;
  let home: string;
  const open = (options: Partial<WorkosStoreOptions> = {}): Promise<SecretStore> =>
    openWorkosStore({ apiKey: API_KEY, baseUrl: standIn.url, env: {}, storeHome: home, fingerprints: false, actor: 'test:runner', ...options });
  const requestsMatching = (pattern: RegExp) => standIn.requests.filter((request) => pattern.test(request));

  beforeEach(async () => {
    standIn = await WorkosStandIn.start({ apiKeys: [API_KEY] });
    home = await mkdtemp(join(tmpdir(), 'workos-store-'));
  });
  afterEach(async () => {
    await standIn.close();
    await rm(home, { recursive: true, force: true });
  });

  describe('vaults and secrets through the SDK', () => {
    it('creates "vault/key" objects, lists, describes, reveals with an audit record, rotates and deletes', async () => {
      const store = await open();
      assert.equal(store.kind, 'workos');
      assert.deepEqual(store.capabilities, { reveal: true, versions: true, rollback: false, metadata: false, audit: true });

      const created = await store.createSecret({ vault: 'api-keys', key: 'stripe-key', value: 'first-value' });
      assert.equal(created.version, 1);
      assert.deepEqual(standIn.objectNames(), ['api-keys/stripe-key']);
      assert.equal(standIn.storedValue('api-keys/stripe-key'), 'first-value');

      assert.deepEqual(await store.listVaults().then((vaults) => vaults.map((vault) => [vault.name, vault.secretCount])), [['api-keys', 1]]);
      assert.deepEqual((await store.listSecrets('api-keys')).map((secret) => secret.name), ['stripe-key']);

      const rotated = await store.updateSecret({ vault: 'api-keys', key: 'stripe-key', value: 'second-value', expectedVersion: 1 });
      assert.equal(rotated.version, 2);
      const described = await store.describeSecret({ vault: 'api-keys', key: 'stripe-key' });
      assert.equal(described.version, 2);
      assert.equal(described.updatedAt, rotated.updatedAt);
      assert.deepEqual((await store.listVersions({ vault: 'api-keys', key: 'stripe-key' })).map((version) => [version.version, version.current]), [
        [2, true],
        [1, false],
      ]);

      assert.equal(await store.revealSecret({ vault: 'api-keys', key: 'stripe-key' }, { purpose: 'copy' }), 'second-value');
      const audit = await store.readAudit();
      assert.deepEqual(audit.map((record) => record.action), ['secret.create', 'secret.update', 'secret.copy']);
      assert.ok(audit.every((record) => record.store === 'workos:default' && record.actor === 'test:runner'));
      const auditText = await readFile(join(home, 'audit.jsonl'), 'utf8');
      assert.ok(!auditText.includes('second-value') && !auditText.includes('first-value'), 'the audit log never holds a value');

      await store.deleteSecret({ vault: 'api-keys', key: 'stripe-key' });
      assert.deepEqual(standIn.objectNames(), []);
      await rejectsWith(store.describeSecret({ vault: 'api-keys', key: 'stripe-key' }), 'not-found', /api-keys/);
    });

    it('shows objects named outside the rule under the default vault, and reaches them by that reference', async () => {
      standIn.seed('plain-name', 'value-one', { organization_id: 'org_1' });
      standIn.seed('Stripe Live Key', 'value-two', { organization_id: 'org_1' });
      standIn.seed('payments/webhook-secret', 'value-three', { organization_id: 'org_1' });
      const store = await open();
      assert.deepEqual((await store.listVaults()).map((vault) => vault.name), ['default', 'payments']);
      const keys = (await store.listSecrets('default')).map((secret) => secret.name);
      assert.equal(keys.length, 2);
      assert.ok(keys.includes('plain-name'));
      const derived = keys.find((key) => key !== 'plain-name')!;
      assert.match(derived, /^stripe-live-key-[0-9a-f]{6}$/);
      assert.equal(await store.revealSecret({ vault: 'default', key: derived }), 'value-two');
      assert.equal(await store.revealSecret({ vault: 'payments', key: 'webhook-secret' }), 'value-three');
    });

    it('keeps an empty vault for the session, refuses to delete one that holds secrets, and says how many', async () => {
      const store = await open();
      await store.createVault('new-vault');
      assert.deepEqual((await store.listVaults()).map((vault) => vault.name), ['new-vault']);
      await store.createSecret({ vault: 'new-vault', key: 'one', value: 'value-1' });
      await store.createSecret({ vault: 'new-vault', key: 'two', value: 'value-2' });
      await rejectsWith(store.deleteVault('new-vault'), 'vault-not-empty', /2 secrets/);
      await store.createVault('empty-one');
      await store.deleteVault('empty-one');
      assert.deepEqual((await store.listVaults()).map((vault) => vault.name), ['new-vault']);
    });

    it('refuses rollback honestly: WorkOS cannot read an old version', async () => {
      const store = await open();
      await store.createSecret({ vault: 'api-keys', key: 'token', value: 'value-1' });
      await rejectsWith(store.rollbackSecret({ vault: 'api-keys', key: 'token' }, 1), 'unsupported', /cannot read their values/);
    });

    it('follows list pages to the end: 250 objects in three pages of 100', async () => {
      for (let index = 0; index < 250; index++) standIn.seed(`bulk/item-${String(index).padStart(3, '0')}`, `value-${index}`, { vault: 'bulk' });
      const store = await open();
      const secrets = await store.listSecrets('bulk');
      assert.equal(secrets.length, 250);
      assert.equal(new Set(secrets.map((secret) => secret.name)).size, 250);
      assert.equal(requestsMatching(/^GET \/vault\/v1\/kv\?/).length, 3);
    });
    it('opens a tree from one listing: the vaults and then the secrets of each vault read the pages once', async () => {
      for (let index = 0; index < 250; index++) standIn.seed(`vault-${index % 5}/item-${String(index).padStart(3, '0')}`, `value-${index}`, { vault: `vault-${index % 5}` });
      const store = await open();
      const vaults = await store.listVaults();
      const counts = await Promise.all(vaults.map(async (vault) => (await store.listSecrets(vault.name)).length));
      assert.deepEqual(counts, [50, 50, 50, 50, 50]);
      assert.equal(requestsMatching(/^GET \/vault\/v1\/kv\?/).length, 3, 'three pages, read once');

      await store.createSecret({ vault: 'vault-0', key: 'new-one', value: 'value-new' });
      standIn.seed('vault-0/from-elsewhere', 'value-other', { vault: 'vault-0' });
      const after = (await store.listSecrets('vault-0')).map((secret) => secret.name);
      assert.ok(after.includes('new-one') && after.includes('from-elsewhere'), 'a write makes the next listing fresh');
    });
  });

  describe('failures', () => {
    it('a wrong key (401) is "unauthenticated", says where to set the key, and never quotes it', async () => {
      const wrongKey = ['sk', 'test', randomBytes(12).toString('hex')].join('_');
      const store = await open({ apiKey: wrongKey });
      const error = await rejectsWith(store.listVaults(), 'unauthenticated', /WORKOS_API_KEY/);
      assert.ok(!error.message.includes(wrongKey));
    });

    it('no key at all is an error before any request', async () => {
      await rejectsWith(openWorkosStore({ env: {}, baseUrl: standIn.url, readKeychain: async () => null }), 'unauthenticated', /WORKOS_API_KEY/);
      assert.equal(standIn.requests.length, 0);
    });

    it('a stale expectedVersion is a conflict, and so is a change between our check and the write (versionCheck)', async () => {
      const store = await open();
      await store.createSecret({ vault: 'api-keys', key: 'token', value: 'value-1' });
      standIn.updateBehindOurBack('api-keys/token', 'someone-else');
      await rejectsWith(store.updateSecret({ vault: 'api-keys', key: 'token', value: CANARY, expectedVersion: 1 }), 'conflict', /version 2, not the expected version 1/);
      assert.equal(standIn.storedValue('api-keys/token'), 'someone-else');

      // Someone writes after our version check but before our PUT: the server's versionCheck refuses it.
      const racing = await open({
        fetch: async (input, init) => {
          if (init?.method === 'PUT') standIn.updateBehindOurBack('api-keys/token', 'racer');
          return fetch(input, init);
        },
      });
      const error = await rejectsWith(racing.updateSecret({ vault: 'api-keys', key: 'token', value: CANARY, expectedVersion: 2 }), 'conflict', /version 3, not the expected version 2/);
      assert.ok(!error.message.includes(CANARY));
      assert.equal(standIn.storedValue('api-keys/token'), 'racer');
    });

    it('429 with Retry-After: a read waits and retries; a write is not retried and says when to try again', async () => {
      const store = await open();
      standIn.seed('api-keys/token', 'value-1', { vault: 'api-keys' });
      standIn.fail({ method: 'GET', status: 429, headers: { 'Retry-After': '1' }, body: { message: 'Too many requests' } });
      const started = Date.now();
      assert.deepEqual((await store.listVaults()).map((vault) => vault.name), ['api-keys']);
      assert.ok(Date.now() - started >= 900, 'the read waited for Retry-After');

      standIn.fail({ method: 'POST', status: 429, headers: { 'Retry-After': '7' }, body: { message: 'Too many requests' } });
      await rejectsWith(store.createSecret({ vault: 'api-keys', key: 'other', value: CANARY }), 'unavailable', /Try again in 7 s/);
      assert.equal(requestsMatching(/^POST /).length, 1);
    });

    it('503 on a read is retried; 503 on a write is not', async () => {
      const store = await open();
      standIn.seed('api-keys/token', 'value-1', { vault: 'api-keys' });
      standIn.fail({ method: 'GET', status: 503, body: { message: 'Service Unavailable' } });
      assert.equal(await store.revealSecret({ vault: 'api-keys', key: 'token' }), 'value-1');
      assert.equal(requestsMatching(/^GET \/vault\/v1\/kv\?/).length, 2, 'the list was asked twice');

      standIn.fail({ method: 'PUT', status: 503, body: { message: 'Service Unavailable' } });
      await rejectsWith(store.updateSecret({ vault: 'api-keys', key: 'token', value: CANARY }), 'unavailable', /HTTP 503/);
      assert.equal(requestsMatching(/^PUT /).length, 1);
      assert.equal(standIn.storedValue('api-keys/token'), 'value-1');
    });

    it('a server that does not answer in time is a timeout, not retried even for a read', async () => {
      const store = await open({ timeoutMs: 200 });
      standIn.fail({ method: 'GET', delayMs: 1500 });
      const started = Date.now();
      await rejectsWith(store.listVaults(), 'timeout', /within 200 ms/);
      assert.ok(Date.now() - started < 1000, 'one timeout, not four');
      assert.equal(requestsMatching(/^GET /).length, 1);
    });

    it('a redirect to another origin is not followed: neither the key nor the value leaves', async () => {
      const elsewhere: string[] = [];
      const other: Server = createServer((request, response) => {
        elsewhere.push(`${request.method} ${request.url} ${request.headers.authorization ?? ''}`);
        response.end('{}');
      });
      await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
      try {
        const otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
        const store = await open();
        standIn.fail({ method: 'POST', status: 307, headers: { Location: `${otherUrl}/vault/v1/kv` } });
        await rejectsWith(store.createSecret({ vault: 'api-keys', key: 'token', value: CANARY }), 'unavailable', /redirect \(307\).*not followed/);
        standIn.fail({ method: 'GET', status: 302, headers: { Location: `${otherUrl}/steal` }, times: 10 });
        await rejectsWith(store.listVaults(), 'unavailable', /redirect \(302\)/);
        assert.deepEqual(elsewhere, []);
      } finally {
        other.closeAllConnections();
        await new Promise<void>((resolve) => other.close(() => resolve()));
      }
    });

    it('server text is escaped, and the key and the value sent are redacted from it', async () => {
      const store = await open();
      standIn.fail({ method: 'POST', status: 422, body: { code: 'invalid', message: `bad\u001b[31m ${API_KEY} ${CANARY}\nnext line` } });
      const error = await rejectsWith(store.createSecret({ vault: 'api-keys', key: 'token', value: CANARY }), 'invalid-input');
      assert.ok(!error.message.includes(API_KEY));
      assert.ok(!error.message.includes(CANARY));
      assert.ok(!/[\u0000-\u001f]/.test(error.message));
      assert.match(error.message, /\[redacted\] \[redacted\]\\u000anext line/);
    });

    it('refuses plain http to a host other than loopback before sending the key', async () => {
      await rejectsWith(open({ baseUrl: 'http://vault.example.com' }), 'invalid-input', /plain http/);
    });
  });
});
