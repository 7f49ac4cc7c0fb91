import type { ProjectRule } from '../project-rule';
import { azureConnectionStringRule } from './azure';
import { credentialFieldRule } from './credential-fields';
import { databaseUrlRule } from './database-url';
import { executorHeaderRule } from './executor-headers';
import { privateKeyRule } from './private-keys';
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
  databaseUrlRule,
  twilioAuthTokenRule,
  datadogKeyRule,
  executorHeaderRule,
  credentialFieldRule,
];
