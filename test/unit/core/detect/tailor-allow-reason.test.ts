import assert from 'node:assert/strict';
import { createDetector } from '../../../../src/core/detect/detector';
import { isAllowedWithReason } from '../../../../src/core/detect/tailor-allow-reason';
import { fake } from './fake-credentials';

describe('core/detect/tailor-allow-reason', () => {
  const allowedAt = (text: string, value: string) => isAllowedWithReason(text, text.indexOf(value));

  it('allows the value of an object with a non-empty allowSecretReason, on either side of it', () => {
    const value = 'VALUE-UNDER-TEST';
    assert.equal(allowedAt(`env: {\n  KEY: { value: "${value}", allowSecretReason: "public test key" },\n}`, value), true);
    assert.equal(allowedAt(`env: {\n  KEY: {\n    allowSecretReason: 'rotated weekly',\n    value: '${value}',\n  },\n}`, value), true);
    assert.equal(allowedAt(`{ "value": "${value}", "allowSecretReason": "fixture" }`, value), true);
  });

  it('does not allow without a reason, with an empty one, or in another object', () => {
    const value = 'VALUE-UNDER-TEST';
    assert.equal(allowedAt(`KEY: { value: "${value}" }`, value), false);
    assert.equal(allowedAt(`KEY: { value: "${value}", allowSecretReason: "" }`, value), false);
    assert.equal(allowedAt(`KEY: { value: "${value}", allowSecretReason: "   " }`, value), false);
    assert.equal(allowedAt(`A: { value: "${value}" }, B: { value: "x", allowSecretReason: "fixture" }`, value), false);
    // A nested object's reason is not this object's.
    assert.equal(allowedAt(`A: { value: "${value}", meta: { allowSecretReason: "fixture" } }`, value), false);
    // Another property than value.
    assert.equal(allowedAt(`A: { token: "${value}", allowSecretReason: "fixture" }`, value), false);
    // The word inside a string or comment is no property.
    assert.equal(allowedAt(`A: { value: "${value}", note: "allowSecretReason: 'x'" }`, value), false);
    assert.equal(allowedAt(`A: { value: "${value}", // allowSecretReason: "x"\n }`, value), false);
  });

  it('drops the finding in a defineConfig env entry, and only there', async () => {
    const detector = createDetector();
    const key = fake.stripeLive();
    const config = (entry: string) => `export default defineConfig({\n  name: "app",\n  env: {\n    STRIPE_KEY: ${entry},\n  },\n});\n`;
    const count = async (text: string) => (await detector.detect({ text, filePath: '/w/tailor.config.ts' })).length;
    assert.equal(await count(config(`{ value: "${key}", allowSecretReason: "test-mode key shared with the team" }`)), 0);
    assert.equal(await count(config(`{ value: "${key}" }`)), 1);
    assert.equal(await count(config(`"${key}"`)), 1);
  });
});
