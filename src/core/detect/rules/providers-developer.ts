import type { ProjectRule } from '../project-rule';
import { holdsCapitalOrDigit, mixesCaseAndDigits, mixesLettersAndDigits, wholeMatchIfCredential } from './credential-match';

/** PyPI API (upload) tokens: "pypi-" and a macaroon whose base64 starts with the pypi.org location. */
export const pypiTokenRule: ProjectRule = {
  id: 'secret-manager/pypi-token',
  title: 'PyPI API token',
  severity: 'error',
  certainty: 'certain',
  keywords: [],
  requiredText: ['pypi-AgEIcHlwaS5vcmc'],
  matchesStartInRequiredText: true,
  pattern: /(?<![\w-])pypi-AgEIcHlwaS5vcmc[\w-]{50,1000}(?![\w-])/dg,
  accept: wholeMatchIfCredential,
};

/** RubyGems API keys: "rubygems_" and 48 hex. */
export const rubyGemsKeyRule: ProjectRule = {
  id: 'secret-manager/rubygems-api-key',
  title: 'RubyGems API key',
  severity: 'error',
  certainty: 'certain',
  keywords: [],
  requiredText: ['rubygems_'],
  matchesStartInRequiredText: true,
  pattern: /(?<![\w-])rubygems_([0-9a-f]{48})(?![\w-])/dg,
  accept: (match) => (mixesLettersAndDigits(match[1]) ? wholeMatchIfCredential(match) : undefined),
};

/** Clojars deploy tokens: "CLOJARS_" and 60 characters. */
export const clojarsTokenRule: ProjectRule = {
  id: 'secret-manager/clojars-token',
  title: 'Clojars deploy token',
  severity: 'error',
  certainty: 'certain',
  keywords: [],
  requiredText: ['CLOJARS_'],
  matchesStartInRequiredText: true,
  pattern: /(?<![\w-])CLOJARS_([A-Za-z0-9]{60})(?![\w-])/dg,
  accept: (match) => (mixesLettersAndDigits(match[1]) ? wholeMatchIfCredential(match) : undefined),
};

/**
 * JFrog Artifactory API keys ("AKCp" and 69 characters) and reference tokens (base64 of
 * "reftkn:01:…", 64 characters).
 */
export const jfrogTokenRule: ProjectRule = {
  id: 'secret-manager/jfrog-token',
  title: 'JFrog Artifactory API key or reference token',
  severity: 'error',
  certainty: 'certain',
  keywords: [],
  requiredText: ['AKCp', 'cmVmdGtuOj'],
  matchesStartInRequiredText: true,
  pattern: /(?<![\w+/-])(?:AKCp([A-Za-z0-9]{69})|cmVmdGtuOj([A-Za-z0-9]{54}))(?![\w+/=-])/dg,
  accept: (match) => (mixesCaseAndDigits(match[1] ?? match[2]) ? wholeMatchIfCredential(match) : undefined),
};

/** Postman API keys: "PMAK-", 24 hex, "-", 34 hex. */
export const postmanKeyRule: ProjectRule = {
  id: 'secret-manager/postman-api-key',
  title: 'Postman API key',
  severity: 'error',
  certainty: 'certain',
  keywords: [],
  requiredText: ['PMAK-'],
  matchesStartInRequiredText: true,
  pattern: /(?<![\w-])PMAK-[0-9a-f]{24}-[0-9a-f]{34}(?![\w-])/dg,
  accept: wholeMatchIfCredential,
};

/** ReadMe API keys: "rdme_" and 70 lowercase letters and digits. */
export const readMeKeyRule: ProjectRule = {
  id: 'secret-manager/readme-api-key',
  title: 'ReadMe API key',
  severity: 'error',
  certainty: 'certain',
  keywords: [],
  requiredText: ['rdme_'],
  matchesStartInRequiredText: true,
  pattern: /(?<![\w-])rdme_([a-z0-9]{70})(?![\w-])/dg,
  accept: (match) => (mixesLettersAndDigits(match[1]) ? wholeMatchIfCredential(match) : undefined),
};

/** Sourcegraph access tokens: "sgp_", an optional 16-hex instance id (or "local") and "_", and 40 hex. */
export const sourcegraphTokenRule: ProjectRule = {
  id: 'secret-manager/sourcegraph-token',
  title: 'Sourcegraph access token',
  severity: 'error',
  certainty: 'certain',
  keywords: [],
  requiredText: ['sgp_'],
  matchesStartInRequiredText: true,
  pattern: /(?<![\w-])sgp_(?:(?:[0-9a-f]{16}|local)_)?[0-9a-f]{40}(?![\w-])/dg,
  accept: wholeMatchIfCredential,
};

/**
 * The GitLab tokens the preset leaves out (it knows glpat- only): deploy, runner, pipeline
 * trigger, CI job, feed, incoming mail, Kubernetes agent, OAuth application secret, SCIM and
 * feature-flag client tokens.
 */
export const gitLabTokenRule: ProjectRule = {
  id: 'secret-manager/gitlab-token',
  title: 'GitLab token',
  severity: 'error',
  certainty: 'certain',
  keywords: [],
  requiredText: ['gldt-', 'glrt-', 'glptt-', 'glcbt-', 'glft-', 'glimt-', 'glagent-', 'gloas-', 'glsoat-', 'glffct-'],
  matchesStartInRequiredText: true,
  pattern:
    /(?<![\w-])(?:gl(?:dt|ft|soat|ffct)-([\w-]{20})|glrt-(?:t\d_[\w-]{27,300}\.[0-9a-z]{9}|([\w-]{20}))|glptt-[0-9a-f]{40}|glcbt-[0-9a-zA-Z]{1,5}_([\w-]{20})|glimt-([\w-]{25})|glagent-([\w-]{50})|gloas-([\w-]{64}))(?![\w-])/dg,
  accept(match) {
    const random = match.slice(1).find((group) => group !== undefined);
    return random === undefined || holdsCapitalOrDigit(random) ? wholeMatchIfCredential(match) : undefined;
  },
};

/**
 * Atlassian API tokens ("ATATT3", the token, "=" and an 8-character checksum) and Bitbucket app
 * passwords ("ATBB" and 32 characters).
 */
export const atlassianTokenRule: ProjectRule = {
  id: 'secret-manager/atlassian-token',
  title: 'Atlassian API token or Bitbucket app password',
  severity: 'error',
  certainty: 'certain',
  keywords: [],
  requiredText: ['ATATT3', 'ATBB'],
  matchesStartInRequiredText: true,
  pattern: /(?<![\w-])(?:ATATT3([\w-]{140,250})=[A-Za-z0-9]{8}(?![\w=-])|ATBB([A-Za-z0-9]{32})(?![\w-]))/dg,
  accept: (match) => (mixesCaseAndDigits(match[1] ?? match[2]) ? wholeMatchIfCredential(match) : undefined),
};

/** Pulumi access tokens: "pul-" and 40 hex. */
export const pulumiTokenRule: ProjectRule = {
  id: 'secret-manager/pulumi-token',
  title: 'Pulumi access token',
  severity: 'error',
  certainty: 'certain',
  keywords: [],
  requiredText: ['pul-'],
  matchesStartInRequiredText: true,
  pattern: /(?<![\w-])pul-([0-9a-f]{40})(?![\w-])/dg,
  accept: (match) => (mixesLettersAndDigits(match[1]) ? wholeMatchIfCredential(match) : undefined),
};

/** Prefect Cloud API keys: "pnu_" and 36 base62 characters. */
export const prefectKeyRule: ProjectRule = {
  id: 'secret-manager/prefect-api-key',
  title: 'Prefect API key',
  severity: 'error',
  certainty: 'certain',
  keywords: [],
  requiredText: ['pnu_'],
  matchesStartInRequiredText: true,
  pattern: /(?<![\w-])pnu_([A-Za-z0-9]{36})(?![\w-])/dg,
  accept: (match) => (mixesCaseAndDigits(match[1]) ? wholeMatchIfCredential(match) : undefined),
};

/** Infracost API keys: "ico-" and 32 base62 characters. */
export const infracostKeyRule: ProjectRule = {
  id: 'secret-manager/infracost-api-key',
  title: 'Infracost API key',
  severity: 'error',
  certainty: 'certain',
  keywords: [],
  requiredText: ['ico-'],
  matchesStartInRequiredText: true,
  pattern: /(?<![\w-])ico-([A-Za-z0-9]{32})(?![\w-])/dg,
  accept: (match) => (mixesCaseAndDigits(match[1]) ? wholeMatchIfCredential(match) : undefined),
};

/** Doppler personal, service (with the config's name), service account, CLI, SCIM and audit tokens. */
export const dopplerTokenRule: ProjectRule = {
  id: 'secret-manager/doppler-token',
  title: 'Doppler token',
  severity: 'error',
  certainty: 'certain',
  keywords: [],
  requiredText: ['dp.pt.', 'dp.st.', 'dp.sa.', 'dp.ct.', 'dp.scim.', 'dp.audit.'],
  matchesStartInRequiredText: true,
  pattern: /(?<![\w.-])dp\.(?:pt|st(?:\.[a-z0-9_-]{2,35})?|sa|ct|scim|audit)\.([A-Za-z0-9]{40,44})(?![\w.-])/dg,
  accept: (match) => (mixesCaseAndDigits(match[1]) ? wholeMatchIfCredential(match) : undefined),
};
