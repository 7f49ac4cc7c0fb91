import * as vscode from 'vscode';
import { formatAuditRecord } from '../core/format';
import type { StoreRegistry } from './stores';

export const AUDIT_SCHEME = 'secret-manager-audit';

/** The audit log as a read-only virtual document, newest first. It holds no values: records have none. */
export class AuditDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly stores: StoreRegistry) {
    this.subscription = stores.onDidChange(({ connection }) => {
      for (const document of vscode.workspace.textDocuments) {
        if (document.uri.scheme === AUDIT_SCHEME && new URLSearchParams(document.uri.query).get('connection') === connection) {
          this.changed.fire(document.uri);
        }
      }
    });
  }

  /** Each call gives a new document: the log as of now (VS Code keeps an open virtual document's text). */
  uriFor(connection: string, vault?: string, key?: string, now: Date = new Date()): vscode.Uri {
    const query = new URLSearchParams({ connection, asOf: now.toISOString() });
    if (vault) query.set('vault', vault);
    if (key) query.set('key', key);
    const title = [vault, key].filter(Boolean).join('/') || connection;
    return vscode.Uri.from({ scheme: AUDIT_SCHEME, path: `/Audit log · ${title} · ${now.toLocaleTimeString()}`, query: query.toString() });
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const query = new URLSearchParams(uri.query);
    const store = await this.stores.open(query.get('connection') ?? 'local');
    const records = await store.readAudit({ vault: query.get('vault') ?? undefined, key: query.get('key') ?? undefined, limit: 1000 });
    const lines = [...records].sort((left, right) => right.time.localeCompare(left.time)).map(formatAuditRecord);
    return [`# Audit log of ${store.label}${query.get('vault') ? ` · ${[query.get('vault'), query.get('key')].filter(Boolean).join('/')}` : ''}`, '', ...lines, ''].join('\n');
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
