import { fake, hex, join, randomText } from '../fake-credentials';
import { assertFinds, assertFoundInFiveContexts, assertNothingFound } from './five-contexts';

describe('core/detect/rules/tokens', () => {
  it('finds Telegram bot tokens in the five contexts', async () => {
    await assertFoundInFiveContexts('secret-manager/telegram-bot-token', fake.telegramBotToken);
  });

  it('finds a Telegram bot token in a Bot API URL path, without the "bot" before it', async () => {
    const token = fake.telegramBotToken();
    await assertFinds(`const url = "https://api.telegram.org/bot${token}/sendMessage";\n`, 'secret-manager/telegram-bot-token', token);
    await assertFinds(`const file = \`https://api.telegram.org/file/bot${token}/\${path}\`;\n`, 'secret-manager/telegram-bot-token', token);
  });

  it('leaves near-misses alone', async () => {
    const tail = join(':', 'A', 'A', randomText(33));
    // "bot" as part of a word, an id glued to other digits or letters.
    await assertNothingFound(`const value = "${join('robot', randomText(9, '123456789'), tail)}";\n`);
    await assertNothingFound(`const value = "${join('x', randomText(12, '123456789'), tail)}";\n`);
  });

  it("leaves a page's id at the end of its title in a URL alone, on a line naming Datadog", async () => {
    await assertNothingFound(`[Guide](https://www.notion.so/Contribution-Guide-${'19411c29298644df'}8e9656af45a7686d?pvs=21) for the datadog agent\n`, '/workspace/README.md');
  });

  it("reports a Datadog key under a key's name or beside one on its line, not the ids of Datadog's recorded responses", async () => {
    const key = hex(32);
    await assertFinds(`    uri: https://api.datadoghq.com/api/v1/validate?api_key=${key}\n`, 'secret-manager/datadog-key', key, '/w/tests/cassettes/validate.yaml');
    await assertFinds(`curl -X GET "https://api.datadoghq.com/api/v1/dashboard" -H "DD-API-KEY: ${key}"\n`, 'secret-manager/datadog-key', key, '/w/docs/datadog.md');
    await assertFinds(`datadog.initialize(options, ${'api' + '_key'}="${key}")\n`, 'secret-manager/datadog-key', key, '/w/app/metrics.py');
    await assertNothingFound(`    uri: https://api.datadoghq.com/api/v1/slo?ids=${hex(32)}\n`, '/w/tests/cassettes/slo.yaml');
    await assertNothingFound(`{"type":"service-definition","id":"${hex(32)}","attributes":{"meta":{"ingested-schema-version":"v2"}},"links":"https://app.datadoghq.com"}\n`, '/w/tests/cassettes/services.yaml');
    await assertNothingFound(`"auth_config":{"role_name":"DatadogIntegrationRole","external_id":"${hex(32)}"}\n`, '/w/tests/aws-integration.json');
  });
});
