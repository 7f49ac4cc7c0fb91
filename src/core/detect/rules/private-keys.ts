import type { ProjectRule } from '../project-rule';
import { isCredential } from '../value-judgement';
import { formatRule } from './format-rule';

/** A line of a PEM body behind a comment marker: `#`, `;` or `//`. */
const COMMENTED_LINE = /(?:^|\n)[ \t]*(?:#|;|\/\/)/;
const COMMENT_MARKERS = /(?:^|\n)[ \t]*(?:#|;|\/\/)/g;

/**
 * PEM private keys the recommended preset misses: its rule wants the body to start with "MI",
 * so SEC1 EC keys ("MH…"), OpenSSH keys ("b3Bl…") and PKCS#8 Ed25519 keys ("MC…") slip through, as does
 * any key commented out line by line.
 * A header with no body is not a key. Bodies may be written with "\n" escapes inside a string.
 */
export const privateKeyRule: ProjectRule = {
  id: 'secret-manager/private-key',
  title: 'Private key',
  severity: 'error',
  certainty: 'certain',
  keywords: [],
  requiredText: ['PRIVATE KEY-----'],
  // A key commented out line by line (`#    MIIE…` in a YAML fixture) is still a key.
  pattern:
    /-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY-----((?:\\[rn]|\s)*)((?:[A-Za-z0-9+/=:,#;-]|\\[rn]|\s){40,}?)-----END \1PRIVATE KEY-----/dg,
  accept(match) {
    const commented = COMMENTED_LINE.test(match[3]);
    const body = match[3].replace(COMMENT_MARKERS, '\n').replace(/\\[rn]|\s/g, '');
    if (/[#;]/.test(body)) return undefined;
    // Proc-Type/DEK-Info headers belong to encrypted legacy keys the preset reports (uncommented).
    if (body.startsWith('MI') && !commented) return undefined;
    if (body.length < 40 || /^(.)\1+$/.test(body)) return undefined;
    return { start: match.index, end: match.index + match[0].length };
  },
};

/** age secret keys: "AGE-SECRET-KEY-1" and 58 characters of bech32. */
export const ageSecretKeyRule = formatRule({
  id: 'secret-manager/age-secret-key',
  title: 'age secret key',
  requiredText: ['AGE-SECRET-KEY-1'],
  pattern: /(?<![\w-])AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}(?![\w-])/dg,
});

/** How far a JSON Web Key's members may sit from its `kty`: a key is a few hundred characters, RSA's 2–4 KB. */
const LONGEST_JSON_WEB_KEY = 6000;
/** The private member: `d` of an RSA, EC or OKP key, `k` of a symmetric ("oct") one. */
const PRIVATE_MEMBER = { d: /(?<![\w$-])["']?d["']?\s*:\s*["'`]([A-Za-z0-9_-]{16,})["'`]/d, k: /(?<![\w$-])["']?k["']?\s*:\s*["'`]([A-Za-z0-9_-]{16,})["'`]/d };

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
  pattern: /kty["']?\s*:\s*["'`](RSA|EC|OKP|oct)["'`]/dg,
  accept(match) {
    const text = match.input;
    const objectStart = text.lastIndexOf('{', match.index);
    const objectEnd = text.indexOf('}', match.index);
    if (objectStart < 0 || objectEnd < 0 || match.index - objectStart > LONGEST_JSON_WEB_KEY || objectEnd - match.index > LONGEST_JSON_WEB_KEY) return undefined;
    const member = PRIVATE_MEMBER[match[1] === 'oct' ? 'k' : 'd'].exec(text.slice(objectStart, objectEnd));
    const range = member?.indices?.[1];
    if (!member || !range || !isCredential(member[1], 'format')) return undefined;
    return { start: objectStart + range[0], end: objectStart + range[1] };
  },
};
