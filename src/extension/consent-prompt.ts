import type { ConsentAnswer, ConsentRequest } from '../core/consent';
import type { Prompts } from './prompts';

const ANSWERS: Record<string, ConsentAnswer> = { Allow: 'allow', 'Allow Once': 'allow-once', Deny: 'deny' };

/** The modal question behind every consent decision. */
export async function askConsent(prompts: Prompts, request: ConsentRequest): Promise<ConsentAnswer | undefined> {
  const choice = await prompts.modal(
    'consent',
    `Allow ${request.requesterLabel} to read secrets from vault "${request.vault}"?`,
    `Store: ${request.storeId}. "Allow" is remembered until you run "Secret Manager: Revoke Consent"; each read is audited.`,
    Object.keys(ANSWERS),
  );
  return choice === undefined ? undefined : ANSWERS[choice];
}
