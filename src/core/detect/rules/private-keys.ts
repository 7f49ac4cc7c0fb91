import { decodedBase64Text } from '../decoded-text';
import { shannonEntropy } from '../placeholders';
import type { ProjectRule } from '../project-rule';
import { isCredential } from '../value-judgement';
import { groupIfCredential, mixesCaseAndDigits, wholeMatchIfRandomHex, withPrefixBefore } from './credential-match';
import { formatRule } from './format-rule';

/**
 * What ends a line of a PEM body: a blank, a `\n` or `\r` escape (doubled in a string escaped twice), a
 * backslash continuing the string on the next line (Lua, C),
 * or the end of one string literal and the start of the next, joined by "+" (PHP: ".") or side by side.
 */
const LINE_BREAK = String.raw`\\{1,2}[rn]|\\\r?\n|\s|['"\x60]\s*[+.]?\s*['"\x60]`;
const LINE_BREAKS = new RegExp(LINE_BREAK, 'g');
/** A PGP block's armor headers, each to its line's end: `Version: GnuPG v1.4.10 (GNU/Linux)`, `Comment: Bob's OpenPGP Transferable Secret Key`. */
const PGP_ARMOR_HEADERS = String.raw`(?:(?:Version|Comment|Hash|Charset|MessageID): [^\r\n\\]{0,200}(?:\{1,2}r)?(?:\{1,2}n|\r?\n)(?:${LINE_BREAK})*)*`;

/** A line of a PEM body behind a comment marker: `#`, `;` or `//`. */
const COMMENTED_LINE = /(?:^|\n)[ \t]*(?:#|;|\/\/)/;
const COMMENT_MARKERS = /(?:^|\n)[ \t]*(?:#|;|\/\/)/g;

/**
 * PEM private keys the recommended preset misses: its rule wants the body to start with "MI",
 * so SEC1 EC keys ("MH…"), OpenSSH keys ("b3Bl…"), PKCS#8 Ed25519 keys ("MC…") and PGP private key blocks
 * slip through, as do encrypted PKCS#8 keys and any key commented out line by line.
 * A header with no body is not a key. Bodies may be written with "\n" escapes inside a string.
 */
export const privateKeyRule: ProjectRule = {
  id: 'secret-manager/private-key',
  title: 'Private key',
  severity: 'error',
  certainty: 'certain',
  keywords: [],
  requiredText: ['PRIVATE KEY-----', 'PRIVATE KEY BLOCK-----'],
  // A key commented out line by line (`#    MIIE…` in a YAML fixture), or written as joined string literals, is still a key.
  pattern:
    new RegExp(`-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY( BLOCK)?-----((?:${LINE_BREAK})*)${PGP_ARMOR_HEADERS}((?:[A-Za-z0-9+/=:,#;-]|${LINE_BREAK}){40,}?)-----END \\1PRIVATE KEY\\2-----`, 'dg'),
  accept(match) {
    // A stub whose body is words (`Bad Key, though the cert should be OK`) ran on to the next block's end.
    if (/-----(?:BEGIN|END) /.test(match[4]) || /[A-Za-z]{3,},? [A-Za-z]{2,} [A-Za-z]{2,}/.test(match[4])) return undefined;
    const commented = COMMENTED_LINE.test(match[4]);
    // A body may be written as string literals joined by "+" or side by side, one per line.
    const body = match[4].replace(COMMENT_MARKERS, '\n').replace(LINE_BREAKS, '');
    if (/[#;]/.test(body)) return undefined;
    // Proc-Type/DEK-Info headers belong to encrypted legacy keys the preset reports (uncommented).
    // It misses PKCS#8's `ENCRYPTED PRIVATE KEY`, whose passphrase tests keep beside it.
    // It reads "\n" escapes, not "\r\n" ones, a string escaped twice (a JSON body inside a recorded HTTP exchange) nor joined literals.
    const presetReads = !commented && !match[1].startsWith('ENCRYPTED ') && !/\\r|\\\\/.test(match[0]) && !/['"`]/.test(match[4]);
    if (body.startsWith('MI') && presetReads) return undefined;
    if (body.length < 40 || isStandInPemBody(body)) return undefined;
    // PKCS#1, SEC1, PKCS#8 and DSA keys are DER, a SEQUENCE: their base64 starts with "M" (0x30), unless
    // an encrypted legacy key's headers (`Proc-Type: 4,ENCRYPTED`) come first. Random base64 stands in for one.
    if (DER_LABELS.test(match[1]) && !body.includes(':') && !body.startsWith('M')) return undefined;
    // The shortest private key, Ed25519's in PKCS#8, takes 64 characters of base64: a shorter body
    // (`FAKE-EXAMPLE-NOT-A-REAL-KEY`, `somethingSuperRandomAndSecretHere…`) stands in for one.
    // Not counting an encrypted legacy key's headers: `DEK-Info: AES-256-CBC,0011…` over a four-byte body is a parser's test.
    if (body.replace(LEGACY_ENCRYPTION_HEADERS, '').replace(/[^A-Za-z0-9+/=]/g, '').length < SHORTEST_KEY_BASE64) return undefined;
    // A body typed as the alphabet (`ABCDEFGHIJKLMNOPQRSTUVWXYZ/0123456789+abc…`) is a sample's stand-in.
    if (/ABCDEFGHIJKLMNOP|abcdefghijklmnop|0123456789/.test(body)) return undefined;
    return { start: match.index, end: match.index + match[0].length };
  },
};

/** RFC 1423's headers of an encrypted legacy key, their blanks taken out with the line breaks. */
const LEGACY_ENCRYPTION_HEADERS = /Proc-Type:\d+,[A-Z]+|DEK-Info:[A-Z0-9-]+,[0-9A-Fa-f]+/g;

/** The labels of keys written as DER: RSA's, EC's, DSA's and PKCS#8's (plain or encrypted). */
const DER_LABELS = /^(?:RSA |EC |DSA |ENCRYPTED |)$/;

/** The length in base64 of the shortest private key (48 bytes: an Ed25519 key in PKCS#8). */
const SHORTEST_KEY_BASE64 = 64;

/**
 * True when a PEM body (its line breaks taken out) cannot be a working key:
 * - a run of twenty "A"s, fifteen zero bytes: `MIICWgIBAAKBgAAAAAAAAAAA…`, a dummy key typed for a
 *   parser's test (a real key's numbers are random; its zero bytes come one or two at a time);
 * - a few characters typed again and again (`s3cr3ts3cr3t…`);
 * - a DER structure cut short: `MII…` declares its length in its first four bytes, and a placeholder of
 *   ten lines in a form (`PRIVATE_KEY_PLACEHOLDER`) holds less than half of it.
 */
function isStandInPemBody(body: string): boolean {
  return /A{20}/.test(body) || /^(.{1,16}?)\1{3,}/.test(body) || isCutShortDer(body);
}

/** True when the text from `start` to `end` is a whole string literal: a quote just before, and just after one not joined to more. */
function isWholeLiteral(text: string, start: number, end: number): boolean {
  return /["'`]/.test(text[start - 1] ?? '') && /^["'`](?![ \t]*[+.])/.test(text.slice(end, end + 4));
}

/** `MII…` is a DER SEQUENCE with a two-byte length; a body holding less than 90% of it was cut (or typed) short. */
function isCutShortDer(body: string): boolean {
  if (!body.startsWith('MII')) return false;
  const base64 = body.replace(/[^A-Za-z0-9+/]/g, '');
  const header = Buffer.from(base64.slice(0, 8), 'base64');
  const declaredBytes = ((header[2] << 8) | header[3]) + 4;
  return (base64.length * 3) / 4 < declaredBytes * 0.9;
}

/** True when a PEM private key's body cannot be a working key (see isStandInPemBody). */
export function isStandInPemKey(pem: string): boolean {
  const inside = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----([\s\S]*?)-----END /.exec(pem)?.[1];
  return inside !== undefined && isStandInPemBody(inside.replace(COMMENT_MARKERS, '\n').replace(LINE_BREAKS, ''));
}

/**
 * minisign's and rsign's secret keys (Tauri's updater signs with them): the key file's base64 line under
 * `untrusted comment: minisign encrypted secret key`, or the whole file in base64, as Tauri keeps it
 * (`dW50cnVzdGVkIGNvbW1lbnQ6I…`). "Encrypted" says little: Tauri's tools make them with an empty password.
 */
export const minisignSecretKeyRule = formatRule({
  id: 'secret-manager/minisign-secret-key',
  title: 'minisign secret key',
  requiredText: ['untrusted comment: ', 'dW50cnVzdGVkIGNvbW1lbnQ6I'],
  pattern:
    /untrusted comment: (?:minisign|rsign) encrypted secret key\r?\n([A-Za-z0-9+/]{100,}={0,2})|(?<![A-Za-z0-9+/])dW50cnVzdGVkIGNvbW1lbnQ6I(?:G1pbmlzaWdu|HJzaWdu)IGVuY3J5cHRlZCBzZWNyZXQga2V5[A-Za-z0-9+/]{100,}={0,2}/dg,
  accept: (match) => (match[1] === undefined ? { start: match.index, end: match.index + match[0].length } : groupIfCredential(match, 1, 'format')),
});

/** age secret keys: "AGE-SECRET-KEY-1" (or "AGE-SECRET-KEY-PQ-1") and 58 characters of bech32. */
export const ageSecretKeyRule = formatRule({
  id: 'secret-manager/age-secret-key',
  title: 'age secret key',
  requiredText: ['AGE-SECRET-KEY-1', 'AGE-SECRET-KEY-PQ-1'],
  // Post-quantum (hybrid) identities are written `AGE-SECRET-KEY-PQ-1…`.
  pattern: /(?<![\w-])AGE-SECRET-KEY-(?:PQ-)?1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}(?![\w-])/dg,
});

/** Tailscale's node and machine private keys as they are written out (`privkey:` and 64 hex), and its tailnet-lock keys (`nlpriv:`). */
export const tailscalePrivateKeyRule = formatRule({
  id: 'secret-manager/tailscale-private-key',
  title: 'Tailscale private key',
  requiredText: ['privkey:', 'nlpriv:'],
  pattern: /(?<![\w-])(?:privkey|nlpriv):([0-9a-f]{64})(?![\w-])/dg,
  accept: wholeMatchIfRandomHex,
});

/**
 * A Matrix homeserver's signing key (Synapse's `*.signing.key`, Dendrite's): `ed25519`, the key's id and
 * its 32-byte seed in unpadded base64. Whoever holds it signs events as the server.
 */
export const matrixSigningKeyRule = formatRule({
  id: 'secret-manager/matrix-signing-key',
  title: 'Matrix server signing key',
  // Synapse names its keys `a_` and four characters; "_" makes the literal cheap to look for.
  requiredText: ['ed25519 a_'],
  pattern: /(?<![\w-])ed25519 a_[\w-]{1,38} ([A-Za-z0-9+/]{43})(?![A-Za-z0-9+/=])/dg,
  accept: (match) => (mixesCaseAndDigits(match[1]) ? groupIfCredential(match, 1, 'format') : undefined),
});

/** How far a JSON Web Key's members may sit from its `kty`: a key is a few hundred characters, RSA's 2–4 KB. */
const LONGEST_JSON_WEB_KEY = 6000;
/** The private member: `d` of an RSA, EC or OKP key, `k` of a symmetric ("oct") one. */
// Elixir's and Ruby's maps write `"d" => "…"`.
const PRIVATE_MEMBER = { d: /(?<![\w$-])["']?d["']?\s*(?::|=>)\s*["'`]([A-Za-z0-9_-]{16,})["'`]/d, k: /(?<![\w$-])["']?k["']?\s*(?::|=>)\s*["'`]([A-Za-z0-9_-]{16,})["'`]/d };

/** The shortest private member of each key type, in base64url: RSA-512's `d`, P-256's or Ed25519's `d`, a 128-bit `k`. */
const SHORTEST_PRIVATE_MEMBER: Readonly<Record<string, number>> = { RSA: 86, EC: 43, OKP: 43, oct: 22 };

/**
 * `d: "private-exponent"` under an RSA key, `k: "c3ltbWV0cmljLXNlY3JldA"` ("symmetric-secret"): too
 * short for the key type, or base64url of text, where a real key holds random bytes.
 */
function isPrivateMemberShaped(keyType: string, member: string): boolean {
  if (member.length < (SHORTEST_PRIVATE_MEMBER[keyType] ?? 16)) return false;
  const text = decodedBase64Text(member.replace(/-/g, '+').replace(/_/g, '/'));
  return text === undefined && isCredential(member, 'format');
}

/**
 * Private keys written as JSON Web Keys (RFC 7517), in test key sets, OIDC provider configurations and
 * env files: the private member of the object whose `kty` it is, before or after it. A public key
 * (no `d`) is not reported.
 */
export const jsonWebKeyRule: ProjectRule = {
  id: 'secret-manager/jwk-private-key',
  title: 'Private JSON Web Key',
  severity: 'error',
  certainty: 'certain',
  keywords: [],
  requiredText: ['kty'],
  matchesStartInRequiredText: true,
  pattern: /kty["']?\s*(?::|=>)\s*["'`](RSA|EC|OKP|oct)["'`]/dg,
  accept(match) {
    const text = match.input;
    const objectStart = text.lastIndexOf('{', match.index);
    const objectEnd = text.indexOf('}', match.index);
    if (objectStart < 0 || objectEnd < 0 || match.index - objectStart > LONGEST_JSON_WEB_KEY || objectEnd - match.index > LONGEST_JSON_WEB_KEY) return undefined;
    const member = PRIVATE_MEMBER[match[1] === 'oct' ? 'k' : 'd'].exec(text.slice(objectStart, objectEnd));
    const range = member?.indices?.[1];
    if (!member || !range || !isPrivateMemberShaped(match[1], member[1])) return undefined;
    return { start: objectStart + range[0], end: objectStart + range[1] };
  },
};

/**
 * The base64 starts of DER private keys: PKCS#8 (RSA `MII…IBADAN`, EC `MIG…AgEAM`, Ed25519 and X25519
 * `MC4CAQAwBQYDK2V…`), PKCS#1 RSA (`MII…IBAAKC`) and SEC1 EC (`MHcCAQEE`, `MIG…AgEBB`). A public key
 * (SPKI, `MIIBIjAN…`, `MFkwEwYH…`) or a certificate starts otherwise.
 */
// Base64url too (`-` and `_`): Elixir's and Go's URL-safe encodings of a key.
const DER_PRIVATE_KEY_START = /(?<![\w+/-])(?:MII[\w+/-]{3}IBA(?:DAN|AKC)|MI[GH][\w+/-]AgE(?:AM|BB)|MHcCAQEE|MC4CAQAwBQYDK2V[wu])(?:[A-Za-z0-9+/]{40,}={0,2}|[\w-]{40,})(?![\w+/=-])/dg;

/**
 * Private keys written as base64 DER without PEM armour: `"privateKey": "MIGHAgEA…"` in JSON, a Java
 * or Kotlin string, `JWT_PRIVATE_KEY=MIIEvQ…` in an env file. Lines of a PEM body are left to the PEM rules.
 */
export const derPrivateKeyRule = formatRule({
  id: 'secret-manager/der-private-key',
  title: 'Private key (base64 DER)',
  requiredText: ['MII', 'MIG', 'MIH', 'MHcCAQEE', 'MC4CAQAw'],
  pattern: DER_PRIVATE_KEY_START,
  accept(match) {
    const text = match.input;
    if (text.lastIndexOf('-----BEGIN', match.index) > text.lastIndexOf('-----END', match.index)) return undefined;
    // Past its first 16 characters a key is random bytes: `MIIEvQIBADANAAAA…` is a stand-in.
    if (shannonEntropy(match[0].slice(16)) < 4 || !isCredential(match[0], 'format')) return undefined;
    // Cut short only when the literal holds nothing more: a key's body may go on over the next lines of a string.
    if (isWholeLiteral(text, match.index, match.index + match[0].length) && isCutShortDer(match[0])) return undefined;
    return { start: match.index, end: match.index + match[0].length };
  },
});

/** A PEM private key, as its base64 decodes: header, then a body of 40 base64 characters or more. */
// A PGP block may carry headers (`Version: …`, `Comment: …`) before a blank line and its body.
const DECODED_PEM_PRIVATE_KEY = /^-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----\s+(?:[A-Za-z][\w-]*: [^\n]*\n)*\s*((?:[A-Za-z0-9+/=]|\s){40,})/;

/**
 * PEM private keys (and PGP private key blocks) encoded once more in base64 (`LS0tLS1CRUdJTi…` is
 * "-----BEGIN"): a Kubernetes Secret's `tls.key`, a CI variable or action input, a test's
 * `base64.StdEncoding.DecodeString("…")`. Certificates and public keys start the same way and are not reported.
 */
export const base64PemPrivateKeyRule = formatRule({
  id: 'secret-manager/base64-pem-private-key',
  title: 'Private key (base64 of PEM)',
  requiredText: ['LS0tLS1CRUdJTi'],
  pattern: /(?<![A-Za-z0-9+/])LS0tLS1CRUdJTi[A-Za-z0-9+/]{60,}={0,2}(?![A-Za-z0-9+/=])/dg,
  accept(match) {
    const body = DECODED_PEM_PRIVATE_KEY.exec(Buffer.from(match[0], 'base64').toString('latin1'))?.[1].replace(/\s/g, '');
    if (body === undefined || shannonEntropy(body) < 4) return undefined;
    return { start: match.index, end: match.index + match[0].length };
  },
});

/** BIP32 extended private keys (`xprv…`, `tprv…` on testnets, `yprv`/`zprv`/`uprv`/`vprv` for SegWit): a whole wallet's keys. */
export const extendedPrivateKeyRule = formatRule({
  id: 'secret-manager/bip32-private-key',
  title: 'Wallet extended private key (BIP32)',
  // Anchored on "prv", the letter before it checked after: one literal instead of six, each of
  // which cost the literal scan a pass over every file (17 ms on the bench tree).
  requiredText: ['prv'],
  pattern: /(?<=[xtyzuv])prv([1-9A-HJ-NP-Za-km-z]{107,108})(?![\w-])/dg,
  accept: (match) => (mixesCaseAndDigits(match[1]) ? withPrefixBefore(match, 1, /^[xtyzuv]$/, /[\w-]/) : undefined),
});

/** English words that no BIP39 list holds, common in a sentence of twelve words. */
const SENTENCE_WORDS = new Set(['the', 'and', 'for', 'with', 'that', 'this', 'from', 'into', 'then', 'when', 'should', 'are', 'was', 'were', 'has', 'have', 'not', 'but', 'its', 'our', 'your', 'their', 'them', 'they', 'which', 'who']);

/**
 * `legal winner thank year … legal winner thank yellow`: BIP39's test vectors of entropy made of one
 * byte repeated (0x7f…, 0x80…). Eight words hold eleven bytes, so such a phrase repeats its words
 * eight apart, up to the last one, which holds the checksum.
 */
function isOfRepeatedBytes(words: readonly string[]): boolean {
  return words.slice(0, words.length - 9).every((word, index) => word === words[index + 8]);
}

/**
 * A wallet's recovery phrase (BIP39): 12, 15, 18, 21 or 24 words of three to eight lower-case letters, quoted on a
 * line that says mnemonic or seed (`"seed": "tiger room …"`, `var mnemonic = GenerateWallet("click chunk …")`).
 * Test phrases that repeat a word (`test test … junk`, `abandon … about`, `all all …`) publish no wallet.
 */
export const mnemonicPhraseRule: ProjectRule = {
  id: 'secret-manager/mnemonic-phrase',
  title: 'Wallet recovery phrase',
  severity: 'error',
  certainty: 'heuristic',
  keywords: ['mnemonic', 'seed', 'recovery[_ -]?phrase'],
  pattern: /(?<=["'`])[a-z]{3,8}(?: [a-z]{3,8}){11,23}(?=["'`])/dg,
  accept(match) {
    const words = match[0].split(' ');
    if (![12, 15, 18, 21, 24].includes(words.length)) return undefined;
    if (new Set(words).size < words.length * 0.75 || words.some((word) => SENTENCE_WORDS.has(word)) || isOfRepeatedBytes(words)) return undefined;
    return { start: match.index, end: match.index + match[0].length, confidence: 0.8 };
  },
};

/**
 * A Rails master key (`config/master.key`, or an environment's `config/credentials/production.key`): 32 hex
 * alone in its file, which decrypts `credentials.yml.enc` beside it. Rails ignores it in git; committed, it
 * opens every credential the application keeps.
 */
export const railsMasterKeyRule: ProjectRule = {
  id: 'secret-manager/rails-master-key',
  title: 'Rails master key',
  severity: 'error',
  certainty: 'certain',
  keywords: [],
  filePaths: /(?:^|[\\/])config[\\/](?:master|credentials[\\/][\w-]+)\.key$/,
  pattern: /^([0-9a-f]{32})(?=\s*$)/dg,
  accept: wholeMatchIfRandomHex,
};

/** A key file's private key as JSON writes it, once decoded: `"private_key": "-----BEGIN PRIVATE KEY-----\n…"`. */
const JSON_PRIVATE_KEY = /"private_key"\s*:\s*"-----BEGIN (?:RSA |EC )?PRIVATE KEY-----(?:\\n)+((?:[A-Za-z0-9+/=]|\\n){100,})/;

/**
 * A JSON key file holding a private key (a Google service account's: `"type": "service_account"`, `"private_key": …`)
 * encoded in base64, as a Kubernetes Secret's or a CI variable keeps it: `ewog…` is "{\n  ", and a compact file
 * starts `eyJ0eXBlIjoic2VydmljZV9hY2NvdW50`. Neither tool reported the key in that form.
 */
export const base64JsonPrivateKeyRule = formatRule({
  id: 'secret-manager/base64-json-private-key',
  title: 'Private key (base64 of a JSON key file)',
  requiredText: ['ewog', 'ew0K', 'eyJ0eXBlIjoic2VydmljZV9hY2NvdW50'],
  pattern: /(?<![A-Za-z0-9+/])(?:ewog|ew0K|eyJ0eXBlIjoic2VydmljZV9hY2NvdW50)[A-Za-z0-9+/]{800,}={0,2}(?![A-Za-z0-9+/=])/dg,
  accept(match) {
    const body = JSON_PRIVATE_KEY.exec(Buffer.from(match[0], 'base64').toString('latin1'))?.[1].replace(/\\n/g, '');
    if (body === undefined || shannonEntropy(body) < 4) return undefined;
    return { start: match.index, end: match.index + match[0].length };
  },
});
