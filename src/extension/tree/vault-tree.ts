import * as vscode from 'vscode';
import type { SecretReference } from '../../core/model';
import { normalizeTreeFilter } from '../../core/tree-filter';
import type { Logger } from '../logger';
import type { StoreRegistry } from '../stores';
import { mergeChildren } from './merge-children';
import { appearanceOf, nodeKey, rowsWithStaleTimes, type Collapsible } from './node-appearance';
import { markIssued, type SecretNode, type TreeNode } from './nodes';
import { TreeLoader } from './tree-loader';

const COLLAPSIBLE_STATES: Record<Collapsible, vscode.TreeItemCollapsibleState> = {
  none: vscode.TreeItemCollapsibleState.None,
  collapsed: vscode.TreeItemCollapsibleState.Collapsed,
  expanded: vscode.TreeItemCollapsibleState.Expanded,
};

const ROOT_KEY = '';

interface ShownChildren {
  readonly parent: TreeNode | undefined;
  readonly children: TreeNode[];
  /** The time their relative times ("5 minutes ago") were written for. */
  renderedAt: Date;
}

/** How often "5 minutes ago" is brought up to date, without asking any store. */
const RELATIVE_TIME_REFRESH_MS = 60_000;

/**
 * The vault tree: connections → vaults → secrets → versions, loaded lazily, metadata only.
 * A store change refreshes only the rows that changed: refreshing an element makes VS Code forget
 * the nodes below it until it fetches them again, and a context-menu command chosen on a forgotten
 * row would get no node (and ask for a vault instead).
 */
export class VaultTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | TreeNode[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private filterText: string | undefined;
  /** The children last handed out, by their parent's key (ROOT_KEY for the top level). */
  private readonly shown = new Map<string, ShownChildren>();
  private readonly changedConnections = new Set<string>();
  private reloadTimer: NodeJS.Timeout | undefined;
  private reloading: Promise<void> = Promise.resolve();
  private readonly subscription: vscode.Disposable;
  private readonly loader: TreeLoader;
  private readonly relativeTimeTimer: NodeJS.Timeout;

  constructor(
    stores: StoreRegistry,
    private readonly logger: Logger,
  ) {
    this.loader = new TreeLoader(stores, logger);
    this.subscription = stores.onDidChange(({ connection }) => this.reloadSoon(connection));
    this.relativeTimeTimer = setInterval(() => this.refreshRelativeTimes(), RELATIVE_TIME_REFRESH_MS);
    this.relativeTimeTimer.unref?.();
  }

  /** Redraws the rows whose relative times read differently now, so the tree never says "just now" for an hour. */
  refreshRelativeTimes(now: Date = new Date()): void {
    const filtered = this.filterText !== undefined;
    const stale: TreeNode[] = [];
    for (const record of this.shown.values()) {
      stale.push(...rowsWithStaleTimes(record.children, filtered, record.renderedAt, now));
      record.renderedAt = now;
    }
    if (stale.length === 0) return;
    for (const row of stale) this.forgetBelow(row, true);
    this.changed.fire(stale);
  }

  get filter(): string | undefined {
    return this.filterText;
  }

  setFilter(text: string | undefined): void {
    this.filterText = normalizeTreeFilter(text);
    void vscode.commands.executeCommand('setContext', 'secretManager.filtered', this.filterText !== undefined);
    this.refresh();
  }

  /** Reloads the whole tree (the Refresh button, a new filter, other connections). */
  refresh(): void {
    clearTimeout(this.reloadTimer);
    this.changedConnections.clear();
    this.shown.clear();
    this.changed.fire(undefined);
  }

  /** Coalesces bursts of store change events (a write, then the file watcher) into one reload. */
  private reloadSoon(connection: string): void {
    this.changedConnections.add(connection);
    clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => {
      const connections = new Set(this.changedConnections);
      this.changedConnections.clear();
      this.reloading = this.reloading.then(() => this.reload(connections)).catch((error) => this.logger.error('Refresh the vault tree', error));
    }, 100);
  }

  /** Loads again, top down, the children shown for these connections; getChildren refreshes what changed. */
  private async reload(connections: ReadonlySet<string>): Promise<void> {
    const affected = [...this.shown.values()]
      .filter(({ parent }) => parent === undefined || (parent.kind !== 'message' && connections.has(parent.connection)))
      .sort((left, right) => this.depthOf(left.parent) - this.depthOf(right.parent));
    for (const record of affected) {
      // Skipped when forgotten meanwhile: VS Code fetches those children again by itself.
      if (this.shown.get(record.parent ? nodeKey(record.parent) : ROOT_KEY) === record) await this.getChildren(record.parent);
    }
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const appearance = appearanceOf(node, this.filterText !== undefined);
    const item = new vscode.TreeItem(appearance.label, COLLAPSIBLE_STATES[appearance.collapsible]);
    item.id = appearance.id;
    item.description = appearance.description;
    item.tooltip = appearance.tooltipIsMarkdown && appearance.tooltip !== undefined ? new vscode.MarkdownString(appearance.tooltip) : appearance.tooltip;
    item.iconPath = new vscode.ThemeIcon(appearance.icon);
    item.contextValue = appearance.contextValue;
    return item;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.kind === 'connection' ? undefined : node.parent;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    const fresh = await this.loader.children(node, this.filterText);
    const key = node ? nodeKey(node) : ROOT_KEY;
    const filtered = this.filterText !== undefined;
    const now = new Date();
    const appearance = (child: TreeNode) => JSON.stringify(appearanceOf(child, filtered, now));
    const merged = mergeChildren(this.shown.get(key)?.children, fresh, nodeKey, appearance);
    this.shown.set(key, { parent: node, children: merged.children, renderedAt: now });
    markIssued(merged.children);
    if (merged.listChanged) {
      this.forgetBelow(node, false);
      this.changed.fire(node);
    } else if (merged.changedRows.length > 0) {
      for (const row of merged.changedRows) this.forgetBelow(row, true);
      this.changed.fire(merged.changedRows);
    }
    return merged.children;
  }

  /** Drops what was shown below `node` (and its own children, with `itself`): VS Code fetches them again. */
  private forgetBelow(node: TreeNode | undefined, itself: boolean): void {
    const key = node ? nodeKey(node) : ROOT_KEY;
    for (const [recordKey, { parent }] of this.shown) {
      if (recordKey === key ? itself : this.ancestorKeys(parent).includes(key)) this.shown.delete(recordKey);
    }
  }

  private ancestorKeys(node: TreeNode | undefined): string[] {
    const keys = [];
    for (let ancestor = node && this.getParent(node); ancestor; ancestor = this.getParent(ancestor)) keys.push(nodeKey(ancestor));
    return node ? [...keys, ROOT_KEY] : keys;
  }

  private depthOf(node: TreeNode | undefined): number {
    return node ? this.ancestorKeys(node).length : 0;
  }

  /** Finds the node of a secret, for `TreeView.reveal`. */
  async findSecretNode(connection: string, reference: SecretReference): Promise<SecretNode | undefined> {
    const roots = await this.getChildren();
    const vaults = roots.some((root) => root.kind === 'connection')
      ? await this.getChildren(roots.find((root) => root.kind === 'connection' && root.connection === connection))
      : roots;
    const vault = vaults.find((candidate) => candidate.kind === 'vault' && candidate.vault.name === reference.vault);
    if (!vault) return undefined;
    const secrets = await this.getChildren(vault);
    return secrets.find((candidate): candidate is SecretNode => candidate.kind === 'secret' && candidate.secret.name === reference.key);
  }

  dispose(): void {
    clearTimeout(this.reloadTimer);
    clearInterval(this.relativeTimeTimer);
    this.subscription.dispose();
    this.changed.dispose();
  }
}
