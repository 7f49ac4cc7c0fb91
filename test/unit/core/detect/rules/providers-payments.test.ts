import { randomBytes } from 'node:crypto';
import { fake, join, randomText, URL_SAFE } from '../fake-credentials';
import { assertFoundInFiveContexts, assertNothingFound } from './five-contexts';

describe('core/detect/rules/providers-payments', () => {
  it('finds Square access tokens, OAuth tokens and application secrets in the five contexts', async () => {
    await assertFoundInFiveContexts('secret-manager/square-token', fake.squareAccessToken);
    await assertFoundInFiveContexts('secret-manager/square-token', fake.squareOauthAccessToken);
    await assertFoundInFiveContexts('secret-manager/square-token', fake.squareOauthSecret);
  });

  it('finds Plaid access tokens of every environment in the five contexts', async () => {
    for (const environment of ['sandbox', 'development', 'production']) {
      await assertFoundInFiveContexts('secret-manager/plaid-access-token', () => fake.plaidAccessToken(environment));
    }
  });

  it('finds Braintree access tokens in the five contexts', async () => {
    await assertFoundInFiveContexts('secret-manager/braintree-access-token', fake.braintreeToken);
    await assertFoundInFiveContexts('secret-manager/braintree-access-token', () => fake.braintreeToken('sandbox'));
    await assertFoundInFiveContexts('secret-manager/braintree-access-token', () => fake.braintreeClientSecret('sandbox'));
  });

  it('leaves near-misses alone', async () => {
    // A Facebook page token runs past Square's 64 characters.
    await assertNothingFound(`const value = "${join('EA', 'AA', randomText(120, URL_SAFE))}";\n`);
    await assertNothingFound(`const value = "${join('EA', 'AA', randomText(30, URL_SAFE))}";\n`);
    await assertNothingFound(`const value = "${join('sq0', 'csp-', randomText(20, URL_SAFE))}";\n`);
    await assertNothingFound(`const value = "${join('acc', 'ess-', 'staging-', fake.uuid())}";\n`);
    await assertNothingFound(`const value = "${join('acc', 'ess-', 'production-', 'token')}";\n`);
    await assertNothingFound(`const value = "${join('access_', 'token$', 'production$', 'merchant')}";\n`);
  });

  it('finds webhook signing secrets, Shippo, Flutterwave, Duffel and EasyPost keys in the five contexts', async () => {
    await assertFoundInFiveContexts('secret-manager/webhook-signing-secret', fake.webhookSigningSecret);
    // Svix's asymmetric signing key: an Ed25519 private key in base64.
    await assertFoundInFiveContexts('secret-manager/webhook-signing-secret', () => join('wh', 'sk_', randomBytes(64).toString('base64')));
    for (const mode of ['live', 'test']) await assertFoundInFiveContexts('secret-manager/shippo-token', () => fake.shippoToken(mode));
    for (const test of [false, true]) await assertFoundInFiveContexts('secret-manager/flutterwave-secret-key', () => fake.flutterwaveSecretKey(test));
    for (const mode of ['live', 'test']) await assertFoundInFiveContexts('secret-manager/duffel-token', () => fake.duffelToken(mode));
    for (const test of [false, true]) await assertFoundInFiveContexts('secret-manager/easypost-api-key', () => fake.easyPostKey(test));
  });

  it('leaves near-misses of the newer payment formats alone', async () => {
    await assertNothingFound(`const value = "${['wh', 'sec_', 'your_webhook_signing_secret'].join('')}"; const x = "${['wh', 'sec_', 'X'.repeat(32)].join('')}";\n`);
    await assertNothingFound(`const value = "${['shippo', '_live_', 'short'].join('')}"; const key = "${['FLW', 'SECK_TEST-', 'abc', '-X'].join('')}";\n`);
    await assertNothingFound(`const constant = "${['EZ', 'AK', 'EY_NAME'].join('')}";\n`);
    // A PNG's base64 holds runs of "A" (zero bytes): `EAAAABCAQAAAC1HAwCAAAAC0lEQVR42…`.
    await assertNothingFound(`${join('EA', 'AAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5Erk')}\n`);
  });
});
