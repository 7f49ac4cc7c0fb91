import { parseInput, secretReferenceSchema, UnsupportedError } from '../core/model';
import type {
  AuditRecord,
  CreateSecretInput,
  SecretMetadata,
  SecretReference,
  SecretVersion,
  UpdateSecretInput,
  VaultMetadata,
} from '../core/model';
import type {
  AuditQuery,
  Disposable,
  FingerprintMatcher,
  RevealOptions,
  SecretStore,
  StoreCapabilities,
} from '../core/store';

import type { KeySource } from '../core/keys';
import { LocalStore } from '../core/stores/local';

export type { KeySource };

/**
 * A connected store, as scripts see it: every store method, plus `resolve`,
 * which reads a value for use and leaves a "resolve" audit record.
 */
export interface SecretManagerClient extends SecretStore {
  /** The store this client talks to. */
  readonly store: SecretStore;
  /** For the local store: whether its master key comes from the OS keychain or a passphrase. */
  readonly keySource?: KeySource;
  /** For the local store: the folder that holds it. */
  readonly home?: string;
  /** Validates `{ vault, key }` and returns the current value. Audited as "secret.resolve", by `actor` when given. */
  resolve(reference: SecretReference, options?: { readonly actor?: string }): Promise<string>;
}

class StoreClient implements SecretManagerClient {
  constructor(readonly store: SecretStore) {}

  get id(): string {
    return this.store.id;
  }
  get label(): string {
    return this.store.label;
  }
  get kind(): 'local' | 'tailor' | 'workos' {
    return this.store.kind;
  }
  get capabilities(): StoreCapabilities {
    return this.store.capabilities;
  }
  get keySource(): KeySource | undefined {
    return this.store instanceof LocalStore ? this.store.keySource : undefined;
  }
  get home(): string | undefined {
    return this.store instanceof LocalStore ? this.store.home : undefined;
  }

  async resolve(reference: SecretReference, options: { readonly actor?: string } = {}): Promise<string> {
    const checked = parseInput(secretReferenceSchema, reference);
    if (!this.store.capabilities.reveal) {
      throw new UnsupportedError('resolve a secret', this.store.label, 'this store never returns secret values.');
    }
    return this.store.revealSecret(checked, { purpose: 'resolve', ...(options.actor === undefined ? {} : { actor: options.actor }) });
  }

  listVaults(): Promise<VaultMetadata[]> {
    return this.store.listVaults();
  }
  createVault(name: string): Promise<VaultMetadata> {
    return this.store.createVault(name);
  }
  deleteVault(name: string): Promise<void> {
    return this.store.deleteVault(name);
  }
  listSecrets(vault: string): Promise<SecretMetadata[]> {
    return this.store.listSecrets(vault);
  }
  describeSecret(reference: SecretReference): Promise<SecretMetadata> {
    return this.store.describeSecret(reference);
  }
  createSecret(input: CreateSecretInput): Promise<SecretMetadata> {
    return this.store.createSecret(input);
  }
  updateSecret(input: UpdateSecretInput): Promise<SecretMetadata> {
    return this.store.updateSecret(input);
  }
  revealSecret(reference: SecretReference, options?: RevealOptions): Promise<string> {
    return this.store.revealSecret(reference, options);
  }
  listVersions(reference: SecretReference): Promise<SecretVersion[]> {
    return this.store.listVersions(reference);
  }
  rollbackSecret(reference: SecretReference, version: number, expectedVersion?: number): Promise<SecretMetadata> {
    return this.store.rollbackSecret(reference, version, expectedVersion);
  }
  deleteSecret(reference: SecretReference): Promise<void> {
    return this.store.deleteSecret(reference);
  }
  readAudit(query?: AuditQuery): Promise<AuditRecord[]> {
    return this.store.readAudit(query);
  }
  fingerprintMatcher(): Promise<FingerprintMatcher> {
    return this.store.fingerprintMatcher();
  }
  watch(listener: () => void): Disposable {
    return this.store.watch(listener);
  }
  close(): Promise<void> {
    return this.store.close();
  }
}

/** Wraps any SecretStore (for example one the extension already opened) as a client. */
export function createSecretManagerClient(store: SecretStore): SecretManagerClient {
  return store instanceof StoreClient ? store : new StoreClient(store);
}
