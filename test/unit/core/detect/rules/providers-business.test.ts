import { fake, hex, join, randomText } from '../fake-credentials';
import { assertFoundInFiveContexts, assertNothingFound } from './five-contexts';

describe('core/detect/rules/providers-business', () => {
  it('finds Notion legacy integration tokens in the five contexts', async () => {
    await assertFoundInFiveContexts('secret-manager/notion-legacy-token', fake.notionLegacyToken);
  });

  it('finds Salesforce access tokens in the five contexts', async () => {
    await assertFoundInFiveContexts('secret-manager/salesforce-access-token', fake.salesforceAccessToken);
  });

  it('finds HubSpot private app tokens of any region in the five contexts', async () => {
    for (const region of ['na1', 'na2', 'eu1', 'ap1']) await assertFoundInFiveContexts('secret-manager/hubspot-access-token', () => fake.hubSpotToken(region));
  });

  it('finds Zendesk tokens where the line names Zendesk', async () => {
    await assertFoundInFiveContexts('secret-manager/zendesk-token', fake.zendeskToken, 'zendesk');
  });

  it('leaves near-misses alone', async () => {
    // "secret_" and an identifier; a 43-character one without digits or capitals.
    await assertNothingFound(`const name = "${join('sec', 'ret_', 'key_for_the_staging_environment_of_the_app')}";\n`);
    await assertNothingFound(`const name = "${join('sec', 'ret_', randomText(43, 'abcdefghijklmnopqrstuvwxyz'))}";\n`);
    await assertNothingFound(`const value = "${join('client_', 'sec', 'ret_', randomText(43))}";\n`);
    await assertNothingFound(`const id = "${join('00', 'D', randomText(12))}";\n`);
    await assertNothingFound(`const value = "${join('00', 'D', randomText(12), '!', 'short')}";\n`);
    await assertNothingFound(`const value = "${join('pa', 't-', 'us1-', fake.uuid())}";\n`);
    await assertNothingFound(`const value = "${join('com', 'pat-', 'na1-', fake.uuid())}";\n`);
    // A UUID or a commit hash without a provider keyword; a hash on a Zendesk line.
    await assertNothingFound(`const requestId = "${fake.uuid()}";\n`);
    await assertNothingFound(`const zendeskCommit = "${hex(40)}";\n`);
  });

  it('finds Typeform, Airtable, Contentful, Asana and Intercom tokens in the five contexts', async () => {
    await assertFoundInFiveContexts('secret-manager/typeform-token', fake.typeformToken);
    await assertFoundInFiveContexts('secret-manager/airtable-token', fake.airtableToken);
    await assertFoundInFiveContexts('secret-manager/contentful-token', fake.contentfulToken);
    for (const version of [1, 2] as const) await assertFoundInFiveContexts('secret-manager/asana-token', () => fake.asanaToken(version));
    await assertFoundInFiveContexts('secret-manager/intercom-token', fake.intercomToken);
  });

  it('finds LaunchDarkly, Adobe and Frame.io keys in the five contexts', async () => {
    for (const kind of ['api', 'sdk']) await assertFoundInFiveContexts('secret-manager/launchdarkly-key', () => fake.launchDarklyKey(kind));
    for (const [project, environment] of [['*', 'production'], ['default', 'development'], ['[]', 'production']]) {
      await assertFoundInFiveContexts('secret-manager/unleash-token', () => fake.unleashToken(project, environment));
    }
    await assertNothingFound(`const digest = "sha256:abc.${hex(64)}"; const words = "*:*.some-random-string";\n`);
    await assertFoundInFiveContexts('secret-manager/adobe-client-secret', fake.adobeClientSecret);
    await assertFoundInFiveContexts('secret-manager/frameio-token', fake.frameIoToken);
  });

  it('leaves near-misses of the newer business formats alone', async () => {
    await assertNothingFound(`const value = "${['tf', 'p_', 'your_token_here'].join('')}"; const path = "path.join";\n`);
    await assertNothingFound(`const date = "2024/1/15"; const ratio = "${['1', '/1', '2345678'].join('')}";\n`);
    await assertNothingFound(`const header = "api-version"; const id = "${['api', '-', 'gateway-v2'].join('')}";\n`);
    await assertNothingFound(`const encoded = "${Buffer.from(['tok', ':not-an-intercom-token-at-all-just-text'].join('')).toString('base64')}";\n`);
  });
});
