import { decodesToJsonObject } from '../decoded-text';
import { holdsCapitalOrDigit, mixesCaseAndDigits, mixesLettersAndDigits, wholeMatchIfCredential, wholeMatchIfRandomBase62, wholeMatchIfRandomHex, withPrefixBefore } from './credential-match';
import { formatRule } from './format-rule';

/** PyPI API (upload) tokens: "pypi-" and a macaroon whose base64 starts with the pypi.org location. */
export const pypiTokenRule = formatRule({
  id: 'secret-manager/pypi-token',
  title: 'PyPI API token',
  requiredText: ['pypi-AgEIcHlwaS5vcmc'],
  pattern: /(?<![\w-])pypi-AgEIcHlwaS5vcmc[\w-]{50,1000}(?![\w-])/dg,
});

/** RubyGems API keys: "rubygems_" and 48 hex. */
export const rubyGemsKeyRule = formatRule({
  id: 'secret-manager/rubygems-api-key',
  title: 'RubyGems API key',
  requiredText: ['rubygems_'],
  pattern: /(?<![\w-])rubygems_([0-9a-f]{48})(?![\w-])/dg,
  accept: wholeMatchIfRandomHex,
});

/** Clojars deploy tokens: "CLOJARS_" and 60 characters. */
export const clojarsTokenRule = formatRule({
  id: 'secret-manager/clojars-token',
  title: 'Clojars deploy token',
  requiredText: ['CLOJARS_'],
  pattern: /(?<![\w-])CLOJARS_([A-Za-z0-9]{60})(?![\w-])/dg,
  accept: wholeMatchIfRandomHex,
});

/**
 * JFrog Artifactory API keys ("AKCp" and 69 characters) and reference tokens (base64 of
 * "reftkn:01:…", 64 characters).
 */
export const jfrogTokenRule = formatRule({
  id: 'secret-manager/jfrog-token',
  title: 'JFrog Artifactory API key or reference token',
  requiredText: ['AKCp', 'cmVmdGtuOj'],
  pattern: /(?<![\w+/-])(?:AKCp([A-Za-z0-9]{69})|cmVmdGtuOj([A-Za-z0-9]{54}))(?![\w+/=-])/dg,
  accept: (match) => (mixesCaseAndDigits(match[1] ?? match[2]) ? wholeMatchIfCredential(match) : undefined),
});

/** Postman API keys: "PMAK-", 24 hex, "-", 34 hex. */
export const postmanKeyRule = formatRule({
  id: 'secret-manager/postman-api-key',
  title: 'Postman API key',
  requiredText: ['PMAK-'],
  pattern: /(?<![\w-])PMAK-[0-9a-f]{24}-[0-9a-f]{34}(?![\w-])/dg,
});

/** ReadMe API keys: "rdme_" and 70 lowercase letters and digits. */
export const readMeKeyRule = formatRule({
  id: 'secret-manager/readme-api-key',
  title: 'ReadMe API key',
  requiredText: ['rdme_'],
  pattern: /(?<![\w-])rdme_([a-z0-9]{70})(?![\w-])/dg,
  accept: wholeMatchIfRandomHex,
});

/** Sourcegraph access tokens: "sgp_", an optional 16-hex instance id (or "local") and "_", and 40 hex. */
export const sourcegraphTokenRule = formatRule({
  id: 'secret-manager/sourcegraph-token',
  title: 'Sourcegraph access token',
  requiredText: ['sgp_'],
  pattern: /(?<![\w-])sgp_(?:(?:[0-9a-f]{16}|local)_)?[0-9a-f]{40}(?![\w-])/dg,
});

/**
 * The GitLab tokens the preset leaves out (it knows glpat- only): deploy, runner, pipeline
 * trigger, CI job, feed, incoming mail, Kubernetes agent, OAuth application secret, SCIM and
 * feature-flag client tokens, and the runner registration tokens of before GitLab 16 ("GR1348941").
 */
export const gitLabTokenRule = formatRule({
  id: 'secret-manager/gitlab-token',
  title: 'GitLab token',
  requiredText: ['gldt-', 'glrt-', 'glptt-', 'glcbt-', 'glft-', 'glimt-', 'glagent-', 'gloas-', 'glsoat-', 'glffct-', 'GR1348941'],
  pattern:
    /(?<![\w-])(?:gl(?:dt|ft|soat|ffct)-([\w-]{20})|GR1348941([\w-]{20})|glrt-(?:t\d_[\w-]{27,300}\.[0-9a-z]{9}|([\w-]{20}))|glptt-[0-9a-f]{40}|glcbt-[0-9a-zA-Z]{1,5}_([\w-]{20})|glimt-([\w-]{25})|glagent-([\w-]{50})|gloas-([\w-]{64}))(?![\w-])/dg,
  accept(match) {
    const random = match.slice(1).find((group) => group !== undefined);
    return random === undefined || holdsCapitalOrDigit(random) ? wholeMatchIfCredential(match) : undefined;
  },
});

/**
 * Atlassian API tokens ("ATATT3", the token, "=" and an 8-character checksum) and Bitbucket app
 * passwords ("ATBB" and 32 characters).
 */
export const atlassianTokenRule = formatRule({
  id: 'secret-manager/atlassian-token',
  title: 'Atlassian API token or Bitbucket app password',
  requiredText: ['ATATT3', 'ATBB'],
  pattern: /(?<![\w-])(?:ATATT3([\w-]{140,250})=[A-Za-z0-9]{8}(?![\w=-])|ATBB([A-Za-z0-9]{32})(?![\w-]))/dg,
  accept: (match) => (mixesCaseAndDigits(match[1] ?? match[2]) ? wholeMatchIfCredential(match) : undefined),
});

/** Pulumi access tokens: "pul-" and 40 hex. */
export const pulumiTokenRule = formatRule({
  id: 'secret-manager/pulumi-token',
  title: 'Pulumi access token',
  requiredText: ['pul-'],
  pattern: /(?<![\w-])pul-([0-9a-f]{40})(?![\w-])/dg,
  accept: wholeMatchIfRandomHex,
});

/** Prefect Cloud API keys: "pnu_" and 36 base62 characters. */
export const prefectKeyRule = formatRule({
  id: 'secret-manager/prefect-api-key',
  title: 'Prefect API key',
  requiredText: ['pnu_'],
  pattern: /(?<![\w-])pnu_([A-Za-z0-9]{36})(?![\w-])/dg,
  accept: wholeMatchIfRandomBase62,
});

/** Infracost API keys: "ico-" and 32 base62 characters. */
export const infracostKeyRule = formatRule({
  id: 'secret-manager/infracost-api-key',
  title: 'Infracost API key',
  requiredText: ['ico-'],
  pattern: /(?<![\w-])ico-([A-Za-z0-9]{32})(?![\w-])/dg,
  accept: wholeMatchIfRandomBase62,
});

/** Doppler personal, service (with the config's name), service account, CLI, SCIM and audit tokens. */
export const dopplerTokenRule = formatRule({
  id: 'secret-manager/doppler-token',
  title: 'Doppler token',
  requiredText: ['dp.pt.', 'dp.st.', 'dp.sa.', 'dp.ct.', 'dp.scim.', 'dp.audit.'],
  pattern: /(?<![\w.-])dp\.(?:pt|st(?:\.[a-z0-9_-]{2,35})?|sa|ct|scim|audit)\.([A-Za-z0-9]{40,44})(?![\w.-])/dg,
  accept: wholeMatchIfRandomBase62,
});

/**
 * Laravel application keys (`APP_KEY`): "base64:" and 32 random bytes, whoever holds one can forge its app's
 * encrypted cookies. Not exiftool's ICC curves (`base64:cGFyYQAAAAAA…`), whose zero bytes show as runs of "A".
 */
export const laravelAppKeyRule = formatRule({
  id: 'secret-manager/laravel-app-key',
  title: 'Laravel application key',
  requiredText: ['base64:'],
  pattern: /(?<![\w+/])base64:([A-Za-z0-9+/]{43}=)(?![\w+/=])/dg,
  accept: (match) => (/A{4}/.test(match[1]) ? undefined : wholeMatchIfCredential(match)),
});

/** Harness personal and service account tokens: "pat." or "sat.", the account id, the token id and the secret. */
export const harnessTokenRule = formatRule({
  id: 'secret-manager/harness-token',
  title: 'Harness API token',
  requiredText: ['pat.', 'sat.'],
  pattern: /(?<![\w.-])[ps]at\.[\w-]{22}\.([A-Za-z0-9]{24})\.([A-Za-z0-9]{20})(?![\w.-])/dg,
  accept: (match) => (mixesCaseAndDigits(match[1] + match[2]) ? wholeMatchIfCredential(match) : undefined),
});

/** Octopus Deploy API keys: "API-" and 26 capitals and digits. */
export const octopusDeployKeyRule = formatRule({
  id: 'secret-manager/octopus-deploy-key',
  title: 'Octopus Deploy API key',
  requiredText: ['API-'],
  pattern: /(?<![\w-])API-([A-Z0-9]{26})(?![\w-])/dg,
  accept: (match) => (/[A-Z]/.test(match[1]) && /[0-9]/.test(match[1]) ? wholeMatchIfCredential(match) : undefined),
});

/** ntfy access tokens: "tk_" and 29 letters and digits. */
export const ntfyTokenRule = formatRule({
  id: 'secret-manager/ntfy-token',
  title: 'ntfy access token',
  requiredText: ['tk_'],
  pattern: /(?<![\w-])tk_([A-Za-z0-9]{29})(?![\w-])/dg,
  // Random base62 has both cases or a digit; `tk_FAKETOKEN…` has neither.
  accept: (match) => (mixesLettersAndDigits(match[1]) || (/[a-z]/.test(match[1]) && /[A-Z]/.test(match[1])) ? wholeMatchIfCredential(match) : undefined),
});

/** Vikunja API tokens: "tk_" and 40 hex. */
export const vikunjaTokenRule = formatRule({
  id: 'secret-manager/vikunja-token',
  title: 'Vikunja API token',
  requiredText: ['tk_'],
  pattern: /(?<![\w-])tk_([0-9a-f]{40})(?![\w-])/dg,
  accept: wholeMatchIfRandomHex,
});

/** MaxMind license keys: 6 characters, "_", 29 characters and "_mmk". */
export const maxMindLicenseKeyRule = formatRule({
  id: 'secret-manager/maxmind-license-key',
  title: 'MaxMind license key',
  requiredText: ['_mmk'],
  pattern: /_mmk(?![\w-])/dg,
  accept(match) {
    const random = match.input.slice(Math.max(0, match.index - 36), match.index);
    return mixesCaseAndDigits(random) ? withPrefixBefore(match, 36, /^[A-Za-z0-9]{6}_[A-Za-z0-9]{29}$/, /[\w-]/) : undefined;
  },
});

/**
 * 1Password service account tokens ("ops_" and the base64 of a JSON object) and account Secret Keys
 * ("A3-" and five or six groups of capitals and digits), which with the account password open the account.
 */
export const onePasswordCredentialRule = formatRule({
  id: 'secret-manager/1password-credential',
  title: '1Password service account token or Secret Key',
  requiredText: ['ops_eyJ', 'A3-'],
  pattern:
    /(?<![\w+/-])(?:ops_(eyJ[A-Za-z0-9+/]{250,4000}={0,3})(?![\w+/=-])|A3-([A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5})(?![\w-]))/dg,
  accept(match) {
    if (match[1] !== undefined) return decodesToJsonObject(match[1]) ? wholeMatchIfCredential(match) : undefined;
    return /[A-Z]/.test(match[2]) && /[0-9]/.test(match[2]) ? wholeMatchIfCredential(match) : undefined;
  },
});
