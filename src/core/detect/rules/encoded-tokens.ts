import { decodedBase64Text } from '../decoded-text';
import { judgeValue } from '../value-judgement';
import { formatRule } from './format-rule';

/**
 * Provider tokens by the base64 of their prefix (only the characters those bytes fix) and their
 * whole format once decoded: GitHub, GitLab, Slack, Stripe, Atlassian and Bitbucket.
 */
const ENCODED_FORMATS: readonly { readonly encodedPrefix: string; readonly format: RegExp }[] = [
  { encodedPrefix: 'Z2l0aHViX3BhdF', format: /^github_pat_\w{82}$/ },
  { encodedPrefix: 'Z2hwX', format: /^ghp_[A-Za-z0-9]{36}$/ },
  { encodedPrefix: 'Z2hvX', format: /^gho_[A-Za-z0-9]{36}$/ },
  { encodedPrefix: 'Z2xwYXQt', format: /^glpat-[\w-]{20,}$/ },
  { encodedPrefix: 'eG94Yi', format: /^xoxb-\d+-\d+-[A-Za-z0-9]{20,}$/ },
  { encodedPrefix: 'eG94cC', format: /^xoxp-\d+-\d+-\d+-[0-9a-f]{20,}$/ },
  { encodedPrefix: 'c2tfbGl2ZV', format: /^sk_live_[A-Za-z0-9]{24,}$/ },
  { encodedPrefix: 'QVRBVFQz', format: /^ATATT3[\w=-]{100,}$/ },
  { encodedPrefix: 'QVRDVFQz', format: /^ATCTT3[\w=-]{40,}$/ },
];

/**
 * A provider token encoded once more in base64, as tests keep a real one to keep scanners and push
 * protection quiet (`pat := "Z2l0aHViX3BhdF8…"`, a GitHub token "for the test repository"). Reported
 * when the decoded text has the provider's whole format and the shared judgement keeps it.
 */
export const encodedProviderTokenRule = formatRule({
  id: 'secret-manager/base64-provider-token',
  title: 'Provider token (base64)',
  requiredText: ENCODED_FORMATS.map((entry) => entry.encodedPrefix),
  pattern: new RegExp(`(?<![A-Za-z0-9+/])(?:${ENCODED_FORMATS.map((entry) => entry.encodedPrefix).join('|')})[A-Za-z0-9+/]{16,}={0,2}(?![A-Za-z0-9+/=])`, 'dg'),
  accept(match) {
    const decoded = decodedBase64Text(match[0])?.trim();
    if (decoded === undefined || !ENCODED_FORMATS.some((entry) => entry.format.test(decoded))) return undefined;
    return judgeValue(decoded, 'format').verdict === 'credential' ? { start: match.index, end: match.index + match[0].length } : undefined;
  },
});
