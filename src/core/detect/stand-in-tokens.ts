import { createHmac, createPublicKey, type JsonWebKey, type KeyObject, verify as verifySignature } from 'node:crypto';
import { decodedBase64Text, decodedJsonObject } from './decoded-text';
import { isDictionaryWord, isHomeRowMash, isPronounceable } from './english-words';
import { forLastText } from './last-text-cache';

// Values tests and documentation put where a token goes: shaped like one, but no live credential.

/**
 * `xoxb-111`, `xapp-A111-222-xyz`, `xoxb-conversations_list_pagination2`: a Slack prefix with a test's
 * name or short numbers after it. Every real Slack token holds a team or app number of ten digits or
 * more, or a random stretch mixing letters with digits or capitals.
 */
export function isSlackStandIn(value: string): boolean {
  if (!/^(?:xox[a-z]?[.-]|xapp-|xwfp-)/.test(value)) return false;
  // `xoxp-1234-1234-1234-4ddb…`: one number typed for every id.
  if (/-(\d{3,})-\1-/.test(value)) return true;
  if (/\d{10}/.test(value)) return false;
  return !(value.match(/[A-Za-z0-9]{12,}/g) ?? []).some((run) => /[A-Za-z]/.test(run) && /[A-Z0-9]/.test(run) && !/^[a-z]+\d{0,2}$/.test(run));
}

/**
 * `https://hooks.slack.com/services/T00/B00/XXX`, `…/T2/B2/succeed`: a Slack webhook whose team and
 * channel ids, or secret, are too short for real ones (ids of nine characters or more, 24 random ones).
 */
export function isSlackWebhookStandIn(value: string): boolean {
  const parts = /hooks\.slack\.com\/services\/([^/\s]+)\/([^/\s]+)\/([A-Za-z0-9]*)/.exec(value);
  if (parts === null) return false;
  // `T11111111/B11111111/YYYY…`: one character typed where an id or the secret goes.
  return parts[1].length < 9 || parts[2].length < 9 || parts[3].length < 20 || [parts[1].slice(1), parts[2].slice(1), parts[3]].some(isOneCharacterRepeated);
}

/** `000…0`, `YYYY…`: one character typed over and over where an id or a token goes. */
export function isOneCharacterRepeated(value: string): boolean {
  return /^(.)\1+$/.test(value);
}

/**
 * `TLSClientCertificatePassword` under `EXTRA_TLS_CLIENT_CERTIFICATE_PASSWORD`, `awsimdsv2sessiontoken`
 * under `AWS_IMDSV2_SESSION_TOKEN`: the value spells the name it is assigned to.
 */
export function spellsItsName(value: string, name: string | undefined): boolean {
  if (name === undefined) return false;
  const letters = value.toLowerCase().replace(/[^a-z0-9]/g, '');
  const nameLetters = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (letters.length >= 6 && nameLetters.includes(letters)) return true;
  // `SET_COMPONENT_CREDENTIALS = '@canvas/SET_COMPONENT_CREDENTIALS'`: a Redux action's type, its constant's name
  // under a short word. Not `src_client_secret_<random>` under `client_secret`: a prefix, then the key.
  if (nameLetters.length < 12 || !letters.includes(nameLetters)) return false;
  const rest = letters.replace(nameLetters, '');
  return rest === '' || (rest.length <= 10 && /^[a-z]+$/.test(rest) && isPronounceable(rest));
}

/** A JWT's base64url segments; `signature` is undefined when there is no third segment. */
function jwtParts(value: string): { header: string; payload: string; signature: string | undefined } | undefined {
  // `e30` is `{}`: an empty payload, or an empty header (a mock's, with no algorithm).
  const parts = /^(eyJ[\w-]+|e30=?)\.(eyJ[\w-]+=*|e30=?)(?:\.([\w-]*))?$/.exec(value);
  return parts === null ? undefined : { header: parts[1], payload: parts[2], signature: parts[3] };
}

/**
 * A JWT that a generator or a library publishes as its sample, or one a test made up: jwtbuilder.jamiekurtz.com's
 * (`"iss": "Online JWT Builder"`), documentation's (`"urn:example:…"` claims, RFC 6963's namespace), PyJWT's
 * README's (`{"some": "payload"}`) and any signing only toy claims (`{}`, `{"foo":"bar"}`).
 *
 * Not jwt.io's (`"sub": "1234567890", "name": "John Doe"`): of 34 findings of it on labelled public
 * repositories, 27 were labelled false, but 7 true in the sets closest to our users'.
 */
export function isPublishedSampleJwt(value: string): boolean {
  const parts = jwtParts(value);
  if (parts === undefined) return false;
  const text = Buffer.from(parts.payload, 'base64url').toString('latin1');
  if (text.includes('"iss":"Online JWT Builder"') || text.includes('"urn:example:')) return true;
  const claims = decodedJsonObject(parts.payload) as Claims | undefined;
  // `{"iat":1685385179,"exp":16853887et6474…`: claims that start as JSON but do not parse, a token a test
  // edited by hand (its signature cannot verify). Every issuer writes valid JSON.
  if (claims === undefined) return parts.payload.startsWith('eyJ');
  return holdsOnlyToyClaims(claims) || holdsOnlyToyValues(claims) || hasTimeClaimAsText(claims) || expiredBeforeJwtsExisted(claims) || hasSampleParties(claims);
}

/** A JWT's claims, as its payload decodes. */
type Claims = Readonly<Record<string, unknown>>;

/**
 * Words a test signs where a token's claims go: `{"data": "foo"}`, `{"sub": "username:bob"}`. Not "hello" or "test":
 * secret scanners' test tokens sign such words (`{"msg": "hello"}`), and the rounds label those true findings.
 */
const TOY_CLAIM_WORDS = new Set(['foo', 'bar', 'baz', 'qux', 'bob', 'alice', 'data', 'payload', 'user', 'username']);

/** Claims whose every value (but an issue time) is a few of a test's toy words: no issuer, subject or expiry of a real token. */
function holdsOnlyToyValues(claims: Claims): boolean {
  const values = Object.entries(claims)
    .filter(([name]) => name !== 'iat')
    .map(([, value]) => value);
  // Not `"sub": "user-1"`: a numbered user may be a real account.
  return values.length > 0 && values.every((value) => typeof value === 'string' && /^[A-Za-z]+(?:[ :_-][A-Za-z]+)*$/.test(value) && value.split(/[ :_-]/).every((word) => TOY_CLAIM_WORDS.has(word.toLowerCase())));
}

/**
 * `"nbf": "3104606264"`: a time claim written as text. RFC 7519 makes them numbers and every issuer
 * writes them so; a test of a verifier's rejection writes one wrong on purpose.
 */
function hasTimeClaimAsText(claims: Claims): boolean {
  return ['exp', 'nbf', 'iat'].some((name) => typeof claims[name] === 'string');
}


/** RFC 2606's example domains, in an issuer, an audience or a DPoP proof's target. */
const EXAMPLE_HOST = /^https?:\/\/(?:[\w-]+\.)*example\.(?:com|org|net)(?:[:/]|$)/;

/**
 * Claims that name nobody real: Spring Security's samples sign `"sub": "subject"`, and specifications
 * and their tests issue tokens from and to `example.com` hosts (`"iss": "https://auth.example.com"`).
 */
function hasSampleParties(claims: Claims): boolean {
  if (claims.sub === 'subject') return true;
  return [claims.iss, claims.aud, claims.htu].flat().some((party) => typeof party === 'string' && EXAMPLE_HOST.test(party));
}

const TEN_YEARS_SECONDS = 10 * 365 * 86_400;

/**
 * True when a JWT expires more than ten years after `now` (milliseconds): `"exp": 2524604461`, 2050. No
 * service issues a token for that long (Supabase's keys, the longest-lived, run ten years from their
 * issue); a test makes one up so that it never expires.
 */
export function expiresDecadesAway(value: string, now: number): boolean {
  const parts = jwtParts(value);
  const expiry = parts && (decodedJsonObject(parts.payload) as { exp?: unknown } | undefined)?.exp;
  return typeof expiry === 'number' && expiry > now / 1000 + TEN_YEARS_SECONDS;
}

/** 2010-01-01, in seconds: JSON Web Tokens were first drafted that year. */
const FIRST_JWT_DRAFT = 1_262_304_000;

/**
 * `{"exp": 946684800}`: a token that expired in 2000 was never live, since JWTs did not exist yet. Tests
 * give expected outputs such a fixed date in the past so that they never change.
 */
function expiredBeforeJwtsExisted(claims: Claims): boolean {
  return typeof claims.exp === 'number' && claims.exp < FIRST_JWT_DRAFT;
}

/** Claims a test makes up to have something to sign: `{}`, `{"foo":"bar"}`, `{"some":"payload"}`, `{"pay":"load","iat":…}`. */
const TOY_CLAIMS = new Set(['foo', 'bar', 'baz', 'pay', 'some', 'hello', 'iat']);

function holdsOnlyToyClaims(claims: Claims): boolean {
  const names = Object.keys(claims);
  // An issue time alone (`{"iat": 1633046400}`) is a real token's minimum, not a toy.
  return names.every((name) => TOY_CLAIMS.has(name)) && (names.length === 0 || names.some((name) => name !== 'iat'));
}

/** The length in base64url of an RSA signature made with a 1,024-bit key, the shortest in use. */
const SHORTEST_RSA_SIGNATURE = 171;

/** The signature's length in base64url for each JWS algorithm with a fixed one. */
const JWT_SIGNATURE_LENGTHS: Readonly<Record<string, number>> = { HS256: 43, HS384: 64, HS512: 86, ES256: 86, ES384: 128, ES512: 176, EdDSA: 86 };

/**
 * Keys only tests sign with, and Wasp's published development default (`DEVJWTSECRET`). Not `secret` or
 * jwt.io's `your-256-bit-secret`: tutorials use them, code copies them into production, and people
 * label tokens signed with them true findings.
 */
const TEST_SIGNING_KEYS = ['test', 'testsecret', 'test-secret', 'test_secret', 'testkey', 'test-key', 'key', '123', 'DEVJWTSECRET'];

/**
 * A JWT that could not be a live token: its signature is cut short for its algorithm
 * (`…eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N`), or an HMAC made with a key only a test
 * would use (`test`), so anyone can sign such tokens.
 */
export function isStandInJwt(value: string): boolean {
  const parts = jwtParts(value);
  const signature = parts?.signature;
  if (parts === undefined || !signature) return false;
  const algorithm = algorithmOf(parts);
  if (algorithm === undefined) return false;
  const expectedLength = JWT_SIGNATURE_LENGTHS[algorithm];
  if (expectedLength !== undefined && signature.length !== expectedLength) return true;
  // `….invalidsignature`: an RSA signature is as long as its key, 1,024 bits (171 characters) at the least.
  if (/^(?:RS|PS)\d{3}$/.test(algorithm) && signature.length < SHORTEST_RSA_SIGNATURE) return true;
  return isHmacSignedWithOneOf(parts, algorithm, TEST_SIGNING_KEYS);
}

/** The `alg` of a JWT's header. */
function algorithmOf(parts: { readonly header: string }): string | undefined {
  return /"alg"\s*:\s*"(\w+)"/.exec(Buffer.from(parts.header, 'base64url').toString('latin1'))?.[1];
}

/** True when an HS256, HS384 or HS512 JWT's signature is the HMAC of its header and payload under one of `keys`. */
function isHmacSignedWithOneOf(parts: { readonly header: string; readonly payload: string; readonly signature: string | undefined }, algorithm: string, keys: readonly (string | Buffer)[]): boolean {
  if (!parts.signature || !/^HS(?:256|384|512)$/.test(algorithm)) return false;
  const hash = `sha${algorithm.slice(2)}`;
  const signed = `${parts.header}.${parts.payload}`;
  return keys.some((key) => createHmac(hash, key).update(signed).digest('base64url') === parts.signature);
}

/** The string literals of a text, at most this many, are tried as a JWT's key. */
const MOST_KEYS_TRIED = 500;
const STRING_LITERAL = /(["'`])([^"'`\n\\]{1,128})\1/g;

/** Literals of 16 bytes or more in hex: a test may give its key so (`Buffer.from('cefb…', 'hex')`), and HMAC then keys on the bytes. */
const HEX_KEY = /^(?:[0-9a-f]{2}){16,}$/i;

const stringLiteralsOf = forLastText((text): readonly (string | Buffer)[] => {
  const keys = new Set<string>();
  for (const match of text.matchAll(STRING_LITERAL)) {
    keys.add(match[2]);
    if (keys.size >= MOST_KEYS_TRIED) break;
  }
  const hexKeys = [...keys].filter((key) => HEX_KEY.test(key)).map((key) => Buffer.from(key, 'hex'));
  return [...keys, ...hexKeys];
});

/**
 * An HMAC-signed JWT whose key is a string literal of the same file (`jwt({ secret: 'a-secret' })` above
 * the token a test expects): a test vector, and the key, where it looks random, is the finding.
 */
export function isSignedWithKeyBeside(value: string, text: string): boolean {
  const parts = jwtParts(value);
  const algorithm = parts && algorithmOf(parts);
  return parts !== undefined && algorithm !== undefined && /^HS/.test(algorithm) && isHmacSignedWithOneOf(parts, algorithm, stringLiteralsOf(text));
}

/** The public keys written out in a text (PEM, or JSON Web Keys), at most this many of each, are tried on its JWTs. */
const MOST_PUBLIC_KEYS_TRIED = 5;
const PUBLIC_KEY_PEM = /-----BEGIN (?:RSA )?PUBLIC KEY-----[A-Za-z0-9+/=\s\\n]{40,}?-----END (?:RSA )?PUBLIC KEY-----/g;
/** A JSON Web Key written out flat (`{ "kty": "EC", "crv": "P-256", "x": …, "y": … }`), its private part perhaps with it. */
const JSON_WEB_KEY = /\{[^{}]{0,2000}?"kty"\s*:\s*"(?:EC|RSA|OKP)"[^{}]{0,4000}?\}/g;

const publicKeysOf = forLastText((text): readonly KeyObject[] => {
  const pems = [...text.matchAll(PUBLIC_KEY_PEM)].slice(0, MOST_PUBLIC_KEYS_TRIED).map((match) => publicKeyOrUndefined(match[0].replace(/\\n/g, '\n')));
  const jwks = text.includes('"kty"') ? [...text.matchAll(JSON_WEB_KEY)].slice(0, MOST_PUBLIC_KEYS_TRIED).map((match) => publicKeyOrUndefined(match[0])) : [];
  return [...pems, ...jwks].filter((key) => key !== undefined);
});

/** The public key of a PEM, or of a JSON Web Key's text (public or private); undefined when it is neither. */
function publicKeyOrUndefined(written: string): KeyObject | undefined {
  try {
    return written.startsWith('{') ? createPublicKey({ key: JSON.parse(written) as JsonWebKey, format: 'jwk' }) : createPublicKey(written);
  } catch {
    return undefined;
  }
}

/**
 * An RS- or ES-signed JWT that a public key written out in the same file verifies (a token verifier's
 * test, the key it trusts above the tokens it expects; a specification's worked example beside its JSON
 * Web Key): a test vector, as an HMAC-signed one whose key is beside it.
 */
export function isVerifiedByPublicKeyBeside(value: string, text: string): boolean {
  if (!text.includes('PUBLIC KEY-----') && !text.includes('"kty"')) return false;
  const parts = jwtParts(value);
  const algorithm = parts && algorithmOf(parts);
  if (parts === undefined || !parts.signature || algorithm === undefined || !/^(?:RS|ES)(?:256|384|512)$/.test(algorithm)) return false;
  const signed = Buffer.from(`${parts.header}.${parts.payload}`);
  const signature = Buffer.from(parts.signature, 'base64url');
  const hash = `sha${algorithm.slice(2)}`;
  return publicKeysOf(text).some((key) => {
    try {
      return verifySignature(hash, signed, { key, dsaEncoding: 'ieee-p1363' }, signature);
    } catch {
      return false;
    }
  });
}

/** The key jwt.io's debugger signs its HS256 example with, and shows beside it. */
const JWT_IO_KEY = 'your-256-bit-secret';
/** The issue time of jwt.io's example token (2018-01-18), which its copies keep. */
const JWT_IO_ISSUED_AT = 1516239022;

/**
 * jwt.io's example token and tokens made in its debugger: `"sub": "1234567890"` (and `"name": "John Doe"`,
 * `"iat": 1516239022`), or signed with the key the page shows (`your-256-bit-secret`). Tests and guides copy
 * them; every labelled round but two of 76 findings counted them false.
 */
export function isJwtIoSample(value: string): boolean {
  const parts = jwtParts(value);
  if (parts === undefined) return false;
  const claims = decodedJsonObject(parts.payload) as Record<string, unknown> | undefined;
  if (claims !== undefined && (claims.sub === '1234567890' || claims.iat === JWT_IO_ISSUED_AT)) return true;
  const algorithm = algorithmOf(parts);
  return algorithm !== undefined && /^HS/.test(algorithm) && isHmacSignedWithOneOf(parts, algorithm, [JWT_IO_KEY]);
}

/** `12345678-25fg-4b05-9ced-35e7dd5093ae`: shaped like a UUID, but a UUID is hex and this is not; or one whose first digits are counted. */
export function isFakeUuid(value: string): boolean {
  if (!/^[0-9a-z]{8}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{12}$/i.test(value)) return false;
  // `a1234567-40c7-…`: six digits or more counted up where the first group's random digits go.
  return /[g-z]/i.test(value) || /0?123456|234567|345678|456789/.test(value.slice(0, 8));
}

/** `cfcd2084`, `a5012f6c6`: hex too short for a key (they carry 16 bytes or more), a test's stand-in. */
export function isShortHex(value: string): boolean {
  return value.length < 12 && /^[0-9a-f]+$/i.test(value) && /[0-9]/.test(value) && /[a-f]/i.test(value);
}

/** The base64 of the commonest JWT headers (HS256 and RS256, either key first): pieces of them are test stand-ins. */
const COMMON_JWT_HEADERS = ['eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9', 'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9', 'eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9', 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9'];

/**
 * `ssyJhbGciOi….eyJtZXNz….B54p…`: a JWT whose header was broken on purpose, for a test of rejection (the
 * issue counts these as no credential); `eyJhbGciOiJIUzI1NiJ9.test`: a JWT's header and a word.
 */
export function isBrokenJwt(value: string): boolean {
  return /^(?!eyJ)[\w-]{10,}\.eyJ[\w-]+\.[\w-]+$/.test(value) || /^eyJ[\w-]+\.[a-z]{1,12}$/.test(value);
}

/** `I1NiIsInR5`: a slice of a JWT header, not a secret. */
export function isJwtHeaderPiece(value: string): boolean {
  return value.length >= 8 && COMMON_JWT_HEADERS.some((header) => header.includes(value));
}

/** `8f742231b10e8888abcd99yyyzzz85a5`: hex with runs of one letter typed in where digits go. */
export function holdsFillerRun(value: string): boolean {
  if (!/([g-zG-Z])\1\1/.test(value)) return false;
  const rest = value.replace(/([g-zG-Z])\1{2,}/g, '');
  return rest.length >= value.length / 2 && /^[0-9a-fA-F]+$/.test(rest);
}

/** `eyJhbGciOi….eyJzdWIi….signature`, `eyJhbGciOi….eyJpc3Mi…`: a JWT-shaped stand-in whose signature is a word or missing. */
export function isJwtWithoutSignature(value: string): boolean {
  const parts = jwtParts(value);
  if (parts === undefined) return false;
  const signature = parts.signature ?? '';
  // `….this-segment-must-never-be-logged`: words where the signature goes.
  return signature.length < 16 || isDictionaryWord(signature) || (/^[a-z]+(?:-[a-z]+){2,}$/.test(signature) && signature.split('-').filter((word) => word.length >= 4).every((word) => isPronounceable(word)));
}

/** `aaaaabbbbbccccddddd…lllloooooooooowerty`: most of it characters typed three times or more in a row. */
export function isMostlyRepeats(value: string): boolean {
  const repeated = (value.match(/(.)\1{2,}/g) ?? []).reduce((sum, run) => sum + run.length, 0);
  return value.length >= 12 && repeated >= value.length / 2;
}

/**
 * `ECrDNoq1VYzzzzzzzzzyAK7T…`, `48E92789-57A3-466A-9959-1A1A1A1A1A1A`: one character six times or more, or a
 * short block five times or more, typed where random characters go.
 */
export function holdsTypedFiller(value: string): boolean {
  // `…258625862586258625862586`: a block of four, four times or more.
  if (/(.)\1{5,}|(.{2,3})\2{4,}|(.{4})\3{3,}/.test(value)) return true;
  // `badc0deb-adc0-deba-dc0d-ebadc0debadc`: a hex word typed again and again across a UUID's groups.
  return /(.{5,8})\1{2,}/.test(value.replace(/[-_]/g, ''));
}

/** `someheader.eyJhdWQiOi….somesignature`, `foo.eyJ….bar`: a real payload between words where a JWT's header and signature go. */
export function isJwtWithWordsAround(value: string): boolean {
  return /^[A-Za-z]{2,20}\.eyJ[\w-]+\.[A-Za-z]{0,20}$/.test(value);
}

/** Words that say what a value is: a stand-in spelling its kind out among other words. */
const CREDENTIAL_WORDS = new Set(['token', 'key', 'secret', 'password', 'passwd', 'jwt', 'credential', 'credentials', 'apikey']);

/**
 * `session-token-cm8z6bn2q000008l34h8g7k9m`, `sk-super-secret-key-12345`, `invite-jwt-123`: words, one of
 * them saying what the value is, where a generated credential has one random stretch.
 */
export function namesItselfInWords(value: string): boolean {
  // Joined by "-", as people write; providers' prefixes use "_" (`src_client_secret_…`, `sb_secret_…`).
  const segments = value.toLowerCase().split(/[-.:]/);
  if (segments.length < 3 || !segments.some((segment) => CREDENTIAL_WORDS.has(segment))) return false;
  return segments.filter((segment) => /^[a-z]{3,}$/.test(segment)).length >= 2;
}

/** `ya29.a0ARW5m7hQ_some_oauth_token`: a token's start with words saying what it is where the rest goes. */
export function endsInCredentialWords(value: string): boolean {
  return /[._-](?:[a-z]{2,}[_-]){1,4}(?:token|key|secret|password|passwd|pass|pwd|credentials?)$/.test(value);
}

/**
 * `sk-ant-oat01-x`, `sk-tracing-123`, `stt_opaque_123`: a provider's prefix and short parts, ending in a
 * word, a small number or a letter or two. Generated credentials always hold one long random stretch.
 */
export function isPrefixWithoutRandomPart(value: string): boolean {
  const segments = value.split(/[-_]/);
  if (segments.length < 3 || !/^[a-z]{2,8}$/.test(segments[0]) || segments.some((segment) => segment.length >= 12)) return false;
  const last = segments[segments.length - 1];
  return /^(?:[A-Za-z]{1,3}|\d{1,6})$/.test(last) || (/^[a-z]{4,}\d?$/.test(last) && isPronounceable(last.replace(/\d$/, '')));
}

/**
 * Providers' prefixes, with the fewest characters their tokens have in all: PyPI's macaroons run to
 * well over a hundred, GitHub's and npm's are forty, and so on. A value with one of these prefixes
 * and far fewer characters (`pypi-flit123abc`, `pypi-AgEIcHlwaS5vcmc`, which is its fixed header
 * alone) is a test's stand-in for such a token.
 */
const SHORTEST_TOKEN_WITH_PREFIX: readonly (readonly [prefix: string, length: number])[] = [
  ['pypi-', 80],
  ['ghp_', 40],
  ['gho_', 40],
  ['ghu_', 40],
  ['ghs_', 40],
  ['ghr_', 40],
  ['github_pat_', 82],
  ['glpat-', 26],
  ['npm_', 40],
  ['hf_', 37],
  ['dop_v1_', 71],
  // OpenAI's and the compatible APIs' keys: `sk-` and 32 characters or more.
  ['sk-', 35],
];

export function isShorterThanItsFormat(value: string): boolean {
  return SHORTEST_TOKEN_WITH_PREFIX.some(([prefix, length]) => value.startsWith(prefix) && value.length < length);
}

/** `shprt_def456`, `tr_prod_abc123`, `tr_legacy_1234`: prefixes, then letters and digits counted up where the random part goes. */
export function hasSequenceAfterPrefix(value: string): boolean {
  const randomPart = /^(?:[A-Za-z]{2,10}[_-]){1,3}([A-Za-z0-9]{4,12})$/.exec(value)?.[1];
  if (randomPart !== undefined) return isRunOfSequences(randomPart);
  // `1//xEg-def456`: after any short prefix, a longer part counted out nearly all the way.
  const lastPart = /^[\w/.]{1,12}[_-]([A-Za-z0-9]{6,12})$/.exec(value)?.[1];
  return lastPart !== undefined && sequenceSteps(lastPart) >= lastPart.length - 2;
}

/**
 * `whsec_aWxpa2VzdXBhYmFzZ…` is "ilikesupabase…": a test's stand-in, base64 of words where the random
 * part goes. Random bytes are all letters once in 10^8 for twelve of them.
 */
export function encodesWords(value: string): boolean {
  const randomPart = value.slice(Math.max(value.lastIndexOf('_'), value.lastIndexOf('-')) + 1);
  if (randomPart.length < 16) return false;
  const decoded = decodedBase64Text(randomPart);
  if (decoded === undefined) return false;
  // "secret-key-bytes", "test_signing_secret_32_chars_long": words (and a number) joined by signs.
  if (/^[a-z]{3,}(?:[-_ ](?:[a-z]{2,}|\d{1,4}))+$/i.test(decoded)) return decoded.split(/[-_ ]/).filter((word) => word.length >= 4 && isPronounceable(word)).length >= 1;
  // `fhsdkflhdskjfhsaökhfl…`: letters typed along the home row, encoded to look random.
  if (decoded.length >= 12 && isHomeRowMash(decoded.toLowerCase().replace(/[^a-z]/g, ''))) return true;
  // Words keep their capitals at their starts (`ilikesupabase…`, `MyTestSecret…`); random letters put them anywhere.
  return decoded.length >= 12 && /^(?:[A-Z]?[a-z]+)+$/.test(decoded) && isPronounceable(decoded);
}

/** The longest run of consecutive characters (`abcdefg`, `1234567`, `7654321`) kept as random: longer ones are typed. */
const LONGEST_RANDOM_RUN = 7;

/**
 * `abcdefghijklmnopqrstuvwxyz`, `klmnopqrstuvwx`, `987654321` where the random part goes. A repeated
 * character (`AKIAZZZZ…`) is not enough: test fixtures with one are labelled true findings, as secretlint reports them.
 */
export function holdsTypedRun(value: string): boolean {
  // `aAbBcCdDeEfFgGhH`, lower-cased and each doubled letter once, is the alphabet too.
  if (holdsRun(value) || holdsRun(value.toLowerCase().replace(/([a-z])\1/g, '$1'))) return true;
  // `AIzaSyD-9_8a7b6c5d4e3f2g1h0_SPECIAL-CHARS`: the counting may fill one part of a token between its separators.
  return countsInTurn(value) || value.split(/[-_.]/).some((part) => part.length >= 12 && part !== value && countsInTurn(part));
}

/**
 * `a1B2c3D4e5F6g7H8i9J0…`, `9a8b7c6d5e4f3a2b1c0d…`: letters and digits counted up or down in turn. Only
 * where they take turns: the digits of separate numbers (`xoxb-…287654-3211…`) may run on by chance.
 */
function countsInTurn(value: string): boolean {
  if (/[A-Za-z]{3}|\d{3}/.test(value)) return false;
  const letters = value.toLowerCase().replace(/[^a-z]/g, '');
  const digits = value.replace(/[^0-9]/g, '');
  // `1a2B3c4#`: a short one, its letters one run and its digits another.
  if (letters.length >= 3 && digits.length >= 3 && letters.length + digits.length >= value.length - 2 && isOneRun(letters) && isOneRun(digits)) return true;
  return (letters.length >= 8 && holdsRun(letters)) || (digits.length >= 8 && holdsRun(digits));
}

/** True when every character is one more, or every one less, than the one before it. */
function isOneRun(value: string): boolean {
  const step = value.charCodeAt(1) - value.charCodeAt(0);
  if (step !== 1 && step !== -1) return false;
  for (let index = 2; index < value.length; index += 1) if (value.charCodeAt(index) - value.charCodeAt(index - 1) !== step) return false;
  return true;
}

/**
 * `abcdE23FNk…`, `…JedcbABC4…`, `akab-zyx987xa6…`: five letters of the alphabet typed from one of its
 * ends (`abcde`, `edcba`) or six from anywhere, whatever their case; or three from an end beside digits
 * typed from one of theirs (`abc123`, `zyx987`), where a test's author typed the random part. Runs from
 * the middle come by chance (random base36 of forty characters holds `nml234` once in a few thousand
 * values); these, about once in a hundred thousand. Not in hex, where six letters make runs common.
 */
export function holdsTypedSequences(value: string): boolean {
  if (/^[0-9a-f]+$/i.test(value)) return false;
  // `PARTIAL567890ABC`: the digits in the keyboard's order, where 0 follows 9.
  if (/567890|098765/.test(value)) return true;
  const lower = value.toLowerCase();
  const runs = sequenceRuns(lower);
  if (runs.some((run) => run.kind === 'letters' && (run.length >= 6 || (run.length >= 5 && startsOrEndsAtAnEnd(lower, run))))) return true;
  return runs.some((run, index) => {
    const next = runs[index + 1];
    if (next === undefined || next.start !== run.start + run.length || next.kind === run.kind) return false;
    return run.length >= 3 && next.length >= 3 && startsOrEndsAtAnEnd(lower, run) && startsOrEndsAtAnEnd(lower, next);
  });
}

/** A run from or to an end of its alphabet: `abc…`, `…xyz`, `zyx…`, `…cba`, `123…`, `…789`, `987…`, `…210`. */
function startsOrEndsAtAnEnd(lower: string, run: SequenceRun): boolean {
  const ends = run.kind === 'letters' ? 'az' : '019';
  return ends.includes(lower[run.start]!) || ends.includes(lower[run.start + run.length - 1]!);
}

interface SequenceRun {
  readonly start: number;
  readonly length: number;
  readonly kind: 'letters' | 'digits';
}

/** The runs of two or more letters (or digits) that go up, or down, one by one. */
function sequenceRuns(lower: string): SequenceRun[] {
  const runs: SequenceRun[] = [];
  let start = 0;
  let step = 0;
  for (let index = 1; index <= lower.length; index += 1) {
    const kind = characterKind(lower.charCodeAt(index - 1));
    const nextStep = index < lower.length ? lower.charCodeAt(index) - lower.charCodeAt(index - 1) : 0;
    const continues = kind !== undefined && characterKind(lower.charCodeAt(index)) === kind && (nextStep === 1 || nextStep === -1) && (index - start === 1 || nextStep === step);
    if (continues) {
      step = nextStep;
      continue;
    }
    if (kind !== undefined && index - start >= 2) runs.push({ start, length: index - start, kind });
    start = index;
    step = 0;
  }
  return runs;
}

function characterKind(code: number): SequenceRun['kind'] | undefined {
  if (code >= 97 && code <= 122) return 'letters';
  if (code >= 48 && code <= 57) return 'digits';
  return undefined;
}

/** True when more than LONGEST_RANDOM_RUN characters in a row go up, or down, one by one. */
function holdsRun(value: string): boolean {
  let ascending = 1;
  let descending = 1;
  for (let index = 1; index < value.length; index += 1) {
    const step = value.charCodeAt(index) - value.charCodeAt(index - 1);
    ascending = step === 1 ? ascending + 1 : 1;
    descending = step === -1 ? descending + 1 : 1;
    if (ascending > LONGEST_RANDOM_RUN || descending > LONGEST_RANDOM_RUN) return true;
  }
  return false;
}

/**
 * `ghp_…JAfnHARDcoded`, `…SECRETS`, `oe_test_testingYqLeo…`: a token that says it is a stand-in, anywhere (`hardcoded`) or at its
 * end. Not "fake": detectors' fixtures (`glpat-…fakeW86…`) hold it, and people label them true findings.
 */
const SAYS_IT_IS_A_STAND_IN = /(?:dummy|example|sample|placeholder|redacted|notreal|secrets|invalid|[0-9a-f]{32}test)$|hard-?coded|random-?chars|_testing[A-Z0-9]/i;

export function saysItIsAStandIn(value: string): boolean {
  return SAYS_IT_IS_A_STAND_IN.test(value);
}

/** `1234567890abcdef`, `abcd1234abcd1234`, `abcdefg12345-._~+/=`, `87654321`: mostly runs of consecutive characters. */
export function isRunOfSequences(value: string): boolean {
  // `87654321` runs down; `ABCDEFGH12345678` and its reverse, both ways.
  return sequenceSteps(value) / (value.length - 1) >= 0.5 || isCountedUp(value);
}

/** `01020304050607080910111213141516`, `123456789101112`: numbers counted up one after another, zero-padded or not. */
function isCountedUp(value: string): boolean {
  if (value.length < 12 || !/^\d+$/.test(value)) return false;
  for (let width = 1; width <= 3; width += 1) {
    const first = Number(value.slice(0, width));
    for (const padded of [true, false]) {
      let counted = '';
      for (let number = first; counted.length < value.length; number += 1) counted += padded ? String(number).padStart(width, '0') : String(number);
      if (counted.slice(0, value.length) === value) return true;
    }
  }
  return false;
}

/** `github_pat_wrongwronmgwrongwrong…`: one word of five letters or more typed four times or more where random characters go. */
export function holdsRepeatedWord(value: string): boolean {
  // Runs of one character (Twitter's tokens start with 21 "A") are no word.
  return value.length <= 300 && /([a-z]{5,})(?:.*?\1){3}/i.test(value.replace(/(.)\1{2,}/g, ' '));
}

/** How many characters are one more, or one less, than the one before, whatever the case of each letter (`AbC-dEf5`). */
function sequenceSteps(value: string): number {
  const lower = value.toLowerCase();
  let steps = 0;
  for (let index = 1; index < lower.length; index += 1) {
    const step = lower.charCodeAt(index) - lower.charCodeAt(index - 1);
    if (step === 1 || step === -1) steps += 1;
  }
  return steps;
}

/**
 * True for tokens made to be published: Supabase's anon keys (`"role": "anon"`, meant for browsers)
 * and the local-development keys every Supabase CLI install shares (`"iss": "supabase-demo"`).
 */
export function isPublicByDesignJwt(token: string): boolean {
  const [, payload = ''] = token.split('.');
  const claims = decodedJsonObject(payload) as { role?: unknown; iss?: unknown } | undefined;
  return claims?.role === 'anon' || claims?.iss === 'supabase-demo';
}
