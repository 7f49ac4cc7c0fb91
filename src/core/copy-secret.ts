import { formatReference, InvalidInputError, parseInput, secretReferenceSchema, UnsupportedError, type SecretMetadata, type SecretReference } from './model';
import type { SecretStore } from './store';

export interface CopySecretRequest {
  readonly source: SecretStore;
  readonly target: SecretStore;
  readonly from: SecretReference;
  readonly to: SecretReference;
  /** Asked only when the target already holds `to`; resolve true to replace its value. */
  readonly confirmReplace: () => Promise<boolean>;
}

export type CopySecretOutcome = 'created' | 'replaced' | 'cancelled';

export interface CopySecretResult {
  readonly outcome: CopySecretOutcome;
  /** The target's metadata of the copy; absent when cancelled. */
  readonly secret?: SecretMetadata;
  /** Whether the target vault had to be created. */
  readonly createdVault: boolean;
}

/** The audit actor of the source's read, so its audit trail says where the value went. */
export function copyActor(target: Pick<SecretStore, 'id'>): string {
  return `copy-to:${target.id}`;
}

/** Refuses, with the reason, to copy from a store that never returns values (so a UI can refuse before asking anything). */
export function assertCanCopyFrom(source: Pick<SecretStore, 'capabilities' | 'label'>, from: SecretReference): void {
  if (!source.capabilities.reveal) {
    throw new UnsupportedError(
      `copy ${formatReference(from)} to another connection`,
      source.label,
      'it never returns values, so there is nothing to copy; copy from a store that keeps the value instead.',
    );
  }
}

/**
 * Copies one secret's value from one store to another without it ever leaving this function:
 * the source read is audited as a copy (actor `copy-to:<target id>`), the target vault is created
 * when missing, and an existing target secret is replaced only after `confirmReplace`.
 * The value is read only once everything is settled, so a cancelled copy reads nothing.
 */
export async function copySecret(request: CopySecretRequest): Promise<CopySecretResult> {
  const { source, target } = request;
  const from = parseInput(secretReferenceSchema, request.from);
  const to = parseInput(secretReferenceSchema, request.to);
  assertCanCopyFrom(source, from);
  if (source === target && from.vault === to.vault && from.key === to.key) {
    throw new InvalidInputError(`The source and the target are both ${formatReference(from)} in ${source.label}; choose another connection, vault or name.`);
  }

  const sourceMetadata = await source.describeSecret(from);
  const vaultExists = (await target.listVaults()).some((vault) => vault.name === to.vault);
  let createdVault = false;
  let secretExists = false;
  if (vaultExists) {
    secretExists = (await target.listSecrets(to.vault)).some((secret) => secret.name === to.key);
  }
  if (secretExists && !(await request.confirmReplace())) return { outcome: 'cancelled', createdVault };
  if (!vaultExists) {
    await target.createVault(to.vault);
    createdVault = true;
  }

  const value = await source.revealSecret(from, { purpose: 'copy', actor: copyActor(target) });
  if (secretExists) {
    const secret = await target.updateSecret({ ...to, value });
    return { outcome: 'replaced', secret, createdVault };
  }
  const carried = target.capabilities.metadata ? { description: sourceMetadata.description, labels: sourceMetadata.labels } : {};
  const secret = await target.createSecret({ ...to, value, ...carried });
  return { outcome: 'created', secret, createdVault };
}
