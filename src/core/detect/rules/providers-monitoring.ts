import { decodesToJsonObject } from '../decoded-text';
import { wholeMatchIfCredential, wholeMatchIfRandomBase62, wholeMatchIfRandomHex, withPrefixBefore } from './credential-match';
import { formatRule } from './format-rule';

/** Sentry user auth tokens: "sntryu_" and 64 hex. */
export const sentryUserTokenRule = formatRule({
  id: 'secret-manager/sentry-user-token',
  title: 'Sentry user auth token',
  requiredText: ['sntryu_'],
  pattern: /\bsntryu_[0-9a-f]{64}(?![0-9A-Za-z])/dg,
});

/** Sentry organization tokens: "sntrys_", a base64 JSON payload (its "iat", "url", "org"), "_", and 43 characters of secret. */
export const sentryOrgTokenRule = formatRule({
  id: 'secret-manager/sentry-org-token',
  title: 'Sentry organization auth token',
  requiredText: ['sntrys_eyJ'],
  pattern: /\bsntrys_(eyJ[A-Za-z0-9+/]{20,600}={0,2})_[A-Za-z0-9+/]{43}(?![A-Za-z0-9+/=])/dg,
  accept(match) {
    if (!decodesToJsonObject(match[1])) return undefined;
    return wholeMatchIfCredential(match);
  },
});

/** New Relic user API keys (NRAK-), insights insert and query keys (NRII-, NRIQ-) and browser keys (NRJS-). */
export const newRelicKeyRule = formatRule({
  id: 'secret-manager/new-relic-key',
  title: 'New Relic API key',
  requiredText: ['NRAK-', 'NRII-', 'NRIQ-', 'NRJS-'],
  pattern: /\bNR(?:AK-[A-Z0-9]{27}|I[IQ]-[A-Za-z0-9_-]{32}|JS-[0-9a-f]{19})(?![\w-])/dg,
});

/** New Relic license (ingest) keys: 36 hex and "NRAL". Anchored on the suffix, the hex checked behind it. */
export const newRelicLicenseKeyRule = formatRule({
  id: 'secret-manager/new-relic-license-key',
  title: 'New Relic license key',
  requiredText: ['NRAL'],
  pattern: /NRAL(?![0-9A-Za-z])/dg,
  accept: (match) => withPrefixBefore(match, 36, /^[0-9a-f]{36}$/, /[0-9A-Za-z]/),
});

/** Dynatrace API tokens: "dt0c01.", a 24-character public part, ".", and a 64-character secret. */
export const dynatraceTokenRule = formatRule({
  id: 'secret-manager/dynatrace-token',
  title: 'Dynatrace API token',
  requiredText: ['dt0c01.'],
  pattern: /(?<![\w.-])dt0c01\.[A-Za-z0-9]{24}\.([A-Za-z0-9]{64})(?![\w.-])/dg,
  accept: wholeMatchIfRandomHex,
});

/** Grafana's API keys of before service accounts: the base64 of a JSON object holding the key ("k"), its name and its id. */
export const grafanaApiKeyRule = formatRule({
  id: 'secret-manager/grafana-api-key',
  title: 'Grafana API key',
  requiredText: ['eyJrIjoi'],
  pattern: /(?<![\w+/-])eyJrIjoi[A-Za-z0-9+/]{50,400}={0,3}(?![\w+/=-])/dg,
  accept: (match) => (decodesToJsonObject(match[0]) ? wholeMatchIfCredential(match) : undefined),
});

/** PostHog personal API keys: "phx_" and about 43 base62 characters (project keys, "phc_", are public). */
export const postHogPersonalKeyRule = formatRule({
  id: 'secret-manager/posthog-personal-key',
  title: 'PostHog personal API key',
  requiredText: ['phx_'],
  pattern: /(?<![\w-])phx_([A-Za-z0-9]{39,50})(?![\w-])/dg,
  accept: wholeMatchIfRandomBase62,
});
