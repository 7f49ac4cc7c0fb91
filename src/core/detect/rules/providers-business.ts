import type { ProjectRule } from '../project-rule';
import { groupIfCredential, mixesCaseAndDigits, wholeMatchIfCredential, wholeMatchIfRandomBase62, wholeMatchIfRandomHex } from './credential-match';
import { formatRule } from './format-rule';

/**
 * Notion's legacy integration tokens: "secret_" and 43 base62 characters (the preset leaves them
 * out as too generic). An identifier such as secret_key_name has no digit or capital in it.
 */
export const notionLegacyTokenRule = formatRule({
  id: 'secret-manager/notion-legacy-token',
  title: 'Notion integration token',
  requiredText: ['secret_'],
  pattern: /\bsecret_([A-Za-z0-9]{43})(?![\w-])/dg,
  accept: wholeMatchIfRandomBase62,
});

/** Salesforce access (session) tokens: the 15- or 18-character org id (00D…), "!", and the token. */
export const salesforceAccessTokenRule = formatRule({
  id: 'secret-manager/salesforce-access-token',
  title: 'Salesforce access token',
  requiredText: ['00D'],
  pattern: /\b00D[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?![A-Za-z0-9._]{80,200}(?![\w.])/dg,
});

/** HubSpot private-app access tokens: pat-<region>-<uuid>. */
export const hubSpotAccessTokenRule = formatRule({
  id: 'secret-manager/hubspot-access-token',
  title: 'HubSpot private app access token',
  requiredText: ['pat-na', 'pat-eu', 'pat-ap'],
  pattern: /(?<![\w-])pat-(?:na|eu|ap)[1-9]-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![\w-])/dg,
});

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

/** Typeform personal access tokens: "tfp_" and 59 characters, which may hold "." but do not end with one. */
export const typeformTokenRule = formatRule({
  id: 'secret-manager/typeform-token',
  title: 'Typeform personal access token',
  requiredText: ['tfp_'],
  pattern: /(?<![\w-])tfp_([\w=.-]{58}[\w=-])(?![\w=-])/dg,
  accept: wholeMatchIfRandomBase62,
});

/** Airtable personal access tokens: "pat", a 14-character id, ".", and 64 hex. */
export const airtableTokenRule = formatRule({
  id: 'secret-manager/airtable-token',
  title: 'Airtable personal access token',
  requiredText: ['pat'],
  pattern: /(?<![\w.-])pat[A-Za-z0-9]{14}\.([0-9a-f]{64})(?![\w.-])/dg,
  accept: wholeMatchIfRandomHex,
});

/** Contentful personal access tokens: "CFPAT-" and 43 characters. */
export const contentfulTokenRule = formatRule({
  id: 'secret-manager/contentful-token',
  title: 'Contentful personal access token',
  requiredText: ['CFPAT-'],
  pattern: /(?<![\w-])CFPAT-([\w-]{43})(?![\w-])/dg,
  accept: wholeMatchIfRandomBase62,
});

/**
 * Asana personal access tokens: "1/<user id>:<32 hex>" and "2/<user id>/<app id>:<32 hex>". Ids
 * (gids) have started with 1 since long before these formats.
 */
export const asanaTokenRule = formatRule({
  id: 'secret-manager/asana-token',
  title: 'Asana personal access token',
  requiredText: ['1/1', '2/1'],
  pattern: /(?<![\w/.:-])(?:1\/1\d{5,18}|2\/1\d{5,18}\/\d{6,19}):([0-9a-f]{32})(?![\w-])/dg,
  accept: wholeMatchIfRandomHex,
});

/** Intercom access tokens: base64 of "tok:", an id of hex and "_", and ":<n>:<n>". */
export const intercomTokenRule = formatRule({
  id: 'secret-manager/intercom-token',
  title: 'Intercom access token',
  requiredText: ['dG9rO'],
  pattern: /(?<![\w+/-])dG9rO[jm][A-Za-z0-9+/]{40,80}={0,2}(?![\w+/=-])/dg,
  accept(match) {
    const decoded = Buffer.from(match[0], 'base64').toString('latin1');
    return /^tok:[0-9a-f_]{32,40}:\d+:\d+$/.test(decoded) ? wholeMatchIfCredential(match) : undefined;
  },
});

/** LaunchDarkly API access tokens (api-) and server-side SDK keys (sdk-): the prefix and a UUID. */
export const launchDarklyKeyRule = formatRule({
  id: 'secret-manager/launchdarkly-key',
  title: 'LaunchDarkly access token or SDK key',
  requiredText: ['api-', 'sdk-'],
  pattern: /(?<![\w-])(?:api|sdk)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![\w-])/dg,
});

/**
 * Unleash API tokens: a project (`*` for all, `[]` for several), an environment and 32 to 64 hex,
 * `*:production.431c…`, `default:development.5c80…`.
 */
export const unleashTokenRule: ProjectRule = {
  id: 'secret-manager/unleash-token',
  title: 'Unleash API token',
  severity: 'error',
  certainty: 'certain',
  keywords: [],
  requiredText: [':*.', ':development.', ':production.', ':default.', ':staging.', ':testing.', ':test.', ':dev.', ':prod.', ':qa.', ':uat.', ':local.'],
  // The environment is one of the usual names: `name:name.<hex>` is too common a shape to take any.
  pattern: /(?<![\w*:.[\]-])(?:\*|\[\]|[a-z][\w-]{0,40}):(?:\*|development|production|default|staging|testing|test|dev|prod|qa|uat|local)\.([0-9a-f]{32,64})(?![\w-])/dg,
  accept: wholeMatchIfRandomHex,
};

/** Adobe OAuth client secrets: "p8e-" and 32 letters and digits. */
export const adobeClientSecretRule = formatRule({
  id: 'secret-manager/adobe-client-secret',
  title: 'Adobe client secret',
  requiredText: ['p8e-'],
  pattern: /(?<![\w-])p8e-([A-Za-z0-9]{32})(?![\w-])/dg,
  accept: wholeMatchIfRandomHex,
});

/** Frame.io developer tokens: "fio-u-" and 64 characters. */
export const frameIoTokenRule = formatRule({
  id: 'secret-manager/frameio-token',
  title: 'Frame.io developer token',
  requiredText: ['fio-u-'],
  pattern: /(?<![\w-])fio-u-([\w=-]{64})(?![\w=-])/dg,
  accept: wholeMatchIfRandomBase62,
});
