import assert from 'node:assert/strict';
import { NAME_PATTERN } from '../../../../src/core/model';
import { suggestSecretKeyName, toKebabCase } from '../../../../src/core/references/secret-key-name';

describe('core/references/secret-key-name', () => {
  it('turns identifiers and header names into kebab case', () => {
    assert.equal(toKebabCase('stripeApiKey'), 'stripe-api-key');
    assert.equal(toKebabCase('X-API_Key'), 'x-api-key');
    assert.equal(toKebabCase('HTTPServerToken'), 'http-server-token');
    assert.equal(toKebabCase('Ünïcödé Name'), 'unicode-name');
    assert.equal(toKebabCase('__'), '');
  });

  it('prefixes a header with its executor', () => {
    assert.equal(suggestSecretKeyName({ headerOrVariableName: 'Authorization', executorName: 'stripe-webhook' }), 'stripe-webhook-authorization');
    assert.equal(suggestSecretKeyName({ headerOrVariableName: 'X-Api-Key', executorName: 'slackNotify', fileName: 'slack.ts' }), 'slack-notify-x-api-key');
  });

  it('names a variable after itself', () => {
    assert.equal(suggestSecretKeyName({ headerOrVariableName: 'stripeApiKey' }), 'stripe-api-key');
    assert.equal(suggestSecretKeyName({ headerOrVariableName: 'stripeApiKey', fileName: '/x/billing.ts' }), 'stripe-api-key');
  });

  it('does not repeat a prefix the name already has', () => {
    assert.equal(suggestSecretKeyName({ headerOrVariableName: 'stripeWebhookToken', executorName: 'stripe-webhook' }), 'stripe-webhook-token');
    assert.equal(suggestSecretKeyName({ headerOrVariableName: 'stripe', executorName: 'stripe' }), 'stripe');
  });

  it('falls back to the file name, then to "secret"', () => {
    assert.equal(suggestSecretKeyName({ fileName: '/work/executors/github-push.test.ts' }), 'github-push');
    assert.equal(suggestSecretKeyName({ headerOrVariableName: '$$$' }), 'secret');
    assert.equal(suggestSecretKeyName({}), 'secret');
  });

  it('pads short names and cuts long ones', () => {
    assert.equal(suggestSecretKeyName({ headerOrVariableName: 'k' }), 'k-secret');
    const long = suggestSecretKeyName({ headerOrVariableName: 'a'.repeat(40), executorName: 'b'.repeat(40) });
    assert.equal(long.length, 63);
  });

  it('always gives a valid name, whatever the input', () => {
    let state = 42;
    const next = () => (state = (state * 1103515245 + 12345) % 2147483648);
    const alphabet = 'aZ09-_. $/\\éß漢😀-';
    const randomText = () => Array.from({ length: next() % 90 }, () => alphabet[next() % alphabet.length]).join('');
    for (let round = 0; round < 2000; round += 1) {
      const name = suggestSecretKeyName({ headerOrVariableName: randomText(), executorName: next() % 2 ? randomText() : undefined, fileName: randomText() });
      assert.match(name, NAME_PATTERN, `round ${round}`);
    }
  });
});
