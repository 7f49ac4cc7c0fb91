/**
 * The API the Secret Manager extension exports to other extensions.
 *
 * ```ts
 * const exports = vscode.extensions.getExtension<SecretManagerExtensionExports>('secret-manager.secret-manager-vscode')?.exports;
 * const api = exports?.getApi('^1.0.0', { extensionId: context.extension.id });
 * const value = await api?.resolve({ vault: 'api-keys', key: 'stripe-secret-key' });
 * ```
 */
import satisfies from 'semver/functions/satisfies';
import validRange from 'semver/ranges/valid';
import { SecretManagerError } from '../core/model';
import type {
  CreateSecretInput,
  SecretMetadata,
  SecretReference,
  UpdateSecretInput,
  VaultMetadata,
} from '../core/model';

export type { CreateSecretInput, SecretMetadata, SecretReference, UpdateSecretInput, VaultMetadata };

/** The versions of the API this build provides, newest last. */
export const EXTENSION_API_VERSIONS = ['1.0.0'] as const;
export type ExtensionApiVersion = (typeof EXTENSION_API_VERSIONS)[number];

/** A subscription function, shaped like `vscode.Event` so it needs no `vscode` import. */
export type ApiEvent<T> = (listener: (event: T) => unknown) => { dispose(): unknown };

export interface ApiCaller {
  /** Your extension's id (`context.extension.id`). Reads are audited as `extension:<id>` and need the user's consent. */
  readonly extensionId: string;
}

/** Which connection a call goes to. Defaults to the workspace's `secretManager.referenceConnection`. */
export interface ConnectionOption {
  readonly connection?: string;
}

export interface ConnectionInfo {
  readonly id: string;
  readonly label: string;
  readonly kind: 'local' | 'tailor' | 'workos';
}

export interface StoreChangeEvent {
  readonly connection: string;
}

/** A reference found in a document. */
export interface FoundReference {
  readonly vault: string;
  readonly key: string;
  /** Zero-based offsets of the reference in the document text. */
  readonly start: number;
  readonly end: number;
}

/** The part of a `vscode.TextDocument` that `findReferences` reads. */
export interface ReferenceDocument {
  getText(): string;
  readonly fileName: string;
  readonly languageId?: string;
}

export interface SecretManagerApiV1 {
  readonly apiVersion: '1.0.0';
  listConnections(): Promise<ConnectionInfo[]>;
  listVaults(options?: ConnectionOption): Promise<VaultMetadata[]>;
  listSecrets(vault: string, options?: ConnectionOption): Promise<SecretMetadata[]>;
  describe(reference: SecretReference, options?: ConnectionOption): Promise<SecretMetadata>;
  createSecret(input: CreateSecretInput, options?: ConnectionOption): Promise<SecretMetadata>;
  /** Sets a new value; pass `expectedVersion` to fail with a conflict instead of overwriting someone else's change. */
  rotateSecret(input: UpdateSecretInput, options?: ConnectionOption): Promise<SecretMetadata>;
  deleteSecret(reference: SecretReference, options?: ConnectionOption): Promise<void>;
  /**
   * Returns the value. The user is asked once per calling extension and vault; the read is audited
   * with the actor `extension:<id>`. Refused in an untrusted workspace.
   */
  resolve(reference: SecretReference, options?: ConnectionOption): Promise<string>;
  /** The secret references written in a document (empty when the language features are unavailable). */
  findReferences(document: ReferenceDocument): Promise<FoundReference[]>;
  readonly onDidChange: ApiEvent<StoreChangeEvent>;
}

/** What `activate()` returns. */
export interface SecretManagerExtensionExports {
  /** The newest API version available. */
  readonly apiVersion: ExtensionApiVersion;
  /** Returns the newest API version that satisfies a semver range such as "^1.0.0"; throws when none does. */
  getApi(range: '^1.0.0' | (string & {}), caller?: ApiCaller): SecretManagerApiV1;
}

/** Picks the newest provided version that satisfies `range`, or throws a clear error. */
export function matchApiVersion(
  range: string,
  available: readonly string[] = EXTENSION_API_VERSIONS,
): string {
  if (typeof range !== 'string' || validRange(range) === null) {
    throw new SecretManagerError(
      'invalid-input',
      `"${String(range).slice(0, 40)}" is not a semver range.`,
      `Ask for a range such as "^${available[available.length - 1]}".`,
    );
  }
  const matching = [...available].reverse().find((version) => satisfies(version, range));
  if (matching === undefined) {
    throw new SecretManagerError(
      'unsupported',
      `The Secret Manager extension provides no API version matching "${range}" (it provides ${available.join(', ')}).`,
      'Update the Secret Manager extension, or ask for a version it provides.',
    );
  }
  return matching;
}
