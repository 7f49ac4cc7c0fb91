import type {
  AuditRecord,
  CreateSecretInput,
  SecretMetadata,
  SecretReference,
  SecretVersion,
  UpdateSecretInput,
  VaultMetadata,
} from './model';

/** What a store can do. The UI and the CLI hide or refuse whatever is false. */
export interface StoreCapabilities {
  /** Return a secret's value (reveal, copy, resolve). */
  readonly reveal: boolean;
  /** Keep earlier versions and list them. */
  readonly versions: boolean;
  /** Make an earlier version current again. */
  readonly rollback: boolean;
  /** Keep descriptions and labels. */
  readonly metadata: boolean;
  /** Keep an audit trail that can be read back. */
  readonly audit: boolean;
}

export type RevealPurpose = 'reveal' | 'resolve' | 'copy';

export interface RevealOptions {
  /** Why the value is read; it becomes the audit action. Defaults to 'reveal'. */
  readonly purpose?: RevealPurpose;
  /** Who reads it, when not the store's default actor (for example another extension's id). */
  readonly actor?: string;
}

export interface AuditQuery {
  readonly vault?: string;
  readonly key?: string;
  /** The newest N records. */
  readonly limit?: number;
}

export interface Disposable {
  dispose(): void;
}

/** Maps a literal to the stored secrets whose value it is, without revealing any value. */
export interface FingerprintMatcher {
  (literal: string): readonly SecretReference[];
  /**
   * The UTF-8 byte lengths of the values it can match, when the store knows them: a literal of any other
   * length matches nothing, and the matcher returns [] for it without computing its fingerprint.
   * Undefined when any length is unknown.
   */
  readonly valueByteLengths?: ReadonlySet<number>;
}

/**
 * The one interface every connected store implements.
 * Listing and describing return metadata only; `revealSecret` is the only way to a value, and it is audited.
 */
export interface SecretStore {
  /** A stable id such as "local" or "tailor:staging". */
  readonly id: string;
  /** What the user sees, such as "Local store" or "Tailor · staging". */
  readonly label: string;
  readonly kind: 'local' | 'tailor' | 'workos';
  readonly capabilities: StoreCapabilities;

  listVaults(): Promise<VaultMetadata[]>;
  createVault(name: string): Promise<VaultMetadata>;
  /** Fails with VaultNotEmptyError while the vault holds secrets. */
  deleteVault(name: string): Promise<void>;

  listSecrets(vault: string): Promise<SecretMetadata[]>;
  describeSecret(reference: SecretReference): Promise<SecretMetadata>;
  createSecret(input: CreateSecretInput): Promise<SecretMetadata>;
  /** Sets a new value (rotation). Fails with ConflictError when `expectedVersion` is stale. */
  updateSecret(input: UpdateSecretInput): Promise<SecretMetadata>;
  revealSecret(reference: SecretReference, options?: RevealOptions): Promise<string>;
  listVersions(reference: SecretReference): Promise<SecretVersion[]>;
  /** Makes `version`'s value current again, as a new version. */
  rollbackSecret(reference: SecretReference, version: number, expectedVersion?: number): Promise<SecretMetadata>;
  deleteSecret(reference: SecretReference): Promise<void>;

  readAudit(query?: AuditQuery): Promise<AuditRecord[]>;
  /** Loads the keyed fingerprints of the stored values once, for fast repeated matching. */
  fingerprintMatcher(): Promise<FingerprintMatcher>;

  /** Calls `listener` when the store changes, including changes made by other processes. */
  watch(listener: () => void): Disposable;
  close(): Promise<void>;
}

export const NO_CAPABILITIES: StoreCapabilities = {
  reveal: false,
  versions: false,
  rollback: false,
  metadata: false,
  audit: false,
};

/**
 * Keyed fingerprints (HMACs) of values, kept locally so a literal in code can be matched
 * against a known secret without storing or revealing the value. Stores whose backend
 * cannot reveal (Tailor) record what was written through this product here.
 */
export interface FingerprintLedger {
  record(reference: SecretReference, value: string): Promise<void>;
  forget(reference: SecretReference): Promise<void>;
  matcher(): Promise<FingerprintMatcher>;
}
