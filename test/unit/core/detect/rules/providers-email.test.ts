import { fake, hex, join, randomText } from '../fake-credentials';
import { assertFoundInFiveContexts, assertNothingFound } from './five-contexts';

describe('core/detect/rules/providers-email', () => {
  it('finds Postmark tokens where the line names Postmark', async () => {
    await assertFoundInFiveContexts('secret-manager/postmark-token', fake.postmarkServerToken, 'postmark');
  });

  it('finds SparkPost keys where the line names SparkPost', async () => {
    await assertFoundInFiveContexts('secret-manager/sparkpost-api-key', fake.sparkPostKey, 'sparkpost');
  });

  it('finds Mandrill keys in the five contexts', async () => {
    await assertFoundInFiveContexts('secret-manager/mandrill-api-key', fake.mandrillKey);
  });

  it('finds the SendGrid keys the preset and the project rule report, and Mailgun keys', async () => {
    await assertFoundInFiveContexts('@secretlint/secretlint-rule-sendgrid', fake.sendGridKey);
    await assertFoundInFiveContexts('secret-manager/sendgrid-api-key', fake.sendGridKeyWithDash);
    await assertFoundInFiveContexts('secret-manager/mailgun-api-key', fake.mailgunKey);
  });

  it('leaves near-misses alone', async () => {
    await assertNothingFound(`const messageId = "${fake.uuid()}";\n`);
    await assertNothingFound(`const postmarkTemplate = "welcome-email";\n`);
    await assertNothingFound(`const sparkpostRelease = "${randomText(40, 'abcdef')}";\n`);
    await assertNothingFound(`<button class="${join('m', 'd-', 'button-toggle-group-xy')}"></button>\n`, '/workspace/src/view.html');
    await assertNothingFound(`<div class="${join('col-', 'm', 'd-', randomText(22))}"></div>\n`, '/workspace/src/view.html');
    await assertNothingFound(`const value = "${join('ke', 'y-', 'value-of-the-settings')}";\n`);
    await assertNothingFound(`const value = "${join('ke', 'y-', hex(16))}";\n`);
  });

  it('finds Brevo, Mailchimp and Resend keys in the five contexts', async () => {
    await assertFoundInFiveContexts('secret-manager/brevo-api-key', fake.brevoKey);
    await assertFoundInFiveContexts('secret-manager/mailchimp-api-key', fake.mailchimpKey);
    await assertFoundInFiveContexts('secret-manager/resend-api-key', fake.resendKey);
  });

  it('leaves near-misses of Mailchimp and Resend alone', async () => {
    await assertNothingFound(`const locale = "en-us"; const region = "${['eu', '-us', '1'].join('')}"; const path = "/${['docs', '-us', '2'].join('')}";\n`);
    // "re_" is short: only 8 and 24 base62 characters mixing case and digits count.
    await assertNothingFound(`const value = "${['r', 'e_', 'compiled', '_', 'patternsForTheFormValues'].join('')}";\n`);
    await assertNothingFound(`const value = "${['r', 'e_', '123456789'].join('')}";\n`);
  });
});
