import { fake, hex, join, randomText } from '../fake-credentials';
import { assertFoundInFiveContexts, assertNothingFound } from './five-contexts';

describe('core/detect/rules/providers-monitoring', () => {
  it('finds Sentry user and organization tokens in the five contexts', async () => {
    await assertFoundInFiveContexts('secret-manager/sentry-user-token', fake.sentryUserToken);
    await assertFoundInFiveContexts('secret-manager/sentry-org-token', fake.sentryOrgToken);
  });

  it('finds New Relic user, insert, browser and license keys in the five contexts', async () => {
    await assertFoundInFiveContexts('secret-manager/new-relic-key', fake.newRelicUserKey);
    await assertFoundInFiveContexts('secret-manager/new-relic-key', fake.newRelicInsertKey);
    await assertFoundInFiveContexts('secret-manager/new-relic-key', fake.newRelicBrowserKey);
    await assertFoundInFiveContexts('secret-manager/new-relic-license-key', fake.newRelicLicenseKey);
  });

  it("finds Grafana's legacy API keys and PostHog personal API keys in the five contexts", async () => {
    await assertFoundInFiveContexts('secret-manager/grafana-api-key', fake.grafanaApiKey);
    await assertFoundInFiveContexts('secret-manager/posthog-personal-key', fake.postHogPersonalKey);
  });

  it('leaves near-misses alone', async () => {
    // Too short, not hex, a payload that is not JSON, a prefix inside a longer word.
    await assertNothingFound(`const value = "${join('sntr', 'yu_', hex(40))}";\n`);
    await assertNothingFound(`const value = "${join('sntr', 'yu_', randomText(64, 'ghijklmnop'))}";\n`);
    await assertNothingFound(`const value = "${join('sntr', 'ys_', 'eyJ', Buffer.from(randomText(30)).toString('base64'), '_', randomText(43))}";\n`);
    await assertNothingFound(`const value = "${join('xNR', 'AK-', randomText(27, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'))}";\n`);
    await assertNothingFound(`const value = "${join('NR', 'AK-', 'YOUR_KEY_HERE')}";\n`);
    // A license key needs 36 hex before NRAL, no more.
    await assertNothingFound(`const value = "${join(hex(20), 'NR', 'AL')}";\n`);
    await assertNothingFound(`const value = "${join(hex(40), 'NR', 'AL')}";\n`);
    await assertNothingFound(`const status = "NRAL";\n`);
  });

  it('finds Dynatrace tokens in the five contexts', async () => {
    await assertFoundInFiveContexts('secret-manager/dynatrace-token', fake.dynatraceToken);
  });

  it('leaves near-misses of Dynatrace alone', async () => {
    await assertNothingFound(`const value = "${['dt0', 'c01.', 'ABC', '.', 'DEF'].join('')}";\n`);
    await assertNothingFound(`const value = "${join('eyJr', 'Ijoi', 'x'.repeat(80))}"; const event = "${join('ph', 'x_', 'click_on_the_button_to_submit_the_form_now')}";\n`);
  });
});
