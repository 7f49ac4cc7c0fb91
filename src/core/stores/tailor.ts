import {
  createSecretInputSchema,
  InvalidInputError,
  parseInput,
  SecretManagerError,
  secretReferenceSchema,
  UnsupportedError,
  updateSecretInputSchema,
  vaultNameSchema,
  VaultNotEmptyError,
  formatReference,
  type AuditRecord,
  type CreateSecretInput,
  type SecretMetadata,
  type SecretReference,
  type SecretVersion,
  type UpdateSecretInput,
  type VaultMetadata,
} from '../model';
import type { Disposable, FingerprintLedger, FingerprintMatcher, SecretStore, StoreCapabilities } from '../store';
import { connectionLedger, matcherOfLedger } from './lazy-fingerprint-ledger';
import type { KeychainMode } from '../keys';
import { TailorClient } from '../tailor/client';
import { assertWorkspaceId, resolveTailorBaseUrl, resolveTailorLogin } from '../tailor/credentials';
import { connectCodeOf } from '../tailor/errors';
import type { TailorKeyringReader } from '../tailor/keyring';
import {
  emptyReplySchema,
  secretPageSchema,
  secretReplySchema,
  vaultPageSchema,
  vaultReplySchema,
  type PageDirection,
  type TailorResource,
} from '../tailor/protocol';

/** Connect codes that say something other than "the platform refused this delete". */
const NOT_A_REFUSAL: ReadonlySet<string> = new Set(['not_found', 'unauthenticated', 'unavailable', 'deadline_exceeded', 'resource_exhausted']);

export interface TailorStoreOptions {
  /** Connection id, such as "tailor:staging". */
  readonly id?: string;
  readonly label?: string;
  /** --profile; else TAILOR_PLATFORM_PROFILE. */
  readonly profile?: string;
  /** --workspace-id; else TAILOR_PLATFORM_WORKSPACE_ID, else the profile's workspace. */
  readonly workspaceId?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Wins over TAILOR_PLATFORM_URL and PLATFORM_URL. */
  readonly baseUrl?: string;
  /** An access token to use instead of the tailor-sdk login. */
  readonly token?: string;
  readonly fetch?: typeof fetch;
  /** Per call. Defaults to 15 s. */
  readonly timeoutMs?: number;
  /** Extra attempts for Get and List calls when the platform is unavailable. Defaults to 3. */
  readonly retries?: number;
  readonly retryDelayMs?: number;
  /** How many items each List call asks for. Defaults to 100. */
  readonly pageSize?: number;
  /**
   * Where keyed fingerprints of the values written through this store are kept, for leak matching.
   * Defaults to the ledger in the local store home (opened on first use); `false` turns leak matching off.
   */
  readonly fingerprints?: FingerprintLedger | false;
  /** The local store home that holds the default ledger; defaults to $SECRET_MANAGER_HOME and so on. */
  readonly storeHome?: string;
  /** Whether the default ledger's home may use the OS keychain for its key; "off" uses the passphrase only. */
  readonly keychain?: KeychainMode;
  /** Told about things that work less well than they could, such as leak matching being off. Never given a value. */
  readonly onWarning?: (message: string) => void;
  /** The user's home folder, used to find the tailor-sdk config file. */
  readonly userHome?: string;
  readonly readKeyring?: TailorKeyringReader;
  readonly now?: () => number;
}

const CAPABILITIES: StoreCapabilities = { reveal: false, versions: false, rollback: false, metadata: false, audit: false };
const NO_VALUES = 'the platform does not return values: Tailor Platform never sends a secret value back (only your deployed functions read it, at run time).';
const NO_VERSIONS = 'Tailor Platform keeps no earlier versions of a secret; an update replaces the value.';

/** Connects to Tailor Platform's Secret Manager, reusing the tailor-sdk CLI's login. */
export async function openTailorStore(options: TailorStoreOptions): Promise<SecretStore> {
  const env = options.env ?? process.env;
  let baseUrl: string;
  let token: string;
  let workspaceId: string;
  let profile = options.profile || env.TAILOR_PLATFORM_PROFILE || undefined;
  if (options.token) {
    baseUrl = resolveTailorBaseUrl(env, options.baseUrl);
    token = options.token;
    const given = options.workspaceId ?? env.TAILOR_PLATFORM_WORKSPACE_ID;
    if (!given) throw new InvalidInputError('A workspace id is required with an explicit token.');
    workspaceId = assertWorkspaceId(given, options.workspaceId ? 'the workspaceId option' : 'TAILOR_PLATFORM_WORKSPACE_ID');
  } else {
    const login = await resolveTailorLogin({
      env,
      profile: options.profile,
      workspaceId: options.workspaceId,
      baseUrl: options.baseUrl,
      home: options.userHome,
      now: options.now,
      readKeyring: options.readKeyring,
    });
    for (const warning of login.warnings) options.onWarning?.(warning);
    ({ baseUrl, token, workspaceId } = login);
    profile = login.profile;
  }
  const client = new TailorClient({
    baseUrl,
    token,
    fetch: options.fetch,
    timeoutMs: options.timeoutMs,
    retries: options.retries,
    retryDelayMs: options.retryDelayMs,
  });
  const id = options.id ?? `tailor:${profile ?? workspaceId}`;
  const fingerprints = connectionLedger({
    fingerprints: options.fingerprints,
    connectionId: id,
    env,
    home: options.storeHome,
    keychain: options.keychain,
    onWarning: options.onWarning,
    storeKind: 'Tailor',
  });
  return new TailorStore({
    id,
    label: options.label ?? `Tailor · ${profile ?? workspaceId.slice(0, 8)}`,
    client,
    workspaceId,
    pageSize: options.pageSize ?? 100,
    fingerprints,
  });
}

interface TailorStoreParts {
  readonly id: string;
  readonly label: string;
  readonly client: TailorClient;
  readonly workspaceId: string;
  readonly pageSize: number;
  readonly fingerprints?: FingerprintLedger;
}

class TailorStore implements SecretStore {
  readonly kind = 'tailor' as const;
  readonly capabilities = CAPABILITIES;
  readonly id: string;
  readonly label: string;
  private readonly client: TailorClient;
  private readonly workspaceId: string;
  private readonly pageSize: number;
  private readonly fingerprints?: FingerprintLedger;

  constructor(parts: TailorStoreParts) {
    this.id = parts.id;
    this.label = parts.label;
    this.client = parts.client;
    this.workspaceId = parts.workspaceId;
    this.pageSize = parts.pageSize;
    this.fingerprints = parts.fingerprints;
  }

  async listVaults(): Promise<VaultMetadata[]> {
    const vaults = await this.collectPages(async (pageToken) => {
      const page = await this.client.call(
        'ListSecretManagerVaults',
        { workspaceId: this.workspaceId, ...this.pageRequest(pageToken) },
        vaultPageSchema,
      );
      return { items: page.vaults, nextPageToken: page.nextPageToken };
    });
    return vaults.map(toVaultMetadata);
  }

  async createVault(name: string): Promise<VaultMetadata> {
    const vault = parseInput(vaultNameSchema, name);
    const reply = await this.client.call(
      'CreateSecretManagerVault',
      { workspaceId: this.workspaceId, secretmanagerVaultName: vault },
      vaultReplySchema,
      { subject: `Vault "${vault}"` },
    );
    return toVaultMetadata(reply.vault);
  }

  async deleteVault(name: string): Promise<void> {
    const vault = parseInput(vaultNameSchema, name);
    const held = await this.listSecrets(vault);
    if (held.length > 0) throw new VaultNotEmptyError(vault, held.length);
    try {
      await this.client.call(
        'DeleteSecretManagerVault',
        { workspaceId: this.workspaceId, secretmanagerVaultName: vault },
        emptyReplySchema,
        { subject: `Vault "${vault}"` },
      );
    } catch (error) {
      // Someone added a secret between our check and the delete, and the platform refused. Its code for
      // that is not documented, so any refusal is explained by what the vault holds now.
      const code = connectCodeOf(error);
      if (code !== undefined && !NOT_A_REFUSAL.has(code)) {
        const count = (await this.listSecrets(vault).catch(() => [])).length;
        if (count > 0) throw new VaultNotEmptyError(vault, count);
      }
      throw error;
    }
  }

  async listSecrets(vaultName: string): Promise<SecretMetadata[]> {
    const vault = parseInput(vaultNameSchema, vaultName);
    const secrets = await this.collectPages(async (pageToken) => {
      const page = await this.client.call(
        'ListSecretManagerSecrets',
        { workspaceId: this.workspaceId, secretmanagerVaultName: vault, ...this.pageRequest(pageToken) },
        secretPageSchema,
        { subject: `Vault "${vault}"` },
      );
      return { items: page.secrets, nextPageToken: page.nextPageToken };
    });
    return secrets.map((secret) => toSecretMetadata(vault, secret));
  }

  async describeSecret(reference: SecretReference): Promise<SecretMetadata> {
    const { vault, key } = parseInput(secretReferenceSchema, reference);
    const reply = await this.client.call(
      'GetSecretManagerSecret',
      { workspaceId: this.workspaceId, secretmanagerVaultName: vault, secretmanagerSecretName: key },
      secretReplySchema,
      { subject: `Secret ${vault}/${key}` },
    );
    return toSecretMetadata(vault, reply.secret);
  }

  async createSecret(input: CreateSecretInput): Promise<SecretMetadata> {
    const { vault, key, value, description, labels } = parseInput(createSecretInputSchema, input);
    if (description !== undefined || (labels && Object.keys(labels).length > 0)) {
      throw new UnsupportedError('keep a description or labels', this.label, 'Tailor Platform stores only the name and the value.');
    }
    // A not-found here means the vault; an already-exists means the secret.
    return this.writeSecret('CreateSecretManagerSecret', vault, key, value);
  }

  async updateSecret(input: UpdateSecretInput): Promise<SecretMetadata> {
    const { vault, key, value, expectedVersion, description } = parseInput(updateSecretInputSchema, input);
    if (expectedVersion !== undefined) {
      throw new UnsupportedError('check an expected version', this.label, NO_VERSIONS);
    }
    if (description !== undefined) {
      throw new UnsupportedError('keep a description', this.label, 'Tailor Platform stores only the name and the value.');
    }
    return this.writeSecret('UpdateSecretManagerSecret', vault, key, value);
  }

  /** Sends a value (never logged: it is marked sensitive) and keeps its fingerprint for leak matching. */
  private async writeSecret(
    method: 'CreateSecretManagerSecret' | 'UpdateSecretManagerSecret',
    vault: string,
    key: string,
    value: string,
  ): Promise<SecretMetadata> {
    const reply = await this.client.call(
      method,
      { workspaceId: this.workspaceId, secretmanagerVaultName: vault, secretmanagerSecretName: key, secretmanagerSecretValue: value },
      secretReplySchema,
      { subject: `Secret ${vault}/${key}`, sensitive: [value] },
    );
    await this.fingerprints?.record({ vault, key }, value);
    return toSecretMetadata(vault, reply.secret);
  }

  async revealSecret(reference: SecretReference): Promise<string> {
    const checked = parseInput(secretReferenceSchema, reference);
    throw new UnsupportedError(`reveal the value of ${formatReference(checked)}`, this.label, NO_VALUES);
  }

  async listVersions(reference: SecretReference): Promise<SecretVersion[]> {
    const checked = parseInput(secretReferenceSchema, reference);
    throw new UnsupportedError(`list versions of ${formatReference(checked)}`, this.label, NO_VERSIONS);
  }

  async rollbackSecret(reference: SecretReference): Promise<SecretMetadata> {
    const checked = parseInput(secretReferenceSchema, reference);
    throw new UnsupportedError(`roll back ${formatReference(checked)}`, this.label, `${NO_VERSIONS} Update it with the old value instead.`);
  }

  async deleteSecret(reference: SecretReference): Promise<void> {
    const { vault, key } = parseInput(secretReferenceSchema, reference);
    await this.client.call(
      'DeleteSecretManagerSecret',
      { workspaceId: this.workspaceId, secretmanagerVaultName: vault, secretmanagerSecretName: key },
      emptyReplySchema,
      { subject: `Secret ${vault}/${key}` },
    );
    await this.fingerprints?.forget({ vault, key });
  }

  /** The platform has no audit API, and this store keeps no local one (capabilities.audit is false). */
  async readAudit(): Promise<AuditRecord[]> {
    return [];
  }

  async fingerprintMatcher(): Promise<FingerprintMatcher> {
    return matcherOfLedger(this.fingerprints);
  }

  /** The platform pushes no changes, so there is nothing to listen to. */
  watch(_listener: () => void): Disposable {
    return { dispose() {} };
  }

  async close(): Promise<void> {}

  private pageRequest(pageToken: string): Record<string, unknown> {
    const request: Record<string, unknown> = {
      pageSize: this.pageSize,
      pageDirection: 'PAGE_DIRECTION_ASC' satisfies PageDirection,
    };
    if (pageToken) request.pageToken = pageToken;
    return request;
  }

  private async collectPages(
    fetchPage: (pageToken: string) => Promise<{ items: TailorResource[]; nextPageToken: string }>,
  ): Promise<TailorResource[]> {
    const items: TailorResource[] = [];
    const seenTokens = new Set<string>();
    let pageToken = '';
    for (;;) {
      const page = await fetchPage(pageToken);
      items.push(...page.items);
      if (!page.nextPageToken) return items;
      if (seenTokens.has(page.nextPageToken)) {
        throw new SecretManagerError('unavailable', 'Tailor Platform repeated a page token while listing; stopped to avoid a loop.');
      }
      seenTokens.add(page.nextPageToken);
      pageToken = page.nextPageToken;
    }
  }
}

function toVaultMetadata(vault: TailorResource): VaultMetadata {
  return { name: vault.name, createdAt: vault.createTime ?? '', updatedAt: vault.updateTime ?? vault.createTime ?? '' };
}

function toSecretMetadata(vault: string, secret: TailorResource): SecretMetadata {
  return {
    vault,
    name: secret.name,
    createdAt: secret.createTime ?? '',
    updatedAt: secret.updateTime ?? secret.createTime ?? '',
  };
}
