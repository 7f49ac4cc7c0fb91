import type { SecretManagerClient } from '../api/client';
import { isSecretManagerError } from '../core/error-shape';
import { SecretManagerError } from '../core/model';
import { didYouMean, suggestClosest } from '../core/references/suggest';
import { splitMessage } from './output';

/** What a command names: a vault, or a secret in one. */
export interface NamedTarget {
  readonly vault: string;
  readonly key?: string;
}

/** The closest existing vault, or secret of the vault, to what was not found: "api-keys" or "api-keys/stripe-key". */
async function closestTarget(client: SecretManagerClient, target: NamedTarget): Promise<string | undefined> {
  const vaults = (await client.listVaults()).map((vault) => vault.name);
  if (!vaults.includes(target.vault)) return suggestClosest(target.vault, vaults);
  if (target.key === undefined) return undefined;
  const key = suggestClosest(target.key, (await client.listSecrets(target.vault)).map((secret) => secret.name));
  return key && `${target.vault}/${key}`;
}

/** Runs `action`; a not-found error gets "Did you mean …?" in its message, as the editor and `check` give. */
export async function withNotFoundSuggestion<T>(client: SecretManagerClient, target: NamedTarget, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (!isSecretManagerError(error, 'not-found')) throw error;
    // The local store names the closest vault or secret itself; other stores are asked for their names.
    const known = (error as { readonly suggestion?: unknown }).suggestion;
    const suggestion = typeof known === 'string' ? known : await closestTarget(client, target).catch(() => undefined);
    if (suggestion === undefined) throw error;
    const { message, hint } = splitMessage(error);
    throw new SecretManagerError('not-found', `${message}${didYouMean(suggestion)}`, typeof known === 'string' ? undefined : hint);
  }
}
