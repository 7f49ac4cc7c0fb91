import assert from 'node:assert/strict';
import { fake, join, randomText, URL_SAFE } from '../fake-credentials';
import { assertFoundInFiveContexts, assertNothingFound, detect } from './five-contexts';

describe('core/detect/rules/private-keys', () => {
  it('finds age secret keys in the five contexts', async () => {
    await assertFoundInFiveContexts('secret-manager/age-secret-key', fake.ageSecretKey);
  });

  it('leaves near-misses alone', async () => {
    // "b", "i", "o" and "1" are not in bech32's alphabet, and the key is 58 characters long.
    await assertNothingFound(`const value = "${join('AGE-', 'SECRET-', 'KEY-1', 'B'.repeat(58))}";\n`);
    await assertNothingFound(`const value = "${join('AGE-', 'SECRET-', 'KEY-1', 'QPZRY9X8')}";\n`);
    await assertNothingFound(`// age identities start with ${join('AGE-', 'SECRET-', 'KEY-1')}.\n`);
  });

  describe('JSON Web Keys', () => {
    const jwkRule = 'secret-manager/jwk-private-key';
    const privateMembers = async (text: string, filePath?: string) => {
      const findings = await detect(text, filePath);
      return findings.filter((finding) => finding.ruleId === jwkRule).map((finding) => text.slice(finding.range[0], finding.range[1]));
    };

    it('reports the private member of RSA, EC and symmetric keys, before or after the kty', async () => {
      const d = randomText(43, URL_SAFE);
      const k = randomText(43, URL_SAFE);
      const rsa = `export const keys = [{ kty: 'RSA', n: '${randomText(342, URL_SAFE)}', e: 'AQAB', d: '${d}' }];\n`;
      assert.deepEqual(await privateMembers(rsa), [d]);
      const ec = `{"crv":"P-256","d":"${d}","kty":"EC","x":"${randomText(43, URL_SAFE)}","y":"${randomText(43, URL_SAFE)}"}\n`;
      assert.deepEqual(await privateMembers(ec, '/w/test/jwks.json'), [d]);
      assert.deepEqual(await privateMembers(`GOTRUE_JWT_KEYS=[{"kty":"oct","k":"${k}"}]\n`, '/w/hack/test.env'), [k]);
    });

    it('leaves public keys and placeholders alone', async () => {
      assert.deepEqual(await privateMembers(`{"kty":"EC","crv":"P-256","x":"${randomText(43, URL_SAFE)}","y":"${randomText(43, URL_SAFE)}"}\n`, '/w/jwks.json'), []);
      assert.deepEqual(await privateMembers(`{"kty":"RSA","n":"${randomText(342, URL_SAFE)}","e":"AQAB","d":"<private exponent>"}\n`, '/w/jwks.json'), []);
      await assertNothingFound('const docs = "kty is the key type, d its private part";\n');
    });
  });
});
