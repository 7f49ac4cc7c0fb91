import { mixesCaseAndDigits, wholeMatchIfCredential, withPrefixBefore } from './credential-match';
import { formatRule } from './format-rule';

/** Google OAuth client secrets: "GOCSPX-" and 28 characters. */
export const googleOauthClientSecretRule = formatRule({
  id: 'secret-manager/google-oauth-client-secret',
  title: 'Google OAuth client secret',
  requiredText: ['GOCSPX-'],
  pattern: /(?<![\w-])GOCSPX-[\w-]{28}(?![\w-])/dg,
});

/** Google OAuth refresh tokens ("1//0" and the token) and access tokens ("ya29." and the token). */
export const googleOauthTokenRule = formatRule({
  id: 'secret-manager/google-oauth-token',
  title: 'Google OAuth refresh or access token',
  requiredText: ['1//0', 'ya29.'],
  pattern: /(?<![\w/.-])(?:1\/\/0([\w-]{40,512})|ya29\.([\w-]{40,2048}))(?![\w.-])/dg,
  accept: (match) => (mixesCaseAndDigits(match[1] ?? match[2]) ? wholeMatchIfCredential(match) : undefined),
});

/**
 * Firebase Cloud Messaging legacy server keys: "AAAA", 7 characters, ":APA91b", and 134 more.
 * Anchored on ":APA91b", the 11 characters checked behind it (a device registration token has
 * the same middle but no "AAAA" head).
 */
export const firebaseServerKeyRule = formatRule({
  id: 'secret-manager/firebase-server-key',
  title: 'Firebase Cloud Messaging server key',
  requiredText: [':APA91b'],
  pattern: /:APA91b[\w-]{134}(?![\w-])/dg,
  accept: (match) => withPrefixBefore(match, 11, /^AAAA[\w-]{7}$/, /[\w-]/),
});
