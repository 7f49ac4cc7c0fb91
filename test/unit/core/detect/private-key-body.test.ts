import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { isCutShortPrivateKey } from '../../../../src/core/detect/private-key-body';
import { assertNothingFound } from './rules/five-contexts';

const pemOf = (type: 'rsa' | 'ec' | 'ed25519', format: 'pkcs1' | 'sec1' | 'pkcs8') => {
  const options = type === 'rsa' ? { modulusLength: 512 } : type === 'ec' ? { namedCurve: 'P-256' } : {};
  const { privateKey } = generateKeyPairSync(type as 'rsa', options as { modulusLength: number });
  return privateKey.export({ format: 'pem', type: format }).toString();
};

describe('core/detect/private-key-body', () => {
  it('keeps the smallest real keys of every type whole: 512-bit RSA, P-256 SEC1, Ed25519 PKCS#8', () => {
    for (const pem of [pemOf('rsa', 'pkcs1'), pemOf('rsa', 'pkcs8'), pemOf('ec', 'sec1'), pemOf('ed25519', 'pkcs8')]) {
      assert.equal(isCutShortPrivateKey(pem), false, pem.split('\n')[0]);
      assert.equal(isCutShortPrivateKey(pem.replace(/\n/g, '\\n')), false, 'written with \\n escapes');
    }
  });

  it('finds a key cut down to a few lines for its type', () => {
    const rsa = pemOf('rsa', 'pkcs1').split('\n');
    const cut = [rsa[0], rsa[1], rsa[2], rsa.at(-2)].join('\n');
    assert.equal(isCutShortPrivateKey(cut), true);
    assert.equal(isCutShortPrivateKey(`-----BEGIN RSA PRIVATE KEY-----\\nQyNTUxOQAAACCtrF27B/zd9DEpd38IbVBy93wSeYXKU0AGXMyO8ePu2QAAAKBSzpYEUs6W\\n-----END RSA PRIVATE KEY-----`), true);
  });

  it('counts no header line of an encrypted legacy key as body', () => {
    const body = pemOf('rsa', 'pkcs1').split('\n').slice(1, 3).join('\n');
    const legacy = `-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,${'A1'.repeat(16)}\n\n${body}\n-----END RSA PRIVATE KEY-----`;
    assert.equal(isCutShortPrivateKey(legacy), true);
  });

  it("drops the preset's report of a cut-short key too", async () => {
    const rsa = pemOf('rsa', 'pkcs1').split('\n');
    await assertNothingFound(`KEY = """\n${[rsa[0], rsa[1], rsa[2], rsa[3], rsa.at(-2)].join('\n')}\n"""\n`, '/w/tests/logstash_test.py');
  });
});
