import type { ProjectRule } from '../project-rule';
import { azureConnectionStringRule } from './azure';
import { basicAuthorizationRule, encodedCredentialRule } from './basic-auth';
import { credentialFieldRule } from './credential-fields';
import { databaseUrlRule } from './database-url';
import { executorHeaderRule } from './executor-headers';
import { azureOpenAiKeyRule, azureStorageKeyRule, entraClientSecretRule, teamsWebhookRule, workflowTriggerUrlRule } from './microsoft';
import { privateKeyRule } from './private-keys';
import { hubSpotAccessTokenRule, notionLegacyTokenRule, salesforceAccessTokenRule, zendeskTokenRule } from './providers-business';
import { digitalOceanTokenRule, supabaseKeyRule, terraformCloudTokenRule } from './providers-cloud';
import { mandrillKeyRule, postmarkTokenRule, sparkPostKeyRule } from './providers-email';
import { newRelicKeyRule, newRelicLicenseKeyRule, sentryOrgTokenRule, sentryUserTokenRule } from './providers-monitoring';
import { braintreeAccessTokenRule, plaidAccessTokenRule, squareTokenRule } from './providers-payments';
import {
  datadogKeyRule,
  discordWebhookRule,
  googleApiKeyRule,
  jsonWebTokenRule,
  mailgunKeyRule,
  sendGridKeyRule,
  telegramBotTokenRule,
} from './tokens';
import { twilioAuthTokenRule, twilioSidRule } from './twilio';

/** The project's own rules, most specific first: when two overlap, the earlier one is kept. */
export const PROJECT_RULES: readonly ProjectRule[] = [
  twilioSidRule,
  jsonWebTokenRule,
  googleApiKeyRule,
  azureConnectionStringRule,
  privateKeyRule,
  sendGridKeyRule,
  mailgunKeyRule,
  telegramBotTokenRule,
  discordWebhookRule,
  teamsWebhookRule,
  workflowTriggerUrlRule,
  sentryUserTokenRule,
  sentryOrgTokenRule,
  newRelicKeyRule,
  newRelicLicenseKeyRule,
  digitalOceanTokenRule,
  supabaseKeyRule,
  terraformCloudTokenRule,
  squareTokenRule,
  plaidAccessTokenRule,
  braintreeAccessTokenRule,
  hubSpotAccessTokenRule,
  salesforceAccessTokenRule,
  notionLegacyTokenRule,
  mandrillKeyRule,
  entraClientSecretRule,
  basicAuthorizationRule,
  encodedCredentialRule,
  databaseUrlRule,
  twilioAuthTokenRule,
  datadogKeyRule,
  postmarkTokenRule,
  sparkPostKeyRule,
  zendeskTokenRule,
  azureStorageKeyRule,
  azureOpenAiKeyRule,
  executorHeaderRule,
  credentialFieldRule,
];
