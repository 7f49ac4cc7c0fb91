import type { ProjectRule } from '../project-rule';
import { decodesToJsonObject, mixesLettersAndDigits, wholeMatchIfCredential, withPrefixBefore } from './credential-match';

/** Sentry user auth tokens: "sntryu_" and 64 hex. */
export const sentryUserTokenRule: ProjectRule = {
  id: 'secret-manager/sentry-user-token',
  title: 'Sentry user auth token',
  severity: 'error',
  certainty: 'certain',
  keywords: [],
  requiredText: ['sntryu_'],
  matchesStartInRequiredText: true,
  pattern: /\bsntryu_[0-9a-f]{64}(?![0-9A-Za-z])/dg,
  accept: wholeMatchIfCredential,
};

/** Sentry organization tokens: "sntrys_", a base64 JSON payload (its "iat", "url", "org"), "_", and 43 characters of secret. */
export const sentryOrgTokenRule: ProjectRule = {
  id: 'secret-manager/sentry-org-token',
  title: 'Sentry organization auth token',
  severity: 'error',
  certainty: 'certain',
  keywords: [],
  requiredText: ['sntrys_eyJ'],
  matchesStartInRequiredText: true,
  pattern: /\bsntrys_(eyJ[A-Za-z0-9+/]{20,600}={0,2})_[A-Za-z0-9+/]{43}(?![A-Za-z0-9+/=])/dg,
  accept(match) {
    if (!decodesToJsonObject(match[1])) return undefined;
    return wholeMatchIfCredential(match);
  },
};

/** New Relic user API keys (NRAK-), insights insert and query keys (NRII-, NRIQ-) and browser keys (NRJS-). */
export const newRelicKeyRule: ProjectRule = {
  id: 'secret-manager/new-relic-key',
  title: 'New Relic API key',
  severity: 'error',
  certainty: 'certain',
  keywords: [],
  requiredText: ['NRAK-', 'NRII-', 'NRIQ-', 'NRJS-'],
  matchesStartInRequiredText: true,
  pattern: /\bNR(?:AK-[A-Z0-9]{27}|I[IQ]-[A-Za-z0-9_-]{32}|JS-[0-9a-f]{19})(?![\w-])/dg,
  accept: wholeMatchIfCredential,
};

/** New Relic license (ingest) keys: 36 hex and "NRAL". Anchored on the suffix, the hex checked behind it. */
export const newRelicLicenseKeyRule: ProjectRule = {
  id: 'secret-manager/new-relic-license-key',
  title: 'New Relic license key',
  severity: 'error',
  certainty: 'certain',
  keywords: [],
  requiredText: ['NRAL'],
  matchesStartInRequiredText: true,
  pattern: /NRAL(?![0-9A-Za-z])/dg,
  accept: (match) => withPrefixBefore(match, 36, /^[0-9a-f]{36}$/, /[0-9A-Za-z]/),
};

/** Dynatrace API tokens: "dt0c01.", a 24-character public part, ".", and a 64-character secret. */
export const dynatraceTokenRule: ProjectRule = {
  id: 'secret-manager/dynatrace-token',
  title: 'Dynatrace API token',
  severity: 'error',
  certainty: 'certain',
  keywords: [],
  requiredText: ['dt0c01.'],
  matchesStartInRequiredText: true,
  pattern: /(?<![\w.-])dt0c01\.[A-Za-z0-9]{24}\.([A-Za-z0-9]{64})(?![\w.-])/dg,
  accept: (match) => (mixesLettersAndDigits(match[1]) ? wholeMatchIfCredential(match) : undefined),
};
