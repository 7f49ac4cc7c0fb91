import * as vscode from 'vscode';
import { describeSecret, describeVault, describeVersion, secretTooltipMarkdown } from '../../core/format';
import type { SecretReference } from '../../core/model';
import { matchesTreeFilter, normalizeTreeFilter } from '../../core/tree-filter';
import type { Logger } from '../logger';
import type { StoreRegistry } from '../stores';
import { contextValueOf, type ConnectionNode, type MessageNode, type SecretNode, type TreeNode, type VaultNode } from './nodes';

export type TreeState = 'loading' | 'ready' | 'empty' | 'error';

/** The vault tree: connections → vaults → secrets → versions, loaded lazily, metadata only. */
export class VaultTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private filterText: string | undefined;
  private refreshTimer: NodeJS.Timeout | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly stores: StoreRegistry,
    private readonly logger: Logger,
  ) {
    this.subscription = stores.onDidChange(() => this.refreshSoon());
  }

  get filter(): string | undefined {
    return this.filterText;
  }

  setFilter(text: string | undefined): void {
    this.filterText = normalizeTreeFilter(text);
    void vscode.commands.executeCommand('setContext', 'secretManager.filtered', this.filterText !== undefined);
    this.refresh();
  }

  refresh(): void {
    clearTimeout(this.refreshTimer);
    this.changed.fire(undefined);
  }

  /** Coalesces bursts of store change events into one refresh. */
  private refreshSoon(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => this.changed.fire(undefined), 100);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const expanded = this.filterText !== undefined ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    switch (node.kind) {
      case 'connection': {
        // Remote connections open when first expanded (or filtered), so a slow or failing one costs nothing until then.
        const item = new vscode.TreeItem(node.label, node.storeKind === 'local' ? vscode.TreeItemCollapsibleState.Expanded : expanded);
        item.id = `connection:${node.connection}`;
        item.description = node.references ? `${node.connection} · references` : node.connection;
        item.tooltip = node.references
          ? `${node.label} (${node.connection}): secret references in this workspace resolve here (secretManager.referenceConnection).`
          : `${node.label} (${node.connection})`;
        item.iconPath = new vscode.ThemeIcon(node.storeKind === 'local' ? 'database' : 'cloud');
        item.contextValue = contextValueOf(node);
        return item;
      }
      case 'vault': {
        const item = new vscode.TreeItem(node.vault.name, expanded);
        item.id = `vault:${node.connection}/${node.vault.name}`;
        item.description = describeVault(node.vault);
        item.tooltip = `Vault ${node.vault.name}`;
        item.iconPath = new vscode.ThemeIcon('lock');
        item.contextValue = contextValueOf(node);
        return item;
      }
      case 'secret': {
        const collapsible = node.capabilities.versions ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None;
        const item = new vscode.TreeItem(node.secret.name, collapsible);
        item.id = `secret:${node.connection}/${node.secret.vault}/${node.secret.name}`;
        item.description = describeSecret(node.secret);
        item.tooltip = new vscode.MarkdownString(secretTooltipMarkdown(node.secret, node.storeLabel));
        item.iconPath = new vscode.ThemeIcon('key');
        item.contextValue = contextValueOf(node);
        return item;
      }
      case 'version': {
        const item = new vscode.TreeItem(`v${node.version.version}`, vscode.TreeItemCollapsibleState.None);
        item.id = `version:${node.connection}/${node.reference.vault}/${node.reference.key}/${node.version.version}`;
        item.description = describeVersion(node.version);
        item.iconPath = new vscode.ThemeIcon(node.version.current ? 'pass-filled' : 'history');
        item.contextValue = contextValueOf(node);
        return item;
      }
      case 'message': {
        const item = new vscode.TreeItem(node.message, vscode.TreeItemCollapsibleState.None);
        item.tooltip = node.message;
        item.iconPath = new vscode.ThemeIcon(node.problem ? 'error' : 'warning');
        item.contextValue = contextValueOf(node);
        return item;
      }
    }
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.kind === 'connection' ? undefined : node.parent;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (!node) return this.rootChildren();
    switch (node.kind) {
      case 'connection':
        return this.vaultNodes(node.connection, node).catch((error) => [
          { ...this.failure(`Opening ${node.label}`, error, node), problem: 'connection', connection: node.connection },
        ]);
      case 'vault':
        return this.secretNodes(node).catch((error) => [this.failure('List secrets', error, node)]);
      case 'secret':
        return this.versionNodes(node).catch((error) => [this.failure('List versions', error, node)]);
      default:
        return [];
    }
  }

  /** Finds the node of a secret, for `TreeView.reveal`. */
  async findSecretNode(connection: string, reference: SecretReference): Promise<SecretNode | undefined> {
    const roots = await this.rootChildren();
    const vaults = roots.some((root) => root.kind === 'connection')
      ? await this.getChildren(roots.find((root) => root.kind === 'connection' && root.connection === connection))
      : roots;
    const vault = vaults.find((candidate) => candidate.kind === 'vault' && candidate.vault.name === reference.vault);
    if (!vault) return undefined;
    const secrets = await this.getChildren(vault);
    return secrets.find((candidate): candidate is SecretNode => candidate.kind === 'secret' && candidate.secret.name === reference.key);
  }

  private async rootChildren(): Promise<TreeNode[]> {
    const connections = this.stores.connections();
    const problems = this.stores.settingProblems();
    void vscode.commands.executeCommand('setContext', 'secretManager.multipleConnections', connections.length > 1);
    if (connections.length === 1 && problems.length === 0) {
      try {
        const vaults = await this.vaultNodes(connections[0].id, undefined);
        this.setState(vaults.length === 0 && this.filterText === undefined ? 'empty' : 'ready');
        return vaults;
      } catch (error) {
        this.logger.error(`Opening ${connections[0].label}`, error);
        this.setState('error');
        return [];
      }
    }
    this.setState('ready');
    const referenceConnection = this.stores.defaultConnectionId();
    const connectionNodes = connections.map<ConnectionNode>((connection) => ({
      kind: 'connection',
      connection: connection.id,
      label: connection.label,
      storeKind: connection.kind,
      references: connection.id === referenceConnection,
    }));
    const problemNodes = problems.map<MessageNode>((problem) => ({ kind: 'message', message: problem.message, problem: 'setting' }));
    return [...connectionNodes, ...problemNodes];
  }

  private async vaultNodes(connection: string, parent: ConnectionNode | undefined): Promise<TreeNode[]> {
    const store = await this.stores.open(connection);
    const vaults = await store.listVaults();
    const nodes: VaultNode[] = vaults.map((vault) => ({ kind: 'vault', connection, vault, parent }));
    if (this.filterText === undefined) return nodes;
    const kept: VaultNode[] = [];
    for (const node of nodes) {
      if (matchesTreeFilter(node.vault.name, this.filterText)) kept.push(node);
      else if ((await store.listSecrets(node.vault.name)).some((secret) => matchesTreeFilter(secret.name, this.filterText))) kept.push(node);
    }
    return kept;
  }

  private async secretNodes(vault: VaultNode): Promise<TreeNode[]> {
    const store = await this.stores.open(vault.connection);
    const secrets = await store.listSecrets(vault.vault.name);
    const showAll = matchesTreeFilter(vault.vault.name, this.filterText);
    return secrets
      .filter((secret) => showAll || matchesTreeFilter(secret.name, this.filterText))
      .map<SecretNode>((secret) => ({
        kind: 'secret',
        connection: vault.connection,
        storeLabel: store.label,
        secret,
        capabilities: store.capabilities,
        parent: vault,
      }));
  }

  private async versionNodes(secret: SecretNode): Promise<TreeNode[]> {
    if (!secret.capabilities.versions) return [];
    const store = await this.stores.open(secret.connection);
    const reference = { vault: secret.secret.vault, key: secret.secret.name };
    const versions = await store.listVersions(reference);
    return [...versions]
      .sort((left, right) => right.version - left.version)
      .map((version) => ({ kind: 'version', connection: secret.connection, reference, version, capabilities: secret.capabilities, parent: secret }));
  }

  private failure(what: string, error: unknown, parent: TreeNode): MessageNode {
    this.logger.error(what, error);
    return { kind: 'message', message: error instanceof Error ? error.message : String(error), parent };
  }

  private setState(state: TreeState): void {
    void vscode.commands.executeCommand('setContext', 'secretManager.treeState', state);
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    this.subscription.dispose();
    this.changed.dispose();
  }
}
