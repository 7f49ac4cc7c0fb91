// Fake credentials, assembled at run time so that no token-shaped literal sits in the repository
// (vsce and push protection refuse those). Each call gives a fresh random one.
import { randomBytes } from 'node:crypto';

const join = (...parts: string[]): string => parts.join('');
const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function randomText(length: number, alphabet = ALPHANUMERIC): string {
  let text = '';
  for (const byte of randomBytes(length)) text += alphabet[byte % alphabet.length];
  return text;
}

const hex = (length: number): string => randomText(length, '0123456789abcdef');
const base64 = (bytes: number): string => randomBytes(bytes).toString('base64');

export const fake = {
  stripeLive: () => join('sk_', 'live_', randomText(24)),
  githubToken: () => join('gh', 'p_', randomText(36)),
  awsAccessKeyId: () => join('AK', 'IA', randomText(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')),
  slackBotToken: () => join('xo', 'xb-', randomText(12, '0123456789'), '-', randomText(13, '0123456789'), '-', randomText(24)),
  twilioAccountSid: () => join('A', 'C', hex(32)),
  twilioApiKeySid: () => join('S', 'K', hex(32)),
  twilioAuthToken: () => hex(32),
  /** A JWT whose header decodes to JSON, as a real one's does; the payload and signature are random. */
  jsonWebToken: () =>
    join(Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid: randomText(8) })).toString('base64url'), '.', 'ey', 'J', randomText(40), '.', randomText(43, `${ALPHANUMERIC}-_`)),
  googleApiKey: () => join('AI', 'za', randomText(35, `${ALPHANUMERIC}-_`)),
  azureAccountKey: () => base64(64),
  sendGridKeyWithDash: () => join('S', 'G.', randomText(10), '-', randomText(11), '.', randomText(20), '-', randomText(22)),
  mailgunKey: () => join('ke', 'y-', hex(32)),
  telegramBotToken: () => join(randomText(9, '123456789'), ':', 'A', 'A', randomText(33, `${ALPHANUMERIC}_-`)),
  discordWebhook: () =>
    join('https://', 'discord.com/api/', 'webhooks/', randomText(18, '0123456789'), '/', randomText(68, `${ALPHANUMERIC}_-`)),
  datadogApiKey: () => hex(32),
  datadogApplicationKey: () => hex(40),
  password: () => join(randomText(6), '!', randomText(6), '#', randomText(2)),
  /** A PEM block; `body` sets how its base64 body starts. */
  pem: (label: string, bodyStart: string) => {
    const body = bodyStart + base64(96).replace(/=+$/, '');
    const lines = body.match(/.{1,64}/g) ?? [];
    return [`-----BEGIN ${label}PRIVATE KEY-----`, ...lines, `-----END ${label}PRIVATE KEY-----`].join('\n');
  },
};
