import * as vscode from 'vscode';
import { matchesTreeFilter } from '../../core/tree-filter';
import type { Logger } from '../logger';
import type { StoreRegistry } from '../stores';
import { rotationPolicyDays } from './rotation-policy';
import type { ConnectionNode, MessageNode, SecretNode, TreeNode, VaultNode } from './nodes';

export type TreeState = 'loading' | 'ready' | 'empty' | 'error';

/** Loads the vault tree's rows from the connected stores: metadata only, narrowed by the filter. */
export class TreeLoader {
  constructor(
    private readonly stores: StoreRegistry,
    private readonly logger: Logger,
  ) {}

  /** The children of `node` (the top level when undefined), freshly loaded; a failure becomes a message row. */
  children(node: TreeNode | undefined, filter: string | undefined): Promise<TreeNode[]> {
    if (!node) return this.rootChildren(filter);
    switch (node.kind) {
      case 'connection':
        return this.vaultNodes(node.connection, node, filter).catch((error) => [
          { ...this.failure(`Opening ${node.label}`, error, node), problem: 'connection', connection: node.connection },
        ]);
      case 'vault':
        return this.secretNodes(node, filter).catch((error) => [this.failure('List secrets', error, node)]);
      case 'secret':
        return this.versionNodes(node).catch((error) => [this.failure('List versions', error, node)]);
      default:
        return Promise.resolve([]);
    }
  }

  private async rootChildren(filter: string | undefined): Promise<TreeNode[]> {
    const connections = this.stores.connections();
    const problems = this.stores.settingProblems();
    void vscode.commands.executeCommand('setContext', 'secretManager.multipleConnections', connections.length > 1);
    if (connections.length === 1 && problems.length === 0) {
      try {
        const vaults = await this.vaultNodes(connections[0].id, undefined, filter);
        this.setState(vaults.length === 0 && filter === undefined ? 'empty' : 'ready');
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

  private async vaultNodes(connection: string, parent: ConnectionNode | undefined, filter: string | undefined): Promise<TreeNode[]> {
    const store = await this.stores.open(connection);
    const vaults = await store.listVaults();
    const policyDays = rotationPolicyDays();
    const nodes: VaultNode[] = [];
    for (const vault of vaults) {
      // With a rotation policy the row counts its overdue secrets, so it needs their update times.
      const secretUpdateTimes = policyDays === undefined ? undefined : (await store.listSecrets(vault.name)).map((secret) => secret.updatedAt);
      nodes.push({ kind: 'vault', connection, vault, parent, ...(policyDays === undefined ? {} : { rotationPolicyDays: policyDays, secretUpdateTimes }) });
    }
    if (filter === undefined) return nodes;
    const kept: VaultNode[] = [];
    for (const node of nodes) {
      if (matchesTreeFilter(node.vault.name, filter)) kept.push(node);
      else if ((await store.listSecrets(node.vault.name)).some((secret) => matchesTreeFilter(secret.name, filter))) kept.push(node);
    }
    return kept;
  }

  private async secretNodes(vault: VaultNode, filter: string | undefined): Promise<TreeNode[]> {
    const store = await this.stores.open(vault.connection);
    const secrets = await store.listSecrets(vault.vault.name);
    const showAll = matchesTreeFilter(vault.vault.name, filter);
    const policyDays = rotationPolicyDays();
    return secrets
      .filter((secret) => showAll || matchesTreeFilter(secret.name, filter))
      .map<SecretNode>((secret) => ({
        kind: 'secret',
        connection: vault.connection,
        storeLabel: store.label,
        secret,
        capabilities: store.capabilities,
        parent: vault,
        ...(policyDays === undefined ? {} : { rotationPolicyDays: policyDays }),
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
}
