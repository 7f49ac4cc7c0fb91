import { fake, join, randomText } from '../fake-credentials';
import assert from 'node:assert/strict';
import { assertFoundInFiveContexts, assertNothingFound, detect } from './five-contexts';

describe('core/detect/rules/providers-social', () => {
  it('finds DingTalk, Feishu and WeCom robot webhooks in the five contexts', async () => {
    await assertFoundInFiveContexts('secret-manager/chat-robot-webhook', fake.dingTalkWebhook);
    await assertFoundInFiveContexts('secret-manager/chat-robot-webhook', fake.feishuWebhook);
    await assertFoundInFiveContexts('secret-manager/chat-robot-webhook', fake.weComWebhook);
  });

  it('leaves robot webhooks with a stand-in token alone', async () => {
    await assertNothingFound(`webhook: "${join('https://oapi.ding', 'talk.com/robot/send?access_token=', '0'.repeat(64))}"\n`);
    await assertNothingFound(`url = "${join('https://qyapi.weixin', '.qq.com/cgi-bin/webhook/send?key=')}YOUR_KEY"\n`);
  });

  it('finds Twitter bearer tokens and Facebook access tokens in the five contexts', async () => {
    await assertFoundInFiveContexts('secret-manager/twitter-bearer-token', fake.twitterBearerToken);
    await assertFoundInFiveContexts('secret-manager/facebook-access-token', fake.facebookAccessToken);
  });

  it('finds Dropbox access tokens and Mapbox secret tokens in the five contexts', async () => {
    await assertFoundInFiveContexts('secret-manager/dropbox-access-token', fake.dropboxAccessToken);
    await assertFoundInFiveContexts('secret-manager/mapbox-secret-token', fake.mapboxSecretToken);
  });

  it('leaves Square tokens to the Square rule', async () => {
    await assertFoundInFiveContexts('secret-manager/square-token', fake.squareAccessToken);
  });

  it('leaves near-misses alone', async () => {
    await assertNothingFound(`const value = "${join('EA', 'AG', randomText(40))}";\n`);
    // Zero bytes in base64 data run to many "A"s, but inside the data.
    await assertNothingFound(`const image = "data:image/png;base64,${randomText(20)}${'A'.repeat(30)}${randomText(90)}";\n`);
    await assertNothingFound(`const value = "${join('s', 'l.', 'short')}"; const module = "${join('s', 'l.', 'ui.components')}";\n`);
    await assertNothingFound(`const value = "${join('s', 'k.', 'ey', 'J', randomText(30), '.', randomText(22))}";\n`);
  });

  it('finds Discord bot tokens in the five contexts that name Discord, and in discord.js login calls', async () => {
    await assertFoundInFiveContexts('secret-manager/discord-bot-token', fake.discordBotToken, 'discord');
    const token = fake.discordBotToken();
    const findings = await detect(`client.login("${token}");\n`);
    assert.deepEqual(findings.map((finding) => finding.ruleId), ['secret-manager/discord-bot-token']);
    const run = await detect(`bot.run('${token}')\n`, '/workspace/bot/main.py');
    assert.deepEqual(run.map((finding) => finding.ruleId), ['secret-manager/discord-bot-token'], "discord.py's run call");
  });

  it('finds Discord bot tokens on lines of their own in a file whose path names Discord, and only there', async () => {
    const text = `CASES = [\n    (\n        '${fake.discordBotToken()}',\n        True,\n    ),\n]\n`;
    const inDiscordTests = await detect(text, '/workspace/tests/plugins/discord_test.py');
    assert.deepEqual(inDiscordTests.map((finding) => [finding.ruleId, finding.line]), [['secret-manager/discord-bot-token', 3]]);
    assert.deepEqual(await detect(text, '/workspace/tests/plugins/cases.py'), []);
  });

  it('leaves a Discord-shaped token whose first part is not a base64 id alone', async () => {
    await assertNothingFound(`// discord\nconst value = "${join('M', randomText(25), '.', randomText(6), '.', randomText(38))}";\n`);
  });
});
