import type { SecretMetadata, VaultMetadata } from '../../model';
import { currentVersion, type StoredSecret, type StoredVault } from './document';

/** What listing and describing return: names, times, version, description, labels. Never a value. */
export function toSecretMetadata(vault: string, name: string, secret: StoredSecret): SecretMetadata {
  return {
    vault,
    name,
    createdAt: secret.createdAt,
    updatedAt: secret.updatedAt,
    version: currentVersion(secret).version,
    ...(secret.description !== undefined ? { description: secret.description } : {}),
    ...(secret.labels !== undefined ? { labels: { ...secret.labels } } : {}),
  };
}

export function toVaultMetadata(name: string, vault: StoredVault): VaultMetadata {
  return { name, createdAt: vault.createdAt, updatedAt: vault.updatedAt, secretCount: Object.keys(vault.secrets).length };
}

/** Names are lowercase ASCII, so a plain comparison sorts them; localeCompare would load ICU collation. */
export function byName(left: { name: string }, right: { name: string }): number {
  return left.name < right.name ? -1 : left.name > right.name ? 1 : 0;
}
