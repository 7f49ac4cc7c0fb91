import type { SecretMetadata, SecretReference, SecretVersion, VaultMetadata } from '../../core/model';
import type { StoreCapabilities } from '../../core/store';

export interface ConnectionNode {
  readonly kind: 'connection';
  readonly connection: string;
  readonly label: string;
  readonly storeKind: 'local' | 'tailor' | 'workos';
  /** Whether this is the workspace's `secretManager.referenceConnection`. */
  readonly references?: boolean;
}

export interface VaultNode {
  readonly kind: 'vault';
  readonly connection: string;
  readonly vault: VaultMetadata;
  /** Set when the tree shows connection nodes above vaults. */
  readonly parent?: ConnectionNode;
  /** secretManager.rotationPolicyDays when set, with the update times of the vault's secrets, to count the overdue ones. */
  readonly rotationPolicyDays?: number;
  readonly secretUpdateTimes?: readonly string[];
}

export interface SecretNode {
  readonly kind: 'secret';
  readonly connection: string;
  readonly storeLabel: string;
  readonly secret: SecretMetadata;
  readonly capabilities: StoreCapabilities;
  readonly parent: VaultNode;
  /** secretManager.rotationPolicyDays when set: past it the row shows a warning. */
  readonly rotationPolicyDays?: number;
}

export interface VersionNode {
  readonly kind: 'version';
  readonly connection: string;
  readonly reference: SecretReference;
  readonly version: SecretVersion;
  readonly capabilities: StoreCapabilities;
  readonly parent: SecretNode;
}

/**
 * Shown in place of children that could not be loaded. `problem` says what the user can do about it:
 * retry a connection that failed to open, or fix an entry of the connections setting.
 */
export interface MessageNode {
  readonly kind: 'message';
  readonly message: string;
  readonly parent?: TreeNode;
  readonly problem?: 'connection' | 'setting';
  /** The connection that failed to open (problem "connection"). */
  readonly connection?: string;
}

export type TreeNode = ConnectionNode | VaultNode | SecretNode | VersionNode | MessageNode;

export function isTreeNode(value: unknown): value is TreeNode {
  if (typeof value !== 'object' || value === null) return false;
  const kind = (value as { kind?: unknown }).kind;
  return kind === 'connection' || kind === 'vault' || kind === 'secret' || kind === 'version' || kind === 'message';
}

/**
 * The nodes this extension's tree handed to VS Code. A command that gets one of these was run from
 * the tree by the user; any other object, even one shaped like a node, came from a caller.
 */
const issuedNodes = new WeakSet<object>();

export function markIssued(nodes: readonly TreeNode[]): void {
  for (const node of nodes) issuedNodes.add(node);
}

export function wasIssuedByTree(value: unknown): boolean {
  return typeof value === 'object' && value !== null && issuedNodes.has(value);
}

export function secretReferenceOf(node: SecretNode): SecretReference {
  return { vault: node.secret.vault, key: node.secret.name };
}

/** Words for `viewItem` when-clauses, such as "secret reveal versions"; menus test them with \b regexes. */
export function contextValueOf(node: TreeNode): string {
  switch (node.kind) {
    case 'connection':
      return `connection ${node.storeKind}`;
    case 'vault':
      return 'vault';
    case 'secret': {
      const words = ['secret'];
      for (const capability of ['reveal', 'versions', 'rollback', 'audit'] as const) {
        if (node.capabilities[capability]) words.push(capability);
      }
      return words.join(' ');
    }
    case 'version':
      return ['version', node.capabilities.rollback ? 'rollback' : '', node.version.current ? 'current' : '']
        .filter(Boolean)
        .join(' ');
    case 'message':
      // No word here may be "connection": the connection menus test for it.
      if (node.problem === 'connection') return 'message retry settings';
      if (node.problem === 'setting') return 'message settings';
      return 'message';
  }
}
