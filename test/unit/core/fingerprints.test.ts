import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ledgerFileName, openFingerprintLedger } from '../../../src/core/fingerprints';
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
      openFingerprintLedger({ home: 'relative-ledger-home', env: {}, connectionId: 'tailor:x', passphrase: 'p', keychain: 'off' }),
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
