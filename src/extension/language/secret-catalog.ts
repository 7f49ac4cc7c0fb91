import * as vscode from 'vscode';
import type { SecretMetadata, VaultMetadata } from '../../core/model';
import { cachedPromise } from '../../core/promise-cache';
import { knownSecretsFrom, type KnownSecrets } from '../../core/references/check-references';
import type { FingerprintMatcher } from '../../core/store';
import type { StoreRegistry } from '../stores';
import type { LanguageLogger } from './language-context';

/** What the connected store holds, as metadata: names, versions, times. Never a value. */
export interface CatalogSnapshot {
  readonly connection: string;
  readonly storeLabel: string;
  readonly vaults: readonly VaultMetadata[];
  readonly secretsByVault: ReadonlyMap<string, readonly SecretMetadata[]>;
  readonly known: KnownSecrets;
}

/**
 * The vaults and secrets of the connection references resolve against, read once and kept until the
 * store changes, so completion, hover and checks do not list the store on every keystroke.
 */
export class SecretCatalog implements vscode.Disposable {
  private readonly snapshots = new Map<string, Promise<CatalogSnapshot>>();
  private readonly matchers = new Map<string, Promise<FingerprintMatcher | undefined>>();
  private readonly changed = new vscode.EventEmitter<{ connection: string }>();
  readonly onDidChange = this.changed.event;
  private subscription: vscode.Disposable | undefined;

  constructor(
    private readonly loadStores: () => StoreRegistry,
    private readonly logger: LanguageLogger,
  ) {}

  /** The store registry, loaded on first use; from then on its changes empty the cache. */
  private get stores(): StoreRegistry {
    const stores = this.loadStores();
    this.subscription ??= stores.onDidChange(({ connection }) => {
      this.snapshots.delete(connection);
      this.matchers.delete(connection);
      this.changed.fire({ connection });
    });
    return stores;
  }

  connectionFor(resource?: vscode.Uri): string {
    return this.stores.defaultConnectionId(resource);
  }

  snapshot(resource?: vscode.Uri): Promise<CatalogSnapshot> {
    const connection = this.connectionFor(resource);
    return cachedPromise(this.snapshots, connection, () => this.load(connection));
  }

  /** Matches literals against the stored values' fingerprints; undefined when the store cannot. */
  fingerprintMatcher(resource?: vscode.Uri): Promise<FingerprintMatcher | undefined> {
    const connection = this.connectionFor(resource);
    let matcher = this.matchers.get(connection);
    if (!matcher) {
      matcher = this.stores
        .open(connection)
        .then((store) => store.fingerprintMatcher())
        .catch((error: unknown) => {
          this.logger.error('Loading the fingerprints of stored secrets', error);
          return undefined;
        });
      this.matchers.set(connection, matcher);
    }
    return matcher;
  }

  private async load(connection: string): Promise<CatalogSnapshot> {
    const store = await this.stores.open(connection);
    const vaults = await store.listVaults();
    const listed = await Promise.all(vaults.map(async (vault) => [vault.name, await store.listSecrets(vault.name)] as const));
    const secretsByVault = new Map(listed);
    return {
      connection,
      storeLabel: store.label,
      vaults,
      secretsByVault,
      known: knownSecretsFrom(listed.map(([vault, secrets]) => [vault, secrets.map((secret) => secret.name)] as const)),
    };
  }

  dispose(): void {
    this.subscription?.dispose();
    this.changed.dispose();
  }
}
