import assert from 'node:assert/strict';
import { keyedFingerprint, generateKey } from '../../../../src/core/crypto';
import { createDetector, KNOWN_SECRET_RULE_ID } from '../../../../src/core/detect/detector';
import type { SecretReference } from '../../../../src/core/model';
import type { FingerprintMatcher } from '../../../../src/core/store';
import { openLocalStore } from '../../../../src/core/stores/local';
import { makeTemporaryHome } from '../../helpers/temporary-home';
import { randomText } from './fake-credentials';

/** A matcher the way a store builds one: keyed HMACs of the values, never the values. */
function hmacMatcher(secrets: { reference: SecretReference; value: string }[]): FingerprintMatcher & { calls: number } {
  const key = generateKey();
  const byFingerprint = new Map<string, SecretReference[]>();
  for (const { reference, value } of secrets) {
    const fingerprint = keyedFingerprint(key, value);
    byFingerprint.set(fingerprint, [...(byFingerprint.get(fingerprint) ?? []), reference]);
  }
  const matcher = Object.assign((literal: string) => {
    matcher.calls += 1;
    return byFingerprint.get(keyedFingerprint(key, literal)) ?? [];
  }, { calls: 0 });
  return matcher;
}

describe('core/detect known-secret matching', () => {
  const detector = createDetector();
  const value = `v${randomText(15)}`;
  const reference = { vault: 'api-keys', key: 'stripe-secret-key' };

  it('reports a literal that is a stored value, even when no pattern matches it', async () => {
    const matcher = hmacMatcher([{ reference, value }]);
    const text = `const options = { region: "eu-west-1", label: "${value}" };\n`;
    const findings = await detector.detect({ text, filePath: '/w/src/app.ts', fingerprintMatcher: matcher });
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.equal(finding.ruleId, KNOWN_SECRET_RULE_ID);
    assert.equal(finding.severity, 'error');
    assert.equal(finding.message, 'This is the value of api-keys/stripe-secret-key');
    assert.deepEqual(finding.matchedSecret, reference);
    assert.equal(text.slice(finding.range[0], finding.range[1]), value);
    assert.ok(!JSON.stringify(finding).includes(value));
  });

  it('finds it in single quotes, template literals without substitutions, escaped strings and .env values', async () => {
    const matcher = hmacMatcher([{ reference, value }]);
    const escaped = `${value.slice(0, 4)}\\u00${value.charCodeAt(4).toString(16)}${value.slice(5)}`;
    const cases: [string, string][] = [
      [`x('${value}')`, '/w/a.ts'],
      [`const t = \`${value}\`;`, '/w/a.ts'],
      [`const e = "${escaped}";`, '/w/a.ts'],
      [`STRIPE=${value}\n`, '/w/.env'],
      [`stripe:\n  key: ${value}\n`, '/w/config.yml'],
    ];
    for (const [text, filePath] of cases) {
      const findings = await detector.detect({ text, filePath, fingerprintMatcher: matcher });
      assert.deepEqual(findings.map((finding) => finding.ruleId), [KNOWN_SECRET_RULE_ID], text);
    }
  });

  it('skips literals shorter than 8 characters and template literals with substitutions', async () => {
    const short = randomText(7);
    const matcher = hmacMatcher([{ reference, value: short }, { reference: { vault: 'v-1', key: 'k-1' }, value: `${value}\${x}` }]);
    const text = `const a = "${short}"; const b = \`${value}\${x}\`;`;
    assert.deepEqual(await detector.detect({ text, filePath: '/w/a.ts', fingerprintMatcher: matcher }), []);
  });

  it('names every secret that holds the value', async () => {
    const other = { vault: 'billing', key: 'stripe-key' };
    const matcher = hmacMatcher([{ reference, value }, { reference: other, value }]);
    const [finding] = await detector.detect({ text: `k = "${value}"`, filePath: '/w/a.py', fingerprintMatcher: matcher });
    assert.equal(finding.message, 'This is the value of api-keys/stripe-secret-key, billing/stripe-key');
  });

  it('does nothing without a matcher, and a different value does not match', async () => {
    const matcher = hmacMatcher([{ reference, value }]);
    assert.deepEqual(await detector.detect({ text: `x = "${value}"`, filePath: '/w/a.ts' }), []);
    assert.deepEqual(await detector.detect({ text: `x = "${value}X"`, filePath: '/w/a.ts', fingerprintMatcher: matcher }), []);
    assert.ok(matcher.calls > 0);
  });

  it('does not look for literals when no stored value is long enough to be one', async () => {
    const matcher = Object.assign(hmacMatcher([{ reference, value: 'short' }]), { valueByteLengths: new Set([5]) });
    assert.deepEqual(await detector.detect({ text: `x = "${value}"; y = "short"`, filePath: '/w/a.ts', fingerprintMatcher: matcher }), []);
    assert.equal(matcher.calls, 0);
  });

  it('finds stored values through the matcher of a real store, with their lengths', async () => {
    const { home, cleanup } = makeTemporaryHome();
    try {
      const store = await openLocalStore({ home, env: {}, passphrase: 'known secret passphrase', keychain: 'off' });
      await store.createVault('api-keys');
      await store.createSecret({ ...reference, value });
      const sameLengthOtherValue = `${value.slice(0, -1)}${value.endsWith('X') ? 'Y' : 'X'}`;
      const findings = await detector.detect({ text: `a("${value}"); b("${sameLengthOtherValue}"); c("other length")`, filePath: '/w/a.ts', fingerprintMatcher: await store.fingerprintMatcher() });
      assert.deepEqual(findings.map((finding) => [finding.ruleId, finding.matchedSecret]), [[KNOWN_SECRET_RULE_ID, reference]]);
      await store.close();
    } finally {
      cleanup();
    }
  });
});
