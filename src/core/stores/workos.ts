import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { WorkOS } from '@workos-inc/node';
import type { KeychainMode } from '../keys';
import {
  ConflictError,
  createSecretInputSchema,
  formatReference,
  NotFoundError,
  parseInput,
  SecretManagerError,
  secretReferenceSchema,
  UnsupportedError,
  updateSecretInputSchema,
  vaultNameSchema,
  VaultNotEmptyError,
  type AuditAction,
  type AuditRecord,
  type CreateSecretInput,
  type SecretMetadata,
  type SecretReference,
  type SecretVersion,
  type UpdateSecretInput,
  type VaultMetadata,
} from '../model';
import { resolveStoreHome, storeHomeFiles } from '../paths';
import type { AuditQuery, Disposable, FingerprintLedger, FingerprintMatcher, RevealOptions, SecretStore, StoreCapabilities } from '../store';
import { createWorkosClients, type WorkosClients } from '../workos/client';
import { resolveWorkosApiKey, type WorkosKeyReader } from '../workos/credentials';
import { parseWorkosEndpoint, type WorkosEndpoint } from '../workos/endpoint';
import { mapWorkosError } from '../workos/errors';
import { DEFAULT_WORKOS_VAULT, objectNameOf, referenceOfObjectName } from '../workos/names';
import { connectionLedger, matcherOfLedger } from './lazy-fingerprint-ledger';
import { defaultActor } from './local';
import { AuditLog } from './local/audit-log';
import { auditRevealOrRefuse, revealOptionsSchema } from './reveal-audit';
import { ensurePrivateFolder } from './local/atomic-file';

export interface WorkosStoreOptions {
  /** Connection id, such as "workos:production". */
  readonly id?: string;
  readonly label?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** An API key to use instead of WORKOS_API_KEY and the keychain. */
  readonly apiKey?: string;
  /** Wins over WORKOS_API_URL; defaults to https://api.workos.com. */
  readonly baseUrl?: string;
  /** Added to every new object's key context (for example { organization_id: "org_…" }), beside { vault }. */
  readonly keyContext?: Readonly<Record<string, string>>;
  readonly fetch?: typeof fetch;
  /** Per attempt. Defaults to 15 s. */
  readonly timeoutMs?: number;
  /** Extra attempts for reads when WorkOS is unavailable or limiting the rate. Defaults to 3. */
  readonly retries?: number;
  /** Objects per list page. Defaults to 100, the most WorkOS returns. */
  readonly pageSize?: number;
  /** Where keyed fingerprints of the values written through this store are kept; `false` turns leak matching off. */
  readonly fingerprints?: FingerprintLedger | false;
  /** The local store home that holds the audit log and the default ledger. */
  readonly storeHome?: string;
  readonly keychain?: KeychainMode;
  /** Who the audit records name; defaults to "cli:<OS user>". */
  readonly actor?: string;
  readonly onWarning?: (message: string) => void;
  readonly readKeychain?: WorkosKeyReader;
}

const CAPABILITIES: StoreCapabilities = { reveal: true, versions: true, rollback: false, metadata: false, audit: true };
const NO_ROLLBACK = 'WorkOS Vault lists earlier versions but cannot read their values, so no old value can be made current again.';
const NO_METADATA = 'WorkOS Vault stores only the name, the value and its key context.';

const RECENT_LISTING_MS = 1000;


interface IndexedObject {
  readonly id: string;
  readonly name: string;
  readonly updatedAt: string;
}

/** Connects to WorkOS Vault through WorkOS's own SDK. A vault is the "vault/" prefix of object names. */
export async function openWorkosStore(options: WorkosStoreOptions = {}): Promise<SecretStore> {
  const env = options.env ?? process.env;
  const endpoint = options.baseUrl !== undefined ? parseWorkosEndpoint(options.baseUrl, 'The WorkOS base URL') : parseWorkosEndpoint(env.WORKOS_API_URL);
  const apiKey = await resolveWorkosApiKey(env, options.apiKey, options.readKeychain);
  const timeoutMs = options.timeoutMs ?? 15_000;
  const clients = await createWorkosClients({ apiKey, endpoint, timeoutMs, retries: options.retries ?? 3, fetch: options.fetch });
  const id = options.id ?? 'workos:default';
  const home = options.storeHome ?? resolveStoreHome(env);
  const fingerprints = connectionLedger({
    fingerprints: options.fingerprints,
    connectionId: id,
    env,
    home,
    keychain: options.keychain,
    onWarning: options.onWarning,
    storeKind: 'WorkOS',
  });
  return new WorkosStore({
    id,
    label: options.label ?? 'WorkOS Vault',
    clients,
    endpoint,
    apiKey,
    timeoutMs,
    pageSize: Math.min(100, Math.max(1, options.pageSize ?? 100)),
    keyContext: options.keyContext ?? {},
    fingerprints,
    home,
    actor: options.actor ?? defaultActor(env),
    onWarning: options.onWarning,
  });
}

interface WorkosStoreParts {
  readonly id: string;
  readonly label: string;
  readonly clients: WorkosClients;
  readonly endpoint: WorkosEndpoint;
  readonly apiKey: string;
  readonly timeoutMs: number;
  readonly pageSize: number;
  readonly keyContext: Readonly<Record<string, string>>;
  readonly fingerprints?: FingerprintLedger;
  readonly home: string;
  readonly actor: string;
  readonly onWarning?: (message: string) => void;
}

class WorkosStore implements SecretStore {
  readonly kind = 'workos' as const;
  readonly capabilities = CAPABILITIES;
  readonly id: string;
  readonly label: string;
  private readonly parts: WorkosStoreParts;
  private readonly auditLog: AuditLog;
  /** Vaults created in this session that hold no secret yet: WorkOS has no empty prefixes. */
  private readonly emptyVaults = new Map<string, string>();
  /** "vault/key" → the object, from the last full listing. */
  private index?: Map<string, IndexedObject>;
  /** The listing under way or just done, shared by the calls that open a tree (vaults, then each vault's secrets). */
  private listing?: { readonly startedAt: number; readonly result: Promise<Map<string, IndexedObject>> };
  private warnedNames = new Set<string>();

  constructor(parts: WorkosStoreParts) {
    this.parts = parts;
    this.id = parts.id;
    this.label = parts.label;
    this.auditLog = new AuditLog(storeHomeFiles(parts.home).auditLog);
  }

  async listVaults(): Promise<VaultMetadata[]> {
    const index = await this.refreshIndex();
    const vaults = new Map<string, VaultMetadata & { secretCount: number }>();
    for (const [referenceText, object] of index) {
      const vault = referenceText.slice(0, referenceText.indexOf('/'));
      const known = vaults.get(vault);
      if (known) {
        known.secretCount += 1;
        if (object.updatedAt > known.updatedAt) known.updatedAt = object.updatedAt;
      } else {
        vaults.set(vault, { name: vault, createdAt: '', updatedAt: object.updatedAt, secretCount: 1 });
      }
    }
    for (const [vault, createdAt] of this.emptyVaults) {
      if (!vaults.has(vault)) vaults.set(vault, { name: vault, createdAt, updatedAt: createdAt, secretCount: 0 });
    }
    return [...vaults.values()].sort(byName);
  }

  async createVault(name: string): Promise<VaultMetadata> {
    const vault = parseInput(vaultNameSchema, name);
    const existing = (await this.listVaults()).find((each) => each.name === vault);
    if (existing) throw new SecretManagerError('already-exists', `Vault "${vault}" already exists.`, 'Choose another name.');
    const now = new Date().toISOString();
    this.emptyVaults.set(vault, now);
    this.parts.onWarning?.(`A WorkOS vault is the "${vault}/" prefix of object names: it lasts only as long as this session until its first secret is created in it.`);
    await this.audit({ action: 'vault.create', vault });
    return { name: vault, createdAt: now, updatedAt: now, secretCount: 0 };
  }

  /** A vault is a name prefix: it goes away with its last secret, and an empty one only needs forgetting. */
  async deleteVault(name: string): Promise<void> {
    const vault = parseInput(vaultNameSchema, name);
    const held = await this.listSecrets(vault).catch((error: unknown) => {
      if (error instanceof NotFoundError) return [];
      throw error;
    });
    if (held.length > 0) throw new VaultNotEmptyError(vault, held.length);
    if (!this.emptyVaults.delete(vault)) throw new NotFoundError(`Vault "${vault}"`);
    await this.audit({ action: 'vault.delete', vault });
  }

  async listSecrets(vaultName: string): Promise<SecretMetadata[]> {
    const vault = parseInput(vaultNameSchema, vaultName);
    const index = await this.recentIndex();
    const secrets: SecretMetadata[] = [];
    for (const [referenceText, object] of index) {
      if (!referenceText.startsWith(`${vault}/`)) continue;
      secrets.push({ vault, name: referenceText.slice(vault.length + 1), createdAt: '', updatedAt: object.updatedAt });
    }
    if (secrets.length === 0 && !this.emptyVaults.has(vault)) throw new NotFoundError(`Vault "${vault}"`);
    return secrets.sort(byName);
  }

  async describeSecret(reference: SecretReference): Promise<SecretMetadata> {
    const checked = parseInput(secretReferenceSchema, reference);
    return this.withObject(checked, 'describe', async (object) => {
      const [described, versions] = await Promise.all([
        this.parts.clients.reads.vault.describeObject({ id: object.id }),
        this.parts.clients.reads.vault.listObjectVersions({ id: object.id }),
      ]);
      return this.metadataOf(checked, described.metadata.updatedAt, numberVersions(versions));
    });
  }

  async createSecret(input: CreateSecretInput): Promise<SecretMetadata> {
    const { vault, key, value, description, labels } = parseInput(createSecretInputSchema, input);
    if (description !== undefined || (labels && Object.keys(labels).length > 0)) {
      throw new UnsupportedError('keep a description or labels', this.label, NO_METADATA);
    }
    const reference = { vault, key };
    const index = await this.refreshIndex();
    if (index.has(formatReference(reference))) throw new SecretManagerError('already-exists', `Secret ${formatReference(reference)} already exists.`, 'Choose another name, or update the existing one.');
    const created = await this.call(this.parts.clients.writes, `create ${formatReference(reference)}`, [value], `Secret ${formatReference(reference)}`, (workos) =>
      workos.vault.createObject({ name: objectNameOf(reference), value, context: { ...this.parts.keyContext, vault } }),
    );
    this.listing = undefined;
    this.index?.set(formatReference(reference), { id: created.id, name: objectNameOf(reference), updatedAt: isoOf(created.updatedAt) });
    this.emptyVaults.delete(vault);
    await this.afterWrite('secret.create', reference, value, 1);
    return this.metadataOf(reference, created.updatedAt, { current: 1, firstCreatedAt: isoOf(created.updatedAt) });
  }

  async updateSecret(input: UpdateSecretInput): Promise<SecretMetadata> {
    const { vault, key, value, expectedVersion, description } = parseInput(updateSecretInputSchema, input);
    if (description !== undefined) throw new UnsupportedError('keep a description', this.label, NO_METADATA);
    const reference = { vault, key };
    return this.withObject(reference, 'update', async (object) => {
      let versionCheck: string | undefined;
      if (expectedVersion !== undefined) {
        const numbered = numberVersions(await this.parts.clients.reads.vault.listObjectVersions({ id: object.id }));
        if (numbered.current !== expectedVersion) throw new ConflictError(reference, expectedVersion, numbered.current);
        versionCheck = numbered.currentId;
      }
      let updated;
      try {
        updated = await this.parts.clients.writes.vault.updateObject({ id: object.id, value, versionCheck });
      } catch (error) {
        const mapped = this.mapError(error, `update ${formatReference(reference)}`, [value]);
        if (mapped.code === 'conflict' && expectedVersion !== undefined) {
          const now = numberVersions(await this.parts.clients.reads.vault.listObjectVersions({ id: object.id }).catch(() => []));
          throw new ConflictError(reference, expectedVersion, now.current);
        }
        throw mapped;
      }
      const numbered = numberVersions(await this.parts.clients.reads.vault.listObjectVersions({ id: object.id }));
      this.listing = undefined;
      this.index?.set(formatReference(reference), { ...object, updatedAt: isoOf(updated.metadata.updatedAt) });
      await this.afterWrite('secret.update', reference, value, numbered.current);
      return this.metadataOf(reference, updated.metadata.updatedAt, numbered);
    });
  }

  async revealSecret(reference: SecretReference, options: RevealOptions = {}): Promise<string> {
    const checked = parseInput(secretReferenceSchema, reference);
    const { purpose = 'reveal', actor } = parseInput(revealOptionsSchema, options);
    const read = await this.withObject(checked, 'read', (object) => this.parts.clients.reads.vault.readObject({ id: object.id }));
    const value = read.value;
    if (typeof value !== 'string') throw new SecretManagerError('unavailable', `WorkOS returned no value for ${formatReference(checked)}.`);
    const action: AuditAction = `secret.${purpose}`;
    await auditRevealOrRefuse(checked, () => this.audit({ action, vault: checked.vault, key: checked.key, actor }));
    return value;
  }

  async listVersions(reference: SecretReference): Promise<SecretVersion[]> {
    const checked = parseInput(secretReferenceSchema, reference);
    const versions = await this.withObject(checked, 'list versions of', (object) => this.parts.clients.reads.vault.listObjectVersions({ id: object.id }));
    return numberVersions(versions)
      .versions.map((version) => ({ version: version.number, createdAt: isoOf(version.createdAt), current: version.currentVersion }))
      .reverse();
  }

  async rollbackSecret(reference: SecretReference): Promise<SecretMetadata> {
    const checked = parseInput(secretReferenceSchema, reference);
    throw new UnsupportedError(`roll back ${formatReference(checked)}`, this.label, `${NO_ROLLBACK} Update it with the old value instead.`);
  }

  async deleteSecret(reference: SecretReference): Promise<void> {
    const checked = parseInput(secretReferenceSchema, reference);
    await this.withObject(checked, 'delete', (object) => this.parts.clients.writes.vault.deleteObject({ id: object.id }));
    this.listing = undefined;
    this.index?.delete(formatReference(checked));
    await this.parts.fingerprints?.forget(checked);
    await this.audit({ action: 'secret.delete', vault: checked.vault, key: checked.key });
  }

  async readAudit(query: AuditQuery = {}): Promise<AuditRecord[]> {
    const records = (await this.auditLog.read({ vault: query.vault, key: query.key })).filter((record) => record.store === this.id);
    return query.limit !== undefined ? records.slice(Math.max(0, records.length - query.limit)) : records;
  }

  async fingerprintMatcher(): Promise<FingerprintMatcher> {
    return matcherOfLedger(this.parts.fingerprints);
  }

  /** WorkOS pushes no changes to a client, so there is nothing to listen to. */
  watch(_listener: () => void): Disposable {
    return { dispose() {} };
  }

  async close(): Promise<void> {}

  /**
   * The listing another call started less than a second ago, else a new one: a tree lists the vaults and
   * then each vault's secrets, and all of them come from the same pages.
   */
  private recentIndex(): Promise<Map<string, IndexedObject>> {
    if (this.listing && performance.now() - this.listing.startedAt < RECENT_LISTING_MS) return this.listing.result;
    return this.refreshIndex();
  }

  private refreshIndex(): Promise<Map<string, IndexedObject>> {
    const result = this.listAllObjects();
    const listing = { startedAt: performance.now(), result };
    this.listing = listing;
    result.catch(() => {
      if (this.listing === listing) this.listing = undefined;
    });
    return result;
  }

  /** Every object, page after page to the end, keyed by the reference it maps to. */
  private async listAllObjects(): Promise<Map<string, IndexedObject>> {
    const index = new Map<string, IndexedObject>();
    const seen = new Set<string>();
    let after: string | undefined;
    for (;;) {
      const page = await this.call(this.parts.clients.reads, 'list objects', [], undefined, (workos) =>
        workos.vault.listObjects({ limit: this.parts.pageSize, after, order: 'asc' }),
      );
      for (const summary of page.data) {
        const reference = referenceOfObjectName(summary.name);
        const referenceText = formatReference(reference);
        const indexed = { id: summary.id, name: summary.name, updatedAt: isoOf(summary.updatedAt) };
        const taken = index.get(referenceText);
        // "default/x" and a bare "x" map to the same reference; the name we would write wins.
        if (taken && taken.name === objectNameOf(reference)) {
          this.warnOnce(summary.name, `The WorkOS object "${summary.name.slice(0, 80)}" is hidden: "${taken.name.slice(0, 80)}" is shown as ${referenceText}.`);
          continue;
        }
        if (taken) this.warnOnce(taken.name, `The WorkOS object "${taken.name.slice(0, 80)}" is hidden: "${summary.name.slice(0, 80)}" is shown as ${referenceText}.`);
        index.set(referenceText, indexed);
      }
      const next = page.listMetadata.after;
      if (!next) break;
      if (seen.has(next)) throw new SecretManagerError('unavailable', 'WorkOS repeated a page cursor while listing objects; stopped to avoid a loop.');
      seen.add(next);
      after = next;
    }
    this.index = index;
    return index;
  }

  /** Finds the object behind a reference, listing again once when the last listing is stale. */
  private async withObject<T>(reference: SecretReference, operation: string, action: (object: IndexedObject) => Promise<T>): Promise<T> {
    const referenceText = formatReference(reference);
    const subject = `Secret ${referenceText}`;
    const sensitive = [this.parts.apiKey];
    let object = this.index?.get(referenceText);
    const fresh = object === undefined;
    if (fresh) object = (await this.refreshIndex()).get(referenceText);
    if (!object) throw this.missing(reference);
    try {
      return await action(object);
    } catch (error) {
      const mapped = mapWorkosError(error, { operation: `${operation} ${referenceText}`, subject, sensitive, origin: this.parts.endpoint.origin, timeoutMs: this.parts.timeoutMs });
      if (mapped.code !== 'not-found' || fresh) throw mapped;
      const again = (await this.refreshIndex()).get(referenceText);
      if (!again) throw this.missing(reference);
      try {
        return await action(again);
      } catch (retryError) {
        throw this.mapError(retryError, `${operation} ${referenceText}`, [], subject);
      }
    }
  }

  private missing(reference: SecretReference): SecretManagerError {
    const hasVault = [...(this.index?.keys() ?? [])].some((text) => text.startsWith(`${reference.vault}/`));
    return hasVault || this.emptyVaults.has(reference.vault)
      ? new NotFoundError(`Secret ${formatReference(reference)}`)
      : new NotFoundError(`Vault "${reference.vault}"`, reference.vault === DEFAULT_WORKOS_VAULT ? undefined : 'A WorkOS vault is the "vault/" prefix of object names.');
  }

  private async call<T>(workos: WorkOS, operation: string, sensitive: readonly string[], subject: string | undefined, action: (workos: WorkOS) => Promise<T>): Promise<T> {
    try {
      return await action(workos);
    } catch (error) {
      throw this.mapError(error, operation, sensitive, subject);
    }
  }

  private mapError(error: unknown, operation: string, sensitive: readonly string[], subject?: string): SecretManagerError {
    return mapWorkosError(error, {
      operation,
      subject,
      sensitive: [this.parts.apiKey, ...sensitive],
      origin: this.parts.endpoint.origin,
      timeoutMs: this.parts.timeoutMs,
    });
  }

  private metadataOf(reference: SecretReference, updatedAt: Date | string, versions: { current: number; firstCreatedAt?: string }): SecretMetadata {
    return { vault: reference.vault, name: reference.key, createdAt: versions.firstCreatedAt ?? '', updatedAt: isoOf(updatedAt), version: versions.current };
  }

  private async afterWrite(action: AuditAction, reference: SecretReference, value: string, version: number): Promise<void> {
    await this.parts.fingerprints?.record(reference, value);
    await this.audit({ action, vault: reference.vault, key: reference.key, version }).catch((error: unknown) => {
      this.parts.onWarning?.(`The audit record for ${formatReference(reference)} could not be written: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  private async audit(record: { action: AuditAction; vault: string; key?: string; version?: number; actor?: string }): Promise<void> {
    await ensurePrivateFolder(path.dirname(storeHomeFiles(this.parts.home).auditLog));
    await this.auditLog.append({ time: new Date().toISOString(), store: this.id, ...record, actor: record.actor ?? this.parts.actor });
  }

  private warnOnce(name: string, message: string): void {
    if (this.warnedNames.has(name)) return;
    this.warnedNames.add(name);
    this.parts.onWarning?.(message);
  }
}

interface NumberedVersion {
  readonly id: string;
  readonly createdAt: Date | string;
  readonly currentVersion: boolean;
  readonly number: number;
}

/** WorkOS versions are opaque ids; ours are their positions, oldest first, numbered from 1. */
function numberVersions(versions: readonly { id: string; createdAt: Date | string; currentVersion: boolean }[]): {
  versions: NumberedVersion[];
  current: number;
  currentId?: string;
  firstCreatedAt?: string;
} {
  const sorted = [...versions].sort((left, right) => isoOf(left.createdAt).localeCompare(isoOf(right.createdAt)));
  const numbered = sorted.map((version, position) => ({ ...version, number: position + 1 }));
  const current = numbered.find((version) => version.currentVersion) ?? numbered.at(-1);
  return { versions: numbered, current: current?.number ?? 1, currentId: current?.id, firstCreatedAt: numbered[0] ? isoOf(numbered[0].createdAt) : undefined };
}

/** Names follow the naming rule (lowercase ASCII), so code-unit order is their order, without ICU's cost. */
function byName(left: { name: string }, right: { name: string }): number {
  return left.name < right.name ? -1 : left.name > right.name ? 1 : 0;
}

function isoOf(time: Date | string | null | undefined): string {
  if (time instanceof Date) return Number.isNaN(time.getTime()) ? '' : time.toISOString();
  return time ?? '';
}
