import { shannonEntropy } from '../placeholders';
import { groupRange, type ProjectRule } from '../project-rule';
import { isCredential } from '../value-judgement';
import { decodedJsonObject } from '../decoded-text';
import { isUnderHashName, keyBefore, nameAssignedBefore, wholeMatchIfCredential as whole } from './credential-match';
import { formatRule } from './format-rule';

/** True when a JWT's first segment decodes to a JSON object with an "alg" (its header). */
function hasJsonHeader(token: string): boolean {
  const header = decodedJsonObject(token.slice(0, token.indexOf('.')));
  // NATS's operator, account and user JWTs (`ed25519-nkey`) are public claims: the nkey seed beside one is the secret.
  return header !== undefined && 'alg' in header && header.alg !== 'ed25519-nkey';
}

/**
 * Claims that say a token authenticates someone or something: registered claims (RFC 7519), and the
 * subjects, scopes and sessions that unregistered tokens carry instead, as a claim's name or a word of it.
 */
const AUTHENTICATING_CLAIM = /^(?:iss|sub|aud|exp|nbf|iat|jti|azp|nonce|acr|amr|kid|typ|type|ref|data|payload|id)$/i;
const AUTHENTICATING_CLAIM_WORD = /^(?:user|username|uid|email|roles?|scopes?|scp|session|sid|client|tenant|account|permissions?|groups|auth|token|key|org|organization|team|secret|password|admin|owner|login|principal|identity)$/i;

function isAuthenticatingClaim(claim: string): boolean {
  return AUTHENTICATING_CLAIM.test(claim) || claim.split(/[_:.-]|(?<=[a-z])(?=[A-Z])/).some((word) => AUTHENTICATING_CLAIM_WORD.test(word));
}

/**
 * `"handle": "eyJ…"` with `{"title":"UPS Ground","price":"12.25",…}` signed: a JWT used as a signed
 * envelope for data (a shipping rate's handle, a cursor), with no claim about who or what it
 * authenticates, assigned to a field whose name says nothing of credentials either. Alone, or after
 * `Authorization:`, it is a detector's test token, which people label a true finding.
 */
function isSignedDataEnvelope(text: string, at: number, token: string): boolean {
  const name = nameAssignedBefore(text, at);
  if (name === undefined || /token|auth|jwt|key|secret|session|cookie|bearer|credential|password|access|assertion/i.test(name)) return false;
  const [, payload = ''] = token.split('.');
  const claims = Object.keys(decodedJsonObject(payload) ?? {});
  return claims.length > 0 && !claims.some(isAuthenticatingClaim);
}

export const jsonWebTokenRule = formatRule({
  id: 'secret-manager/jwt',
  title: 'JSON Web Token',
  requiredText: ['eyJ'],
  pattern: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{16,}/dg,
  accept: (match) => (hasJsonHeader(match[0]) && !isSignedDataEnvelope(match.input, match.index, match[0]) ? whole(match) : undefined),
});

export const googleApiKeyRule = formatRule({
  id: 'secret-manager/google-api-key',
  title: 'Google API key',
  requiredText: ['AIza'],
  pattern: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/dg,
});

/** SendGrid keys whose parts contain "-", which the recommended preset's \w pattern misses. */
export const sendGridKeyRule = formatRule({
  id: 'secret-manager/sendgrid-api-key',
  title: 'SendGrid API key',
  requiredText: ['SG.'],
  pattern: /\bSG\.[\w-]{22}\.[\w-]{43}(?![\w-])/dg,
  accept: (match) => (match[0].includes('-') ? whole(match) : undefined),
});

export const mailgunKeyRule = formatRule({
  id: 'secret-manager/mailgun-api-key',
  title: 'Mailgun API key',
  requiredText: ['key-'],
  // Not after "-": `…/How-do-I-generate-an-API-key-58d34093…` is a Notion page's slug.
  // Nor before "-": `key-<md5>-<md5>` is a cache id.
  pattern: /(?<![\w-])key-[0-9a-f]{32}(?![\w-])/dg,
  // 2.5 bits: one random key in ten thousand falls under 3; none in a million under 2.5.
  accept: (match) => (shannonEntropy(match[0].slice(4)) < 2.5 ? undefined : whole(match)),
});

export const telegramBotTokenRule = formatRule({
  id: 'secret-manager/telegram-bot-token',
  title: 'Telegram bot token',
  requiredText: [':AA'],
  // Anchored on ":AA", with the bot id checked behind it: starting on every digit, or a lookbehind
  // before ":AA", made this rule cost as much as all the others together.
  pattern: /:AA[0-9A-Za-z_-]{33}(?![\w-])/dg,
  accept(match) {
    // Fourteen characters: a ten-digit id and what precedes it, "/bot" in a Bot API URL path
    // (api.telegram.org/bot<token>/sendMessage). "^" only matches at the text's start.
    const before = match.input.slice(Math.max(0, match.index - 14), match.index);
    const botId = /(?:^|[^\w:]|\/bot)(\d{8,10})$/.exec(before);
    if (!botId) return undefined;
    const start = match.index - botId[1].length;
    const end = match.index + match[0].length;
    return isCredential(match.input.slice(start, end), 'format') ? { start, end } : undefined;
  },
});

export const discordWebhookRule = formatRule({
  id: 'secret-manager/discord-webhook',
  title: 'Discord webhook URL',
  requiredText: ['https://discord', 'https://ptb.discord', 'https://canary.discord'],
  pattern: /https:\/\/(?:ptb\.|canary\.)?discord(?:app)?\.com\/api\/webhooks\/\d{17,20}\/([\w-]{60,68})(?![\w-])/dg,
  accept: (match) => (isCredential(match[1], 'format') ? { start: match.index, end: match.index + match[0].length } : undefined),
});

/** Datadog API (32 hex) and application (40 hex) keys, where the line names Datadog or DD_*_KEY. */
export const datadogKeyRule: ProjectRule = {
  id: 'secret-manager/datadog-key',
  title: 'Datadog API or application key',
  severity: 'warning',
  certainty: 'heuristic',
  keywords: ['datadog', 'dd[_-]?ap[ip]'],
  pattern: /(?<![0-9A-Za-z])([0-9a-f]{40}|[0-9a-f]{32})(?![0-9A-Za-z])/dg,
  accept(match) {
    if (!isCredential(match[1], 'format') || !/[a-f]/.test(match[1]) || !/[0-9]/.test(match[1])) return undefined;
    // `uses: DataDog/synthetics-ci-github-action@87b5…`: a commit pinned after "@", not a key; `…/blob/847f…/README.md`:
    // one in a URL's path. Datadog takes its keys in headers and query strings.
    if (match.input[match.index - 1] === '@' || match.input[match.index - 1] === '/') return undefined;
    // `https://www.notion.so/Contribution-Guide-1941…`: a page's id at the end of its title, in a URL.
    if (match.input[match.index - 1] === '-' && /https?:\/\/[^\s"'`]*$/.test(match.input.slice(Math.max(0, match.index - 200), match.index))) return undefined;
    // `"commit": "286c8be5…"`, `"sha": …`, `"md5": …`: a commit or a digest under its own name.
    if (/^(?:revision|rev|head|ref)$/i.test(keyBefore(match.input, match.index) ?? '') || isUnderHashName(match.input, match.index)) return undefined;
    // `"slo_id": "c2ce…"`, `?ids=…`, `"external_id": …`: Datadog's API names its objects with hex too, and every
    // recorded response names datadoghq.com. A key sits under a key's name, or on a line that names one.
    if (!/key$/i.test(nameAssignedBefore(match.input, match.index) ?? '') && !DATADOG_KEY_ON_THE_LINE.test(lineBefore(match.input, match.index))) return undefined;
    return groupRange(match, 1);
  },
};

/** `datadog.initialize(api_key=…)`, `-H "DD-APPLICATION-KEY: …"`, `--api-key …`: a key named before the value on its line. */
const DATADOG_KEY_ON_THE_LINE = /(?:api|app(?:lication)?)[ _-]?key|dd[_-]?ap[ip]/i;

/** The text of the value's line before it, at most 120 characters. */
function lineBefore(text: string, index: number): string {
  const start = Math.max(text.lastIndexOf('\n', index - 1) + 1, index - 120);
  return text.slice(start, index);
}
