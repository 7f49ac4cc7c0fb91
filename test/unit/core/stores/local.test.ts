import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openKeychainEntry } from '../../../../src/core/keychain';
import { isSecretManagerError, type SecretManagerError } from '../../../../src/core/model';
import { loadHomeKeys } from '../../../../src/core/keys';
import { openLocalStore, restoreLocalStore, type LocalStore, type LocalStoreOptions } from '../../../../src/core/stores/local';
import { serializeStore } from '../../../../src/core/stores/local/document';
import { keyedFingerprint, seal } from '../../../../src/core/crypto';
import { valueChecksum } from '../../../../src/core/fingerprint-matcher';
import { countHmacs } from '../../helpers/count-hmac';
import { makeTemporaryHome, readAllFiles, REGISTER } from '../../helpers/temporary-home';
import { V1_STORE_EXPECTED, V1_STORE_PASSPHRASE } from './fixtures/v1-store-expected';

const CANARY = 'canary-sk_live_4f9d2c7e1a';
const PASSPHRASE = 'test passphrase';

function hasCode(code: SecretManagerError['code'], pattern?: RegExp) {
  return (error: unknown) => {
    assert.ok(isSecretManagerError(error, code), `expected ${code}, got ${String(error)}`);
    if (pattern) assert.match(error.message, pattern);
    return true;
  };
}

describe('core/stores/local', () => {
  let home: string;
  let cleanup: () => void;
  const opened: LocalStore[] = [];
  const open = async (options: LocalStoreOptions = {}) => {
    const store = await openLocalStore({ home, env: {}, passphrase: PASSPHRASE, keychain: 'off', actor: 'test:alice', ...options });
    opened.push(store);
    return store;
  };
  beforeEach(() => ({ home, cleanup } = makeTemporaryHome()));
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
    cleanup();
  });

  it('declares every capability, and its id, label and key source', async () => {
    const store = await open();
    assert.deepEqual(store.capabilities, { reveal: true, versions: true, rollback: true, metadata: true, audit: true });
    assert.equal(store.kind, 'local');
    assert.equal(store.id, 'local');
    assert.equal(store.label, 'Local store');
    assert.equal(store.keySource, 'passphrase');
    assert.match(store.describeKeySource(), /SECRET_MANAGER_PASSPHRASE/);
    const named = await open({ id: 'local:work', label: 'Work' });
    assert.equal(named.id, 'local:work');
    assert.equal(named.label, 'Work');
  });

  it('says a change was saved, and refuses a reveal, when the audit log cannot be written', async () => {
    const store = await open();
    await store.createVault('vault');
    await store.createSecret({ vault: 'vault', key: 'token', value: CANARY });
    rmSync(path.join(home, 'audit.jsonl'));
    mkdirSync(path.join(home, 'audit.jsonl'));
    await assert.rejects(
      store.createSecret({ vault: 'vault', key: 'second', value: CANARY }),
      hasCode('unavailable', /secret\.create of vault\/second was saved, but its audit record could not be written to .*audit\.jsonl \(EISDIR\)/),
    );
    assert.equal((await store.describeSecret({ vault: 'vault', key: 'second' })).version, 1);
    await assert.rejects(store.revealSecret({ vault: 'vault', key: 'token' }), (error: unknown) => {
      hasCode('unavailable', /value of vault\/token was not revealed: its audit record could not be written/)(error);
      assert.ok(!String((error as Error).message).includes(CANARY));
      return true;
    });
    await assert.rejects(store.readAudit(), hasCode('unavailable', /Could not read the audit log .*audit\.jsonl \(EISDIR\)/));
  });

  it('refuses a relative home, which would put the store wherever the process runs', async () => {
    await assert.rejects(open({ home: 'relative-store-home' }), hasCode('invalid-input', /The store home is a relative path \("relative-store-home"\)/));
    assert.ok(!existsSync(path.resolve('relative-store-home')), 'nothing was created in the current folder');
  });

  it('finds its home through SECRET_MANAGER_HOME when none is given', async () => {
    const store = await openLocalStore({ env: { SECRET_MANAGER_HOME: home, SECRET_MANAGER_PASSPHRASE: PASSPHRASE }, keychain: 'off' });
    opened.push(store);
    await store.createVault('from-env');
    assert.ok(existsSync(path.join(home, 'store.json')));
    assert.equal(store.home, home);
  });

  describe('vaults', () => {
    it('creates, lists with counts, and deletes empty vaults', async () => {
      const store = await open();
      const created = await store.createVault('api-keys');
      assert.equal(created.name, 'api-keys');
      assert.equal(created.secretCount, 0);
      await store.createVault('database');
      await store.createSecret({ vault: 'database', key: 'password', value: CANARY });
      const vaults = await store.listVaults();
      assert.deepEqual(vaults.map((vault) => [vault.name, vault.secretCount]), [['api-keys', 0], ['database', 1]]);
      await store.deleteVault('api-keys');
      assert.deepEqual((await store.listVaults()).map((vault) => vault.name), ['database']);
    });

    it('refuses duplicates, missing vaults, and vaults that still hold secrets (saying how many)', async () => {
      const store = await open();
      await store.createVault('api-keys');
      await assert.rejects(store.createVault('api-keys'), hasCode('already-exists', /api-keys/));
      await assert.rejects(store.deleteVault('missing'), hasCode('not-found', /missing/));
      await store.createSecret({ vault: 'api-keys', key: 'one', value: 'v1' });
      await store.createSecret({ vault: 'api-keys', key: 'two', value: 'v2' });
      await assert.rejects(store.deleteVault('api-keys'), hasCode('vault-not-empty', /holds 2 secrets/));
      assert.equal((await store.listSecrets('api-keys')).length, 2);
    });

    it('suggests the closest vault or secret name when one is not found', async () => {
      const store = await open();
      await store.createVault('api-keys');
      await store.createSecret({ vault: 'api-keys', key: 'stripe-secret-key', value: CANARY });
      const hintOf = async (attempt: Promise<unknown>) => {
        const error = await attempt.then(() => undefined, (caught: unknown) => caught);
        assert.ok(isSecretManagerError(error, 'not-found'), String(error));
        return error.hint;
      };
      assert.equal(await hintOf(store.listSecrets('api-kyes')), 'Did you mean "api-keys"?');
      assert.equal(await hintOf(store.revealSecret({ vault: 'api-keys', key: 'stripe-secret-kye' })), 'Did you mean "stripe-secret-key"?');
      assert.equal(await hintOf(store.listSecrets('billing')), 'Check the name, or create the vault first.', 'no suggestion when nothing is close');
    });

    it('treats names like "constructor" as ordinary names', async () => {
      const store = await open();
      await assert.rejects(store.listSecrets('constructor'), hasCode('not-found'));
      await assert.rejects(store.deleteVault('constructor'), hasCode('not-found'));
      await store.createVault('constructor');
      await store.createSecret({ vault: 'constructor', key: 'tostring', value: 'v' });
      await assert.rejects(store.describeSecret({ vault: 'constructor', key: 'constructor' }), hasCode('not-found'));
      assert.equal((await store.listSecrets('constructor'))[0].name, 'tostring');
    });
  });

  describe('input validation', () => {
    it('rejects bad names at every method with the naming rule', async () => {
      const store = await open();
      const rule = /Names must be 3–63 characters/;
      await assert.rejects(store.createVault('Api_Keys'), hasCode('invalid-input', rule));
      await assert.rejects(store.deleteVault('x'), hasCode('invalid-input', rule));
      await assert.rejects(store.listSecrets('-bad'), hasCode('invalid-input', rule));
      await assert.rejects(store.describeSecret({ vault: 'good', key: 'BAD' }), hasCode('invalid-input', rule));
      await assert.rejects(store.revealSecret({ vault: 'good', key: 'a' }), hasCode('invalid-input', rule));
      await assert.rejects(store.listVersions({ vault: 'ok!', key: 'good' }), hasCode('invalid-input', rule));
      await assert.rejects(store.rollbackSecret({ vault: 'good', key: 'good' }, 0), hasCode('invalid-input', /positive whole number, not 0/));
      await assert.rejects(store.rollbackSecret({ vault: 'good', key: 'good' }, -1), hasCode('invalid-input', /positive whole number, not -1/));
      await assert.rejects(store.rollbackSecret({ vault: 'good', key: 'good' }, 1.5), hasCode('invalid-input', /positive whole number, not 1\.5/));
      await assert.rejects(store.rollbackSecret({ vault: 'good', key: 'good' }, '1' as unknown as number), hasCode('invalid-input', /must be a number/));
      await assert.rejects(store.deleteSecret({ vault: 'good', key: 'a b c' }), hasCode('invalid-input', rule));
      await assert.rejects(store.readAudit({ limit: -1 }), hasCode('invalid-input'));
    });

    it('rejects bad values without echoing them', async () => {
      const store = await open();
      await store.createVault('vault');
      await assert.rejects(store.createSecret({ vault: 'vault', key: 'empty', value: '' }), hasCode('invalid-input', /empty/));
      await assert.rejects(store.createSecret({ vault: 'vault', key: 'long', value: 'x'.repeat(64 * 1024 + 1) }), hasCode('invalid-input', /64 KiB/));
      await assert.rejects(store.createSecret({ vault: 'vault', key: 'BAD', value: CANARY }), (error: Error) => {
        assert.ok(!error.message.includes(CANARY));
        return true;
      });
    });

    it('rejects bad options', async () => {
      await assert.rejects(open({ versionsToKeep: 0 }), hasCode('invalid-input'));
    });
  });

  describe('secrets', () => {
    it('creates a secret in an existing vault and describes it without its value', async () => {
      const store = await open();
      await store.createVault('api-keys');
      await assert.rejects(store.createSecret({ vault: 'nowhere', key: 'stripe', value: CANARY }), hasCode('not-found', /nowhere/));
      const created = await store.createSecret({
        vault: 'api-keys',
        key: 'stripe',
        value: CANARY,
        description: 'Stripe live key',
        labels: { team: 'payments' },
      });
      assert.equal(created.version, 1);
      assert.equal(created.description, 'Stripe live key');
      assert.deepEqual(created.labels, { team: 'payments' });
      const described = await store.describeSecret({ vault: 'api-keys', key: 'stripe' });
      assert.deepEqual(described, created);
      const listed = await store.listSecrets('api-keys');
      assert.deepEqual(listed, [created]);
      assert.ok(!JSON.stringify([described, listed, await store.listVaults()]).includes(CANARY));
      await assert.rejects(store.createSecret({ vault: 'api-keys', key: 'stripe', value: 'x' }), hasCode('already-exists'));
    });

    it('reveals the current value, and updates it as a new version', async () => {
      const store = await open();
      await store.createVault('api-keys');
      await store.createSecret({ vault: 'api-keys', key: 'stripe', value: 'first' });
      assert.equal(await store.revealSecret({ vault: 'api-keys', key: 'stripe' }), 'first');
      const updated = await store.updateSecret({ vault: 'api-keys', key: 'stripe', value: 'second', description: 'rotated' });
      assert.equal(updated.version, 2);
      assert.equal(updated.description, 'rotated');
      assert.equal(await store.revealSecret({ vault: 'api-keys', key: 'stripe' }), 'second');
      await assert.rejects(store.updateSecret({ vault: 'api-keys', key: 'missing', value: 'x' }), hasCode('not-found'));
      await assert.rejects(store.revealSecret({ vault: 'api-keys', key: 'missing' }), hasCode('not-found'));
    });

    it('refuses an update with a stale expectedVersion, and accepts the right one', async () => {
      const store = await open();
      await store.createVault('api-keys');
      await store.createSecret({ vault: 'api-keys', key: 'stripe', value: 'first' });
      await store.updateSecret({ vault: 'api-keys', key: 'stripe', value: 'second', expectedVersion: 1 });
      await assert.rejects(
        store.updateSecret({ vault: 'api-keys', key: 'stripe', value: 'third', expectedVersion: 1 }),
        hasCode('conflict', /version 2, not the expected version 1/),
      );
      assert.equal(await store.revealSecret({ vault: 'api-keys', key: 'stripe' }), 'second');
      const third = await store.updateSecret({ vault: 'api-keys', key: 'stripe', value: 'third', expectedVersion: 2 });
      assert.equal(third.version, 3);
    });

    it('detects a conflict between two open stores (two processes) on the same file', async () => {
      const first = await open();
      const second = await open();
      await first.createVault('api-keys');
      await first.createSecret({ vault: 'api-keys', key: 'stripe', value: 'one' });
      const seen = await second.describeSecret({ vault: 'api-keys', key: 'stripe' });
      await first.updateSecret({ vault: 'api-keys', key: 'stripe', value: 'two', expectedVersion: seen.version });
      await assert.rejects(
        second.updateSecret({ vault: 'api-keys', key: 'stripe', value: 'three', expectedVersion: seen.version }),
        hasCode('conflict'),
      );
      assert.equal(await second.revealSecret({ vault: 'api-keys', key: 'stripe' }), 'two');
    });

    it('deletes a secret', async () => {
      const store = await open();
      await store.createVault('api-keys');
      await store.createSecret({ vault: 'api-keys', key: 'stripe', value: CANARY });
      await store.deleteSecret({ vault: 'api-keys', key: 'stripe' });
      await assert.rejects(store.describeSecret({ vault: 'api-keys', key: 'stripe' }), hasCode('not-found'));
      await assert.rejects(store.deleteSecret({ vault: 'api-keys', key: 'stripe' }), hasCode('not-found'));
      assert.deepEqual(await store.listSecrets('api-keys'), []);
      assert.deepEqual((await store.fingerprintMatcher())(CANARY), []);
      await store.deleteVault('api-keys');
    });
  });

  describe('versions', () => {
    it('keeps only the last versionsToKeep versions, newest first', async () => {
      const store = await open({ versionsToKeep: 3 });
      await store.createVault('vault');
      await store.createSecret({ vault: 'vault', key: 'token', value: 'v1' });
      for (let value = 2; value <= 6; value++) await store.updateSecret({ vault: 'vault', key: 'token', value: `v${value}` });
      const versions = await store.listVersions({ vault: 'vault', key: 'token' });
      assert.deepEqual(versions.map((version) => [version.version, version.current]), [[6, true], [5, false], [4, false]]);
      await assert.rejects(store.rollbackSecret({ vault: 'vault', key: 'token' }, 2), hasCode('not-found', /Version 2/));
      assert.equal(await store.revealSecret({ vault: 'vault', key: 'token' }), 'v6');
    });

    it('keeps ten versions by default', async () => {
      const store = await open();
      await store.createVault('vault');
      await store.createSecret({ vault: 'vault', key: 'token', value: 'v1' });
      for (let value = 2; value <= 12; value++) await store.updateSecret({ vault: 'vault', key: 'token', value: `v${value}` });
      const versions = await store.listVersions({ vault: 'vault', key: 'token' });
      assert.equal(versions.length, 10);
      assert.equal(versions[9].version, 3);
    });

    it('rolls back by making an old value current as a new version', async () => {
      const store = await open();
      await store.createVault('vault');
      await store.createSecret({ vault: 'vault', key: 'token', value: 'good' });
      await store.updateSecret({ vault: 'vault', key: 'token', value: 'bad' });
      const rolledBack = await store.rollbackSecret({ vault: 'vault', key: 'token' }, 1, 2);
      assert.equal(rolledBack.version, 3);
      assert.equal(await store.revealSecret({ vault: 'vault', key: 'token' }), 'good');
      const versions = await store.listVersions({ vault: 'vault', key: 'token' });
      assert.deepEqual(versions[0], { version: 3, createdAt: versions[0].createdAt, current: true, rolledBackFrom: 1 });
      assert.equal(versions[1].rolledBackFrom, undefined);
      const matcher = await store.fingerprintMatcher();
      assert.equal(matcher('good').length, 1);
      assert.equal(matcher('bad').length, 0);
    });

    it('refuses a rollback with a stale expectedVersion, or to the current version', async () => {
      const store = await open();
      await store.createVault('vault');
      await store.createSecret({ vault: 'vault', key: 'token', value: 'one' });
      await store.updateSecret({ vault: 'vault', key: 'token', value: 'two' });
      await assert.rejects(store.rollbackSecret({ vault: 'vault', key: 'token' }, 1, 1), hasCode('conflict'));
      await assert.rejects(store.rollbackSecret({ vault: 'vault', key: 'token' }, 2), hasCode('invalid-input', /already the current/));
      await assert.rejects(store.rollbackSecret({ vault: 'vault', key: 'missing' }, 1), hasCode('not-found'));
      assert.equal(await store.revealSecret({ vault: 'vault', key: 'token' }), 'two');
    });
  });

  describe('audit', () => {
    it('records every change and every read of a value, never the value', async () => {
      const store = await open();
      await store.createVault('vault');
      await store.createSecret({ vault: 'vault', key: 'token', value: CANARY });
      await store.updateSecret({ vault: 'vault', key: 'token', value: `${CANARY}-2` });
      await store.rollbackSecret({ vault: 'vault', key: 'token' }, 1);
      await store.revealSecret({ vault: 'vault', key: 'token' });
      await store.revealSecret({ vault: 'vault', key: 'token' }, { purpose: 'resolve', actor: 'extension:other.ext' });
      await store.revealSecret({ vault: 'vault', key: 'token' }, { purpose: 'copy' });
      await store.deleteSecret({ vault: 'vault', key: 'token' });
      await store.deleteVault('vault');
      const records = await store.readAudit();
      assert.deepEqual(
        records.map((record) => [record.action, record.actor, record.vault, record.key, record.version]),
        [
          ['vault.create', 'test:alice', 'vault', undefined, undefined],
          ['secret.create', 'test:alice', 'vault', 'token', 1],
          ['secret.update', 'test:alice', 'vault', 'token', 2],
          ['secret.rollback', 'test:alice', 'vault', 'token', 3],
          ['secret.reveal', 'test:alice', 'vault', 'token', 3],
          ['secret.resolve', 'extension:other.ext', 'vault', 'token', 3],
          ['secret.copy', 'test:alice', 'vault', 'token', 3],
          ['secret.delete', 'test:alice', 'vault', 'token', 3],
          ['vault.delete', 'test:alice', 'vault', undefined, undefined],
        ],
      );
      for (const record of records) {
        assert.equal(record.store, 'local');
        assert.ok(!Number.isNaN(Date.parse(record.time)));
      }
      const log = readFileSync(path.join(home, 'audit.jsonl'));
      assert.ok(!log.includes(CANARY));
      assert.equal(statSync(path.join(home, 'audit.jsonl')).mode & 0o777, 0o600);
    });

    it('filters by vault and key, and returns the newest N', async () => {
      const store = await open();
      await store.createVault('first');
      await store.createVault('second');
      await store.createSecret({ vault: 'first', key: 'alpha', value: 'a' });
      await store.createSecret({ vault: 'first', key: 'beta', value: 'b' });
      await store.createSecret({ vault: 'second', key: 'alpha', value: 'c' });
      assert.equal((await store.readAudit({ vault: 'first' })).length, 3);
      assert.deepEqual((await store.readAudit({ key: 'alpha' })).map((record) => record.vault), ['first', 'second']);
      assert.deepEqual((await store.readAudit({ vault: 'first', key: 'alpha' })).map((record) => record.action), ['secret.create']);
      assert.deepEqual((await store.readAudit({ limit: 2 })).map((record) => `${record.vault}/${record.key}`), ['first/beta', 'second/alpha']);
    });

    it('refuses a query with a name that cannot exist, instead of returning nothing', async () => {
      const store = await open();
      await assert.rejects(store.readAudit({ vault: 'API-KEYS' }), hasCode('invalid-input', /Invalid vault name "API-KEYS"/));
      await assert.rejects(store.readAudit({ key: 'x' }), hasCode('invalid-input', /Invalid secret name "x"/));
      await assert.rejects(store.readAudit({ vault: 'vault', typo: 1 } as never), hasCode('invalid-input', /typo/));
    });

    it('skips a line cut short by a crash, with a warning, and keeps the record written after it', async () => {
      const warnings: string[] = [];
      const store = await open({ onWarning: (message) => warnings.push(message) });
      await store.createVault('vault');
      writeFileSync(path.join(home, 'audit.jsonl'), `${readFileSync(path.join(home, 'audit.jsonl'), 'utf8')}{"time":"2026-`);
      await store.createVault('other');
      assert.deepEqual((await store.readAudit()).map((record) => record.vault), ['vault', 'other']);
      assert.equal(warnings.length, 1);
      assert.match(warnings[0]!, /1 line of the audit log .*audit\.jsonl could not be read and was left out/);
    });
  });

  describe('fingerprints', () => {
    it('computes the HMAC of no literal whose length or checksum is no current value\'s', async () => {
      const store = await open();
      await store.createVault('vault');
      await store.createSecret({ vault: 'vault', key: 'stripe', value: 'sk_live_4eC39HqLyjWDarjtT1zdp7dc' });
      await store.createSecret({ vault: 'vault', key: 'unicode', value: 'grüße 🔑 秘密' });
      await store.createSecret({ vault: 'vault', key: 'rotated', value: 'first value of rotated' });
      await store.updateSecret({ vault: 'vault', key: 'rotated', value: 'second value, longer than the first' });
      const matcher = await store.fingerprintMatcher();
      const others = ['sk_live_4eC39HqLyjWDarjtT1zdp7d', 'sk_live_4eC39HqLyjWDarjtT1zdp7dX', 'grüsse 🔑 秘密', 'first value of rotated', 'x'.repeat(300)];
      const misses = countHmacs(() => others.map((literal) => matcher(literal)));
      assert.deepEqual(misses, { result: others.map(() => []), hmacs: 0 });
      const hits = countHmacs(() => ['sk_live_4eC39HqLyjWDarjtT1zdp7dc', 'grüße 🔑 秘密', 'second value, longer than the first'].map((literal) => matcher(literal)));
      assert.deepEqual(hits.result, [[{ vault: 'vault', key: 'stripe' }], [{ vault: 'vault', key: 'unicode' }], [{ vault: 'vault', key: 'rotated' }]]);
      assert.equal(hits.hmacs, 3);
      assert.deepEqual(matcher.valueByteLengths, new Set([32, Buffer.byteLength('grüße 🔑 秘密'), 35]));
    });

    it('keeps the checksums sealed: the store file holds none of them, nor anything of the values', async () => {
      const store = await open();
      await store.createVault('vault');
      await store.createSecret({ vault: 'vault', key: 'one', value: CANARY });
      const file = readFileSync(path.join(home, 'store.json'), 'utf8');
      const vault = JSON.parse(file).body.vaults.vault;
      assert.deepEqual(Object.keys(vault.valueChecksums).sort(), ['ciphertext', 'nonce']);
      assert.ok(!file.includes(String(valueChecksum(CANARY))));
      assert.ok(!file.includes(CANARY));
    });

    it('matches after rollbacks and deletions, and drops the checksums of values no secret holds', async () => {
      const store = await open();
      await store.createVault('vault');
      await store.createSecret({ vault: 'vault', key: 'token', value: 'good token value' });
      await store.updateSecret({ vault: 'vault', key: 'token', value: 'bad token value!' });
      await store.rollbackSecret({ vault: 'vault', key: 'token' }, 1);
      await store.createSecret({ vault: 'vault', key: 'gone', value: 'deleted token value' });
      await store.deleteSecret({ vault: 'vault', key: 'gone' });
      const matcher = await store.fingerprintMatcher();
      assert.deepEqual(matcher('good token value'), [{ vault: 'vault', key: 'token' }]);
      assert.deepEqual(countHmacs(() => [matcher('bad token value!'), matcher('deleted token value')]), { result: [[], []], hmacs: 0 });
    });

    it('still matches a value that an older build rotated without updating the checksums', async () => {
      const store = await open();
      await store.createVault('vault');
      await store.createSecret({ vault: 'vault', key: 'token', value: 'value before the old build' });
      await store.close();
      // What an older build writes on rotation: a new version and fingerprint, the vault's checksums untouched.
      const keys = await loadHomeKeys({ home, env: {}, passphrase: PASSPHRASE, keychain: 'off' });
      const storeFile = path.join(home, 'store.json');
      const body = JSON.parse(readFileSync(storeFile, 'utf8')).body;
      const secret = body.vaults.vault.secrets.token;
      const rotated = 'value after an older build'; // as long as the first one
      const context = JSON.stringify(['secret-value', body.storeId, 'vault', 'token', 2]);
      secret.versions.push({ version: 2, createdAt: secret.createdAt, ...seal(keys.dataKey, Buffer.from(rotated), context) });
      secret.fingerprint = keyedFingerprint(keys.subkey('local-store/fingerprints'), rotated);
      writeFileSync(storeFile, serializeStore(body, keys.subkey('local-store/mac')));
      const matcher = await (await open()).fingerprintMatcher();
      assert.deepEqual(countHmacs(() => matcher(rotated)), { result: [{ vault: 'vault', key: 'token' }], hmacs: 1 });
      assert.deepEqual(matcher('value before the old build'), []);
    });

    it('a store written by an older build (no checksums) still matches, by length alone', async () => {
      cpSync(path.join(__dirname, 'fixtures', 'v1-store', 'key.json'), path.join(home, 'key.json'));
      cpSync(path.join(__dirname, 'fixtures', 'v1-store', 'store.json'), path.join(home, 'store.json'));
      const store = await open({ passphrase: V1_STORE_PASSPHRASE });
      const matcher = await store.fingerprintMatcher();
      const unicodeValue = V1_STORE_EXPECTED.database['unicode-value'].value;
      assert.deepEqual(matcher(unicodeValue), [{ vault: 'database', key: 'unicode-value' }]);
      assert.deepEqual(matcher('third plain value'), [{ vault: 'payments', key: 'card-processor' }]);
      assert.deepEqual(countHmacs(() => matcher('third plain valuX')), { result: [], hmacs: 1 });
      assert.deepEqual(countHmacs(() => matcher('a literal of no stored length')), { result: [], hmacs: 0 });
    });

    it('matches a literal to the secrets whose current value it is', async () => {
      const store = await open();
      await store.createVault('vault');
      await store.createSecret({ vault: 'vault', key: 'one', value: CANARY });
      await store.createSecret({ vault: 'vault', key: 'two', value: CANARY });
      await store.createSecret({ vault: 'vault', key: 'three', value: 'other' });
      const matcher = await store.fingerprintMatcher();
      assert.deepEqual(
        matcher(CANARY).map((reference) => reference.key).sort(),
        ['one', 'two'],
      );
      assert.deepEqual(matcher('other'), [{ vault: 'vault', key: 'three' }]);
      assert.deepEqual(matcher('unknown'), []);
      assert.deepEqual(matcher(''), []);
      await store.updateSecret({ vault: 'vault', key: 'one', value: 'rotated' });
      const fresh = await store.fingerprintMatcher();
      assert.deepEqual(fresh(CANARY), [{ vault: 'vault', key: 'two' }]);
      assert.deepEqual(fresh('rotated'), [{ vault: 'vault', key: 'one' }]);
    });
  });

  describe('the file on disk', () => {
    it('persists across reopening, and a second instance sees the first one\'s writes', async () => {
      const first = await open();
      const second = await open();
      await first.createVault('vault');
      await first.createSecret({ vault: 'vault', key: 'token', value: 'value' });
      assert.equal(await second.revealSecret({ vault: 'vault', key: 'token' }), 'value');
      await first.close();
      const reopened = await open();
      assert.equal((await reopened.describeSecret({ vault: 'vault', key: 'token' })).version, 1);
      assert.equal(await reopened.revealSecret({ vault: 'vault', key: 'token' }), 'value');
    });

    it('never writes a value in the clear: no file in the home holds the canary, plain or base64', async () => {
      const store = await open();
      await store.createVault('vault');
      await store.createSecret({ vault: 'vault', key: 'token', value: CANARY, description: 'no value here' });
      await store.updateSecret({ vault: 'vault', key: 'token', value: `${CANARY}-rotated` });
      await store.revealSecret({ vault: 'vault', key: 'token' });
      await store.createVault('another');
      const files = readAllFiles(home);
      assert.ok(files.some((file) => file.file.endsWith('store.json.bak')));
      assert.ok(files.length >= 4);
      const needles = [CANARY, Buffer.from(CANARY).toString('base64'), Buffer.from(CANARY).toString('base64url'), Buffer.from(CANARY).toString('hex')];
      for (const { file, bytes } of files) {
        for (const needle of needles) assert.ok(!bytes.includes(needle), `${file} holds the value`);
        // base64 shifted by one or two bytes would not start on the same boundary:
        for (const shift of [1, 2]) {
          const shifted = Buffer.from(CANARY.slice(shift)).toString('base64').slice(0, 12);
          assert.ok(!bytes.includes(shifted), `${file} holds the value in base64`);
        }
      }
    });

    it('keeps the home private: files 0600, a new folder 0700', async () => {
      const nested = path.join(home, 'config', 'secret-manager');
      const store = await open({ home: nested });
      await store.createVault('vault');
      await store.createVault('second');
      assert.equal(statSync(nested).mode & 0o777, 0o700);
      for (const name of ['store.json', 'store.json.bak', 'key.json', 'audit.jsonl']) {
        assert.equal(statSync(path.join(nested, name)).mode & 0o777, 0o600, name);
      }
    });

    it('keeps the previous version as store.json.bak', async () => {
      const store = await open();
      await store.createVault('first');
      const afterFirst = readFileSync(path.join(home, 'store.json'), 'utf8');
      await store.createVault('second');
      assert.equal(readFileSync(path.join(home, 'store.json.bak'), 'utf8'), afterFirst);
    });

    function tamper(edit: (file: { body: { vaults: Record<string, { createdAt: string; secrets: Record<string, { versions: Array<{ ciphertext: string; nonce: string; version: number }> }> }> } }) => void) {
      const storeFile = path.join(home, 'store.json');
      const file = JSON.parse(readFileSync(storeFile, 'utf8'));
      edit(file);
      writeFileSync(storeFile, JSON.stringify(file));
    }

    function flipBase64(text: string, index: number): string {
      const bytes = Buffer.from(text, 'base64');
      bytes[index] ^= 0x01;
      return bytes.toString('base64');
    }

    async function storeWithOneSecret() {
      const store = await open();
      await store.createVault('vault');
      await store.createSecret({ vault: 'vault', key: 'token', value: CANARY });
      await store.createVault('later');
      await store.close();
    }

    const corrupted = hasCode('corrupted-store', /store\.json\.bak/);

    it('says the store file is a folder rather than calling it invalid JSON', async () => {
      await storeWithOneSecret();
      rmSync(path.join(home, 'store.json'));
      mkdirSync(path.join(home, 'store.json'));
      await assert.rejects(open(), hasCode('corrupted-store', /store\.json .*\(it is a folder, not a file\)/));
    });

    it('detects a flipped byte in a value\'s ciphertext, names the backup, and recovers from it', async () => {
      await storeWithOneSecret();
      tamper((file) => {
        const version = file.body.vaults.vault.secrets.token.versions[0];
        version.ciphertext = flipBase64(version.ciphertext, 3);
      });
      const damaged = readFileSync(path.join(home, 'store.json'));
      await assert.rejects(open(), corrupted);
      assert.deepEqual(readFileSync(path.join(home, 'store.json')), damaged, 'the damaged file is left as it was');
      const { setAside } = await restoreLocalStore({ home, env: {}, passphrase: PASSPHRASE, keychain: 'off' }, 'backup');
      assert.deepEqual(readFileSync(setAside!), damaged, 'the damaged file is kept aside');
      const recovered = await open();
      assert.equal(await recovered.revealSecret({ vault: 'vault', key: 'token' }), CANARY);
    });

    it('detects a flipped nonce byte and edited metadata', async () => {
      await storeWithOneSecret();
      const original = readFileSync(path.join(home, 'store.json'));
      tamper((file) => {
        const version = file.body.vaults.vault.secrets.token.versions[0];
        version.nonce = flipBase64(version.nonce, 0);
      });
      await assert.rejects(open(), corrupted);
      writeFileSync(path.join(home, 'store.json'), original);
      tamper((file) => {
        file.body.vaults.vault.createdAt = '2001-01-01T00:00:00.000Z';
      });
      await assert.rejects(open(), corrupted);
      writeFileSync(path.join(home, 'store.json'), original);
      tamper((file) => {
        file.body.vaults.vault.secrets.renamed = file.body.vaults.vault.secrets.token;
        delete (file.body.vaults.vault.secrets as Record<string, unknown>).token;
      });
      await assert.rejects(open(), corrupted);
      writeFileSync(path.join(home, 'store.json'), original);
      tamper((file) => {
        file.body.vaults.vault.secrets.token.versions[0].version = 2;
      });
      await assert.rejects(open(), corrupted);
      writeFileSync(path.join(home, 'store.json'), original);
      assert.equal(await (await open()).revealSecret({ vault: 'vault', key: 'token' }), CANARY);
    });

    it('binds each value to its secret: a value moved to another secret fails decryption even with a valid file MAC', async () => {
      const store = await open();
      await store.createVault('vault');
      await store.createSecret({ vault: 'vault', key: 'first', value: 'first value' });
      await store.createSecret({ vault: 'vault', key: 'second', value: CANARY });
      await store.close();
      // Re-sign the edited file with the real MAC key, as an attacker who had the key file and passphrase could.
      const keys = await loadHomeKeys({ home, env: {}, passphrase: PASSPHRASE, keychain: 'off' });
      const storeFile = path.join(home, 'store.json');
      const body = JSON.parse(readFileSync(storeFile, 'utf8')).body;
      const [first, second] = [body.vaults.vault.secrets.first.versions[0], body.vaults.vault.secrets.second.versions[0]];
      body.vaults.vault.secrets.first.versions[0] = { ...first, nonce: second.nonce, ciphertext: second.ciphertext };
      writeFileSync(storeFile, serializeStore(body, keys.subkey('local-store/mac')));
      const reopened = await open();
      assert.equal((await reopened.describeSecret({ vault: 'vault', key: 'first' })).version, 1);
      await assert.rejects(reopened.revealSecret({ vault: 'vault', key: 'first' }), hasCode('corrupted-store', /vault\/first failed decryption/));
      assert.equal(await reopened.revealSecret({ vault: 'vault', key: 'second' }), CANARY);
    });

    it('detects edits made in place that keep the layout of the file', async () => {
      await storeWithOneSecret();
      const storeFile = path.join(home, 'store.json');
      const original = readFileSync(storeFile, 'utf8');
      const ciphertextStart = original.indexOf('"ciphertext":"') + '"ciphertext":"'.length;
      const swapped = original[ciphertextStart] === 'A' ? 'B' : 'A';
      const edits: Array<[string, string]> = [
        ['a vault\'s creation time', original.replace(/"createdAt":"2\d{3}/, (match) => match.replace('"2', '"1'))],
        ['a ciphertext character', `${original.slice(0, ciphertextStart)}${swapped}${original.slice(ciphertextStart + 1)}`],
        ['a secret\'s name', original.replace('"token":', '"tokem":')],
        ['the generation', original.replace(/"generation":(\d)/, (_match, digit: string) => `"generation":${(Number(digit) + 1) % 10}`)],
        ['the MAC', original.replace(/"mac":"(.)/, (_match, first: string) => `"mac":"${first === 'A' ? 'B' : 'A'}`)],
      ];
      for (const [what, edited] of edits) {
        assert.notEqual(edited, original, what);
        assert.equal(edited.length, original.length, what);
        assert.equal(edited.split('\n').length, original.split('\n').length, what);
        writeFileSync(storeFile, edited);
        await assert.rejects(open(), corrupted, what);
      }
      writeFileSync(storeFile, original);
      assert.equal(await (await open()).revealSecret({ vault: 'vault', key: 'token' }), CANARY);
    });

    it('writes what a fresh reader sees after every kind of change, though each write re-serialises one vault', async () => {
      const writer = await open({ versionsToKeep: 3 });
      const keys = await loadHomeKeys({ home, env: {}, passphrase: PASSPHRASE, keychain: 'off' });
      const storeFile = path.join(home, 'store.json');
      const views = async (store: LocalStore) => {
        const vaults = await store.listVaults();
        const secrets = [];
        for (const vault of vaults) {
          for (const secret of await store.listSecrets(vault.name)) {
            const reference = { vault: vault.name, key: secret.name };
            secrets.push({ secret, versions: await store.listVersions(reference), value: await store.revealSecret(reference) });
          }
        }
        return { vaults, secrets };
      };
      const steps: Array<[string, () => Promise<unknown>]> = [
        ['create vaults', async () => {
          await writer.createVault('first');
          await writer.createVault('second');
          await writer.createVault('third');
        }],
        ['create secrets', async () => {
          await writer.createSecret({ vault: 'first', key: 'alpha', value: 'alpha one', labels: { kind: 'test' } });
          await writer.createSecret({ vault: 'second', key: 'beta', value: 'beta one' });
        }],
        ['update', () => writer.updateSecret({ vault: 'first', key: 'alpha', value: 'alpha two', description: 'second value' })],
        ['update past versionsToKeep', async () => {
          for (const value of ['three', 'four', 'five']) await writer.updateSecret({ vault: 'second', key: 'beta', value: `beta ${value}` });
        }],
        ['roll back', () => writer.rollbackSecret({ vault: 'first', key: 'alpha' }, 1)],
        ['delete a secret', () => writer.deleteSecret({ vault: 'second', key: 'beta' })],
        ['delete a vault', () => writer.deleteVault('third')],
        ['re-create a deleted vault and secret', async () => {
          await writer.createVault('third');
          await writer.createSecret({ vault: 'second', key: 'beta', value: 'beta again' });
        }],
        ['a failed change in between', async () => {
          await assert.rejects(writer.updateSecret({ vault: 'first', key: 'alpha', value: 'x', expectedVersion: 1 }), hasCode('conflict'));
          await writer.updateSecret({ vault: 'third', key: 'missing', value: 'x' }).catch(() => undefined);
          await writer.createSecret({ vault: 'third', key: 'gamma', value: 'gamma one' });
        }],
      ];
      for (const [step, run] of steps) {
        await run();
        const reader = await open();
        assert.deepEqual(await views(reader), await views(writer), `after "${step}" the file differs from the writer's view`);
        const text = readFileSync(storeFile, 'utf8');
        const body = JSON.parse(text).body;
        assert.equal(serializeStore(body, keys.subkey('local-store/mac')), text, `after "${step}" the file is not the canonical serialisation`);
      }
    });

    it('detects a truncated file, and refuses writes to a store damaged while open', async () => {
      await storeWithOneSecret();
      const store = await open();
      const storeFile = path.join(home, 'store.json');
      const text = readFileSync(storeFile, 'utf8');
      writeFileSync(storeFile, text.slice(0, text.length / 2));
      await assert.rejects(store.createVault('new-vault'), corrupted);
      await assert.rejects(store.listVaults(), corrupted);
      assert.equal(readFileSync(storeFile, 'utf8'), text.slice(0, text.length / 2));
      assert.ok(existsSync(path.join(home, 'store.json.bak')));
    });

    it('refuses to start afresh when the store file or the key file was deleted', async () => {
      await storeWithOneSecret();
      const storeFile = path.join(home, 'store.json');
      const saved = readFileSync(storeFile);
      rmSync(storeFile);
      await assert.rejects(open(), corrupted);
      writeFileSync(storeFile, saved);
      const keyFile = path.join(home, 'key.json');
      const savedKey = readFileSync(keyFile);
      rmSync(keyFile);
      await assert.rejects(open(), hasCode('corrupted-store', /key\.json is missing/));
      assert.ok(!existsSync(keyFile), 'no new key was made');
      writeFileSync(keyFile, savedKey);
      assert.equal(await (await open()).revealSecret({ vault: 'vault', key: 'token' }), CANARY);
    });

    it('refuses a wrong passphrase', async () => {
      await storeWithOneSecret();
      await assert.rejects(open({ passphrase: 'not the passphrase' }), hasCode('wrong-passphrase'));
    });

    it('reports a wrong passphrase before a damaged file, though the file is read while the key is derived', async () => {
      await storeWithOneSecret();
      writeFileSync(path.join(home, 'store.json'), 'not a store file');
      await assert.rejects(open({ passphrase: 'not the passphrase' }), hasCode('wrong-passphrase'));
      await assert.rejects(open(), corrupted);
    });
  });

  describe('an older store file swapped in', () => {
    const storeFile = () => path.join(home, 'store.json');
    const backupFile = () => path.join(home, 'store.json.bak');
    const rolledBack = hasCode('corrupted-store', /older than the last one Secret Manager saved \(generation 2, where 3 was saved\)/);

    /** Generation 3 holds no secret; the backup (generation 2) still holds the deleted one. */
    async function storeWithDeletedSecret(): Promise<void> {
      const store = await open();
      await store.createVault('vault');
      await store.createSecret({ vault: 'vault', key: 'token', value: CANARY });
      await store.deleteSecret({ vault: 'vault', key: 'token' });
      await store.close();
    }

    it('refuses store.json.bak copied over store.json, and says what happened and how to accept it', async () => {
      await storeWithDeletedSecret();
      copyFileSync(backupFile(), storeFile());
      const error = await open().then(
        () => assert.fail('the older file was accepted'),
        (failure: unknown) => failure,
      );
      rolledBack(error);
      assert.match((error as SecretManagerError).hint ?? '', /secret-manager restore --accept-current/);
    });

    it('refuses an older file swapped in under an open store, before a write builds on it', async () => {
      const store = await open();
      await store.createVault('vault');
      await store.createSecret({ vault: 'vault', key: 'token', value: CANARY });
      const older = readFileSync(storeFile());
      await store.deleteSecret({ vault: 'vault', key: 'token' });
      await store.createVault('later');
      writeFileSync(storeFile(), older);
      await assert.rejects(store.listSecrets('vault'), hasCode('corrupted-store', /older than the last one/));
      await assert.rejects(store.createVault('another'), hasCode('corrupted-store', /older than the last one/));
      assert.deepEqual(readFileSync(storeFile()), older, 'nothing was written on top of the older file');
    });

    it('uses the older file once it is accepted deliberately, and the backup after restore from backup', async () => {
      await storeWithDeletedSecret();
      copyFileSync(backupFile(), storeFile());
      assert.deepEqual(await restoreLocalStore({ home, env: {}, passphrase: PASSPHRASE, keychain: 'off' }, 'current'), { generation: 2, setAside: undefined });
      assert.equal(await (await open()).revealSecret({ vault: 'vault', key: 'token' }), CANARY);

      writeFileSync(storeFile(), 'damaged');
      const restored = await restoreLocalStore({ home, env: {}, passphrase: PASSPHRASE, keychain: 'off' }, 'backup');
      assert.equal(readFileSync(restored.setAside!, 'utf8'), 'damaged', 'the replaced file is kept aside');
      assert.deepEqual((await (await open()).listVaults()).map((vault) => vault.name), ['vault']);
    });

    it('refuses to start empty when store.json and its backup are gone from a home that saved, until that is accepted', async () => {
      await storeWithDeletedSecret();
      rmSync(storeFile());
      rmSync(backupFile());
      await assert.rejects(open(), (error: unknown) => {
        hasCode('corrupted-store', /store\.json and its backup store\.json\.bak are both missing/)(error);
        assert.match((error as SecretManagerError).hint ?? '', /secret-manager restore --accept-current/);
        return true;
      });
      assert.ok(!existsSync(storeFile()), 'no empty store was started');
      assert.deepEqual(await restoreLocalStore({ home, env: {}, passphrase: PASSPHRASE, keychain: 'off' }, 'current'), { generation: 0, setAside: undefined });
      assert.deepEqual(await (await open()).listVaults(), []);
    });

    it('accepts a newer file than the one it last saw (another process wrote it)', async () => {
      const first = await open();
      const second = await open();
      await first.createVault('vault');
      await second.createVault('other');
      await first.createVault('third');
      assert.deepEqual((await second.listVaults()).map((vault) => vault.name), ['other', 'third', 'vault']);
    });
  });

  describe('the home folder of other users', () => {
    it('refuses to open a home that other users can write to, changing nothing', async () => {
      const store = await open();
      await store.createVault('vault');
      await store.close();
      chmodSync(home, 0o777);
      const before = readAllFiles(home);
      await assert.rejects(open(), hasCode('permission-denied', /writable by other users \(mode 0777\)/));
      assert.deepEqual(readAllFiles(home), before);
    });
  });

  describe('watch', () => {
    it('reports changes from another instance, and stops after dispose', async () => {
      const watched = await open();
      const writer = await open();
      let calls = 0;
      let notify: () => void = () => undefined;
      const subscription = watched.watch(() => {
        calls += 1;
        notify();
      });
      const changed = new Promise<void>((resolve) => (notify = resolve));
      await writer.createVault('vault');
      await Promise.race([changed, new Promise((_, reject) => setTimeout(() => reject(new Error('no change reported')), 3000))]);
      assert.ok(calls >= 1);
      subscription.dispose();
      const before = calls;
      await writer.createVault('another');
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(calls, before);
    });
  });

  describe('watch across processes', function () {
    this.timeout(30_000);

    it('reports a change made by another process', async () => {
      const store = await open();
      await store.createVault('shared');
      const changed = new Promise<void>((resolve) => store.watch(resolve));
      const child = spawnSync(process.execPath, ['-r', REGISTER, path.join(__dirname, 'fixtures', 'writer.ts'), home, 'create', 'child', '1'], {
        env: { ...process.env, SECRET_MANAGER_PASSPHRASE: PASSPHRASE },
        encoding: 'utf8',
      });
      assert.equal(child.status, 0, child.stderr);
      await Promise.race([changed, new Promise((_, reject) => setTimeout(() => reject(new Error('no change reported')), 3000))]);
      assert.equal((await store.listSecrets('shared'))[0].name, 'child-0');
    });

    it('does not keep the process alive', async () => {
      await (await open()).close();
      const child = spawnSync(process.execPath, ['-r', REGISTER, path.join(__dirname, 'fixtures', 'watch-and-exit.ts'), home], {
        env: { ...process.env, SECRET_MANAGER_PASSPHRASE: PASSPHRASE },
        encoding: 'utf8',
        timeout: 15_000,
      });
      assert.equal(child.stdout.trim(), 'watching', child.stderr);
      assert.equal(child.signal, null, 'the child had to be killed: the watcher kept it alive');
      assert.equal(child.status, 0);
    });
  });

  describe('with a real OS keychain', () => {
    before(function () {
      if (!process.env.SECRET_MANAGER_TEST_KEYRING) this.skip();
    });

    it('keeps the master key in the keychain when there is no passphrase, and reopens', async () => {
      const store = await openLocalStore({ home, env: {}, keychain: 'auto' });
      opened.push(store);
      assert.equal(store.keySource, 'keychain');
      assert.match(store.describeKeySource(), /OS keychain/);
      await store.createVault('vault');
      await store.createSecret({ vault: 'vault', key: 'token', value: CANARY });
      const reopened = await openLocalStore({ home, env: {}, keychain: 'auto' });
      opened.push(reopened);
      assert.equal(reopened.keySource, 'keychain');
      assert.equal(await reopened.revealSecret({ vault: 'vault', key: 'token' }), CANARY);
      await assert.rejects(openLocalStore({ home, env: {}, keychain: 'off' }), hasCode('keychain-unavailable'));
      const keyFile = JSON.parse(readFileSync(path.join(home, 'key.json'), 'utf8'));
      assert.equal(await openKeychainEntry(keyFile.slots[0].account).remove(), true);
    });

    it('reports a locked keychain as keychain-locked', function () {
      this.timeout(60_000);
      // Two fresh D-Bus sessions share one keyring folder: the first creates the keyring with one password
      // and the store's master key in it; the second "unlocks" it with another password, so it stays locked.
      const keyringFolder = makeTemporaryHome('secret-manager-keyring-');
      try {
        const env: NodeJS.ProcessEnv = { ...process.env, XDG_DATA_HOME: path.join(keyringFolder.home, 'data'), XDG_RUNTIME_DIR: keyringFolder.home };
        delete env.DBUS_SESSION_BUS_ADDRESS;
        delete env.SECRET_MANAGER_PASSPHRASE;
        const script = path.join(__dirname, '..', 'fixtures', 'open-store.ts');
        const session = (password: string) =>
          spawnSync(
            'dbus-run-session',
            [
              '--',
              'bash',
              '-c',
              `printf %s "$1" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
               "$2" -r "$3" "$4" "$5"
               daemon=$(gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
                 --method org.freedesktop.DBus.GetConnectionUnixProcessID org.freedesktop.secrets 2>/dev/null | grep -o "[0-9]\+" | tail -1)
               [ -n "$daemon" ] && kill "$daemon"; true`,
              'session',
              password,
              process.execPath,
              REGISTER,
              script,
              home,
            ],
            { env, encoding: 'utf8', timeout: 45_000 },
          );
        const first = session('right password');
        assert.equal(first.stdout.trim(), 'source keychain vaults 0', first.stderr);
        const locked = session('wrong password');
        assert.equal(locked.stdout.trim(), 'error keychain-locked', locked.stderr);
      } finally {
        keyringFolder.cleanup();
      }
    });
  });
});
