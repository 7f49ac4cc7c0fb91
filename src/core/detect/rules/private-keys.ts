import type { ProjectRule } from '../project-rule';
import { formatRule } from './format-rule';

/**
 * PEM private keys the recommended preset misses: its rule wants the body to start with "MI",
 * so SEC1 EC keys ("MH…"), OpenSSH keys ("b3Bl…") and PKCS#8 Ed25519 keys ("MC…") slip through.
 * A header with no body is not a key. Bodies may be written with "\n" escapes inside a string.
 */
export const privateKeyRule: ProjectRule = {
  id: 'secret-manager/private-key',
  title: 'Private key',
  severity: 'error',
  certainty: 'certain',
  keywords: [],
  requiredText: ['PRIVATE KEY-----'],
  pattern:
    /-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY-----((?:\\[rn]|\s)*)((?:[A-Za-z0-9+/=:,-]|\\[rn]|\s){40,}?)-----END \1PRIVATE KEY-----/dg,
  accept(match) {
    const body = match[3].replace(/\\[rn]|\s/g, '');
    // Proc-Type/DEK-Info headers belong to encrypted legacy keys the preset reports.
    if (body.startsWith('MI')) return undefined;
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
