import { isInConfigFence } from '../config-fences';
import { isDigestOfAWordIn } from '../digests-of-words';
import { isInDocCommentExample } from '../doc-comment-example';
import { isInDocumentedOutput } from '../documented-output';
import { groupRange, type ProjectRule, type RuleMatch, type ScanContext } from '../project-rule';
import { contradictsItsName } from '../name-implied-formats';
import { isBesideItsSigningOutput } from '../signing-test-vectors';
import { judgeValue } from '../value-judgement';
import { assignedNameStarts, calledNameStarts, endsWithIgnoringAsciiCase, quotedCallOpenings } from './assigned-name-starts';
import { isUnderHashName, nameAssignedBefore } from './credential-match';
import { isPublicKeycloakClientSecret } from './keycloak-clients';

export const CREDENTIAL_NAME_ENDINGS =
  'password|passwd|pwd|pw|passphrase|secret[_-]?key|secret|token|api[_-]?key|private[_-]?key|access[_-]?key|auth[_-]?key|signing[_-]?key|' +
  // Consul's and Nomad's ACL token is its `SecretID` (the `AccessorID` names it); Vault AppRole's `secret_id` is a credential too.
  'secret[_-]?id|admin[_-]?key|app[_-]?key|license[_-]?key|kek|cipher[_-]?key|encryption[_-]?primary[_-]?key|deterministic[_-]?key|derivation[_-]?salt|application[_-]?key|account[_-]?key|master[_-]?key|encryption[_-]?key|preshared[_-]?key|transaction[_-]?key|secret[_-]?key[_-]?base|tokens?[_-]?key[_-]?base|signing[_-]?key[_-]?base|key[_-]?seed|credentials?|secrets';

/** The confidence of a value whose name says another shape: shown only below the default threshold. */
const STAND_IN_CONFIDENCE = 0.5;

const VALUE_GROUPS = ['double', 'single', 'backtick', 'escaped', 'bare'] as const;

const NAME_AND_ASSIGNMENT =
  // `test_password1`, `user_password_4`: a numbered credential.
  // A key in brackets: `os.environ["API_TOKEN"] = …`.
  // JSON escaped inside a string (a notebook's output, a log line): `\"password\":\"…\"`.
  String.raw`(?:${CREDENTIAL_NAME_ENDINGS})(?:[_-]?\d{1,2})?(?:["']\]|\\?["'])?[ \t]*` +
  // An optional type annotation: `apiKey: string = "…"`, Rust's `PASSWORD: &'static str = "…"`, Go's `apiToken string = "…"`.
  String.raw`(?:\??:[ \t]*[&A-Za-z_][\w.<>\[\]|&' ]{0,40}?[ \t]*(?==)|[ \t]+string[ \t]*(?==))?` +
  // After a colon, the value may sit on the next, indented line (YAML, an object literal), or in a
  // YAML block scalar; never after "=", where the next line is the next .env entry.
  // A recorded HTTP exchange (VCR, Polly) lists each header's values: `X-Api-Key:` then `- value` on the next line.
  // The next line's own key (`reset_password:` then `jwt_secret: '…'`) is no value: the match fails there, and that key is matched itself.
  // PHP's and Ruby's `'password' => '…'` only before a quote: JavaScript's `token => …` is a function.
  String.raw`(?::=[ \t]*|=>[ \t]*(?=["'])|=(?![=>])[ \t]*|:[ \t]*(?:[|>][-+]?[ \t]*)?(?:\r?\n[ \t]*-[ \t]+|\r?\n[ \t]+(?!["']?[\w.-]+["']?[ \t]*:(?:[ \t]|\r?\n|$)))?)` +
  // Secrets kept by version (Flask-Security's `SECURITY_TOTP_SECRETS = {"1": "…"}`): the first version's value.
  String.raw`(?:\{[ \t]*(?:\r?\n[ \t]*)?["']?\d{1,3}["']?[ \t]*:[ \t]*)?`;

/**
 * In code, a quoted value may sit on the line after "=" too, indented, as formatters wrap a long one
 * (`export const privateKey =` then `  '0x2300…'`); code has no .env entries to run into.
 */
const NAME_AND_ASSIGNMENT_IN_CODE = NAME_AND_ASSIGNMENT.replace(String.raw`|=(?![=>])[ \t]*|`, String.raw`|=(?![=>])[ \t]*(?:\r?\n[ \t]+)?|`);
const QUOTED_VALUE =
  String.raw`"(?<double>(?:[^"\\\n]|\\.){1,4096})"|'(?<single>(?:[^'\\\n]|\\.){1,4096})'|` + '`(?<backtick>[^`\\\\\\n$]{1,4096})`' + String.raw`|\\"(?<escaped>[^"\\\n]{1,4096})\\"`;
// A bare value runs to the next blank ("#" starts a comment only after one).
const BARE_VALUE = String.raw`(?<bare>[^\s"'\x60{(\[$#][^\s]{0,4096})`;

/**
 * A credential assigned to a well-named field: an object property, a variable, an assignment,
 * a .env KEY=value, a YAML or JSON key. The name must END with the credential word, so
 * `passwordLabel` or `tokenizer` don't count. In code only quoted values count; .env, YAML and
 * the like also take bare values.
 */
export const credentialFieldRule: ProjectRule = {
  id: 'secret-manager/credential-field',
  title: 'Credential assigned to a field',
  severity: 'warning',
  certainty: 'heuristic',
  // Its pattern starts with the credential words itself, so it runs over the whole text: a
  // keyword pass first would only repeat that search.
  keywords: [],
  // Every match starts with a credential word followed by the assignment.
  matchStarts: assignedNameStarts(CREDENTIAL_NAME_ENDINGS),
  // Anchored on the credential word, which must end the name: what follows is the assignment.
  pattern: new RegExp(`${NAME_AND_ASSIGNMENT}(?:${QUOTED_VALUE}|${BARE_VALUE})`, 'dgi'),
  // A bare value's first character is neither blank nor quote: where a quoted value matches, no
  // bare one could, whichever way the name and assignment matched before it.
  patternInCode: new RegExp(`${NAME_AND_ASSIGNMENT_IN_CODE}(?:${QUOTED_VALUE})`, 'dgi'),
  accept(match, context) {
    const groups = match.groups ?? {};
    // Most matches in code are bare values (`token: CancellationToken`), rejected first and cheaply.
    if (groups.bare !== undefined && !(context.fileKind === 'config' || (context.fileKind === 'docs' && isInConfigFence(match.input, match.index)))) return undefined;
    // YAML or JSON alike (`"openapi": "3.0.3"`).
    if (isApiDescription(match.input)) return undefined;
    const group = VALUE_GROUPS.find((name) => groups[name] !== undefined);
    if (!group) return undefined;
    const range = groupRange(match, group);
    if (!range) return undefined;
    let value = groups[group];
    if (group === 'bare') {
      // A bare value in a YAML flow mapping or a list ends before its closing punctuation; one
      // that ends with a colon is the next line's key.
      // A quote ends one too: `curl '…&access_token=DMS_…'` holds the value in a literal of its own.
      // `"alwaysIncludeInToken":true,"_links":…`: JSON's true, false, null or a number, in a recorded body, is no string.
      if (/^(?:true|false|null|-?\d[\d.]*)(?:[,}\]]|$)/.test(value)) return undefined;
      value = withoutClosingPunctuation(value);
      if (value.endsWith(':')) return undefined;
      // In a form or query string (`refresh_token=refresh&scope=openid`) or an option list
      // (`password=macaron,db=0`), "&", "," or ";" and a name end the value.
      value = value.replace(/[&,;][\w.[\]-]+=.*$/, '');
      // Source code kept in a string (a recorded request's body) has its line breaks escaped: one ends the value.
      value = value.replace(/\\n.*$/, '');
      // `keyId: secret://apn.keyId`: a URI whose scheme reads like a name, not a value assigned to it.
      if (value.startsWith('//')) return undefined;
      // `api_key: !env_var SONARR_API_KEY`: a YAML tag, which a plain value cannot start with.
      if (value.startsWith('!')) return undefined;
    }
    const start = nameStart(match.input, match.index);
    // `urn:k8s:secret:name:key1`, `…:${ACCOUNT_ID}:secret:name`: a word inside a colon-joined name, not a field (`Config::TOKEN`,
    // PowerShell's `$env:API_TOKEN` and pytest-env's flags, `D:SECRET_KEY=…`, are).
    if (start >= 2 && match.input[start - 1] === ':' && /[\w}]/.test(match.input[start - 2]) && !/\$env:$|(?:^|\n)[ \t]*(?:[DR]:)+$/i.test(match.input.slice(Math.max(0, start - 40), start))) return undefined;
    // Vue's `@password:confirm="regenerateBackupCode"` binds an event to a method (Ruby's `@password = "…"` is a variable).
    if (match.input[start - 1] === '@' && MARKUP_TEMPLATE.test(context.filePath)) return undefined;
    const name = assignedName(match.input, start, match.index);
    if (saysItIsNoSecret(name)) return undefined;
    // `"@hcengineering/server-token": "workspace:^0.7.18"`: a scoped package's name, in a manifest's dependencies.
    if (name.startsWith('@') && name.includes('/')) return undefined;
    // HTML's `data-secret="…"` goes to every visitor of the page (WordPress's oEmbed nonce).
    if (/^data-/i.test(name) && /[\s<]/.test(match.input[start - 1] ?? '')) return undefined;
    if (isAlgoliaSearchKey(match.input, match.index, name)) return undefined;
    // AWS's `ClientToken` (so spelled) makes a request idempotent; Vault's `client_token` is a credential.
    // Nor is AWS's and a DNS provider's `VerificationToken`, a TXT record's public value (Slack's `verification_token` is a credential).
    if (IDENTIFIER_TOKEN_NAME.test(name) || name === 'ClientToken' || name === 'VerificationToken' || isWebhookSignatureNonce(match.input, match.index, name)) return undefined;
    // `${SECRET_KEY_BASE:-a752…}`: a shell default, whose "-" belongs to the ":-" before it.
    const defaultDash = group === 'bare' && value.startsWith('-') && match.input.slice(start - 2, start) === '${' ? 1 : 0;
    value = value.slice(defaultDash);
    // `mysql://cap:${MYSQL_PASSWORD:-cap-local-pwd-123}@mysql:3306/cap`: the default ends at its brace.
    if (defaultDash === 1 && value.includes('}')) value = value.slice(0, value.indexOf('}'));
    if (isSaltedDigest(match.input, match.index, value) || isCalledADigestAbove(match.input, start, value) || isDigestOfAWordIn(match.input, context.filePath, value)) return undefined;
    // Anchor.toml names each Solana program by its id (`spl_token = "FmpfPa1…"`), a public key in base58.
    if (/(?:^|[\\/])Anchor\.toml$/.test(context.filePath) && /^[1-9A-HJ-NP-Za-km-z]{32,44}$/.test(value)) return undefined;
    // `pwd1 = "tag1\ntag2"`: lines of text, where a password is one line (a key's PEM has its own rules).
    if (/pass|pwd/i.test(name) && value.includes('\\n') && !value.includes('-----')) return undefined;
    const { confidence } = judgeValue(value, 'name', { name });
    if (confidence === 0 || isIdOrDigestElsewhere(match.input, value) || isAlsoTheUser(match.input, value) || isShownAsAnExample(match.input, start, context.filePath) || isPublicKeycloakClientSecret(match.input, match.index, name) || isBesideItsSigningOutput(match.input, match.index)) return undefined;
    // Below the default threshold: a stand-in, or a credential kept under another provider's name.
    const judged = contradictsItsName(name, value) ? Math.min(confidence, STAND_IN_CONFIDENCE) : confidence;
    return { start: range.start + defaultDash, end: range.start + defaultDash + value.length, confidence: judged };
  },
};

/** Files of markup templates, where `@name` binds an event. */
const MARKUP_TEMPLATE = /\.(?:vue|svelte|html?)$/i;

/**
 * `publicKey`, `NEXT_PUBLIC_ANON_KEY`, `publishableKey`: published by design. `FAKE_API_KEY`, `dummyPassword`,
 * `EXAMPLE_PASSWORD`, `MOCK_ACCESS_TOKEN`: the name says the value is not a real one. (Not `invalid…` or
 * `wrong…`: tests keep realistic credentials there, and people label them true findings.)
 */
// A beacon-chain validator's `withdrawal_credentials` is a public 32-byte field on chain.
export const NOT_A_SECRET_NAME = /public|publishable|fake|dummy|bogus|example|sample|mock|^withdrawal_?credentials$/i;

/** The prefixes that make a build put a variable into the browser's code (Next.js, Vite, Create React App, Expo, Nuxt, Gatsby). */
const SHIPPED_TO_THE_BROWSER = /^(?:NEXT_PUBLIC|VITE|REACT_APP|EXPO_PUBLIC|NUXT_PUBLIC|GATSBY)_/i;

/**
 * True when the name says its value is no secret. `NEXT_PUBLIC_SANITY_TOKEN` does not: "public" there says the
 * build ships the value to every browser, and a token, a secret or a password shipped so has leaked all the same.
 */
function saysItIsNoSecret(name: string): boolean {
  const rest = name.replace(SHIPPED_TO_THE_BROWSER, '');
  return NOT_A_SECRET_NAME.test(rest !== name && /(?:token|secret|password|passwd|pwd)$/i.test(rest) ? rest : name);
}

/**
 * True when the place presents the value at `at` as an example: a comment above calls it a stand-in,
 * it sits in a documentation comment's example, or in an API reference's example response
 * (`"token": "JS3U…"`, made up for the page).
 */
function isShownAsAnExample(text: string, at: number, filePath: string): boolean {
  return isCalledAStandInAbove(text, at) || isInDocCommentExample(text, at) || isInDocumentedOutput(text, at, filePath);
}

/** A quoted value a match holds, and where it is. */
function quotedValueOf(match: RegExpExecArray): { value: string; range: { start: number; end: number } } | undefined {
  const groups = match.groups ?? {};
  const group = VALUE_GROUPS.find((name) => groups[name] !== undefined);
  const range = group && groupRange(match, group);
  return group && range ? { value: groups[group], range } : undefined;
}

/** A setter's name: `setPassword`, `set_api_key`, `withApiKey`, Go's `SetToken`. */
const SETTER_NAME = /^(?:set|with)(?:_|(?=[A-Z]))|^(?:Set|With)(?=[A-Z])/;
/** A builder's method named for the credential alone, perhaps with a word for whose it is: `.apiKey(`, `.clientSecret(`, `.password(`; not `.hashPassword(`. */
// Not `.token("--text-05")` (a design token) or `.key("…")` (a map's key): a bare `token`, `key` or `secret` needs a word before it.
const WHOSE =
  '(?:api|access|secret|client|app|auth|bot|bearer|refresh|private|master|admin|root|db|database|user|merchant|account|service|signing|webhook|encryption|consumer|session|personal|oauth)_?';
const BUILDER_NAME = new RegExp(`^(?:(?:${WHOSE})+(?:secret|token|key)|(?:${WHOSE})*(?:password|passwd|pwd|passphrase|credentials?))$`, 'i');

/**
 * A credential passed to a setter or a builder: `config.setAccessKey("…")`, `.apiKey("sk-…")`,
 * `client.set_password('…')`, in code and tests that configure a client by hand. A getter's or a
 * checker's argument (`getSecret("db-password")`, `hashPassword("…")`) names or tests a value, and is
 * not looked at.
 */
export const credentialArgumentRule: ProjectRule = {
  id: 'secret-manager/credential-argument',
  title: 'Credential passed to a setter',
  severity: 'warning',
  certainty: 'heuristic',
  keywords: [],
  matchStarts: calledNameStarts(CREDENTIAL_NAME_ENDINGS),
  // The only argument: keytar's `setPassword('service', account, token)` names the service first.
  // IdentityServer's `new Secret("…".Sha256())` hashes the literal it is given in place.
  pattern: new RegExp(`(?:${CREDENTIAL_NAME_ENDINGS})\\((?:${QUOTED_VALUE})(?:\\.Sha(?:256|512)\\(\\))?[ \\t]*\\)`, 'dgi'),
  accept(match, context) {
    const quoted = quotedValueOf(match);
    if (!quoted) return undefined;
    let start = match.index;
    while (start > 0 && /[\w$]/.test(match.input[start - 1])) start -= 1;
    const name = match.input.slice(start, match.input.indexOf('(', match.index));
    const isBuilder = BUILDER_NAME.test(name) && match.input[start - 1] === '.';
    // `new Secret("…".Sha256())`: a credential's own type, made from the literal hashed in place. Given
    // no hash, IdentityServer's Secret holds a stored hash or a certificate's thumbprint.
    const isConstructed = /\.Sha(?:256|512)\(\)/.test(match[0]) && (BUILDER_NAME.test(name) || /^(?:Client)?Secret$/.test(name)) && /\bnew[ \t]+$/.test(match.input.slice(Math.max(0, start - 8), start));
    if (!SETTER_NAME.test(name) && !isBuilder && !isConstructed) return undefined;
    // `setEncryptedPassword("…")`, `setPasswordHash("…")`: what is stored in place of the password.
    if (NOT_A_SECRET_NAME.test(name) || /crypted|hash|digest/i.test(name) || IDENTIFIER_TOKEN_NAME.test(name.replace(/^(?:set|with)_?/i, ''))) return undefined;
    const { confidence } = judgeValue(quoted.value, 'name', { name });
    if (confidence === 0 || isIdOrDigestElsewhere(match.input, quoted.value) || isShownAsAnExample(match.input, start, context.filePath)) return undefined;
    return { ...quoted.range, confidence };
  },
};

const LOOKUP_WITH_DEFAULT =
  // `os.getenv("API_KEY", "…")`, `os.environ.get(…)`, django-environ's `env.str('SECRET_KEY', default='…')`,
  // python-decouple's `config(…, default=…)`, Ruby's `ENV.fetch("…", "…")`, Elixir's `System.get_env("…", "…")`,
  // a settings reader's `getValue("config:client:secret", "…")`.
  String.raw`(?:\b(?:get)?env(?:\.(?:str|get))?|\bget_env|\benviron\.get|\bconfig|\bENV\.fetch|\bgetValue)\(\s*(?<calledQuote>["'])(?<calledName>[\w.:-]*?(?:${CREDENTIAL_NAME_ENDINGS}))\k<calledQuote>\s*,\s*(?:default\s*=\s*)?`;
/** Node's `process.env.API_KEY || "…"`, `process.env["API_KEY"] ?? "…"`. */
const ENVIRONMENT_WITH_FALLBACK = String.raw`process\.env(?:\.(?<propertyName>\w*?(?:${CREDENTIAL_NAME_ENDINGS}))|\[(?<keyQuote>["'])(?<keyName>\w*?(?:${CREDENTIAL_NAME_ENDINGS}))\k<keyQuote>\])\s*(?:\|\||\?\?)\s*`;

/** The lookups' names, lower-cased, longest first: `os.getenv`, `env.str`, `ENV.fetch` end in one of them. */
const LOOKUP_NAMES = ['environ.get', 'env.fetch', 'env.str', 'env.get', 'getvalue', 'get_env', 'getenv', 'config', 'env'];
/** The lower-cased codes their names end with: most calls end otherwise, and are passed over at once. */
const LOOKUP_LAST_CODES = new Set(LOOKUP_NAMES.map((name) => name.charCodeAt(name.length - 1)));

/** Where an environment lookup with a quoted first argument starts. */
function lookupStarts(text: string): number[] {
  const calls: number[] = [];
  const openings = quotedCallOpenings(text);
  for (let index = 0; index < openings.length; index += 1) {
    const opening = openings[index];
    if (!LOOKUP_LAST_CODES.has(text.charCodeAt(opening - 1) | 32)) continue;
    for (let nameIndex = 0; nameIndex < LOOKUP_NAMES.length; nameIndex += 1) {
      const name = LOOKUP_NAMES[nameIndex];
      if (!endsWithIgnoringAsciiCase(text, opening, name)) continue;
      // The name stands alone or after a dot: not `myenv(`.
      if (!/[\w$]/.test(text.charAt(opening - name.length - 1))) calls.push(opening - name.length);
      break;
    }
  }
  return calls;
}

/**
 * A credential written as the default of an environment lookup: what runs when the variable is
 * not set, so in every checkout. Django's `SECRET_KEY = env.str('SECRET_KEY', default='…')`.
 */
export const credentialDefaultRule: ProjectRule = {
  id: 'secret-manager/credential-default',
  title: 'Credential as the default of an environment variable',
  severity: 'warning',
  certainty: 'heuristic',
  keywords: [],
  matchStarts: lookupStarts,
  pattern: new RegExp(`(?:${LOOKUP_WITH_DEFAULT})(?:${QUOTED_VALUE})`, 'dgi'),
  accept: acceptDefault,
};

/** The same, as Node writes it: `process.env.STRIPE_KEY || "…"`. */
export const credentialFallbackRule: ProjectRule = {
  id: 'secret-manager/credential-fallback',
  title: 'Credential as the fallback of an environment variable',
  severity: 'warning',
  certainty: 'heuristic',
  keywords: [],
  // Tracked by the gate (anchored on "."): an indexOf pass of its own cost 2% of a scan.
  requiredText: ['process.env'],
  matchesStartInRequiredText: true,
  pattern: new RegExp(`${ENVIRONMENT_WITH_FALLBACK}(?:${QUOTED_VALUE})`, 'dgi'),
  accept: acceptDefault,
};

/** A default's or a fallback's value, judged under the variable's name. */
function acceptDefault(match: RegExpExecArray, context: ScanContext): RuleMatch | undefined {
  const quoted = quotedValueOf(match);
  const name = match.groups?.calledName ?? match.groups?.propertyName ?? match.groups?.keyName ?? '';
  if (!quoted || saysItIsNoSecret(name)) return undefined;
  const { confidence } = judgeValue(quoted.value, 'name', { name });
  if (confidence === 0 || isShownAsAnExample(match.input, match.index, context.filePath)) return undefined;
  return { ...quoted.range, confidence };
}

/**
 * A bare value without the punctuation that closes a YAML flow mapping or a list around it (`,`, `;`,
 * `)`, `]`, `}`, quotes); a `)` that closes the value's own `(` stays: Jasypt's `ENC(…)`.
 */
function withoutClosingPunctuation(value: string): string {
  let end = value.length;
  const opened = value.split('(').length - 1;
  let closed = value.split(')').length - 1;
  while (end > 0 && /[,;)\]}'"]/.test(value[end - 1])) {
    if (value[end - 1] === ')') {
      if (closed <= opened) break;
      closed -= 1;
    }
    end -= 1;
  }
  return value.slice(0, end);
}

/**
 * `cart_token`, `nextPageToken`, `csrf_token`, `checkout.token`, `RequestToken`, `deviceToken`: a token that
 * names a cart, a checkout, a page of results, a form submission, a request or a device that push
 * notifications go to, not one that grants access; `next_token`, `previous_token` and `nextForwardToken` page
 * through results, `nextSequenceToken` orders writes, and `LockToken`, `ChangeToken` and `PolicyUpdateToken` guard
 * an update against a concurrent one; Postman's `Postman-Token` header tags one request. A payment gateway's
 * `paymentToken`, `credit_card_token`, `customer_token` and `gateway_token` name a stored card, a customer or a
 * gateway, of no use without the merchant's key.
 * Not `trusted_device_token`: that one signs a device in.
 */
export const IDENTIFIER_TOKEN_NAME =
  /(?:cart|checkout|unique|idempotency|continuation|page|pagination|cursor|sync|csrf|xsrf|cancel|cancellation|request|next|previous|prev|lock|forward|backward|update|sequence|change|version|concurrency|creation|payment|card|customer|gateway|payment[._-]?method|payment[._-]?source)[._-]?token$|^(?:device|push|apns|fcm|postman)[._-]?token$/i;

/** How far a webhook's signature block reaches around its token: a few short members. */
const SIGNATURE_BLOCK_REACH = 240;

/**
 * `"signature": { "timestamp": "…", "token": "7f38…", "signature": "…" }`: Mailgun signs each webhook
 * over a timestamp and a random token, a nonce sent with the event, not a credential.
 */
function isWebhookSignatureNonce(text: string, at: number, name: string): boolean {
  if (!/^token$/i.test(name)) return false;
  const around = text.slice(Math.max(0, at - SIGNATURE_BLOCK_REACH), at + SIGNATURE_BLOCK_REACH);
  return /["']?timestamp["']?\s*[:=]/.test(around) && /["']?signature["']?\s*[:=]\s*["'][0-9a-f]{64}["']/i.test(around);
}

/**
 * `"token": "exuw…"` beside `"web_url": "https://…/checkouts/exuw…/thank_you"`, or beside `"id": "exuw…"` or
 * `ClientID: "exuw…"`: a value that names a resource, in a URL's path after its collection (`/checkouts/`) or as
 * an id, is the resource's id; written after `sha256:` or under a hash's name elsewhere, it is a digest.
 */
function isIdOrDigestElsewhere(text: string, value: string): boolean {
  if (value.length < 12) return false;
  for (let at = text.indexOf(value); at !== -1; at = text.indexOf(value, at + value.length)) {
    const before = text.slice(Math.max(0, at - 200), at);
    if (/:\/\/[^\s"'<>]*\/[a-z][a-z_-]*s\/$/.test(before)) return true;
    // Not a `SecretID`, which Consul's tokens are.
    const idName = /(?:^|[^\w$-])["']?(\w*(?:_id|Id|ID)|id|uid)["']?\s*[:=]\s*["'`]$/.exec(before)?.[1];
    if (idName !== undefined && !/secret[_-]?id$/i.test(idName)) return true;
    // `FROM python:3.9.7-alpine@sha256:964a…` or `commit_w_secret = '9ed5…'` elsewhere in the file: the value is a digest.
    if (/(?:sha(?:1|256|384|512)|md5):$/i.test(before) || isUnderHashName(text, at)) return true;
  }
  return false;
}

/**
 * `CAP_AWS_ACCESS_KEY: capS3root` above `CAP_AWS_SECRET_KEY: capS3root`: a local setup's default, where the
 * password is the user's (or the access key id's) own name.
 */
function isAlsoTheUser(text: string, value: string): boolean {
  if (value.length < 4 || value.length > 64) return false;
  for (let at = text.indexOf(value); at !== -1; at = text.indexOf(value, at + value.length)) {
    const name = nameAssignedBefore(text, at) ?? '';
    if (/(?:user(?:[_-]?name)?|login|access[_-]?key(?:[_-]?id)?)$/i.test(name) && !/secret|pass|pwd|token/i.test(name)) return true;
  }
  return false;
}

/**
 * `password="4a1750c8…" salt="c788c6ad…"`: long hex with its salt on the same line is a stored hash
 * (OpenMRS writes SHA-1 without its leading zeros, so any length from 32 to 128). So is a digest in
 * base64 with a `"salt":` key on the line before or one of the two after (Mosquitto's dynamic-security
 * file: `"password"`, `"salt"`, `"iterations"`).
 */
function isSaltedDigest(text: string, at: number, value: string): boolean {
  const lineStart = text.lastIndexOf('\n', at) + 1;
  const lineEnd = text.indexOf('\n', at);
  if (/^[0-9a-f]{32,128}$/i.test(value)) return /\bsalt\b/i.test(text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd));
  if (!/^[A-Za-z0-9+/]{40,172}={0,2}$/.test(value)) return false;
  const before = text.lastIndexOf('\n', lineStart - 2) + 1;
  let after = lineEnd;
  for (let lines = 0; lines < 2 && after !== -1; lines += 1) after = text.indexOf('\n', after + 1);
  // `'passwordSalt' => …` beside it too (Firebase's scrypt hashes in Appwrite's import tests).
  return /(?:\b[Ss]alt|\bSALT|_(?:salt|SALT)|[a-z]Salt)["']?[ \t]*[:=]/.test(text.slice(before, after === -1 ? text.length : after));
}

/**
 * `# sha256 of 'passwordresettesttoken'` on the line above `token: 'fb2e…'`: a fixture stores the
 * token's digest, and says so.
 */
function isCalledADigestAbove(text: string, at: number, value: string): boolean {
  if (!/^[0-9a-f]{32}$|^[0-9a-f]{40}$|^[0-9a-f]{64}$|^[0-9a-f]{128}$/i.test(value)) return false;
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const previousStart = text.lastIndexOf('\n', lineStart - 2) + 1;
  const above = text.slice(previousStart, Math.max(previousStart, lineStart - 1));
  return COMMENT_LINE.test(above) && /\b(?:sha-?(?:1|256|384|512)|md5|hash(?:ed)?|digest)\b/i.test(above);
}

/**
 * A comment line, and one that says what follows is to be replaced: `# Replace with your values`. Not
 * "dummy" or "fake": tests' random values under `# A dummy access token` are labelled true findings.
 */
const COMMENT_LINE = /^[ \t]*(?:#|\/\/|--|;|\/?\*)/;
const STAND_IN_WORDS = /\b(?:placeholder|not (?:a )?real|replace (?:it |them |this |these )?with your)\b/i;
/** `# Examples:` over commented-out settings in a configuration template: each value under it shows the form of one. */
const EXAMPLES_HEADING = /^[ \t]*(?:#|\/\/|--|;)[ \t]*(?:for )?examples?[ \t]*:?[ \t]*$/i;
const SHOWS_A_SAMPLE = /\b(?:should (?:be|look) like|looks? like|for example|e\.g\.)/i;
/** How many lines above a value are read: the block that introduces it, up to a blank line. */
const BLOCK_LINES = 6;

/**
 * True when a comment in the block right above the line at `at` (the line may be commented out
 * itself) calls the values a stand-in: `# Replace with your values` over a template's settings; or
 * when the line is a comment that says its value is what one looks like.
 */
function isCalledAStandInAbove(text: string, at: number): boolean {
  let lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const before = text.slice(lineStart, at);
  const commentedOut = COMMENT_LINE.test(before);
  // `# the token answer should be like: {"token":"dbf5…"}`: a comment that shows what a value looks like.
  if (commentedOut && SHOWS_A_SAMPLE.test(before)) return true;
  for (let lines = 0; lines < BLOCK_LINES && lineStart > 0; lines += 1) {
    const previousStart = text.lastIndexOf('\n', lineStart - 2) + 1;
    const line = text.slice(previousStart, lineStart - 1);
    if (line.trim() === '') return false;
    if (COMMENT_LINE.test(line) && (STAND_IN_WORDS.test(line) || (commentedOut && EXAMPLES_HEADING.test(line)))) return true;
    lineStart = previousStart;
  }
  return false;
}

/**
 * An OpenAPI or Swagger document: its credential-named fields hold the API's documented examples
 * (`mfa_token: Qwk9…`, `client_secret: 6W7X…`), random-looking on purpose. Provider formats are still looked for.
 */
function isApiDescription(text: string): boolean {
  return /^\s*["']?(?:openapi|swagger)["']?\s*:\s*["']?\d/m.test(text.slice(0, 2000));
}

/**
 * Algolia's search-only key beside its `appId` and `indexName` (DocSearch in VitePress, Docusaurus and
 * the like), or in DocSearch's own settings (`docsearch({ apiKey, indexName })`, GitBook's `"docSearch"`):
 * it is sent to every visitor's browser by design.
 */
function isAlgoliaSearchKey(text: string, at: number, name: string): boolean {
  if (!/^(?:search_?)?api_?key$/i.test(name)) return false;
  const around = text.slice(Math.max(0, at - 300), at + 300);
  return /\bindex(?:Name)?\b/.test(around) && (/\b(?:appId|applicationId)\b/.test(around) || /docsearch/i.test(around));
}

/** Where the name that the credential word ends starts: at `hashed_` for the match at `secret`, at `checksum/` for `checksum/secret`. */
function nameStart(text: string, wordStart: number): number {
  let start = wordStart;
  // "/" joins the parts of a Kubernetes annotation's name: `checksum/secret`.
  while (start > 0 && start > wordStart - 80 && /[\w.\/-]/.test(text[start - 1])) start -= 1;
  return start;
}

/** The whole name the credential word ends, such as `hashed_secret` for the match at `secret`. */
function assignedName(text: string, start: number, wordStart: number): string {
  const end = text.slice(wordStart, wordStart + 60).search(/["'\s:=?\\]/);
  return text.slice(start, end === -1 ? wordStart + 60 : wordStart + end);
}
