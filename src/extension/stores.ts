import { userInfo } from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { z } from 'zod';
import type { ConnectionInfo } from '../api/extension-api';
import type * as Library from '../api/index';
import { NotFoundError } from '../core/model';
import type { SecretStore } from '../core/store';
import type { Logger } from './logger';
import { userSetting, workspaceSetting } from './settings';

export const LOCAL_CONNECTION_ID = 'local';

const connectionSettingSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  kind: z.literal('tailor'),
  profile: z.string().min(1).optional(),
  workspaceId: z.string().min(1).optional(),
  label: z.string().min(1).optional(),
});
type ConnectionSetting = z.infer<typeof connectionSettingSchema>;

interface Connection extends ConnectionInfo {
  readonly setting?: ConnectionSetting;
}

interface OpenedStore {
  readonly store: Promise<SecretStore>;
  readonly watching: vscode.Disposable[];
}

/**
 * The connected stores: the local store plus one per `secretManager.connections` entry (user
 * settings only). Each opens on first use, so activation stays cheap.
 */
export class StoreRegistry implements vscode.Disposable {
  private readonly opened = new Map<string, OpenedStore>();
  private readonly changed = new vscode.EventEmitter<{ connection: string }>();
  readonly onDidChange = this.changed.event;
  /** Set by tests to use a scratch store folder instead of the user's. */
  localHome: string | undefined;

  constructor(private readonly logger: Logger) {}

  connections(): Connection[] {
    const local: Connection = { id: LOCAL_CONNECTION_ID, label: 'Local store', kind: 'local' };
    const configured = userSetting<unknown[]>('connections') ?? [];
    const connections = [local];
    for (const [index, entry] of configured.entries()) {
      const parsed = connectionSettingSchema.safeParse(entry);
      if (!parsed.success) {
        this.logger.warn(`Ignoring secretManager.connections[${index}]: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`);
        continue;
      }
      const setting = parsed.data;
      connections.push({
        id: `tailor:${setting.id}`,
        label: setting.label ?? `Tailor · ${setting.id}`,
        kind: 'tailor',
        setting,
      });
    }
    return connections;
  }

  connection(id: string): Connection {
    const found = this.connections().find((connection) => connection.id === id);
    if (!found) {
      throw new NotFoundError(`Connection "${id}"`, 'Add it to secretManager.connections in your user settings.');
    }
    return found;
  }

  /** The connection references resolve against: the workspace's choice among the user's connections. */
  defaultConnectionId(resource?: vscode.Uri): string {
    const chosen = workspaceSetting<string>('referenceConnection', resource) ?? LOCAL_CONNECTION_ID;
    return this.connections().some((connection) => connection.id === chosen) ? chosen : LOCAL_CONNECTION_ID;
  }

  open(id: string = LOCAL_CONNECTION_ID): Promise<SecretStore> {
    const existing = this.opened.get(id);
    if (existing) return existing.store;
    const connection = this.connection(id);
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

  /** Closes every open store; the next use opens them again (for example with new settings). */
  async reset(): Promise<void> {
    const opened = [...this.opened.values()];
    this.opened.clear();
    for (const { store, watching } of opened) {
      for (const disposable of watching) disposable.dispose();
      await store.then((open) => open.close()).catch(() => {});
    }
    this.changed.fire({ connection: LOCAL_CONNECTION_ID });
  }

  private async openConnection(connection: Connection): Promise<SecretStore> {
    const { openStore } = loadLibrary();
    if (connection.kind === 'local') {
      return openStore({
        kind: 'local',
        home: this.localHome,
        versionsToKeep: userSetting<number>('versionsToKeep'),
        actor: `vscode:${userName()}`,
      });
    }
    const setting = connection.setting!;
    return openStore({
      kind: 'tailor',
      id: connection.id,
      label: connection.label,
      profile: setting.profile,
      workspaceId: setting.workspaceId,
    });
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
