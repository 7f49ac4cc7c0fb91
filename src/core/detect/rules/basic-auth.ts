import { groupRange, type RuleMatch } from '../project-rule';
import { isCredential } from '../value-judgement';
import { groupJudgedUnderName } from './credential-match';
import { formatRule } from './format-rule';

/**
 * The password of a "user:password" text, when it is printable, holds one colon and its password
 * passes the shared judgement as a credential assigned to a name.
 */
function passwordOf(userAndPassword: string): string | undefined {
  // `{"alg":"HS256"}`: JSON, a JWT's part encoded in a test, holds a colon too.
  if (!/^[\x20-\x7e]+$/.test(userAndPassword) || /^[{[]/.test(userAndPassword)) return undefined;
  const colon = userAndPassword.indexOf(':');
  if (colon === -1 || userAndPassword.indexOf(':', colon + 1) !== -1) return undefined;
  const password = userAndPassword.slice(colon + 1);
  return isCredential(password, 'name') ? password : undefined;
}

/** The text base64 encodes, when it is canonical base64 (decoding then encoding gives it back). */
function decodeBase64(encoded: string): string | undefined {
  const bytes = Buffer.from(encoded, 'base64');
  if (bytes.toString('base64').replace(/=+$/, '') !== encoded.replace(/=+$/, '')) return undefined;
  return bytes.toString('latin1');
}

/** "Basic <base64 of user:password>", wherever it is written (a header, a constant, a .env value). */
export const basicAuthorizationRule = formatRule({
  id: 'secret-manager/basic-authorization',
  title: 'Basic authorization credential',
  requiredText: ['Basic '],
  pattern: /\bBasic +([A-Za-z0-9+/]{8,}={0,2})(?![\w+/=-])/dg,
  accept(match): RuleMatch | undefined {
    const decoded = decodeBase64(match[1]);
    if (decoded === undefined || passwordOf(decoded) === undefined) return undefined;
    return groupRange(match, 1);
  },
});

const QUOTED_TEXT = String.raw`\s*(?:"(?<double>[^"\\\n]*)"|'(?<single>[^'\\\n]*)'|\x60(?<backtick>[^\x60\\\n]*)\x60)\s*\)`;

/**
 * A "user:password" literal encoded in place for a Basic authorization header:
 * btoa("user:password") or Buffer.from("user:password").toString("base64").
 */
export const encodedCredentialRule = formatRule({
  id: 'secret-manager/encoded-basic-credential',
  title: 'Credential encoded for Basic authorization',
  requiredText: ['btoa(', 'Buffer.from('],
  pattern: new RegExp(
    String.raw`\bbtoa\(${QUOTED_TEXT}|\bBuffer\.from\(${QUOTED_TEXT.replace(/<(\w+)>/g, '<$1Buffer>')}\s*\.toString\(\s*["'\x60]base64["'\x60]\s*\)`,
    'dg',
  ),
  accept(match) {
    const groups = match.groups ?? {};
    const group = ['double', 'single', 'backtick', 'doubleBuffer', 'singleBuffer', 'backtickBuffer'].find((name) => groups[name] !== undefined);
    if (!group || passwordOf(groups[group]) === undefined) return undefined;
    return groupRange(match, group);
  },
});

/**
 * A user and password given to curl for Basic authentication: `curl -u admin:… https://…`,
 * `--user "deploy:…"`, in scripts, READMEs and CI files. Only the password is reported.
 */
export const curlUserPasswordRule = formatRule({
  id: 'secret-manager/curl-user-password',
  title: 'Password given to curl',
  requiredText: ['curl '],
  pattern: /\bcurl(?=[ \t])[^\n]{0,300}?[ \t](?:-u|--user)(?:[ \t]+|=)(?<quote>["']?)[^\s:"'$]{1,100}:(?<password>[^\s"'@]{1,200})\k<quote>(?=[\s\\]|$)/dg,
  // `curl -u 'http://localhost:9000/api'`: a URL where the user and password were left out.
  accept: (match) => (match.groups?.password?.startsWith('//') ? undefined : groupJudgedUnderName(match, 'password', 'password')),
});
