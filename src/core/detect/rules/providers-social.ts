import type { ProjectRule } from '../project-rule';
import { decodesToJsonObject } from '../decoded-text';
import { isOneCharacterRepeated } from '../stand-in-tokens';
import { wholeMatchIfCredential, wholeMatchIfRandomBase62 } from './credential-match';
import { formatRule } from './format-rule';

/**
 * Twitter (X) app-only bearer tokens: 21 or more "A"s (the zero bytes of their binary head) and
 * 70–120 more characters, "%" among them (they are URL-encoded).
 */
export const twitterBearerTokenRule = formatRule({
  id: 'secret-manager/twitter-bearer-token',
  title: 'Twitter (X) bearer token',
  requiredText: ['AAAAAAAAAAAAAAAAAAAAA'],
  pattern: /(?<![\w%+/-])A{21}([A-Za-z0-9%]{70,120})(?![\w%+/=-])/dg,
  accept: wholeMatchIfRandomBase62,
});

/**
 * Facebook (Meta) access tokens: "EAA", the app's letter and 100 or more base62 characters
 * (Square's "EAAA" tokens are 64 characters long and have a rule of their own).
 */
export const facebookAccessTokenRule = formatRule({
  id: 'secret-manager/facebook-access-token',
  title: 'Facebook access token',
  requiredText: ['EAA'],
  pattern: /(?<![\w+/-])EAA[B-Za-z0-9]([A-Za-z0-9]{100,400})(?![\w+/=-])/dg,
  accept: wholeMatchIfRandomBase62,
});

/** Dropbox short-lived access tokens: "sl." (or "sl.u.") and 130 or more characters. */
export const dropboxAccessTokenRule = formatRule({
  id: 'secret-manager/dropbox-access-token',
  title: 'Dropbox access token',
  requiredText: ['sl.'],
  pattern: /(?<![\w.-])sl\.(?:u\.)?([\w-]{130,2000})(?![\w.-])/dg,
  accept: wholeMatchIfRandomBase62,
});

/** Mapbox secret access tokens: "sk.", a base64url JSON payload (user and key id), ".", and the secret. */
export const mapboxSecretTokenRule = formatRule({
  id: 'secret-manager/mapbox-secret-token',
  title: 'Mapbox secret access token',
  requiredText: ['sk.eyJ'],
  pattern: /(?<![\w.-])sk\.(eyJ[\w-]{10,400})\.[\w-]{20,30}(?![\w.-])/dg,
  accept: (match) => (decodesToJsonObject(match[1]) ? wholeMatchIfCredential(match) : undefined),
});

/**
 * Discord bot tokens: the bot's id (17–20 digits) in base64, a timestamp and an HMAC. Only on lines
 * that name Discord, a bot token, `.login(` or `.run(`, or in a file whose path names Discord; the id
 * must decode to digits.
 */
export const discordBotTokenRule: ProjectRule = {
  id: 'secret-manager/discord-bot-token',
  title: 'Discord bot token',
  severity: 'error',
  certainty: 'certain',
  // discord.py's `client.run("…")` and discord.js's `client.login("…")` pass the token alone.
  keywords: ['discord', 'bot_?token', '\\.login\\(', '\\.run\\('],
  pathKeywords: /discord/i,
  pattern: /(?<![\w.-])([MNO][A-Za-z0-9]{22,27})\.[\w-]{6}\.[\w-]{27,38}(?![\w.-])/dg,
  accept(match) {
    const id = Buffer.from(match[1], 'base64').toString('latin1');
    if (!/^\d{17,20}$/.test(id)) return undefined;
    return wholeMatchIfCredential(match);
  },
};

/**
 * Group-chat robot webhooks of DingTalk (`access_token=` and 64 hex), Feishu and Lark (a UUID after
 * `/bot/v2/hook/`) and WeCom (`key=` and a UUID): whoever holds the URL posts into the group.
 */
export const chatRobotWebhookRule = formatRule({
  id: 'secret-manager/chat-robot-webhook',
  title: 'DingTalk, Feishu or WeCom robot webhook URL',
  requiredText: ['https://oapi.dingtalk.com/robot/send', 'https://open.feishu.cn/open-apis/bot/', 'https://open.larksuite.com/open-apis/bot/', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send'],
  pattern:
    /https:\/\/(?:oapi\.dingtalk\.com\/robot\/send\?access_token=([0-9a-f]{64})|open\.(?:feishu\.cn|larksuite\.com)\/open-apis\/bot\/v2\/hook\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})|qyapi\.weixin\.qq\.com\/cgi-bin\/webhook\/send\?key=([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}))(?![\w-])/dg,
  // `access_token=000…0`, `key=xxxxxxxx-…`: one character typed where the token goes.
  accept: (match) => (isOneCharacterRepeated((match[1] ?? match[2] ?? match[3] ?? '').replace(/-/g, '')) ? undefined : wholeMatchIfCredential(match)),
});
