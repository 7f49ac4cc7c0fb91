/**
 * The Secret Manager scripting library: open a store, manage vaults and secrets, resolve references.
 * It never imports 'vscode', so it runs in plain Node scripts and CI.
 */
export { openStore, openStoreOptionsSchema } from './open-store';
export type { LocalStoreOptions, OpenStoreOptions, TailorStoreOptions, WorkosStoreOptions } from './open-store';
export { createSecretManagerClient } from './client';
export { connectionSettingSchema, connectionStoreId, openConnection, parseConnectionSettings } from '../core/connections';
export type { ConnectionExtras, ConnectionSetting } from '../core/connections';
export type { KeySource, SecretManagerClient } from './client';

export {
  AlreadyExistsError,
  ConflictError,
  InvalidInputError,
  NAME_PATTERN,
  NAME_RULE,
  NotFoundError,
  SecretManagerError,
  UnsupportedError,
  VaultNotEmptyError,
  formatReference,
  isSecretManagerError,
  parseInput,
  secretNameSchema,
  secretReferenceSchema,
  vaultNameSchema,
} from '../core/model';
export type {
  AuditAction,
  AuditRecord,
  CreateSecretInput,
  ErrorCode,
  SecretMetadata,
  SecretReference,
  SecretVersion,
  UpdateSecretInput,
  VaultMetadata,
} from '../core/model';
export { NO_CAPABILITIES } from '../core/store';
export type {
  AuditQuery,
  Disposable,
  FingerprintMatcher,
  RevealOptions,
  RevealPurpose,
  SecretStore,
  StoreCapabilities,
} from '../core/store';
