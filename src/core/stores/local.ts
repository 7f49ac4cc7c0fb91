import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import * as z from 'zod';
import { auditRevealOrRefuse, revealOptionsSchema } from './reveal-audit';
import { AuthenticationFailedError, keyedFingerprint, open, seal, sealedPlaintextLength } from '../crypto';
import { createFingerprintMatcher, valueChecksum, type FingerprintEntry } from '../fingerprint-matcher';
import type { KeychainReadAhead } from '../keychain-read-ahead';
import { lazySchema } from '../lazy-schema';
import { describeKeySource, loadHomeKeys, type HomeKeys, type KeychainMode, type KeySource } from '../keys';
import {
  AlreadyExistsError,
  ConflictError,
  InvalidInputError,
  NotFoundError,
  SecretManagerError,
  VaultNotEmptyError,
  createSecretInputSchema,
  formatReference,
  parseInput,
  secretReferenceSchema,
  updateSecretInputSchema,
  secretNameSchema,
  vaultNameSchema,
  type AuditAction,
  type AuditRecord,
  type CreateSecretInput,
  type SecretMetadata,
  type SecretReference,
  type SecretVersion,
  type UpdateSecretInput,
  type VaultMetadata,
} from '../model';
import { requireAbsoluteHome, resolveStoreHome, storeHomeFiles } from '../paths';
import type { AuditQuery, Disposable, FingerprintMatcher, RevealOptions, SecretStore, StoreCapabilities } from '../store';
import { findAbandonedTemporaryFiles, isErrorCode, removeAbandonedTemporaryFiles, writeFileAtomically } from './local/atomic-file';
import { AuditLog, AuditWriteError } from './local/audit-log';
import {
  corruptedStoreError,
  currentVersion,
  parseStore,
  emptyBody,
  ownEntry,
  valueContext,
  type StoreBody,
  type StoredSecret,
  type StoredVault,
} from './local/document';
import { withFileLock } from './local/file-lock';
import { byName, toSecretMetadata, toVaultMetadata } from './local/metadata';
import { fileSignature, watchFileChanges } from './local/file-watcher';
import { encodeStoreFile, encodeStoreFileParts, readStoreLayout, verifyStoreFile, type StoreFileLayout, type VaultLines } from './local/store-file';
import { readStoreFileBytes, readStoreFileIdentity, type StoreFileBytes } from './local/store-file-io';
import { addValueChecksum, openValueChecksums } from './local/value-checksums';
import { StoreFileError } from './local/store-file-error';
import { suggestClosest } from '../references/suggest';
import { checkHomePermissions } from './local/home-permissions';
import { checkGeneration, isCurrent, readGenerationPin, writeGenerationPin } from './local/generation-pin';

export interface LocalStoreOptions {
  /** The folder holding the store. Defaults to $SECRET_MANAGER_HOME, else $XDG_CONFIG_HOME/secret-manager, else ~/.config/secret-manager. */
  readonly home?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Defaults to env SECRET_MANAGER_PASSPHRASE. */
  readonly passphrase?: string;
  /** 'auto' keeps the master key in the OS keychain when there is one. */
  readonly keychain?: KeychainMode;
  /** A read of the master key from the keychain started before the store opened (`secret-manager run`). */
  readonly keychainReadAhead?: KeychainReadAhead;
  /** How many versions of each secret to keep, the current one included. Default 10. */
  readonly versionsToKeep?: number;
  /** Who the audit log names, such as "cli:alice" or "vscode:alice". */
  readonly actor?: string;
  readonly id?: string;
  readonly label?: string;
  /** Told about things that work less well than they could, such as audit log lines it could not read. Never given a value. */
  readonly onWarning?: (message: string) => void;
}

const optionsSchema = z.object({
  versionsToKeep: z.number().int().min(1).max(1000).optional(),
  actor: z.string().min(1).max(200).optional(),
  id: z.string().min(1).max(200).optional(),
  label: z.string().min(1).max(200).optional(),
  keychain: z.enum(['auto', 'off']).optional(),
});
const versionNumberSchema = lazySchema(() =>
  z
    .number({ error: 'The version must be a number.' })
    .refine((version) => Number.isInteger(version) && version > 0, {
      error: (issue) => `The version must be a positive whole number, not ${String(issue.input)}.`,
    }),
);
const auditQuerySchema = lazySchema(() =>
  z.strictObject({
    vault: vaultNameSchema.optional(),
    key: secretNameSchema.optional(),
    limit: z.number().int().positive().optional(),
  }),
);

const LOCAL_CAPABILITIES: StoreCapabilities = { reveal: true, versions: true, rollback: true, metadata: true, audit: true };

export function defaultActor(env: NodeJS.ProcessEnv): string {
  let user: string | undefined;
  try {
    user = os.userInfo().username;
  } catch {
    user = env.USER ?? env.USERNAME;
  }
  return `cli:${user ?? 'unknown'}`;
}

type PendingAudit = Omit<AuditRecord, 'time' | 'actor' | 'store'> & { actor?: string };

/** What a change returns: its result, its audit records, and the one vault it changed (whose cached line is dropped). */
interface ChangeOutcome<T> {
  readonly result: T;
  readonly audit: PendingAudit[];
  readonly changedVault: string;
}

/** The store file as read (and parsed, not yet verified) while the master key is still being derived. */
type PrefetchedFile = { readonly file: StoreFileBytes; readonly layout: StoreFileLayout } | { readonly error: unknown } | undefined;

interface Snapshot {
  /** The file's identity when it was read: inode, size, times, and the MAC in its header. */
  readonly signature: string;
  readonly mac: string;
  readonly body: StoreBody;
  readonly vaultLines: VaultLines;
}

/** The embedded, encrypted store: one file in the user's config folder. */
export class LocalStore implements SecretStore {
  readonly kind = 'local' as const;
  readonly capabilities = LOCAL_CAPABILITIES;
  private snapshot: Snapshot | undefined;
  private readonly watchers = new Set<Disposable>();
  private readonly files: ReturnType<typeof storeHomeFiles>;
  private readonly auditLog: AuditLog;
  private readonly macKey: Buffer;
  private readonly fingerprintKey: Buffer;

  private constructor(
    readonly id: string,
    readonly label: string,
    readonly home: string,
    private readonly keys: HomeKeys,
    private readonly versionsToKeep: number,
    private readonly actor: string,
    private readonly onWarning: ((message: string) => void) | undefined,
  ) {
    this.files = storeHomeFiles(home);
    this.auditLog = new AuditLog(this.files.auditLog);
    this.macKey = keys.subkey('local-store/mac');
    this.fingerprintKey = keys.subkey('local-store/fingerprints');
  }

  static async open(options: LocalStoreOptions = {}): Promise<LocalStore> {
    const checked = parseInput(optionsSchema, {
      versionsToKeep: options.versionsToKeep,
      actor: options.actor,
      id: options.id,
      label: options.label,
      keychain: options.keychain,
    });
    const env = options.env ?? process.env;
    const home = options.home === undefined ? resolveStoreHome(env) : requireAbsoluteHome(options.home, 'The store home');
    // Read, hash and parse the store file while scrypt derives the master key on the thread pool. Nothing
    // read here is trusted before its MAC is checked with that key, and failures wait until then.
    const prefetched = LocalStore.prefetch(storeHomeFiles(home).storeFile);
    // Both only look at the folder: they run together, and a permission problem is still the one reported first.
    const incomplete = LocalStore.refuseIncompleteHome(home);
    incomplete.catch(() => undefined);
    await checkHomePermissions(home);
    await incomplete;
    // It also makes the home a private folder when it is missing, which the store relies on from here.
    const keys = await loadHomeKeys({ home, env, passphrase: options.passphrase, keychain: checked.keychain, keychainReadAhead: options.keychainReadAhead });
    const store = new LocalStore(
      checked.id ?? 'local',
      checked.label ?? 'Local store',
      home,
      keys,
      checked.versionsToKeep ?? 10,
      checked.actor ?? defaultActor(env),
      options.onWarning,
    );
    await store.initialise(await prefetched);
    return store;
  }

  private static prefetch(storeFile: string): Promise<PrefetchedFile> {
    return readStoreFileBytes(storeFile).then(
      (file) => (file ? { file, layout: readStoreLayout(file.bytes) } : undefined),
      (error: unknown) => ({ error }),
    );
  }

  /**
   * A store file without its key file, or a backup without its store file, means something was deleted by
   * hand. Starting afresh there would silently drop every secret, so refuse and say what to restore.
   */
  private static async refuseIncompleteHome(home: string): Promise<void> {
    const files = storeHomeFiles(home);
    const [keyFile, storeFile, backup] = await Promise.all([exists(files.keyFile), exists(files.storeFile), exists(files.storeBackup)]);
    if (!keyFile && (storeFile || backup)) {
      throw new SecretManagerError(
        'corrupted-store',
        `The key file ${files.keyFile} is missing, so the local store in ${home} cannot be decrypted.`,
        'Restore key.json from a backup. Nothing was changed.',
      );
    }
    if (keyFile && !storeFile && backup) throw corruptedStoreError(files.storeFile, files.storeBackup, 'the file is missing');
    if (keyFile && !storeFile && (await exists(files.generationPin))) {
      throw new SecretManagerError(
        'corrupted-store',
        `The local store file ${files.storeFile} and its backup store.json.bak are both missing, although this store has saved (${files.generationPin} says so). Starting an empty store would silently drop every secret.`,
        'Put store.json back from a backup. To start an empty store here on purpose, run `secret-manager restore --accept-current`. Nothing was changed.',
      );
    }
  }

  /**
   * Accepts a store file deliberately: 'current' records the store file as it is now as the newest
   * (after restoring an older copy on purpose); 'backup' first puts store.json.bak in its place, keeping
   * the replaced file aside as store.json.replaced-<time>. The chosen file must decrypt and verify.
   */
  static async restore(options: LocalStoreOptions, source: 'current' | 'backup'): Promise<{ generation: number; setAside: string | undefined }> {
    const env = options.env ?? process.env;
    const home = options.home === undefined ? resolveStoreHome(env) : requireAbsoluteHome(options.home, 'The store home');
    const files = storeHomeFiles(home);
    await checkHomePermissions(home);
    const keys = await loadHomeKeys({ home, env, passphrase: options.passphrase, keychain: options.keychain });
    return withFileLock(files.storeLock, async () => {
      const chosen = source === 'backup' ? files.storeBackup : files.storeFile;
      if (source === 'current' && !(await exists(files.storeFile)) && !(await exists(files.storeBackup))) {
        // Both are gone: accepting that means the next open starts an empty store.
        await fs.rm(files.generationPin, { force: true });
        return { generation: 0, setAside: undefined };
      }
      const bytes = await fs.readFile(chosen).catch((error: unknown) => {
        if (!isErrorCode(error, 'ENOENT')) throw error;
        throw new SecretManagerError('not-found', `There is no ${chosen} to restore from.`, 'Nothing was changed.');
      });
      const body = parseStore(bytes, keys.subkey('local-store/mac'), files, keys.homeId);
      let setAside: string | undefined;
      if (source === 'backup') {
        setAside = `${files.storeFile}.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`;
        await fs.copyFile(files.storeFile, setAside, fs.constants.COPYFILE_EXCL).catch((error: unknown) => {
          if (!isErrorCode(error, 'ENOENT')) throw error;
          setAside = undefined;
        });
        await writeFileAtomically(files.storeFile, bytes);
      }
      await writeGenerationPin(files.generationPin, { storeId: body.storeId, generation: body.generation });
      return { generation: body.generation, setAside };
    });
  }

  /** Which master key unlocked the store this time. */
  get keySource(): KeySource {
    return this.keys.source;
  }

  describeKeySource(): string {
    return describeKeySource(this.keys);
  }

  /** Runs after loadHomeKeys, which made sure the home is a private folder. */
  private async initialise(prefetched: PrefetchedFile): Promise<void> {
    // Temp files are cleaned under the writers' lock, which is only taken when there are some.
    if ((await findAbandonedTemporaryFiles(this.home)).length > 0) {
      await withFileLock(this.files.storeLock, () => removeAbandonedTemporaryFiles(this.home));
    }
    if (prefetched && 'file' in prefetched) {
      const snapshot = this.verify(prefetched.file, prefetched.layout);
      // Read before the pin, the file may since have been replaced by a newer one: load() reads them in order.
      if (isCurrent(await readGenerationPin(this.files.generationPin), snapshot.body)) {
        this.snapshot = snapshot;
        return;
      }
    }
    if (!prefetched) {
      await withFileLock(this.files.storeLock, async () => {
        try {
          await fs.access(this.files.storeFile);
        } catch (error) {
          if (!isErrorCode(error, 'ENOENT')) throw error;
          const body = emptyBody(randomUUID(), this.keys.homeId);
          await writeFileAtomically(this.files.storeFile, encodeStoreFile(body, this.macKey).bytes);
          await writeGenerationPin(this.files.generationPin, { storeId: body.storeId, generation: body.generation });
        }
      });
    }
    await this.load();
  }

  private verify(file: StoreFileBytes, layout: StoreFileLayout): Snapshot {
    try {
      const verified = verifyStoreFile(layout, this.macKey, this.keys.homeId);
      return { signature: file.signature, ...verified };
    } catch (error) {
      if (error instanceof StoreFileError) throw corruptedStoreError(this.files.storeFile, this.files.storeBackup, error.reason);
      throw error;
    }
  }

  /**
   * The current content. The whole file is re-read only when its identity changed since the last read:
   * another inode, size or time, or another MAC in its header (a write by any process changes the MAC).
   */
  private async load(): Promise<Snapshot> {
    const identity = await readStoreFileIdentity(this.files.storeFile);
    if (identity && this.snapshot && this.snapshot.signature === identity.signature && this.snapshot.mac === identity.mac) return this.snapshot;
    // The pin first: a writer saves the file before the pin, so a pin read earlier is never ahead of the file read after it.
    const pin = await readGenerationPin(this.files.generationPin);
    const file = await readStoreFileBytes(this.files.storeFile).catch((error: unknown) => {
      throw error instanceof StoreFileError ? corruptedStoreError(this.files.storeFile, this.files.storeBackup, error.reason) : error;
    });
    if (!file) throw corruptedStoreError(this.files.storeFile, this.files.storeBackup, 'the file is missing');
    this.snapshot = undefined;
    const snapshot = this.verify(file, readStoreLayout(file.bytes));
    checkGeneration(pin, snapshot.body, this.files.storeFile);
    this.snapshot = snapshot;
    return snapshot;
  }

  /** Read-modify-write under the cross-process lock, re-checking inside it so no other writer's change is lost. */
  private async mutate<T>(change: (body: StoreBody) => ChangeOutcome<T>): Promise<T> {
    return withFileLock(this.files.storeLock, async () => {
      const { body, vaultLines } = await this.load();
      let outcome: ChangeOutcome<T>;
      let encoded: { parts: Buffer[]; mac: string };
      try {
        outcome = change(body);
        vaultLines.delete(outcome.changedVault);
        body.generation += 1;
        encoded = encodeStoreFileParts(body, this.macKey, vaultLines);
        await writeFileAtomically(this.files.storeFile, encoded.parts, { backup: this.files.storeBackup });
      } catch (error) {
        // The body in memory may hold a change that is not on disk: read the file afresh next time.
        this.snapshot = undefined;
        throw error;
      }
      this.snapshot = { signature: await fileSignature(this.files.storeFile), mac: encoded.mac, body, vaultLines };
      // The store file is saved; a pin left behind only makes the rollback check more lenient.
      await writeGenerationPin(this.files.generationPin, { storeId: body.storeId, generation: body.generation }).catch((error: unknown) => {
        this.onWarning?.(`Could not record the store generation in ${this.files.generationPin} (${error instanceof Error ? error.message : String(error)}).`);
      });
      for (const record of outcome.audit) {
        await this.appendAudit(record).catch((error: unknown) => {
          if (!(error instanceof AuditWriteError)) throw error;
          const target = record.key === undefined ? record.vault : `${record.vault}/${record.key}`;
          throw new SecretManagerError(
            'unavailable',
            `${record.action} of ${target} was saved, but its audit record could not be written to ${error.file} (${error.reason}).`,
            'Make the audit log a writable file again; the change itself needs no retry.',
          );
        });
      }
      return outcome.result;
    });
  }

  private appendAudit(record: PendingAudit): Promise<void> {
    return this.auditLog.append({ time: new Date().toISOString(), store: this.id, ...record, actor: record.actor ?? this.actor });
  }

  private requireVault(body: StoreBody, name: string): StoredVault {
    const vault = ownEntry(body.vaults, name);
    if (!vault) throw new NotFoundError(`Vault "${name}"`, 'Check the name, or create the vault first.', suggestClosest(name, Object.keys(body.vaults)));
    return vault;
  }

  private requireSecret(body: StoreBody, reference: SecretReference): StoredSecret {
    const secrets = this.requireVault(body, reference.vault).secrets;
    const secret = ownEntry(secrets, reference.key);
    if (!secret) {
      throw new NotFoundError(`Secret ${formatReference(reference)}`, 'Check the name, or create the secret first.', suggestClosest(reference.key, Object.keys(secrets)));
    }
    return secret;
  }

  private sealVersion(body: StoreBody, reference: SecretReference, version: number, value: string) {
    return seal(this.keys.dataKey, Buffer.from(value, 'utf8'), valueContext(body.storeId, reference.vault, reference.key, version));
  }

  private openVersion(body: StoreBody, reference: SecretReference, version: { version: number; nonce: string; ciphertext: string }): string {
    try {
      return open(this.keys.dataKey, version, valueContext(body.storeId, reference.vault, reference.key, version.version)).toString('utf8');
    } catch (error) {
      if (!(error instanceof AuthenticationFailedError)) throw error;
      throw corruptedStoreError(
        this.files.storeFile,
        this.files.storeBackup,
        `version ${version.version} of ${formatReference(reference)} failed decryption`,
      );
    }
  }

  private addVersion(body: StoreBody, reference: SecretReference, secret: StoredSecret, value: string, rolledBackFrom?: number): number {
    const version = currentVersion(secret).version + 1;
    const now = new Date().toISOString();
    secret.versions.push({ version, createdAt: now, ...(rolledBackFrom ? { rolledBackFrom } : {}), ...this.sealVersion(body, reference, version, value) });
    if (secret.versions.length > this.versionsToKeep) secret.versions.splice(0, secret.versions.length - this.versionsToKeep);
    secret.updatedAt = now;
    secret.fingerprint = keyedFingerprint(this.fingerprintKey, value);
    const vault = this.requireVault(body, reference.vault);
    vault.updatedAt = now;
    addValueChecksum(this.keys.dataKey, body.storeId, reference.vault, vault, secret.fingerprint, valueChecksum(value));
    return version;
  }

  private static checkExpectedVersion(reference: SecretReference, secret: StoredSecret, expectedVersion: number | undefined): void {
    const actual = currentVersion(secret).version;
    if (expectedVersion !== undefined && expectedVersion !== actual) throw new ConflictError(reference, expectedVersion, actual);
  }

  async listVaults(): Promise<VaultMetadata[]> {
    const { body } = await this.load();
    return Object.entries(body.vaults)
      .map(([name, vault]) => toVaultMetadata(name, vault))
      .sort(byName);
  }

  async createVault(name: string): Promise<VaultMetadata> {
    const vaultName = parseInput(vaultNameSchema, name);
    return this.mutate((body) => {
      if (ownEntry(body.vaults, vaultName)) throw new AlreadyExistsError(`Vault "${vaultName}"`);
      const now = new Date().toISOString();
      const vault: StoredVault = { createdAt: now, updatedAt: now, secrets: {} };
      body.vaults[vaultName] = vault;
      return { result: toVaultMetadata(vaultName, vault), audit: [{ action: 'vault.create', vault: vaultName }], changedVault: vaultName };
    });
  }

  async deleteVault(name: string): Promise<void> {
    const vaultName = parseInput(vaultNameSchema, name);
    await this.mutate((body) => {
      const vault = this.requireVault(body, vaultName);
      const secretCount = Object.keys(vault.secrets).length;
      if (secretCount > 0) throw new VaultNotEmptyError(vaultName, secretCount);
      delete body.vaults[vaultName];
      return { result: undefined, audit: [{ action: 'vault.delete', vault: vaultName }], changedVault: vaultName };
    });
  }

  async listSecrets(vault: string): Promise<SecretMetadata[]> {
    const vaultName = parseInput(vaultNameSchema, vault);
    const { body } = await this.load();
    return Object.entries(this.requireVault(body, vaultName).secrets)
      .map(([name, secret]) => toSecretMetadata(vaultName, name, secret))
      .sort(byName);
  }

  async describeSecret(reference: SecretReference): Promise<SecretMetadata> {
    const checked = parseInput(secretReferenceSchema, reference);
    const { body } = await this.load();
    return toSecretMetadata(checked.vault, checked.key, this.requireSecret(body, checked));
  }

  async createSecret(input: CreateSecretInput): Promise<SecretMetadata> {
    const checked = parseInput(createSecretInputSchema, input);
    const reference = { vault: checked.vault, key: checked.key };
    return this.mutate((body) => {
      const vault = this.requireVault(body, checked.vault);
      if (ownEntry(vault.secrets, checked.key)) {
        throw new AlreadyExistsError(`Secret ${formatReference(reference)}`, 'Choose another name, or update the existing secret.');
      }
      const now = new Date().toISOString();
      const secret: StoredSecret = {
        createdAt: now,
        updatedAt: now,
        ...(checked.description !== undefined ? { description: checked.description } : {}),
        ...(checked.labels !== undefined ? { labels: checked.labels } : {}),
        fingerprint: keyedFingerprint(this.fingerprintKey, checked.value),
        versions: [{ version: 1, createdAt: now, ...this.sealVersion(body, reference, 1, checked.value) }],
      };
      vault.secrets[checked.key] = secret;
      vault.updatedAt = now;
      addValueChecksum(this.keys.dataKey, body.storeId, checked.vault, vault, secret.fingerprint, valueChecksum(checked.value));
      return {
        result: toSecretMetadata(checked.vault, checked.key, secret),
        audit: [{ action: 'secret.create', vault: checked.vault, key: checked.key, version: 1 }],
        changedVault: checked.vault,
      };
    });
  }

  async updateSecret(input: UpdateSecretInput): Promise<SecretMetadata> {
    const checked = parseInput(updateSecretInputSchema, input);
    const reference = { vault: checked.vault, key: checked.key };
    return this.mutate((body) => {
      const secret = this.requireSecret(body, reference);
      LocalStore.checkExpectedVersion(reference, secret, checked.expectedVersion);
      const version = this.addVersion(body, reference, secret, checked.value);
      if (checked.description !== undefined) secret.description = checked.description;
      return {
        result: toSecretMetadata(checked.vault, checked.key, secret),
        audit: [{ action: 'secret.update', vault: checked.vault, key: checked.key, version }],
        changedVault: checked.vault,
      };
    });
  }

  async revealSecret(reference: SecretReference, options: RevealOptions = {}): Promise<string> {
    const checked = parseInput(secretReferenceSchema, reference);
    const { purpose = 'reveal', actor } = parseInput(revealOptionsSchema, options);
    const { body } = await this.load();
    const version = currentVersion(this.requireSecret(body, checked));
    const value = this.openVersion(body, checked, version);
    const action: AuditAction = `secret.${purpose}`;
    await auditRevealOrRefuse(checked, () => this.appendAudit({ action, vault: checked.vault, key: checked.key, version: version.version, actor }));
    return value;
  }

  async listVersions(reference: SecretReference): Promise<SecretVersion[]> {
    const checked = parseInput(secretReferenceSchema, reference);
    const secret = this.requireSecret((await this.load()).body, checked);
    const current = currentVersion(secret).version;
    return secret.versions
      .map((version) => ({
        version: version.version,
        createdAt: version.createdAt,
        current: version.version === current,
        ...(version.rolledBackFrom ? { rolledBackFrom: version.rolledBackFrom } : {}),
      }))
      .reverse();
  }

  async rollbackSecret(reference: SecretReference, version: number, expectedVersion?: number): Promise<SecretMetadata> {
    const checked = parseInput(secretReferenceSchema, reference);
    const target = parseInput(versionNumberSchema, version);
    const expected = expectedVersion === undefined ? undefined : parseInput(versionNumberSchema, expectedVersion);
    return this.mutate((body) => {
      const secret = this.requireSecret(body, checked);
      LocalStore.checkExpectedVersion(checked, secret, expected);
      if (target === currentVersion(secret).version) {
        throw new InvalidInputError(`Version ${target} of ${formatReference(checked)} is already the current version.`);
      }
      const old = secret.versions.find((candidate) => candidate.version === target);
      if (!old) {
        throw new NotFoundError(
          `Version ${target} of secret ${formatReference(checked)}`,
          `The store keeps the last ${this.versionsToKeep} versions; list them to see which remain.`,
        );
      }
      const newVersion = this.addVersion(body, checked, secret, this.openVersion(body, checked, old), target);
      return {
        result: toSecretMetadata(checked.vault, checked.key, secret),
        audit: [{ action: 'secret.rollback', vault: checked.vault, key: checked.key, version: newVersion }],
        changedVault: checked.vault,
      };
    });
  }

  async deleteSecret(reference: SecretReference): Promise<void> {
    const checked = parseInput(secretReferenceSchema, reference);
    await this.mutate((body) => {
      const secret = this.requireSecret(body, checked);
      const vault = this.requireVault(body, checked.vault);
      delete vault.secrets[checked.key];
      vault.updatedAt = new Date().toISOString();
      return {
        result: undefined,
        audit: [{ action: 'secret.delete', vault: checked.vault, key: checked.key, version: currentVersion(secret).version }],
        changedVault: checked.vault,
      };
    });
  }

  async readAudit(query: AuditQuery = {}): Promise<AuditRecord[]> {
    return this.auditLog.read(parseInput(auditQuerySchema, query), (count) =>
      this.onWarning?.(
        `${count === 1 ? '1 line' : `${count} lines`} of the audit log ${this.files.auditLog} could not be read and ${count === 1 ? 'was' : 'were'} left out (cut short by a crash, or edited by hand).`,
      ),
    );
  }

  /**
   * Decrypts no value: the fingerprints are in the file, and so are the values' lengths (each current
   * version's ciphertext is as long as its value); one sealed box per vault holds the values' checksums.
   * Lengths and checksums spare the HMAC of literals that cannot be a stored value.
   */
  async fingerprintMatcher(): Promise<FingerprintMatcher> {
    const { body } = await this.load();
    const entries: FingerprintEntry[] = [];
    for (const [vaultName, vault] of Object.entries(body.vaults)) {
      const checksums = openValueChecksums(this.keys.dataKey, body.storeId, vaultName, vault);
      for (const [key, secret] of Object.entries(vault.secrets)) {
        entries.push({
          reference: { vault: vaultName, key },
          fingerprint: secret.fingerprint,
          valueByteLength: sealedPlaintextLength(currentVersion(secret)),
          valueChecksum: checksums.get(secret.fingerprint),
        });
      }
    }
    const fingerprintKey = this.fingerprintKey;
    return createFingerprintMatcher(entries, (literal) => keyedFingerprint(fingerprintKey, literal));
  }

  watch(listener: () => void): Disposable {
    const watcher = watchFileChanges(this.files.storeFile, listener);
    this.watchers.add(watcher);
    return {
      dispose: () => {
        watcher.dispose();
        this.watchers.delete(watcher);
      },
    };
  }

  async close(): Promise<void> {
    for (const watcher of this.watchers) watcher.dispose();
    this.watchers.clear();
    this.snapshot = undefined;
  }
}

/** Opens (creating on first use) the local store in the user's config folder. */
function exists(file: string): Promise<boolean> {
  return fs.access(file).then(() => true, () => false);
}

export function openLocalStore(options: LocalStoreOptions = {}): Promise<LocalStore> {
  return LocalStore.open(options);
}

export function restoreLocalStore(options: LocalStoreOptions, source: 'current' | 'backup') {
  return LocalStore.restore(options, source);
}

