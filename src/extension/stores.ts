import { userInfo } from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import type { ConnectionInfo } from '../api/extension-api';
import type * as Library from '../api/index';
import {
  LOCAL_CONNECTION_ID,
  readConnectionSettings,
  referenceConnectionId,
  unknownConnectionHint,
  type ConnectionSettingProblem,
} from '../core/connection-list';
import { connectionLabel, connectionStoreId, type ConnectionSetting } from '../core/connection-settings';
import { NotFoundError } from '../core/model';
import { folderHoldingStoreHome } from '../core/paths';
import type { SecretStore } from '../core/store';
import { workosKeychainEntry } from '../core/workos/credentials';
import type { Logger } from './logger';
import { userSetting, workspaceSetting } from './settings';

export { LOCAL_CONNECTION_ID };

export interface Connection extends ConnectionInfo {
  readonly setting?: ConnectionSetting;
}

interface OpenedStore {
  readonly store: Promise<SecretStore>;
  readonly watching: vscode.Disposable[];
}

const SETTINGS_HINT = 'Add it to secretManager.connections in your user settings (Secret Manager: Open Connection Settings).';

/**
 * The connected stores: the local store plus one per `secretManager.connections` entry. That setting
 * is read from user (machine) settings only, never from the workspace, so a repository cannot point
 * your login at a server of its choosing. Each store opens on first use, so activation stays cheap.
 */
export class StoreRegistry implements vscode.Disposable {
  private readonly opened = new Map<string, OpenedStore>();
  private readonly changed = new vscode.EventEmitter<{ connection: string }>();
  readonly onDidChange = this.changed.event;
  /** Where a WorkOS API key set while the OS had no keychain is kept (VS Code's SecretStorage). */
  workosKeyFallback: () => Promise<string | null> = async () => null;
  /** Set by tests to use a scratch store folder instead of the user's. */
  localHome: string | undefined;

  /** Store homes already warned about this session (a store inside a workspace folder). */
  private readonly warnedHomes = new Set<string>();

  /** @param warn Shows a warning to the user (a notification). */
  constructor(
    private readonly logger: Logger,
    private readonly warn: (message: string) => void = () => undefined,
  ) {}

  connections(): Connection[] {
    const local: Connection = { id: LOCAL_CONNECTION_ID, label: 'Local store', kind: 'local' };
    const { settings } = readConnectionSettings(userSetting<unknown>('connections'));
    return [
      local,
      ...settings.map<Connection>((setting) => ({
        id: connectionStoreId(setting),
        label: connectionLabel(setting),
        kind: setting.kind,
        setting,
      })),
    ];
  }

  /** The entries of `secretManager.connections` that cannot be used, each with what is wrong. */
  settingProblems(): ConnectionSettingProblem[] {
    return readConnectionSettings(userSetting<unknown>('connections')).problems;
  }

  connection(id: string): Connection {
    const connections = this.connections();
    const found = connections.find((connection) => connection.id === id);
    if (!found) {
      throw new NotFoundError(
        `Connection "${id.slice(0, 100)}"`,
        `${unknownConnectionHint(id, connections.map((connection) => connection.id))} ${SETTINGS_HINT}`,
      );
    }
    return found;
  }

  /**
   * The connection references resolve against in `resource`'s folder: `secretManager.referenceConnection`
   * ("local" or "tailor:<id>"). An id that names no configured connection stays as it is, so opening it
   * fails with a message that says so instead of silently using another store.
   */
  defaultConnectionId(resource?: vscode.Uri): string {
    return referenceConnectionId(workspaceSetting<string>('referenceConnection', resource));
  }

  /** The store completion, reference checks and hover use for `resource`. */
  referenceStore(resource?: vscode.Uri): Promise<SecretStore> {
    return this.open(this.defaultConnectionId(resource));
  }

  open(id: string = LOCAL_CONNECTION_ID): Promise<SecretStore> {
    const existing = this.opened.get(id);
    if (existing) return existing.store;
    let connection: Connection;
    try {
      connection = this.connection(id);
    } catch (error) {
      return Promise.reject(error);
    }
    const watching: vscode.Disposable[] = [];
    const store = this.openConnection(connection).then((opened) => {
      this.logger.info(`Opened ${opened.label}.`);
      watching.push(opened.watch(() => this.changed.fire({ connection: id })));
      return opened;
    });
    this.opened.set(id, { store, watching });
    // A failed open is retried on next use rather than cached.
    store.catch(() => {
      if (this.opened.get(id)?.store === store) this.opened.delete(id);
    });
    return store;
  }

  /** Tells listeners a store changed (after writes made here, which a store need not report itself). */
  fireChanged(connection: string): void {
    this.changed.fire({ connection });
  }

  /** Closes one connection's store, so its next use opens it again (Retry, after a new login). */
  async forget(id: string): Promise<void> {
    const opened = this.opened.get(id);
    this.opened.delete(id);
    if (opened) await this.close(opened);
    this.changed.fire({ connection: id });
  }

  /**
   * Announces a change on every open connection whose store cannot report changes itself (Tailor:
   * the platform pushes nothing), so whatever shows them loads them again. Returns how many.
   */
  reloadConnectionsWithoutPush(): number {
    let count = 0;
    for (const connection of this.connections()) {
      if (connection.kind === 'local' || !this.opened.has(connection.id)) continue;
      this.changed.fire({ connection: connection.id });
      count += 1;
    }
    return count;
  }

  /** Closes every open store; the next use opens them again (for example with new settings). */
  async reset(): Promise<void> {
    const opened = [...this.opened.entries()];
    this.opened.clear();
    for (const [, entry] of opened) await this.close(entry);
    for (const id of new Set([LOCAL_CONNECTION_ID, ...opened.map(([id]) => id)])) this.changed.fire({ connection: id });
  }

  private async close({ store, watching }: OpenedStore): Promise<void> {
    for (const disposable of watching) disposable.dispose();
    await store.then((open) => open.close()).catch(() => {});
  }

  private async openConnection(connection: Connection): Promise<SecretStore> {
    const library = loadLibrary();
    if (connection.kind === 'local') {
      const client = await library.openStore({
        kind: 'local',
        home: this.localHome,
        versionsToKeep: userSetting<number>('versionsToKeep'),
        actor: `vscode:${userName()}`,
        onWarning: (message) => this.logger.warn(`${connection.label}: ${message}`),
      });
      if (client.home) this.warnWhenInsideWorkspace(client.home);
      return client;
    }
    // The login (token or API key, endpoint) is read from the environment, the tailor-sdk config or the keychain now, at open time.
    return library.openConnection(connection.setting!, process.env, {
      storeHome: this.localHome,
      actor: `vscode:${userName()}`,
      readKeychain: async () => (await workosKeychainEntry().read().catch(() => null)) ?? (await this.workosKeyFallback()),
      onWarning: (message) => this.logger.warn(`${connection.label}: ${message}`),
    });
  }

  /** The store's files belong in a per-user folder: inside a workspace they can be committed or synced. */
  private warnWhenInsideWorkspace(home: string): void {
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file').map((folder) => folder.uri.fsPath);
    const holder = folderHoldingStoreHome(home, folders);
    if (holder === undefined || this.warnedHomes.has(home)) return;
    this.warnedHomes.add(home);
    const message =
      `The local store is inside the workspace folder "${path.basename(holder)}" (${home}), so its encrypted files can be committed or synced with the code. ` +
      'Set SECRET_MANAGER_HOME to a folder outside every workspace (the default is ~/.config/secret-manager), or add the folder to .gitignore.';
    this.logger.warn(message);
    this.warn(message);
  }

  dispose(): void {
    void this.reset();
    this.changed.dispose();
  }
}

function userName(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}

/**
 * The stores (crypto, keychain, Tailor client) come from the library bundle, loaded on first
 * use, so activation never parses them. esbuild leaves this non-literal require alone.
 */
function loadLibrary(): typeof Library {
  return require(path.join(__dirname, 'library.js')) as typeof Library;
}
