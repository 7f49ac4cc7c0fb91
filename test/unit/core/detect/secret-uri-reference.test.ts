import assert from 'node:assert/strict';
import { createDetector } from '../../../../src/core/detect/detector';
import { isInsideSecretReference } from '../../../../src/core/detect/secret-uri-reference';
import { fake } from './fake-credentials';

describe('core/detect/secret-uri-reference', () => {
  const detector = createDetector();

  it('tells a range inside a reference from one that reaches past it', () => {
    const text = 'A=1\nKEY=secret-manager://api-keys/stripe-key_Extra\n';
    const lineStart = 4;
    const keyStart = text.indexOf('stripe-key');
    assert.equal(isInsideSecretReference(text, lineStart, keyStart, keyStart + 'stripe-key'.length), true);
    assert.equal(isInsideSecretReference(text, lineStart, keyStart, keyStart + 'stripe-key_Extra'.length), false);
    assert.equal(isInsideSecretReference('KEY=api-keys/stripe-key', 0, 4, 10), false);
  });

  it('keeps the real detector from flagging references in a .env file, even keys named like tokens', async () => {
    const tokenShapedKey = fake.hubSpotToken();
    const bare = `HUBSPOT_TOKEN=${tokenShapedKey}\n`;
    // The same token is a finding when it is the value itself, so this test can fail.
    assert.ok((await detector.detect({ text: bare, filePath: '/workspace/.env' })).length > 0, 'the bare token is flagged');
    const text = [
      '# secrets come from Secret Manager',
      'STRIPE_SECRET_KEY=secret-manager://api-keys/stripe-secret-key',
      'export DATABASE_PASSWORD="secret-manager://db-credentials/postgres-password"\r',
      `HUBSPOT_TOKEN='secret-manager://crm/${tokenShapedKey}'`,
      '',
    ].join('\n');
    for (const filePath of ['/workspace/.env', '/workspace/.env.local']) {
      assert.deepEqual(await detector.detect({ text, filePath }), []);
    }
  });

  it('still flags a credential pasted after the scheme', async () => {
    const text = `STRIPE_SECRET_KEY=secret-manager://api-keys/${fake.stripeLive()}\n`;
    assert.ok((await detector.detect({ text, filePath: '/workspace/.env' })).length > 0);
  });
});
