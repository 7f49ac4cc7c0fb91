import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { authenticationCode, generateKey, keyedFingerprint } from '../../../src/core/crypto';
import { valueChecksum } from '../../../src/core/fingerprint-matcher';
import { FileFingerprintLedger, ledgerFileName, openFingerprintLedger } from '../../../src/core/fingerprints';
import { countHmacs } from '../helpers/count-hmac';
import { isSecretManagerError } from '../../../src/core/model';
import { makeTemporaryHome, readAllFiles } from '../helpers/temporary-home';

const CANARY = 'canary-tailor-token-93be1';

describe('core/fingerprints', () => {
  let home: string;
  let cleanup: () => void;
  const open = (connectionId = 'tailor:staging', passphrase = 'ledger passphrase') =>
    openFingerprintLedger({ home, env: {}, connectionId, passphrase, keychain: 'off' });
  beforeEach(() => ({ home, cleanup } = makeTemporaryHome()));
  afterEach(() => cleanup());

  it('records, matches and forgets values by keyed fingerprint', async () => {
    const ledger = await open();
    assert.deepEqual((await ledger.matcher())(CANARY), []);
    await ledger.record({ vault: 'api-keys', key: 'stripe' }, CANARY);
    await ledger.record({ vault: 'api-keys', key: 'copy' }, CANARY);
    await ledger.record({ vault: 'other', key: 'token' }, 'something else');
    const matcher = await ledger.matcher();
    assert.deepEqual(matcher(CANARY).map((reference) => reference.key).sort(), ['copy', 'stripe']);
    assert.deepEqual(matcher('something else'), [{ vault: 'other', key: 'token' }]);
    assert.deepEqual(matcher('unknown'), []);
    await ledger.record({ vault: 'api-keys', key: 'stripe' }, 'rotated');
    await ledger.forget({ vault: 'api-keys', key: 'copy' });
    const after = await ledger.matcher();
    assert.deepEqual(after(CANARY), []);
    assert.deepEqual(after('rotated'), [{ vault: 'api-keys', key: 'stripe' }]);
  });

  it('computes the HMAC of no literal whose length or checksum is no recorded value\'s', async () => {
    const ledger = await open();
    await ledger.record({ vault: 'api-keys', key: 'stripe' }, CANARY);
    await ledger.record({ vault: 'api-keys', key: 'unicode' }, 'grüße 🔑 秘密');
    await ledger.record({ vault: 'api-keys', key: 'forgotten' }, 'a forgotten value');
    await ledger.forget({ vault: 'api-keys', key: 'forgotten' });
    const matcher = await ledger.matcher();
    const others = ['canary-tailor-token-93be2', 'canary-tailor-token-93be', 'grüsse 🔑 秘密', 'a forgotten value', 'x'.repeat(300)];
    assert.deepEqual(countHmacs(() => others.map((literal) => matcher(literal))), { result: others.map(() => []), hmacs: 0 });
    const hits = countHmacs(() => [matcher(CANARY), matcher('grüße 🔑 秘密')]);
    assert.deepEqual(hits, { result: [[{ vault: 'api-keys', key: 'stripe' }], [{ vault: 'api-keys', key: 'unicode' }]], hmacs: 2 });
  });

  it('keeps the lengths and checksums sealed', async () => {
    const ledger = await open();
    await ledger.record({ vault: 'api-keys', key: 'stripe' }, CANARY);
    const text = readFileSync(path.join(home, 'fingerprints', ledgerFileName('tailor:staging')), 'utf8');
    assert.deepEqual(Object.keys(JSON.parse(text).body.valueChecks).sort(), ['ciphertext', 'nonce']);
    assert.ok(!text.includes(String(valueChecksum(CANARY))) && !text.includes('byteLength'));
  });

  it('a ledger written before lengths were kept matches every literal, and keeps doing so for its old entries', async () => {
    const fingerprintKey = generateKey();
    const macKey = generateKey();
    const file = path.join(home, 'fingerprints', ledgerFileName('tailor:staging'));
    mkdirSync(path.dirname(file), { recursive: true });
    const body = { connectionId: 'tailor:staging', fingerprints: { 'api-keys/stripe': keyedFingerprint(fingerprintKey, CANARY) } };
    const bodyText = JSON.stringify(body);
    writeFileSync(file, `{"format":"secret-manager-fingerprint-ledger","mac":"${authenticationCode(macKey, bodyText)}","body":${bodyText}}\n`);
    const ledger = new FileFingerprintLedger(file, 'tailor:staging', fingerprintKey, macKey, generateKey());
    const old = await ledger.matcher();
    assert.equal(old.valueByteLengths, undefined);
    assert.deepEqual(countHmacs(() => old(CANARY)), { result: [{ vault: 'api-keys', key: 'stripe' }], hmacs: 1 });
    assert.deepEqual(countHmacs(() => old('a literal of another length')), { result: [], hmacs: 1 });
    await ledger.record({ vault: 'api-keys', key: 'github' }, 'ghp_recorded_after_the_upgrade');
    const upgraded = await ledger.matcher();
    assert.deepEqual(upgraded(CANARY), [{ vault: 'api-keys', key: 'stripe' }]);
    assert.deepEqual(upgraded('ghp_recorded_after_the_upgrade'), [{ vault: 'api-keys', key: 'github' }]);
    assert.deepEqual(countHmacs(() => upgraded('a literal of another length')), { result: [], hmacs: 1 });
    await ledger.record({ vault: 'api-keys', key: 'stripe' }, CANARY);
    const rerecorded = await ledger.matcher();
    assert.deepEqual(countHmacs(() => rerecorded('a literal of another length')), { result: [], hmacs: 0 });
    assert.deepEqual(rerecorded(CANARY), [{ vault: 'api-keys', key: 'stripe' }]);
  });

  it('persists in its own private file under the home, without the value', async () => {
    const ledger = await open();
    await ledger.record({ vault: 'api-keys', key: 'stripe' }, CANARY);
    const files = readdirSync(path.join(home, 'fingerprints'));
    assert.deepEqual(files, [ledgerFileName('tailor:staging')]);
    const file = path.join(home, 'fingerprints', files[0]);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    for (const { file: name, bytes } of readAllFiles(home)) {
      assert.ok(!bytes.includes(CANARY) && !bytes.includes(Buffer.from(CANARY).toString('base64')), `${name} holds the value`);
    }
    const reopened = await open();
    assert.deepEqual((await reopened.matcher())(CANARY), [{ vault: 'api-keys', key: 'stripe' }]);
  });

  it('keeps connections apart', async () => {
    const staging = await open('tailor:staging');
    const production = await open('tailor:production');
    await staging.record({ vault: 'api-keys', key: 'stripe' }, CANARY);
    assert.deepEqual((await production.matcher())(CANARY), []);
    assert.notEqual(ledgerFileName('tailor:a/b'), ledgerFileName('tailor:a_b'));
    assert.match(ledgerFileName('tailor:../../etc'), /^[a-zA-Z0-9._-]+$/);
  });

  it('cannot match with another home key: a wrong passphrase is refused', async () => {
    await (await open()).record({ vault: 'api-keys', key: 'stripe' }, CANARY);
    await assert.rejects(open('tailor:staging', 'wrong'), (error) => isSecretManagerError(error, 'wrong-passphrase'));
  });

  it('refuses a tampered file as corrupted-store', async () => {
    const ledger = await open();
    await ledger.record({ vault: 'api-keys', key: 'stripe' }, CANARY);
    const file = path.join(home, 'fingerprints', ledgerFileName('tailor:staging'));
    const json = JSON.parse(readFileSync(file, 'utf8'));
    json.body.fingerprints['api-keys/other'] = json.body.fingerprints['api-keys/stripe'];
    writeFileSync(file, JSON.stringify(json));
    await assert.rejects(ledger.matcher(), (error) => isSecretManagerError(error, 'corrupted-store'));
    await assert.rejects(ledger.record({ vault: 'api-keys', key: 'x-y-z' }, 'v'), (error) => isSecretManagerError(error, 'corrupted-store'));
  });

  it('validates its input', async () => {
    const ledger = await open();
    await assert.rejects(ledger.record({ vault: 'Bad', key: 'stripe' }, CANARY), (error) => isSecretManagerError(error, 'invalid-input'));
    await assert.rejects(ledger.record({ vault: 'api-keys', key: 'stripe' }, ''), (error) => isSecretManagerError(error, 'invalid-input'));
    await assert.rejects(open(''), (error) => isSecretManagerError(error, 'invalid-input'));
    await assert.rejects(
      openFingerprintLedger({ home: 'relative-ledger-home', env: {}, connectionId: 'tailor:x', passphrase: 'p passphrase, long enough', keychain: 'off' }),
      (error) => isSecretManagerError(error, 'invalid-input') && /relative path/.test(error.message),
    );
  });

  it('loses no record when writes race', async () => {
    const ledger = await open();
    const other = await open();
    await Promise.all(
      Array.from({ length: 20 }, (_, index) => (index % 2 ? ledger : other).record({ vault: 'api-keys', key: `key-${index}` }, `value-${index}`)),
    );
    const matcher = await ledger.matcher();
    for (let index = 0; index < 20; index++) assert.deepEqual(matcher(`value-${index}`), [{ vault: 'api-keys', key: `key-${index}` }]);
  });
});
