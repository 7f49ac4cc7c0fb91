import type { ProjectRule } from '../project-rule';
import { groupIfCredential, mixesCaseAndDigits, wholeMatchIfCredential } from './credential-match';

/**
 * Notion's legacy integration tokens: "secret_" and 43 base62 characters (the preset leaves them
 * out as too generic). An identifier such as secret_key_name has no digit or capital in it.
 */
export const notionLegacyTokenRule: ProjectRule = {
  id: 'secret-manager/notion-legacy-token',
  title: 'Notion integration token',
  severity: 'error',
  certainty: 'certain',
  keywords: [],
  requiredText: ['secret_'],
  matchesStartInRequiredText: true,
  pattern: /\bsecret_([A-Za-z0-9]{43})(?![\w-])/dg,
  accept: (match) => (mixesCaseAndDigits(match[1]) ? wholeMatchIfCredential(match) : undefined),
};

/** Salesforce access (session) tokens: the 15- or 18-character org id (00D…), "!", and the token. */
export const salesforceAccessTokenRule: ProjectRule = {
  id: 'secret-manager/salesforce-access-token',
  title: 'Salesforce access token',
  severity: 'error',
  certainty: 'certain',
  keywords: [],
  requiredText: ['00D'],
  matchesStartInRequiredText: true,
  pattern: /\b00D[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?![A-Za-z0-9._]{80,200}(?![\w.])/dg,
  accept: wholeMatchIfCredential,
};

/** HubSpot private-app access tokens: pat-<region>-<uuid>. */
export const hubSpotAccessTokenRule: ProjectRule = {
  id: 'secret-manager/hubspot-access-token',
  title: 'HubSpot private app access token',
  severity: 'error',
  certainty: 'certain',
  keywords: [],
  requiredText: ['pat-na', 'pat-eu', 'pat-ap'],
  matchesStartInRequiredText: true,
  pattern: /(?<![\w-])pat-(?:na|eu|ap)[1-9]-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![\w-])/dg,
  accept: wholeMatchIfCredential,
};

/** Zendesk API tokens: 40 base62 characters, where the line names Zendesk. */
export const zendeskTokenRule: ProjectRule = {
  id: 'secret-manager/zendesk-token',
  title: 'Zendesk API token',
  severity: 'warning',
  certainty: 'heuristic',
  keywords: ['zendesk'],
  pattern: /(?<![\w-])([A-Za-z0-9]{40})(?![\w-])/dg,
  accept: (match) => (mixesCaseAndDigits(match[1]) ? groupIfCredential(match, 1, 'name') : undefined),
};
